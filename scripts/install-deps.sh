#!/usr/bin/env bash
# Installs every Debian package that flowc's build, tests and scripts need.
# Idempotent and non-interactive: when every package is already installed it
# does nothing (no apt-get at all), so repeated runs cost a second.
#
#   bash scripts/install-deps.sh
#
# Runs apt-get as is when root, through sudo when not root and sudo exists.
set -euo pipefail

PACKAGES=(
  # grammar: the ANTLR tool (Java) and its C++ runtime
  antlr4 libantlr4-runtime-dev default-jre-headless
  # code generation and the JIT; clang for the fuzz build and its runtimes
  llvm-14-dev clang-14 libclang-rt-14-dev
  zlib1g-dev libzstd-dev libtinfo-dev libxml2-dev libz3-dev
  # runtime: HTTP (Boost.Beast), JSON, TLS, the HTTP client
  libboost1.74-dev nlohmann-json3-dev libssl-dev libcurl4-openssl-dev tzdata
  # tests and benchmarks
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  # the agent console's browser test (headless, driven over the DevTools protocol)
  chromium
  # build tools; graphviz renders `flowc graph`
  cmake ninja-build g++ ccache graphviz
)

say() { printf 'install-deps: %s\n' "$*"; }

missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
  say "all ${#PACKAGES[@]} packages already installed, nothing to do"
  exit 0
fi

SUDO=()
if [[ "$(id -u)" != 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    say "error: not root and sudo not found; cannot install: ${missing[*]}" >&2
    exit 1
  fi
fi

# Wait for another apt/dpkg run (unattended upgrades, a second shell) instead
# of failing at once on its lock.
APT_OPTS=(-o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)
APT=("${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${APT_OPTS[@]}")

# apt's own chatter goes to a log, shown only when a step fails.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
run() {
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    say "error: failed: $*" >&2
    exit 1
  fi
}

say "missing ${#missing[@]} of ${#PACKAGES[@]} packages: ${missing[*]}"
say "apt-get update"
run "${APT[@]}" update
say "apt-get install -y --no-install-recommends (${#PACKAGES[@]} packages)"
run "${APT[@]}" install -y --no-install-recommends "${PACKAGES[@]}"
say "done: all ${#PACKAGES[@]} packages installed"
