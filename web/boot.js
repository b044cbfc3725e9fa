// Starts the app without any network request beyond the page's own files: the WebAssembly
// module is embedded in vigilance_web_wasm.js (one Latin-1 character per byte), so the
// Content-Security-Policy can forbid fetch/XHR entirely (connect-src 'none').
import init from './vigilance_web.js';
import { wasmBytes } from './vigilance_web_wasm.js';

function decode(text) {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

const loading = document.getElementById('loading');
init({ module_or_path: decode(wasmBytes) })
  .then(() => { if (loading) loading.remove(); })
  .catch((e) => {
    if (loading) {
      loading.textContent = 'Vigilance n’a pas pu démarrer. — Vigilance could not start. ' + e;
    }
    console.error(e);
  });

