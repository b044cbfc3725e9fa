#!/usr/bin/env bash
# Prints the web app's figures (no assertion): bundle size (wasm + js, raw and gzip), where the
# app module's bytes go (with twiggy, when installed), time from
# navigation to the first question rendered in headless Chromium, and re-score time after one
# answer. Builds web/dist first when it is missing (FORCE_BUILD=1 to rebuild).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f web/dist/index.html ] || [ "${FORCE_BUILD:-0}" = 1 ]; then
  bash scripts/build-web.sh
fi
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d tests/e2e/node_modules ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
node tests/e2e/bench.mjs
