#!/usr/bin/env bash
# Installs everything Vigilance needs on a fresh Debian machine with rustup, idempotently:
# the wasm32 target, wasm-bindgen-cli at the version pinned in Cargo.lock, Chromium and
# ChromeDriver (browser tests), poppler-utils (the review's print test), jq (the formats doc's
# jq example), and the npm packages
# of web/ and tests/e2e/.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

want=$(cargo pkgid -p wasm-bindgen 2>/dev/null | sed 's/.*@//')
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ -n "$want" ] && [ "$want" != "$have" ]; then
  log "installing wasm-bindgen-cli $want (about 2 minutes)"
  # Without --locked: its lock file wants a crate version the registry does not serve.
  cargo install wasm-bindgen-cli --version "$want"
fi

if ! command -v chromium >/dev/null 2>&1; then
  log "installing chromium and chromium-driver (apt)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if ! command -v pdftotext >/dev/null 2>&1; then
  log "installing poppler-utils (apt): the review's print test reads the PDF with pdftotext"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq poppler-utils >/dev/null
fi

if ! command -v jq >/dev/null 2>&1; then
  log "installing jq (apt): cli/tests/lean.rs runs the jq example of docs/formats.md"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq jq >/dev/null
fi

for dir in web tests/e2e; do
  if [ -f "$dir/package.json" ]; then
    if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules" ]; then
      log "npm ci in $dir"
      (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    fi
  fi
done
log "ready"
