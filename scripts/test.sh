#!/usr/bin/env bash
# Runs every test of Vigilance on a fresh machine, each step timed (wall and CPU seconds, summed
# up at the end with the load average): set-up (scripts/lib.sh), the grid content checks
# (scripts/check-grid.py, check-sme-grid.py), formatting and lint checks, the Rust tests of every
# crate (core, CLI, web components, and the replay of every fuzz seed and crash artifact through
# the fuzz targets' checks), the browser build and end-to-end tests, then the release archives
# (Windows, Linux, web; packaged into dist/ and checked). Exits non-zero when any test fails.
#
# Each thing is built once: the web crates' tests run in `cargo test --workspace` (test-web.sh
# skips them), and the release packages the web/dist that the browser tests used. Real fuzzing
# is `bash scripts/fuzz.sh 600` (nightly, cargo-fuzz), run before each release.
. "$(dirname "$0")/lib.sh"
# No standard input for the tools, as in CI: local runs behave the same.
exec </dev/null

# Two jobs run in the background once the set-up is done, each in its own process group, logged
# in target/test-NAME.log, and waited for where their result is needed (a failure stops the run
# and prints the log; leaving early stops them). Both are niced, so that the steps below come
# first: they fill the time a step leaves a core idle (a single-threaded link or test run, the fat
# link-time optimisation of the web app, the browser tests, which mostly wait on Chromium). Cargo
# locks each profile's folder of target/ on its own, so they and the debug builds below do not
# wait for each other.
#   web                wasm-bindgen-cli when missing (compiled: about 85 CPU seconds), the web app
#                      into web/dist (scripts/build-web.sh), then the end-to-end tests in headless
#                      Chromium (scripts/test-web.sh --browser-only); the clippy check of the
#                      browser build (wasm32) runs in the foreground after `cargo test`;
#   release-binaries   the Windows and Linux binaries of the CLI for the archives, with the Cargo
#                      profile `package-check` (the release settings without optimisation: the
#                      archives' packaging is what this run checks, in 40 % of the compile time;
#                      scripts/release.sh builds the archives to publish with `release`).
# Measured on a fresh clone (2 cores, crates and tools already downloaded): 870 s when the browser
# tests ran after `cargo test` and the archives' binaries were optimised; 700 s with the browser
# tests and wasm32 clippy in the web job, when the foreground then waited 210 s for it.
declare -A job_pid=()
stop_background() {
  local name
  for name in "${!job_pid[@]}"; do kill -- "-${job_pid[$name]}" 2>/dev/null || true; done
}
trap 'stop_background; step_summary' EXIT

# background NAME NICENESS COMMAND...
background() {
  local name=$1 niceness=$2 log="$target_dir/test-$1.log"
  shift 2
  mkdir -p "$target_dir"
  log "$name: started in the background (log: $log)"
  # The job writes its wall and CPU seconds into $log.time when it ends.
  setsid nice -n "$niceness" bash -c '. scripts/lib.sh; log_name=$1; shift; start=$(date +%s); status=0
    "$@" || status=$?
    echo "$(($(date +%s) - start)) $(cpu_seconds)" >"$0.time"; exit "$status"' \
    "$log" "$name" "$@" >"$log" 2>&1 &
  job_pid[$name]=$!
}
# finish NAME: waits for the job, and records its own wall and CPU time with the steps' (bash
# counts a job's CPU time in the step during which it ended, so a step's CPU may include it).
finish() {
  local name=$1 log="$target_dir/test-$1.log" status=0 start wall cpu
  [ -n "${job_pid[$name]:-}" ] || return 0
  printf '\n\033[1m== waiting for the background job %s\033[0m\n' "$name" >&2
  start=$(date +%s)
  # Nothing else runs now: the job gets the priority of a step (raising a priority needs root, as
  # in CI; elsewhere it stays niced).
  renice -n 0 -g "${job_pid[$name]}" >/dev/null 2>&1 || true
  wait "${job_pid[$name]}" || status=$?
  unset "job_pid[$name]"
  if [ "$status" != 0 ]; then
    cat "$log" >&2
    step_log+=("$(printf '%5d s %6s    %s' "$(($(date +%s) - start))" - "waiting for $name")  (FAILED, exit $status)")
    die "$name failed in the background (exit $status; log above and in $log)"
  fi
  read -r wall cpu <"$log.time"
  log "$name: done after $wall s in the background (CPU $cpu s); waited $(($(date +%s) - start)) s for it"
  step_log+=("$(printf '%5d s %6s    %s' "$(($(date +%s) - start))" - "waiting for $name")")
  step_log+=("$(printf '%5d s %6d s  %s' "$wall" "$cpu" "  $name (background job, niced; its CPU is also counted in the step it ended in)")")
}

setup() {
  need_browser
  need_test_tools
  need_release_tools
  need_rust_target wasm32-unknown-unknown
  need_npm web
}
grid_checks() {
  python3 scripts/check-grid.py questionnaires/rhsf-fir-1.1.0.json --base questionnaires/rhsf-fir-1.0.0.json
  python3 scripts/check-grid.py questionnaires/rhsf-fir-1.1.0.json --base questionnaires/rhsf-fir-1.0.0.json --self-test
  python3 scripts/check-grid.py questionnaires/rhsf-fir-1.2.0.json --base questionnaires/rhsf-fir-1.1.0.json
  python3 scripts/check-grid.py questionnaires/rhsf-fir-1.2.0.json --base questionnaires/rhsf-fir-1.1.0.json --self-test
  python3 scripts/check-sme-grid.py
  python3 scripts/check-sme-grid.py questionnaires/rhsf-fir-sme-1.0.0.json tests/fixtures/examples-1.0/examples-suppliers/*.json
}

step "set-up (apt, rustup targets, npm)" setup
background web 5 bash scripts/test-web.sh --browser-only
background release-binaries 10 env VIGILANCE_RELEASE_PROFILE=package-check \
  bash scripts/release.sh --binaries-only
step "grid content checks (check-grid.py, check-sme-grid.py)" grid_checks
step "cargo fmt --check" cargo fmt --all -- --check
step "cargo clippy (native, all targets)" cargo clippy --workspace --all-targets -- -D warnings
step "cargo test (every crate: core, cli, web components, fuzz seeds)" cargo test --workspace
step "web: clippy wasm32 (both modules)" bash scripts/test-web.sh --clippy-only
finish web
finish release-binaries
step "release archives: package into dist/" env VIGILANCE_RELEASE_PROFILE=package-check \
  bash scripts/release.sh
step "release archives: check" bash scripts/check-release.sh
