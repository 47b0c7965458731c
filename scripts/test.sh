#!/usr/bin/env bash
# THE test command (CI runs it through .ci/run): installs the dependencies,
# builds and tests the release build, then builds and tests the ASan+UBSan
# build, then runs the engine's concurrency tests under ThreadSanitizer
# (scripts/tsan.sh engine). Prints the time of every phase and a one-line summary last; exits
# non-zero when anything failed.
#
#   bash scripts/test.sh
#
# Environment:
#   FLOWC_SKIP_ASAN=1        skip the ASan+UBSan and TSan builds and their tests (quick local runs)
#   FLOWC_CTEST_ARGS="..."   extra ctest arguments for both phases, e.g. "-R golden/"
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 1

say() { printf 'test: %s\n' "$*"; }
dur() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

T0=$SECONDS
failed_phases=()
report=()                 # one line per phase for the summary
total_pass=0 total_fail=0 total_skip=0

# phase <name> <command...>: runs the command, records its time and result.
phase() {
  local name=$1; shift
  local start=$SECONDS rc=0
  say "== $name =="
  "$@" || rc=$?
  local t=$((SECONDS - start))
  if ((rc == 0)); then
    say "$name: ok in $(dur $t)"
    report+=("$(printf '%-14s %7s  ok' "$name" "$(dur $t)")")
  else
    say "$name: FAILED (exit $rc) in $(dur $t)"
    report+=("$(printf '%-14s %7s  FAILED (exit %d)' "$name" "$(dur $t)" "$rc")")
    failed_phases+=("$name")
  fi
  return "$rc"
}

# run_ctest <preset> [ctest args...]: ctest in build/<preset>; adds its counts
# to the totals.
run_ctest() {
  local preset=$1 name="$1 tests" start=$SECONDS rc=0
  shift
  local log="build/$preset/ctest-output.log"
  say "== $name =="
  # shellcheck disable=SC2086  # FLOWC_CTEST_ARGS is split on purpose
  (cd "build/$preset" && ctest --output-on-failure -j2 --timeout 600 --no-tests=error \
      "$@" ${FLOWC_CTEST_ARGS:-}) 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  local t=$((SECONDS - start)) counts="" line n_fail n_total n_skip
  line=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -1)
  if [[ -n "$line" ]]; then
    n_fail=$(sed -E 's/.* ([0-9]+) tests? failed out of.*/\1/' <<<"$line")
    n_total=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$line")
    n_skip=$(grep -cE '^[[:space:]]*[0-9]+ - .*\(Skipped\)' "$log" || true)
    total_fail=$((total_fail + n_fail))
    total_skip=$((total_skip + n_skip))
    total_pass=$((total_pass + n_total - n_fail - n_skip))
    counts="$((n_total - n_fail - n_skip)) passed, $n_fail failed"
    ((n_skip > 0)) && counts+=", $n_skip skipped"
  else
    counts="no test summary from ctest"
    ((rc == 0)) && rc=1
  fi
  say "$name: $( ((rc == 0)) && echo ok || echo FAILED ) in $(dur $t): $counts"
  report+=("$(printf '%-14s %7s  %s' "$name" "$(dur $t)" "$counts")")
  ((rc == 0)) || failed_phases+=("$name")
  return "$rc"
}

if ! phase deps bash scripts/install-deps.sh; then
  say "cannot continue without the dependencies"
  printf '%s\n' "${report[@]}"
  echo "FAILED: 0 passed, 0 failed (dependencies not installed)"
  exit 1
fi

release_built=0
if phase "release build" bash scripts/build.sh release; then
  release_built=1
  run_ctest release
fi

if [[ "${FLOWC_SKIP_ASAN:-0}" == 1 ]]; then
  report+=("$(printf '%-14s %7s  skipped (FLOWC_SKIP_ASAN=1)' asan -)")
elif ((release_built == 0)); then
  report+=("$(printf '%-14s %7s  skipped (the release build failed)' asan -)")
else
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  if phase "asan build" bash scripts/build.sh asan; then
    # The differential corpus's 1,000 cases ran in the release build; under
    # ASan, 400 of them (what ASan adds is memory checking, and the whole
    # corpus costs minutes there).
    FLOWC_DIFF_FLOWS=40 run_ctest asan
  fi
  # The same selection as `bash scripts/tsan.sh` (engine scope).
  export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
  if FLOWC_BUILD_TARGETS=engine_test phase "tsan build" bash scripts/build.sh tsan; then
    run_ctest tsan -R '^engine_test/'
  fi
fi

echo
say "== summary =="
printf '%s\n' "${report[@]}"
status=ok
((${#failed_phases[@]} == 0)) || status=FAILED
say "total $(dur $((SECONDS - T0)))${failed_phases:+, failed: $(printf '%s, ' "${failed_phases[@]}" | sed 's/, $//')}"
line="$status: $total_pass passed, $total_fail failed"
((total_skip > 0)) && line+=", $total_skip skipped"
echo "$line"
[[ $status == ok ]]
