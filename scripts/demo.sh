#!/usr/bin/env bash
# The main job: installs the dependencies, builds flowc (release), checks the
# example flows, then runs `flowc serve examples/` with the stub CRM and a
# local SMTP sink — the babelforce order-status line, live on this machine —
# and prints what to try next. Ctrl-C stops everything.
#
#   bash scripts/demo.sh
#   FLOWC_PORT=8080 CRM_PORT=8081 SMTP_PORT=2525 bash scripts/demo.sh   # the defaults
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

FLOWC_PORT=${FLOWC_PORT:-8080}
CRM_PORT=${CRM_PORT:-8081}
SMTP_PORT=${SMTP_PORT:-2525}
BUILD=build/release
FLOWC=$BUILD/tools/flowc/flowc
RUN=build/demo

say() { printf '\ndemo: %s\n' "$*"; }
# shellcheck disable=SC2154  # rc is assigned inside the trap
trap 'rc=$?; printf "\ndemo: FAILED (exit %d): %s\n" "$rc" "$BASH_COMMAND" >&2' ERR

say "installing dependencies (bash scripts/install-deps.sh)"
bash scripts/install-deps.sh

say "building flowc, the CRM stub and the SMTP sink (bash scripts/build.sh release)"
bash scripts/build.sh release

say "checking every example: $FLOWC check examples/"
"$FLOWC" check examples/
"$FLOWC" graph examples/order_status/order_status.flow -o build/order_status.svg

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$FLOWC_PORT" "$CRM_PORT" "$SMTP_PORT"; do
  if ! port_free "$p"; then
    echo "demo: port $p is in use; set FLOWC_PORT, CRM_PORT or SMTP_PORT to free ports" >&2
    exit 1
  fi
done

rm -rf "$RUN" && mkdir -p "$RUN/mail"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

wait_port_file() {  # file, what
  for _ in $(seq 1 500); do
    [ -s "$1" ] && return 0
    sleep 0.02
  done
  echo "demo: $2 did not start; see $RUN/*.log" >&2
  exit 1
}

say "starting the SMTP sink on 127.0.0.1:$SMTP_PORT (mail goes to $RUN/mail)"
$BUILD/tools/smtp_sink/smtp_sink --listen "127.0.0.1:$SMTP_PORT" --dir "$RUN/mail" \
  --port-file "$RUN/smtp.port" >"$RUN/smtp.log" 2>&1 &
pids+=($!)
wait_port_file "$RUN/smtp.port" "the SMTP sink"

say "starting the CRM stub on 127.0.0.1:$CRM_PORT (customers: examples/order_status/crm_stub/customers.json)"
$BUILD/examples/order_status/crm_stub/crm_stub --listen "127.0.0.1:$CRM_PORT" \
  --flowc "http://127.0.0.1:$FLOWC_PORT" --port-file "$RUN/crm.port" >"$RUN/crm.log" 2>&1 &
pids+=($!)
wait_port_file "$RUN/crm.port" "the CRM stub"

say "starting flowc serve examples/ on 127.0.0.1:$FLOWC_PORT"
# The same flowc receives the flow's CTI messages (NEXJ_URL) and serves the
# agent console at /agent (users, reasons and scripts: examples/order_status/cti/).
CRM_URL="http://127.0.0.1:$CRM_PORT" \
NEXJ_URL="http://127.0.0.1:$FLOWC_PORT/soa/nexj:call:InboundCall:1.0/json-rpc" \
  "$FLOWC" serve examples/ --listen "127.0.0.1:$FLOWC_PORT" \
  --smtp "smtp://127.0.0.1:$SMTP_PORT" --port-file "$RUN/flowc.port" \
  --cti-config examples/order_status/cti/cti.json 2>&1 | tee "$RUN/flowc.log" &
pids+=($!)
wait_port_file "$RUN/flowc.port" "flowc serve"

U="http://127.0.0.1:$FLOWC_PORT"
cat <<EOT

demo: running. flowc serves examples/ on $U; the CRM stub answers lookups and
writes customer profiles back into the calls; emails land in $RUN/mail.
Try, in another terminal:

  # a call from a known premium customer: welcome prompt, CRM lookup, queue
  curl -s -XPOST $U/v1/calls -d '{"from":"+4930123456","to":"+4940999"}'
  curl -s -XPOST $U/v1/calls/CALL_ID/events -d '{"type":"prompt_done"}'
  curl -s $U/v1/calls/CALL_ID/trace

  # the agent console: open $U/agent, log in with agent-user101-demo-token,
  # then let user101 answer: the telephone flashes, click it (docs/cti.md)
  curl -s -XPOST $U/v1/calls/CALL_ID/events -d '{"type":"agent_answered","agent":"user101"}'
  curl -s -XPOST $U/v1/calls/CALL_ID/events -d '{"type":"hangup"}'

  # what the CRM sees and writes
  curl -s $U/v1/calls
  curl -s $U/v1/sessions/CALL_ID
  curl -s -XPOST $U/v1/sessions/CALL_ID -d '{"ivr.premium":true}'

  # the whole call in the terminal, typing the reference 1234567 (an email customer)
  CRM_URL=http://127.0.0.1:$CRM_PORT $FLOWC run examples/order_status/order_status.flow \\
      --from +4930111111 --digits 1234567 --smtp smtp://127.0.0.1:$SMTP_PORT

  $FLOWC check examples/ · $FLOWC graph examples/order_status/order_status.flow -o f.svg
  curl -s $U/v1/flows · curl -s $U/metrics · docs/api.md for every endpoint

Ctrl-C stops flowc, the CRM stub and the SMTP sink.
EOT
wait "${pids[2]}"
