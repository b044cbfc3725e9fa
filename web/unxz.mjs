// The decompressor of the page's WebAssembly modules, bundled by scripts/build-web.sh (esbuild)
// into dist/unxz.js: xz-decompress (MIT; xz-embedded, public domain, compiled to a small
// WebAssembly module that it instantiates from its own bytes, never fetched).
export { XzReadableStream } from 'xz-decompress';
