"""Prints the medians and ratios of a load.sh results file as Markdown tables."""
import statistics
import sys
from collections import defaultdict

runs = defaultdict(list)
builds = defaultdict(list)
setups = defaultdict(list)
for line in open(sys.argv[1]):
    parts = line.split()
    if parts[3] == "build":
        builds[int(parts[0])].append(float(parts[4]))
        continue
    if parts[3] == "setup":
        setups[int(parts[0])].append(float(parts[4]))
        continue
    routes, mode, rnd, name = int(parts[0]), parts[1], int(parts[2]), parts[3]
    runs[(routes, mode, name)].append((rnd, float(parts[4]), float(parts[5]), float(parts[6])))

def median(key, index):
    return statistics.median(value[index] for value in runs[key])

def ratio(routes, name_a, mode_a, name_b, mode_b, routes_b=None):
    """Median over rounds of the ratio of two figures measured in the same round."""
    a = {r[0]: r[1] for r in runs[(routes, mode_a, name_a)]}
    b = {r[0]: r[1] for r in runs[(routes if routes_b is None else routes_b, mode_b, name_b)]}
    values = [a[k] / b[k] for k in a if k in b and b[k] > 0]
    return f"{statistics.median(values):.2f}" if values else "-"

labels = {"with": "with method-guard", "fast": "with method-guard, fast routing", "without": "without method-guard"}
all_names = [("get", "matched GET"), ("405", "405 DELETE"), ("options", "OPTIONS"),
             ("501", "PROPFIND (501 / 405)"), ("bare", "bare-servlet 405")]
names = [(n, title) for n, title in all_names if any(key[2] == n for key in runs)]
modes = [m for m in ("with", "fast", "without") if any(key[1] == m for key in runs)]
route_counts = sorted({key[0] for key in runs})
print("| routes | mode | " + " | ".join(title for _, title in names) + " |")
print("| --- | --- |" + " --- |" * len(names))
for routes in route_counts:
    for mode in modes:
        cells = []
        for name, _ in names:
            key = (routes, mode, name)
            cells.append("%s req/s (p50 %s ms, p99 %s ms)" % (f"{median(key, 1):,.0f}", median(key, 2),
                                                             median(key, 3)) if runs[key] else "-")
        print(f"| {routes:,} | {labels[mode]} | " + " | ".join(cells) + " |")
print()
base = route_counts[0]
print("| routes | GET fast / with | GET fast / without | GET with / without | GET fast vs its "
      f"{base:,}-route figure | 405 with / bare 405 | 405 fast / bare 405 | index build | fast-routing setup |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for routes in route_counts:
    build = f"{statistics.median(builds[routes]):.0f} ms" if builds.get(routes) else "-"
    setup = f"{statistics.median(setups[routes]):.0f} ms" if setups.get(routes) else "-"
    print(f"| {routes:,} | {ratio(routes, 'get', 'fast', 'get', 'with')} | "
          f"{ratio(routes, 'get', 'fast', 'get', 'without')} | {ratio(routes, 'get', 'with', 'get', 'without')} | "
          f"{ratio(routes, 'get', 'fast', 'get', 'fast', base)} | {ratio(routes, '405', 'with', 'bare', 'with')} | "
          f"{ratio(routes, '405', 'fast', 'bare', 'fast')} | {build} | {setup} |")
