#!/usr/bin/env bash
# Builds the ThreadSanitizer preset (build/tsan) and runs the concurrency
# tests under it. scripts/test.sh runs the default set in CI; `all` is the
# whole suite (about 9 minutes of build and 5 of tests on 2 cores).
#
#   bash scripts/tsan.sh          engine_test: calls serialised per call and
#                                 parallel across calls, concurrent session
#                                 writes, versions freed while calls end
#   bash scripts/tsan.sh all      every test, end-to-end ones included (the
#                                 server's reload thread and file watcher)
#
# Any report fails the run (halt_on_error=1).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

scope=${1:-engine}
case "$scope" in
  engine) targets=(engine_test) ctest_args=(-R '^engine_test/') ;;
  all) targets=(all) ctest_args=() ;;
  *)
    echo "tsan: unknown scope '$scope' (expected engine or all)" >&2
    exit 2 ;;
esac

FLOWC_BUILD_TARGETS="${targets[*]}" bash scripts/build.sh tsan

export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}
cd build/tsan
ctest --output-on-failure -j2 --timeout 600 --no-tests=error "${ctest_args[@]}"
