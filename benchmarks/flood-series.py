"""Prints "series meters" for the application at argv[1]: an upper bound of its Micrometer meter
series (for each meter name, the product of its tags' distinct value counts, summed) and the
number of meter names, both read from /actuator/metrics."""
import json
import math
import sys
import urllib.parse
import urllib.request

base = sys.argv[1]


def get(path):
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return json.load(response)


names = get("/actuator/metrics")["names"]
series = 0
for name in names:
    tags = get("/actuator/metrics/" + urllib.parse.quote(name))["availableTags"]
    series += math.prod(len(tag["values"]) for tag in tags) if tags else 1
print(series, len(names))
