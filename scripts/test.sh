#!/usr/bin/env bash
# Runs every test of Vigilance on a fresh machine, each step timed (wall and CPU seconds, summed
# up at the end): set-up (scripts/lib.sh), the grid content checks (scripts/check-grid.py,
# check-sme-grid.py), formatting and lint checks, the Rust tests of every crate (core, CLI, web
# components, and the replay of every fuzz seed and crash artifact through the fuzz targets'
# checks), the browser build and end-to-end tests, then the release archives (Windows, Linux, web;
# built into dist/ and checked). Exits non-zero when any test fails.
#
# Each thing is built once: the web crates' tests run in `cargo test --workspace` (test-web.sh
# skips them), and the release packages the web/dist that test-web.sh built. Real fuzzing is
# `bash scripts/fuzz.sh 600` (nightly, cargo-fuzz), run before each release.
. "$(dirname "$0")/lib.sh"
# No standard input for the tools, as in CI: local runs behave the same.
exec </dev/null

# Two jobs run in the background from the start, each in its own process group, logged in
# target/test-NAME.log, and waited for where their result is needed (a failure stops the run and
# prints the log; leaving early stops them):
#   wasm-bindgen-cli   compiled when missing (about 85 CPU seconds), needed by the web build;
#   release-binaries   the Windows and Linux release builds of the CLI, niced so that the steps
#                      below come first: they fill the time a step leaves a core idle (a
#                      single-threaded link, the browser tests). Cargo locks target/ per profile,
#                      so these release builds and the debug builds below do not wait for each
#                      other.
declare -A job_pid=()
stop_background() {
  local name
  for name in "${!job_pid[@]}"; do kill -- "-${job_pid[$name]}" 2>/dev/null || true; done
}
trap 'stop_background; step_summary' EXIT

# background NAME COMMAND...
background() {
  local name=$1 log="$target_dir/test-$1.log"
  shift
  mkdir -p "$target_dir"
  log "$name: started in the background (log: $log)"
  # The job writes its wall and CPU seconds into $log.time when it ends.
  setsid bash -c '. scripts/lib.sh; start=$(date +%s); status=0; "$@" || status=$?
    echo "$(($(date +%s) - start)) $(cpu_seconds)" >"$0.time"; exit "$status"' "$log" "$@" >"$log" 2>&1 &
  job_pid[$name]=$!
}
# finish NAME: waits for the job, and records its own wall and CPU time with the steps' (bash
# counts a job's CPU time in the step during which it ended, so a step's CPU may include it).
finish() {
  local name=$1 log="$target_dir/test-$1.log" status=0
  [ -n "${job_pid[$name]:-}" ] || return 0
  wait "${job_pid[$name]}" || status=$?
  unset "job_pid[$name]"
  if [ "$status" != 0 ]; then
    cat "$log" >&2
    die "$name failed in the background (exit $status; log above and in $log)"
  fi
  local wall cpu
  read -r wall cpu <"$log.time"
  log "$name: done after $wall s in the background (CPU $cpu s)"
  step_log+=("$(printf '%5d s %6d s  %s' "$wall" "$cpu" "  $name (background job, from the set-up on; its CPU also counts in the step it ended in)")")
}

setup() {
  need_browser
  need_release_tools
  need_rust_target wasm32-unknown-unknown
  need_npm web
  if [ "$(lock_version wasm-bindgen)" != "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)" ]; then
    background wasm-bindgen-cli bash -c '. scripts/lib.sh; log_name=test; need_wasm_bindgen'
  fi
  background release-binaries nice -n 10 bash scripts/release.sh --binaries-only
}
grid_checks() {
  python3 scripts/check-grid.py questionnaires/rhsf-fir-1.1.0.json --base questionnaires/rhsf-fir-1.0.0.json
  python3 scripts/check-grid.py questionnaires/rhsf-fir-1.1.0.json --base questionnaires/rhsf-fir-1.0.0.json --self-test
  python3 scripts/check-sme-grid.py
}

step "set-up (apt, rustup targets, npm; background jobs)" setup
step "grid content checks (check-grid.py, check-sme-grid.py)" grid_checks
step "cargo fmt --check" cargo fmt --all -- --check
step "cargo clippy (native, all targets)" cargo clippy --workspace --all-targets -- -D warnings
step "cargo test (core, cli, web components, fuzz seeds)" cargo test --workspace
step "wasm-bindgen-cli (waiting for the background job)" finish wasm-bindgen-cli
step "web: clippy wasm32, build, browser end-to-end tests" bash scripts/test-web.sh --no-unit-tests
step "release binaries (waiting for the background job)" finish release-binaries
step "release archives: package into dist/" bash scripts/release.sh
step "release archives: check" bash scripts/check-release.sh
