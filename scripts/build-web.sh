#!/usr/bin/env bash
# Builds the Vigilance web app into web/dist/ (static files: host them on any web server, under
# any sub-path). Installs what it needs first, idempotently (scripts/lib.sh):
#   - the wasm32-unknown-unknown Rust target,
#   - wasm-bindgen-cli at the version Cargo.lock pins,
#   - wasm-opt (npm binaryen) and esbuild (npm), in web/node_modules.
# Then, for each of the two WebAssembly modules — the app (vigilance-web, loaded with the page)
# and the on-demand module (vigilance-web-module with its `module` feature: the workbook writer and
# the xlsx reader, imported only when first needed): cargo build (profile release-wasm) ->
# wasm-bindgen --target web -> wasm-opt -O1 -> the module xz-compressed and embedded in a script
# file (web/embed-wasm.py; the page's Content-Security-Policy forbids fetch, so a module cannot be
# fetched), unpacked in the page by xz-decompress (web/unxz.mjs, bundled into unxz.js). Then
# index.html, style.css, boot.js and assets are copied; the scripts (the glue of both modules,
# boot.js) and style.css are minified with esbuild (no bundling: same files, same names). Last, the first download (gzip -9 of what the page loads before the first question) is
# printed against its budget, 400,000 bytes (tests/e2e/size.test.mjs fails above it; docs/web.md,
# "Size").
#
# When web/dist already holds what these inputs give (the two modules cargo built, the page's
# files, the grids and their manifest, this script and the tools' versions: hashed into
# target/web-bundle/stamp), only the two cargo builds run, which do nothing when nothing
# changed: so scripts/release.sh packages the web/dist that scripts/test-web.sh built without
# redoing wasm-bindgen and wasm-opt. FORCE_BUILD=1 rebuilds all the same.
#
# Environment: CARGO_TARGET_DIR (default: target) is honoured.
. "$(dirname "$0")/lib.sh"

need_web_tools

# --- build -------------------------------------------------------------------------------------
work="$target_dir/web-bundle"
dist="web/dist"

# Built one after the other, never together: the app must not get the on-demand module's
# features (cargo unifies features within one build). The on-demand module is built last, as the
# app's build also leaves a (feature-less) vigilance_web_module.wasm behind.
log "cargo build --profile release-wasm --target wasm32-unknown-unknown -p vigilance-web"
cargo build --profile release-wasm --target wasm32-unknown-unknown -p vigilance-web
log "cargo build --profile release-wasm --target wasm32-unknown-unknown -p vigilance-web-module --features module"
cargo build --profile release-wasm --target wasm32-unknown-unknown -p vigilance-web-module --features module

wasm_dir="$target_dir/wasm32-unknown-unknown/release-wasm"
# What web/dist is made of, and what it holds now.
inputs_hash() {
  {
    wasm-bindgen --version
    node --version
    cat scripts/build-web.sh scripts/web-grids.py web/package-lock.json web/embed-wasm.py web/unxz.mjs \
      web/index.html web/style.css web/boot.js questionnaires/grids.toml questionnaires/*.json
    cat "$wasm_dir/vigilance_web.wasm" "$wasm_dir/vigilance_web_module.wasm"
    (cd web/assets && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
  } | sha256sum | cut -d' ' -f1
}
dist_hash() {
  [ -d "$dist" ] || return 0
  (cd "$dist" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) | sha256sum | cut -d' ' -f1
}
stamp="$(inputs_hash) $(dist_hash)"
if [ "${FORCE_BUILD:-0}" != 1 ] && [ -f "$dist/index.html" ] && [ "$(cat "$work/stamp" 2>/dev/null)" = "$stamp" ]; then
  log "web/dist is up to date (FORCE_BUILD=1 to rebuild it)"
  exit 0
fi

rm -rf "$work" "$dist"
mkdir -p "$work" "$dist/assets"
for name in vigilance_web vigilance_web_module; do
  # wasm-opt -O1, not -Oz: rustc already optimised for size (opt-level "z"), and what -Oz takes
  # off the module is what xz would have compressed, so the shipped file grows (measured: the
  # app's module 305.6 KB gzip with -O1, 323.5 KB with -Oz --converge; the on-demand module 756.8
  # KB against 798.6 KB), for four to five times the build time (docs/web.md, "Size").
  log "$name: wasm-bindgen --target web, wasm-opt -O1, xz-compressed into ${name}_wasm.js"
  wasm-bindgen --target web --no-typescript --out-dir "$work" \
    "$wasm_dir/$name.wasm"
  web/node_modules/.bin/wasm-opt -O1 --strip-debug --strip-producers \
    "$work/${name}_bg.wasm" -o "$work/$name.opt.wasm"
  # The glue minified: about 2 KB gzip less in the first download.
  web/node_modules/.bin/esbuild "$work/$name.js" --minify --format=esm --log-level=warning \
    --outfile="$dist/$name.js"
  # The module, xz-compressed, as a base64 string in a script: loaded by <script type=module> or
  # import(), never fetched.
  python3 web/embed-wasm.py "$work/$name.opt.wasm" "$dist/${name}_wasm.js"
done
# Their decompressor: xz-decompress and its small WebAssembly decoder, one ES module.
web/node_modules/.bin/esbuild web/unxz.mjs --bundle --format=esm --platform=browser --minify \
  --log-level=warning --outfile="$dist/unxz.js"
# The built-in grids as scripts, and their loader (grids.js), from questionnaires/grids.toml.
python3 scripts/web-grids.py "$dist"
cp web/index.html "$dist/"
web/node_modules/.bin/esbuild web/boot.js --minify --format=esm --log-level=warning \
  --outfile="$dist/boot.js"
web/node_modules/.bin/esbuild web/style.css --minify --log-level=warning --outfile="$dist/style.css"
cp -r web/assets/. "$dist/assets/"

printf '%s %s\n' "$(inputs_hash)" "$(dist_hash)" >"$work/stamp"

# --- the first download's budget ---------------------------------------------------------------
# What the page loads before the first question (tests/e2e/size.test.mjs checks in the browser
# that it is exactly these files, and fails when they grow): gzip -9 (node's zlib, as the test
# measures), as a web server with gzip on would send it.
budget=400000
first=$(cd "$dist" && node -e '
  const fs = require("fs"), zlib = require("zlib");
  let n = 0;
  for (const f of process.argv.slice(1)) n += zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length;
  console.log(n);' index.html boot.js grids.js style.css vigilance_web.js vigilance_web_wasm.js \
  unxz.js assets/favicon.svg)
if [ "$first" -gt "$budget" ]; then
  log "first download: $first bytes gzip -9, OVER its budget of $budget bytes (see docs/web.md)"
else
  log "first download: $first bytes gzip -9 (budget: $budget bytes, $((budget - first)) left)"
fi

log "done: $dist ($(du -sh "$dist" | cut -f1)); optimised modules in $work"
