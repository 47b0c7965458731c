#!/usr/bin/env bash
# Configures (only when needed) and builds flowc with Ninja into build/<preset>.
#
#   bash scripts/build.sh [release|asan|tsan|fuzz|debug] [extra cmake args...]
#
#   release  RelWithDebInfo, -O2 with line tables (-g1) (the default)
#   asan     AddressSanitizer + UndefinedBehaviorSanitizer, -O0 -g1, no benchmarks
#   tsan     ThreadSanitizer, -O0 -g1, no benchmarks (the concurrency tests:
#            bash scripts/tsan.sh)
#   fuzz     clang-14, libFuzzer targets (-DFLOWC_FUZZ=ON), no tests, no benchmarks
#   debug    Debug, -O0 -g
#
# Runs cmake's configure step only when build/<preset> is not configured yet
# or when the preset's arguments (extra ones included) changed since the last
# configure, then from a fresh cache; otherwise Ninja re-runs cmake by itself
# when a CMakeLists.txt changes. Jobs: nproc (override with FLOWC_JOBS).
# Targets: all (override with FLOWC_BUILD_TARGETS="engine_test flowc").
# Does not install packages: see scripts/install-deps.sh.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
say() { printf 'build: %s\n' "$*"; }

preset=${1:-release}
(($# > 0)) && shift
extra=("$@")

case "$preset" in
  release)
    # Line tables only (-g1): backtraces and perf keep file:line, and the
    # build is markedly faster on 2 cores than with full debug info.
    args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG"
          "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" -DFLOWC_SANITIZE=OFF -DFLOWC_FUZZ=OFF) ;;
  asan)
    # -O0: a third less compile time than -O1 under the sanitizers (Beast's
    # templates above all), which outweighs the slower test run in CI.
    args=(-DCMAKE_BUILD_TYPE=Debug "-DCMAKE_C_FLAGS_DEBUG=-O0 -g1" "-DCMAKE_CXX_FLAGS_DEBUG=-O0 -g1"
          -DFLOWC_SANITIZE=ON -DFLOWC_FUZZ=OFF -DFLOWC_BENCH=OFF) ;;
  tsan)
    args=(-DCMAKE_BUILD_TYPE=Debug "-DCMAKE_C_FLAGS_DEBUG=-O0 -g1" "-DCMAKE_CXX_FLAGS_DEBUG=-O0 -g1"
          -DFLOWC_TSAN=ON -DFLOWC_SANITIZE=OFF -DFLOWC_FUZZ=OFF -DFLOWC_BENCH=OFF) ;;
  fuzz)
    args=(-DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14
          -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_C_FLAGS_DEBUG=-O1 -g" "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g"
          -DFLOWC_FUZZ=ON -DFLOWC_SANITIZE=OFF -DFLOWC_TESTS=OFF -DFLOWC_BENCH=OFF) ;;
  debug)
    args=(-DCMAKE_BUILD_TYPE=Debug "-DCMAKE_C_FLAGS_DEBUG=-O0 -g" "-DCMAKE_CXX_FLAGS_DEBUG=-O0 -g"
          -DFLOWC_SANITIZE=OFF -DFLOWC_FUZZ=OFF) ;;
  -h|--help)
    sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 0 ;;
  *)
    say "unknown preset '$preset' (expected release, asan, tsan, fuzz or debug)" >&2
    exit 2 ;;
esac
args+=("${extra[@]}")

for tool in cmake ninja; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    say "error: $tool not found; run: bash scripts/install-deps.sh" >&2
    exit 1
  fi
done

# ccache (CMakeLists.txt picks it up as the compiler launcher when installed).
export CCACHE_DIR=${CCACHE_DIR:-${HOME:-$ROOT}/.cache/ccache}
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$ROOT}  # hits across clones in other folders
if command -v ccache >/dev/null 2>&1; then
  mkdir -p "$CCACHE_DIR"
  ccache -M 5G >/dev/null
fi

jobs=${FLOWC_JOBS:-$(nproc)}
dir="$ROOT/build/$preset"
stamp="$dir/.flowc-configure-args"
want=$(printf '%s\n' -G Ninja "${args[@]}")

if [[ ! -f "$dir/CMakeCache.txt" || ! -f "$dir/build.ninja" || ! -f "$stamp" ]] \
   || [[ "$(cat "$stamp")" != "$want" ]]; then
  # Arguments changed since the last configure: start from an empty cache so
  # that an extra -D given last time does not linger (objects are kept).
  fresh=()
  [[ -f "$dir/CMakeCache.txt" ]] && fresh=(--fresh)
  say "configure $preset: cmake${fresh:+ ${fresh[*]}} -S . -B build/$preset -G Ninja ${args[*]}"
  rm -f "$stamp"
  cmake "${fresh[@]}" -S "$ROOT" -B "$dir" -G Ninja "${args[@]}"
  printf '%s\n' "$want" >"$stamp"
else
  say "configure $preset: up to date (build/$preset)"
fi

read -r -a targets <<<"${FLOWC_BUILD_TARGETS:-all}"
say "build $preset: ninja -C build/$preset -j$jobs ${targets[*]}"
start=$SECONDS
cmake --build "$dir" -j "$jobs" --target "${targets[@]}"
say "build $preset: ok in $((SECONDS - start))s"
