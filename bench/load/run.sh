#!/usr/bin/env bash
# The load benchmark of the runtime, in one run on loopback: starts the SMTP
# sink, the CRM stub and `flowc serve examples/` on free ports, plays whole
# order-status calls with flowc_loadgen at 1, 16 and 64 concurrent callers,
# then leaves IDLE calls active and reports the server's RSS per call.
# Prints one table; every run is bounded (CALLS calls per concurrency).
#
#   bash bench/load/run.sh            # after: bash scripts/build.sh release
#
# Environment: BUILD (default build/release), CALLS (default 20000),
# IDLE (default 100000), ENGINE (jit or interp, default jit).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
BUILD=${BUILD:-build/release}
CALLS=${CALLS:-20000}
IDLE=${IDLE:-100000}
ENGINE=${ENGINE:-jit}
RUN=$(mktemp -d /tmp/flowc-load.XXXXXX)
LOADGEN=$BUILD/bench/load/flowc_loadgen

for bin in "$BUILD/tools/flowc/flowc" "$BUILD/examples/order_status/crm_stub/crm_stub" \
           "$BUILD/tools/smtp_sink/smtp_sink" "$LOADGEN"; do
  [ -x "$bin" ] || { echo "load: $bin is missing; run: bash scripts/build.sh release" >&2; exit 1; }
done

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$RUN"
}
trap cleanup EXIT INT TERM

wait_file() {  # file, what
  for _ in $(seq 1 1000); do
    [ -s "$1" ] && return 0
    sleep 0.02
  done
  echo "load: $2 did not start" >&2
  exit 1
}
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
hwm_kib() { awk '/^VmHWM/ {print $2}' "/proc/$1/status"; }

start_stack() {  # starts the three servers; sets FLOWC_PID and PORT
  rm -f "$RUN"/*.port
  "$BUILD/tools/smtp_sink/smtp_sink" --listen 127.0.0.1:0 --dir "$RUN/mail" \
    --port-file "$RUN/smtp.port" >"$RUN/smtp.log" 2>&1 &
  pids+=($!)
  wait_file "$RUN/smtp.port" "the SMTP sink"
  "$BUILD/examples/order_status/crm_stub/crm_stub" --listen 127.0.0.1:0 \
    --flowc-port-file "$RUN/flowc.port" --port-file "$RUN/crm.port" >"$RUN/crm.log" 2>&1 &
  pids+=($!)
  wait_file "$RUN/crm.port" "the CRM stub"
  CRM_URL="http://127.0.0.1:$(cat "$RUN/crm.port")" "$BUILD/tools/flowc/flowc" serve examples/ \
    --listen 127.0.0.1:0 --engine "$ENGINE" --max-calls $((IDLE + 1000)) --trace-ttl 1s \
    --smtp "smtp://127.0.0.1:$(cat "$RUN/smtp.port")" --port-file "$RUN/flowc.port" >"$RUN/flowc.log" 2>&1 &
  FLOWC_PID=$!
  pids+=($FLOWC_PID)
  wait_file "$RUN/flowc.port" "flowc serve"
  PORT=$(cat "$RUN/flowc.port")
}

mkdir -p "$RUN/mail"
start_stack
echo "load: flowc serve examples/ (engine $ENGINE) on 127.0.0.1:$PORT, $(nproc) cores, $CALLS calls per run"
"$LOADGEN" --port "$PORT" --calls 200 --concurrency 4 --label warm-up >/dev/null

results=()
for c in 1 16 64; do
  n=$CALLS
  ((c == 1)) && n=$((CALLS / 4))
  out=$("$LOADGEN" --port "$PORT" --calls "$n" --concurrency "$c" --label "c$c")
  results+=("$(grep -v '^JSON' <<<"$out" | tail -1)")
  grep '^JSON' <<<"$out" >>"$RUN/results.jsonl"
done

# Idle calls: a fresh server, IDLE calls started (CRM lookup done, waiting
# for the caller), RSS before and after.
for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
wait 2>/dev/null || true
pids=()
start_stack
"$LOADGEN" --port "$PORT" --calls 200 --concurrency 4 --label warm-up >/dev/null
sleep 2  # the warm-up calls' traces expire (--trace-ttl 1s)
before=$(rss_kib "$FLOWC_PID")
idle_out=$("$LOADGEN" --port "$PORT" --idle "$IDLE" --concurrency 64 --label idle)
sleep 1
after=$(rss_kib "$FLOWC_PID")
peak=$(hwm_kib "$FLOWC_PID")
active=$(curl -s "http://127.0.0.1:$PORT/metrics" | awk '/^flowc_calls_active/ {s += $2} END {print s + 0}')

echo
printf '%-10s %6s %9s %10s %10s %8s %8s %7s\n' label conc calls calls/s requests/s "p50 ms" "p99 ms" errors
printf '%s\n' "${results[@]}"
grep -v '^JSON' <<<"$idle_out" | tail -1
echo
echo "idle calls active: $active; server RSS $((before / 1024)) MiB before, $((after / 1024)) MiB after, peak $((peak / 1024)) MiB"
if ((active > 0)); then
  echo "RSS per idle active call: $(((after - before) * 1024 / active)) bytes"
fi
