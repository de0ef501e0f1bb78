"""Prints the medians and ratios of a load.sh results file as Markdown tables."""
import statistics
import sys
from collections import defaultdict

runs = defaultdict(list)
builds = defaultdict(list)
for line in open(sys.argv[1]):
    parts = line.split()
    if parts[3] == "build":
        builds[int(parts[0])].append(float(parts[4]))
        continue
    routes, mode, rnd, name = int(parts[0]), parts[1], int(parts[2]), parts[3]
    runs[(routes, mode, name)].append((rnd, float(parts[4]), float(parts[5]), float(parts[6])))

def median(key, index):
    return statistics.median(value[index] for value in runs[key])

def ratio(routes, name_a, mode_a, name_b, mode_b):
    """Median over rounds of the ratio of two figures measured in the same round."""
    a = {r[0]: r[1] for r in runs[(routes, mode_a, name_a)]}
    b = {r[0]: r[1] for r in runs[(routes, mode_b, name_b)]}
    return statistics.median(a[k] / b[k] for k in a if k in b and b[k] > 0)

names = ["get", "405", "options", "501", "bare"]
route_counts = sorted({key[0] for key in runs})
print("| routes | mode | matched GET | 405 DELETE | OPTIONS | PROPFIND (501 / 405) | bare-servlet 405 |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for routes in route_counts:
    for mode in ("with", "without"):
        cells = []
        for name in names:
            key = (routes, mode, name)
            cells.append("%s req/s (p50 %s ms, p99 %s ms)" % (f"{median(key, 1):,.0f}", median(key, 2), median(key, 3)))
        print(f"| {routes:,} | {mode} method-guard | " + " | ".join(cells) + " |")
print()
print("| routes | GET with/without | 405 with / 405 without | 405 with / bare 405 | 405 with vs its 10-route figure | index build |")
print("| --- | --- | --- | --- | --- | --- |")
base = route_counts[0]
for routes in route_counts:
    scale = median((routes, "with", "405"), 1) / median((base, "with", "405"), 1)
    build = f"{statistics.median(builds[routes]):.0f} ms" if builds.get(routes) else "-"
    print(f"| {routes:,} | {ratio(routes, 'get', 'with', 'get', 'without'):.3f} | "
          f"{ratio(routes, '405', 'with', '405', 'without'):.2f} | {ratio(routes, '405', 'with', 'bare', 'with'):.2f} | "
          f"{scale:.2f} | {build} |")
