#!/usr/bin/env bash
# Load benchmark of method-guard: throughput and latency of matched GET, 405, OPTIONS and 501
# (PROPFIND) on an app with N generated pattern routes, with method-guard ("with"), with
# method-guard and its fast routing (--method-guard.fast-routing.enabled=true, "fast") and with
# Spring's default (--method-guard.enabled=false, "without"), plus a bare servlet's own 405 as
# the floor. The modes alternate (their order rotates each round); each figure is the median of
# ROUNDS runs; ratios are computed from figures of the same round.
#
# Usage: benchmarks/load.sh [route counts...]     (default: 10 1000 10000)
# Environment: ROUNDS (3), DURATION seconds per measurement (5), CONNECTIONS (16), PORT (18091),
#   MODES ("with without fast"), SCENARIO_NAMES (all: "get 405 options 501 bare"), MVN_ARGS (none;
#   -o to build offline)
# Needs wrk (apt-get install wrk); without it, a Java load driver of this module is used.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUTES=("${@:-10 1000 10000}")
read -r -a ROUTES <<< "${ROUTES[*]}"
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-5}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${PORT:-18091}
OUT=${OUT:-benchmarks/target/load}
read -r -a MODES <<< "${MODES:-with without fast}"
read -r -a SCENARIO_NAMES <<< "${SCENARIO_NAMES:-get 405 options 501 bare}"
read -r -a MVN_ARGS <<< "${MVN_ARGS:-}"
mkdir -p "$OUT"

mvn -q -B "${MVN_ARGS[@]}" install -DskipTests
(cd benchmarks && mvn -q -B "${MVN_ARGS[@]}" dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"

measure() { # name method path -> "rps p50_ms p99_ms"
  local method=$1 path=$2 url="http://127.0.0.1:$PORT$2"
  if command -v wrk > /dev/null; then
    printf 'wrk.method = "%s"\n' "$method" > "$OUT/method.lua"
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$OUT/method.lua" "$url" > "$OUT/wrk.txt"
    awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {print rps, p50, p99}' "$OUT/wrk.txt" \
      | python3 -c 'import sys
def ms(v):
    for unit, f in (("us", 0.001), ("ms", 1), ("s", 1000)):
        if v.endswith(unit) and not (unit == "s" and v.endswith(("us", "ms"))):
            return float(v[:-len(unit)]) * f
    return float(v)
rps, p50, p99 = sys.stdin.read().split()
print(rps, round(ms(p50), 3), round(ms(p99), 3))'
  else
    java -cp "$CP" dev.methodguard.benchmarks.load.LoadDriver "$method" "$url" "$DURATION" "$CONNECTIONS"
  fi
}

start_app() { # routes mode
  local extra=()
  [ "$2" = without ] && extra+=(--method-guard.enabled=false)
  [ "$2" = fast ] && extra+=(--method-guard.fast-routing.enabled=true)
  java -Xms512m -Xmx512m -cp "$CP" dev.methodguard.benchmarks.load.LoadApplication \
    --load.routes="$1" --server.port="$PORT" --logging.level.dev.methodguard.internal.allow.MethodIndexHolder=DEBUG \
    --logging.level.dev.methodguard.internal.routing.FastRouting=DEBUG \
    "${extra[@]}" > "$OUT/app-$1-$2.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/r0/info" && return 0
    sleep 0.5
  done
  echo "app did not start" >&2; exit 1
}

SCENARIOS=("get GET /r{m}/items/42" "405 DELETE /r{m}/items/42" "options OPTIONS /r{m}/items/42"
  "501 PROPFIND /r{m}/items/42" "bare POST /bare")
RESULTS="$OUT/results.txt"
: > "$RESULTS"
selected() { [[ " ${SCENARIO_NAMES[*]} " == *" $1 "* ]]; }
for routes in "${ROUTES[@]}"; do
  middle=$((routes / 2))
  for round in $(seq 1 "$ROUNDS"); do
    shift_by=$(( (round - 1) % ${#MODES[@]} ))
    modes=("${MODES[@]:$shift_by}" "${MODES[@]:0:$shift_by}")
    for mode in "${modes[@]}"; do
      start_app "$routes" "$mode"
      for scenario in "${SCENARIOS[@]}"; do
        read -r name method path <<< "$scenario"
        selected "$name" && measure "$method" "${path//\{m\}/$middle}" > /dev/null
      done
      for scenario in "${SCENARIOS[@]}"; do
        read -r name method path <<< "$scenario"
        selected "$name" || continue
        path=${path//\{m\}/$middle}
        echo "$routes $mode $round $name $(measure "$method" "$path")" | tee -a "$RESULTS"
      done
      # the index is built at startup; fast routing reads the mappings registered at run time on
      # the first request (the readiness probe), so both are in the log by now
      build=$(grep -o 'Indexed [0-9]* routes in [0-9]* ms' "$OUT/app-$routes-$mode.log" | awk '{print $5}' | tail -1 || true)
      [ -n "$build" ] && echo "$routes $mode $round build $build" >> "$RESULTS"
      setup=$(grep -o 'fast routing read [0-9]* mappings of .* in [0-9]* ms' "$OUT/app-$routes-$mode.log" \
        | awk '{print $(NF-1)}' | tail -1 || true)
      [ -n "$setup" ] && echo "$routes $mode $round setup $setup" >> "$RESULTS"
      kill "$APP"; wait "$APP" 2> /dev/null || true
    done
  done
done
python3 benchmarks/load-report.py "$RESULTS"
