#!/usr/bin/env bash
# Installs everything Vigilance needs on a fresh Debian machine with rustup, idempotently (see
# scripts/lib.sh): the wasm32 target, wasm-bindgen-cli at the version pinned in Cargo.lock,
# wasm-opt (npm, web/), Chromium and poppler-utils (browser and print tests), jq and python3
# (cli/tests/lean.rs reads the results with them), the npm packages of tests/e2e/; with
# --release, also what scripts/release.sh needs (the Windows-gnu and Linux-musl targets, MinGW,
# musl-tools, zip).
. "$(dirname "$0")/lib.sh"
exec </dev/null

need_web_tools
need_browser
need_test_tools
if [ "${1:-}" = --release ]; then
  need_release_tools
fi
log "ready"
