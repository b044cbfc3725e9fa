# Shared by every script of scripts/ (`. "$(dirname "$0")/lib.sh"`): logging, step timing, and
# the installers of what the scripts need on a Debian machine with rustup. Each `need_*` is
# idempotent (it checks first, and installs only what is missing) and runs its checks once per
# run: it exports a marker, so the scripts that one script calls skip them.
#
#   need_web_tools      the wasm32 target, wasm-bindgen-cli at the Cargo.lock version, wasm-opt
#                       (npm binaryen), esbuild and xz-decompress in web/node_modules
#   need_browser        Chromium and poppler-utils (apt), playwright-core and axe-core (npm in
#                       tests/e2e); playwright-core drives Chromium over the DevTools protocol,
#                       so no chromedriver
#   need_release_tools  the Windows-gnu and Linux-musl targets, the MinGW linker, musl-gcc, zip,
#                       unzip and file (apt)
#
# Sourcing it also moves to the repository's root and sets `root` (its absolute path).
# Environment: CARGO_TARGET_DIR is honoured (`target_dir`, absolute).

set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
target_dir=${CARGO_TARGET_DIR:-target}
case "$target_dir" in /*) ;; *) target_dir="$root/$target_dir" ;; esac

# --- logging -----------------------------------------------------------------------------------
log_name=$(basename "$0" .sh)
log() { printf '\033[1m[%s]\033[0m %s\n' "$log_name" "$*" >&2; }
die() { printf '\033[1;31m[%s] %s\033[0m\n' "$log_name" "$*" >&2; exit 1; }

# step NAME COMMAND...: runs COMMAND under a heading and records its wall time and the CPU time
# of the processes it ran (user + system: on a shared machine, the wall time alone says little)
# for `step_summary`; a failing step is recorded too, then the script stops as usual. COMMAND
# runs in a subshell with `set -e` in force (bash ignores it inside a function called as
# `f || …`, so a step function would otherwise go on after a failing line): a step cannot change
# this shell's variables.
step_log=()
step_start=$(date +%s)
# CPU seconds (user + system) of the processes this shell has run and waited for.
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%d", ($14 + $15) / hz }' "/proc/$$/stat"
}
step() {
  local name=$1 start cpu status=0 wall used
  shift
  printf '\n\033[1m== %s\033[0m\n' "$name" >&2
  start=$(date +%s) cpu=$(cpu_seconds)
  set +e
  (
    set -e
    "$@"
  )
  status=$?
  set -e
  wall=$(($(date +%s) - start)) used=$(($(cpu_seconds) - cpu))
  step_log+=("$(printf '%5d s %6d s  %s' "$wall" "$used" "$name")$([ "$status" = 0 ] || echo "  (FAILED, exit $status)")")
  printf '\033[1m-- %s: %d s (CPU %d s; load average %s)\033[0m\n' "$name" "$wall" "$used" \
    "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')" >&2
  return "$status"
}
# Prints the wall and CPU time of each step so far, and the totals.
step_summary() {
  [ ${#step_log[@]} -gt 0 ] || return 0
  printf '\n\033[1m[%s] time per step\033[0m (%s cores; load average at the end: %s)\n' "$log_name" \
    "$(nproc 2>/dev/null || echo '?')" "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')" >&2
  printf '%7s %8s  %s\n' wall CPU step >&2
  printf '%s\n' "${step_log[@]}" >&2
  printf '%5d s %6d s  total\n' $(($(date +%s) - step_start)) "$(cpu_seconds)" >&2
}

# --- installers --------------------------------------------------------------------------------
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# need_apt [--no-recommends] COMMAND=PACKAGE...: installs the packages whose command is missing.
need_apt() {
  local recommends=() missing=() pair
  if [ "${1:-}" = --no-recommends ]; then recommends=(--no-install-recommends); shift; fi
  for pair in "$@"; do
    command -v "${pair%%=*}" >/dev/null 2>&1 || missing+=("${pair#*=}")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  log "installing ${missing[*]} (apt)"
  if [ -z "${VG_APT_UPDATED:-}" ]; then
    as_root apt-get update -qq
    export VG_APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${recommends[@]+"${recommends[@]}"} \
    "${missing[@]}" >/dev/null
}

# need_rust_target TARGET...
need_rust_target() {
  local installed t
  installed=$(rustup target list --installed)
  for t in "$@"; do
    if ! grep -qx "$t" <<<"$installed"; then
      log "adding the $t Rust target"
      rustup target add "$t"
    fi
  done
}

# need_npm DIR: `npm ci` in DIR when its node_modules is missing or older than its lock file.
need_npm() {
  if [ ! -d "$1/node_modules" ] || [ "$1/package-lock.json" -nt "$1/node_modules" ]; then
    log "npm ci in $1"
    (cd "$1" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# The version of a package in Cargo.lock (the first one listed under that name).
lock_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' \
    "$root/Cargo.lock"
}

# need_wasm_bindgen: wasm-bindgen-cli at the version of the wasm-bindgen crate in Cargo.lock (the
# two must match). No package registry this machine reaches serves it prebuilt (checked: npm has
# no `wasm-bindgen-cli`, and npm's `wasm-pack` and `cargo binstall` download their binaries from
# elsewhere), so it is compiled: only the `wasm-bindgen` binary, without the test runner's TLS
# support (never used here), and without optimisation (opt-level 0: about 85 CPU seconds instead
# of 245; the tool's output does not depend on how the tool was optimised, and it takes about
# half a second more per module). Without --locked: its lock file wants a crate version the
# registry does not serve.
need_wasm_bindgen() {
  local want have
  want=$(lock_version wasm-bindgen)
  [ -n "$want" ] || die "cannot read the wasm-bindgen version from Cargo.lock"
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$want" != "$have" ]; then
    log "installing wasm-bindgen-cli $want (compiled: about a minute on 2 idle cores)"
    CARGO_PROFILE_RELEASE_OPT_LEVEL=0 cargo install --quiet wasm-bindgen-cli --version "$want" \
      --no-default-features --bin wasm-bindgen
  fi
}

need_web_tools() {
  [ -z "${VG_HAVE_WEB_TOOLS:-}" ] || return 0
  need_rust_target wasm32-unknown-unknown
  need_wasm_bindgen
  need_npm web
  # wasm-opt (binaryen), esbuild and xz-decompress: a node_modules older than an added package
  # lacks them.
  if [ ! -x web/node_modules/.bin/wasm-opt ] || [ ! -x web/node_modules/.bin/esbuild ] ||
    [ ! -f web/node_modules/xz-decompress/package.json ]; then
    log "npm ci in web (wasm-opt, esbuild, xz-decompress)"
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
  fi
  export VG_HAVE_WEB_TOOLS=1
}

need_browser() {
  [ -z "${VG_HAVE_BROWSER:-}" ] || return 0
  # poppler-utils: the print tests read the PDF back (pdfinfo, pdftotext).
  need_apt chromium=chromium pdftotext=poppler-utils pdfinfo=poppler-utils
  need_npm tests/e2e
  export VG_HAVE_BROWSER=1
}

# jq and python3: cli/tests/lean.rs reads the results back with Python's standard library and
# runs the jq example of docs/formats.md.
need_test_tools() {
  need_apt jq=jq python3=python3
}

need_release_tools() {
  [ -z "${VG_HAVE_RELEASE_TOOLS:-}" ] || return 0
  # zip builds the archives; unzip and file are what scripts/check-release.sh uses besides.
  need_apt --no-recommends x86_64-w64-mingw32-gcc=gcc-mingw-w64-x86-64 musl-gcc=musl-tools \
    zip=zip unzip=unzip file=file
  need_rust_target x86_64-pc-windows-gnu x86_64-unknown-linux-musl
  export VG_HAVE_RELEASE_TOOLS=1
}

# need_fuzz_tools: the nightly toolchain and cargo-fuzz, for scripts/fuzz.sh only.
need_fuzz_tools() {
  if ! rustup toolchain list | grep -q '^nightly'; then
    log "installing the nightly toolchain"
    rustup toolchain install nightly --profile minimal
  fi
  if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    log "installing cargo-fuzz"
    cargo install cargo-fuzz --locked
  fi
}
