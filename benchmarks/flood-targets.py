"""Reads the /actuator/methods report on stdin and prints the Lua table of flood targets:
each route pattern with template variables and a standard method it does not take."""
import json
import re
import sys

STANDARD = ["DELETE", "PUT", "PATCH", "POST", "GET"]
targets = []
for route in json.load(sys.stdin)["routes"]:
    pattern = route["pattern"]
    if "{" not in pattern or "**" in pattern:
        continue
    wrong = [m for m in STANDARD if m not in route["methods"]]
    if wrong:
        template = re.sub(r"\{[^}]*\}", "{}", pattern)
        targets.append((template, wrong[0]))
if not targets:
    sys.exit("no route pattern with a template variable and a method it does not take")
print("targets = {")
for template, method in targets:
    print('  {%s, "%s"},' % (json.dumps(template), method))
print("}")
