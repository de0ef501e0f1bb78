"""Prints "series meters" for the application at argv[1]: the number of its Micrometer meter
series and of its meter names, read from /actuator/metrics by drilling down every tag (a
series is one combination of tag values)."""
import json
import sys
import urllib.parse
import urllib.request

base = sys.argv[1]


def get(name, filters):
    query = urllib.parse.urlencode([("tag", f"{key}:{value}") for key, value in filters])
    url = f"{base}/actuator/metrics/{urllib.parse.quote(name)}" + (f"?{query}" if query else "")
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def series(name, filters=()):
    tags = get(name, filters)["availableTags"]
    if not tags:
        return 1
    tag = tags[0]
    return sum(series(name, filters + ((tag["tag"], value),)) for value in tag["values"])


with urllib.request.urlopen(base + "/actuator/metrics", timeout=30) as response:
    names = json.load(response)["names"]
print(sum(series(name) for name in names), len(names))
