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

# wasm-bindgen-cli, when missing, is compiled in the background (about 2 minutes of both cores)
# while the native checks and tests build, and waited for before the web build.
wasm_bindgen_job=""
stop_background() {
  if [ -n "$wasm_bindgen_job" ]; then kill -- "-$wasm_bindgen_job" 2>/dev/null || true; fi
}
trap 'stop_background; step_summary' EXIT

setup() {
  need_browser
  need_release_tools
  need_rust_target wasm32-unknown-unknown
  need_npm web
  if [ "$(lock_version wasm-bindgen)" != "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)" ]; then
    mkdir -p "$target_dir"
    log "wasm-bindgen-cli: compiled in the background (log: $target_dir/wasm-bindgen-install.log)"
    setsid bash -c '. scripts/lib.sh; need_wasm_bindgen' >"$target_dir/wasm-bindgen-install.log" 2>&1 &
    wasm_bindgen_job=$!
  fi
}
wait_wasm_bindgen() {
  [ -n "$wasm_bindgen_job" ] || return 0
  local status=0
  wait "$wasm_bindgen_job" || status=$?
  wasm_bindgen_job=""
  if [ "$status" != 0 ]; then
    cat "$target_dir/wasm-bindgen-install.log" >&2
    return "$status"
  fi
  need_web_tools
}
grid_checks() {
  python3 scripts/check-grid.py questionnaires/rhsf-fir-1.1.0.json --base questionnaires/rhsf-fir-1.0.0.json
  python3 scripts/check-grid.py questionnaires/rhsf-fir-1.1.0.json --base questionnaires/rhsf-fir-1.0.0.json --self-test
  python3 scripts/check-sme-grid.py
}

step "set-up (apt, rustup targets, npm)" setup
step "grid content checks (check-grid.py, check-sme-grid.py)" grid_checks
step "cargo fmt --check" cargo fmt --all -- --check
step "cargo clippy (native, all targets)" cargo clippy --workspace --all-targets -- -D warnings
step "cargo test (core, cli, web components, fuzz seeds)" cargo test --workspace
step "wasm-bindgen-cli (waiting for its install)" wait_wasm_bindgen
step "web: clippy wasm32, build, browser end-to-end tests" bash scripts/test-web.sh --no-unit-tests
step "release archives: build into dist/" bash scripts/release.sh
step "release archives: check" bash scripts/check-release.sh
