#!/usr/bin/env bash
# The main job: installs the dependencies, builds flowc (release), checks every
# example flow and draws the order-status example as a picture.
#
#   bash scripts/demo.sh
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

say() { printf '\ndemo: %s\n' "$*"; }
# shellcheck disable=SC2154  # rc is assigned inside the trap
trap 'rc=$?; printf "\ndemo: FAILED (exit %d): %s\n" "$rc" "$BASH_COMMAND" >&2' ERR
FLOWC=build/release/tools/flowc/flowc

say "installing dependencies (bash scripts/install-deps.sh)"
bash scripts/install-deps.sh

say "building flowc (bash scripts/build.sh release)"
bash scripts/build.sh release

say "checking every example: $FLOWC check examples/"
"$FLOWC" check examples/

say "drawing the order-status flow: $FLOWC graph examples/order_status/order_status.flow -o build/order_status.svg"
"$FLOWC" graph examples/order_status/order_status.flow -o build/order_status.svg
echo "wrote build/order_status.svg ($(wc -c <build/order_status.svg) bytes); open it in a browser"

cat <<EOT

demo: done. What to try next:
  $FLOWC check examples/order_status/order_status.flow      # diagnostics; exit 1 on error
  $FLOWC graph examples/order_status/order_status.flow -o build/order_status.svg
  $FLOWC dump-ir examples/order_status/order_status.flow    # the flow graph IR
  $FLOWC dump-ast examples/order_status/order_status.flow   # the parsed syntax tree
  bash scripts/test.sh                                       # every test, release and ASan+UBSan
EOT
