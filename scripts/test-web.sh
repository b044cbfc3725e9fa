#!/usr/bin/env bash
# Every test of the web app: component tests without a browser (Yew SSR + insta snapshots; new
# snapshots fail under CI=true), the clippy check of the browser build (wasm32, both modules), the
# release build into web/dist/ (scripts/build-web.sh: nothing to do when it is up to date), then
# the end-to-end tests in headless Chromium (tests/e2e, node --test: behaviour, privacy, 360 px
# layouts, print, accessibility with axe-core). Installs what it needs (scripts/lib.sh) and leaves
# nothing running. Exits non-zero when a test fails.
#
#   bash scripts/test-web.sh                   all of the above
#   bash scripts/test-web.sh --no-unit-tests   without the component tests (scripts/test.sh: its
#                                              `cargo test --workspace` has run them already)
#   bash scripts/test-web.sh --unit-tests      the component tests only
#   bash scripts/test-web.sh --clippy-only     the wasm32 clippy check only
#   bash scripts/test-web.sh --browser-only    the build and the end-to-end tests only
#                                              (scripts/test.sh runs these two apart, the
#                                              browser tests in a background job)
. "$(dirname "$0")/lib.sh"
# No standard input for the tools, as in CI: local runs behave the same.
exec </dev/null

unit=1 rest=1 clippy=1 browser=1
case "${1:-}" in
  "") ;;
  --no-unit-tests) unit=0 ;;
  --unit-tests) rest=0 ;;
  --clippy-only) unit=0 browser=0 ;;
  --browser-only) unit=0 clippy=0 ;;
  *) die "unknown option '$1' (--no-unit-tests, --unit-tests, --clippy-only, --browser-only)" ;;
esac

if [ "$unit" = 1 ]; then
  log "component tests (Yew SSR, insta snapshots), on-demand module"
  cargo test -p vigilance-web -p vigilance-web-module
fi
[ "$rest" = 1 ] || exit 0

if [ "$clippy" = 1 ]; then
  need_rust_target wasm32-unknown-unknown
  log "clippy for the browser build (wasm32)"
  cargo clippy -p vigilance-web --target wasm32-unknown-unknown --all-targets -- -D warnings
  cargo clippy -p vigilance-web-module --features module --target wasm32-unknown-unknown -- -D warnings
fi
[ "$browser" = 1 ] || exit 0
need_web_tools
need_browser

log "release build into web/dist"
bash scripts/build-web.sh

log "end-to-end tests in headless Chromium"
(cd tests/e2e && node --test --test-concurrency=1 .)
