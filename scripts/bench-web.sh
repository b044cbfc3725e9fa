#!/usr/bin/env bash
# Prints the web app's figures (no assertion): bundle size (wasm + js, raw and gzip), where the
# app module's bytes go (with twiggy, when installed), time from
# navigation to the first question rendered in headless Chromium, and re-score time after one
# answer. Brings web/dist up to date first (scripts/build-web.sh: nothing to do when it is).
. "$(dirname "$0")/lib.sh"
bash scripts/build-web.sh
need_browser
node tests/e2e/bench.mjs
