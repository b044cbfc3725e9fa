// Loads the app without any network request beyond the page's own scripts: the WebAssembly
// module is embedded in vigilance_web_wasm.js (base64), so the Content-Security-Policy can
// forbid fetch/XHR entirely (connect-src 'none').
import init from './vigilance_web.js';
import { wasmBase64 } from './vigilance_web_wasm.js';

function decode(b64) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64);
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

const loading = document.getElementById('loading');
init({ module_or_path: decode(wasmBase64) })
  .then(() => { if (loading) loading.remove(); })
  .catch((e) => {
    if (loading) {
      loading.textContent = 'Vigilance n’a pas pu démarrer. — Vigilance could not start. ' + e;
    }
    console.error(e);
  });
