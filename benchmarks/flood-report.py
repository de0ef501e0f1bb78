"""Prints a flood.sh samples file as a Markdown table and checks the target: no sample after
the first minute above the first minute's level (its highest sample) + 5 %."""
import sys

rows = [list(map(int, line.split())) for line in open(sys.argv[1]) if line.strip()]
print("| t (s) | heap after GC | RSS | meter series | meter names |")
print("| --- | --- | --- | --- | --- |")
for t, heap, rss, series, names in rows:
    print(f"| {t} | {heap / 1024:.1f} MiB | {rss / 1024:.0f} MiB | {series} | {names} |")
first = [r for r in rows if 0 < r[0] <= 60]
later = [r for r in rows if r[0] > 60]
if not first or not later:
    sys.exit("the flood must last longer than a minute to check the target")
for label, column in (("heap after GC", 1), ("RSS", 2), ("meter series", 3)):
    level = max(r[column] for r in first)
    peak = max(r[column] for r in later)
    verdict = "flat" if peak <= level * 1.05 else "GROWS"
    print(f"{label}: first minute {level}, highest later {peak} ({peak / level:.3f}x): {verdict}")
