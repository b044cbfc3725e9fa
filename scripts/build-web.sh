#!/usr/bin/env bash
# Builds the Vigilance web app into web/dist/ (static files: host them on any web server, under
# any sub-path). Installs what it needs first, idempotently:
#   - the wasm32-unknown-unknown Rust target,
#   - wasm-bindgen-cli at the version Cargo.lock pins,
#   - wasm-opt (npm binaryen, in web/node_modules).
# Then: cargo build (profile release-wasm) -> wasm-bindgen --target web -> wasm-opt -Oz ->
# the WebAssembly embedded in a script file (web/embed-wasm.mjs) (the page's Content-Security-Policy forbids fetch,
# so the module cannot be fetched) -> index.html, style.css, boot.js and assets copied.
#
# Environment: CARGO_TARGET_DIR (default: target) is honoured.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { printf '\033[1m[build-web]\033[0m %s\n' "$*" >&2; }

# --- tools -------------------------------------------------------------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

want=$(cargo pkgid -p wasm-bindgen 2>/dev/null | sed 's/.*@//')
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ -z "$want" ]; then
  log "cannot read the wasm-bindgen version from Cargo.lock"; exit 1
fi
if [ "$want" != "$have" ]; then
  log "installing wasm-bindgen-cli $want (about 2 minutes)"
  # Without --locked: its lock file wants a crate version the registry does not serve.
  cargo install wasm-bindgen-cli --version "$want"
fi

if [ ! -x web/node_modules/.bin/wasm-opt ] || [ web/package-lock.json -nt web/node_modules ]; then
  log "installing wasm-opt (npm binaryen) in web/node_modules"
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
fi

# --- build -------------------------------------------------------------------------------------
target_dir=${CARGO_TARGET_DIR:-target}
case "$target_dir" in /*) ;; *) target_dir="$root/$target_dir" ;; esac
wasm_in="$target_dir/wasm32-unknown-unknown/release-wasm/vigilance_web.wasm"
work="$target_dir/web-bundle"
dist="web/dist"

rm -rf "$work"
mkdir -p "$work"
log "cargo build --profile release-wasm --target wasm32-unknown-unknown -p vigilance-web"
cargo build --profile release-wasm --target wasm32-unknown-unknown -p vigilance-web

rm -rf "$dist"
mkdir -p "$dist/assets"
log "wasm-bindgen --target web"
wasm-bindgen --target web --no-typescript --out-dir "$work" "$wasm_in"
log "wasm-opt -Oz"
web/node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
  "$work/vigilance_web_bg.wasm" -o "$work/vigilance_web.opt.wasm"
cp "$work/vigilance_web.js" "$dist/"
# The module as a Latin-1 string in a script: loaded by <script type=module>, never fetched.
node web/embed-wasm.mjs "$work/vigilance_web.opt.wasm" "$dist/vigilance_web_wasm.js"
cp web/index.html web/style.css web/boot.js "$dist/"
cp -r web/assets/. "$dist/assets/"

log "done: $dist ($(du -sh "$dist" | cut -f1)); optimised modules in $work"
