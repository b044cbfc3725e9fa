#!/usr/bin/env bash
# Every test of the web app: component tests without a browser (Yew SSR + insta snapshots), the
# clippy check of the browser build (wasm32, both modules), the release build into web/dist/, then
# the end-to-end tests in headless Chromium (tests/e2e, node --test: behaviour, privacy, 360 px
# layouts, print, accessibility with axe-core). Installs what it needs
# (idempotently) and leaves nothing running. Exits non-zero when a test fails.
set -euo pipefail
# No standard input for the tools, as in CI: local runs behave the same.
exec </dev/null
cd "$(dirname "$0")/.."
log() { printf '\033[1m[test-web]\033[0m %s\n' "$*" >&2; }

if ! command -v chromium >/dev/null 2>&1; then
  log "installing chromium (apt)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1; then
  log "installing poppler-utils (apt): the print test reads the PDF back"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq poppler-utils >/dev/null
fi
if [ ! -d tests/e2e/node_modules ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules ]; then
  log "npm ci in tests/e2e"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

log "component tests (Yew SSR, insta snapshots; new snapshots fail under CI=true), on-demand module"
cargo test -p vigilance-web -p vigilance-web-module

log "clippy for the browser build (wasm32)"
cargo clippy -p vigilance-web --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy -p vigilance-web-module --features module --target wasm32-unknown-unknown -- -D warnings

log "release build into web/dist"
bash scripts/build-web.sh

log "end-to-end tests in headless Chromium"
(cd tests/e2e && node --test --test-concurrency=1 .)
