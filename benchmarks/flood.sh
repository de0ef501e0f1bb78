#!/usr/bin/env bash
# Flood benchmark of method-guard: sends 405s and 501s with distinct random paths and method
# names at the sample application for FLOOD_SECONDS, and samples every INTERVAL seconds the heap
# left by a full GC (the total of a class histogram), the process RSS and the number of
# Micrometer meter series. Target: heap and series flat (no sample after the first minute
# above the first minute's level + 5 %).
#
# The 405 targets are read from the application's own /actuator/methods report: every route
# pattern with a template variable, the variables replaced by random values, sent with a
# standard method the route does not take. The 501s use random method names on random paths.
#
# Usage: benchmarks/flood.sh
# Environment: FLOOD_SECONDS (600), INTERVAL (30), CONNECTIONS (32), PORT (18092), HEAP (256m),
# APP_ARGS (extra arguments of the application), TARGETS (a targets.lua of an earlier run, for
# an application without the methods endpoint, e.g. with APP_ARGS=--method-guard.enabled=false)
# Needs wrk (apt-get install wrk), curl, jcmd and python3; not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
FLOOD_SECONDS=${FLOOD_SECONDS:-600}
INTERVAL=${INTERVAL:-30}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18092}
HEAP=${HEAP:-256m}
OUT=${OUT:-benchmarks/target/flood}
BASE="http://127.0.0.1:$PORT"
command -v wrk > /dev/null || { echo "flood.sh needs wrk (apt-get install wrk)" >&2; exit 1; }
mkdir -p "$OUT"

mvn -q -B install -DskipTests
java "-Xms$HEAP" "-Xmx$HEAP" -jar sample-app/target/sample-app-0.1.0-SNAPSHOT.jar \
  --server.port="$PORT" ${APP_ARGS:-} > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill "$APP" 2> /dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -s -o /dev/null "$BASE/actuator/health" && break
  sleep 0.5
done

if [ -n "${TARGETS:-}" ]; then
  cp "$TARGETS" "$OUT/targets.lua"
else
  curl -s "$BASE/actuator/methods" | python3 benchmarks/flood-targets.py > "$OUT/targets.lua"
fi
cat "$OUT/targets.lua" benchmarks/flood.lua > "$OUT/flood.lua"

sample() { # seconds since start -> "t heap_kib rss_kib series meter_names"
  local heap rss series
  # the live heap: the histogram of the objects left by a full GC, its total in KiB
  heap=$(jcmd "$APP" GC.class_histogram | awk '/^Total/ {print int($3 / 1024)}')
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$APP/status")
  series=$(python3 benchmarks/flood-series.py "$BASE")
  echo "$1 $heap $rss $series"
}

SAMPLES="$OUT/samples.txt"
: > "$SAMPLES"
sample 0 | tee -a "$SAMPLES"
wrk -t2 -c"$CONNECTIONS" -d"${FLOOD_SECONDS}s" -s "$OUT/flood.lua" "$BASE" > "$OUT/wrk.txt" &
WRK=$!
START=$(date +%s)
for t in $(seq "$INTERVAL" "$INTERVAL" "$FLOOD_SECONDS"); do
  wait_s=$((START + t - $(date +%s))); [ "$wait_s" -gt 0 ] && sleep "$wait_s"
  sample "$t" | tee -a "$SAMPLES"
done
wait "$WRK"
cat "$OUT/wrk.txt"
python3 benchmarks/flood-report.py "$SAMPLES"
