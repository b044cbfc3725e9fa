// Starts the app without any request beyond the page's own files: each WebAssembly module is
// embedded in a script, xz-compressed and in base64 (web/embed-wasm.py), so the
// Content-Security-Policy can forbid fetch/XHR entirely (connect-src 'none'):
//   - vigilance_web*.js: the app (questionnaire, scoring, screens), loaded with the page;
//   - vigilance_web_module*.js: the results workbook writer and every file reader, imported (a GET
//     of those two static files, once) only when first needed;
//   - grid-*.js: the built-in grids other than the default one, imported when first needed;
//   - unxz.js: the decompressor (xz-decompress, web/unxz.mjs).
import init, { run } from './vigilance_web.js';
import * as app from './vigilance_web_wasm.js';
import { GRIDS } from './grids.js';
import { XzReadableStream } from './unxz.js';

/** The bytes of a module embedded by web/embed-wasm.py: base64, then xz (its CRC32 checked). */
async function decode({ xz }) {
  let packed;
  if (Uint8Array.fromBase64) {
    packed = Uint8Array.fromBase64(xz);
  } else {
    const text = atob(xz);
    packed = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) packed[i] = text.charCodeAt(i);
  }
  return new Response(new XzReadableStream(new Blob([packed]).stream())).arrayBuffer();
}

let moduleLoad;
function onDemandModule() {
  moduleLoad ??= Promise.all([import('./vigilance_web_module.js'), import('./vigilance_web_module_wasm.js')])
    .then(async ([glue, embedded]) => {
      await glue.default({ module_or_path: await decode(embedded) });
      return glue;
    })
    .catch((e) => { moduleLoad = undefined; throw e; });
  return moduleLoad;
}

// The built-in grids that the app's module does not embed (only the default grid is), as static
// scripts written by scripts/build-web.sh from questionnaires/grids.toml, with their loader
// table (grids.js, imported above): imported (a GET of that one file) when an assessment on that
// grid is started, opened or imported. Fixed file names only.
// What the app calls (web/src/ondemand.rs). The file's bytes are copied before any await.
const onDemand = {
  workbook: async (request) => (await onDemandModule()).workbook(request),
  readAnswerParts(name, bytes, lang) {
    const copy = bytes.slice();
    return onDemandModule().then((m) => m.readAnswerParts(name, copy, lang));
  },
  readEngagement(bytes, sheet, lang) {
    const copy = bytes.slice();
    return onDemandModule().then((m) => m.readEngagement(copy, sheet, lang));
  },
  engagementView: async (file, sheet, substantiated, lang) =>
    (await onDemandModule()).engagementView(file, sheet, substantiated, lang),
  exportEngagement: async (file, lang) => (await onDemandModule()).exportEngagement(file, lang),
  resultsJson: async (request) => (await onDemandModule()).resultsJson(request),
  packDossier(request, files) {
    const copy = files.slice();
    return onDemandModule().then((m) => m.packDossier(request, copy));
  },
  readDossier(bytes, lang) {
    const copy = bytes.slice();
    return onDemandModule().then((m) => m.readDossier(copy, lang));
  },
  preload() { onDemandModule().catch((e) => console.warn('Vigilance: on-demand module', e)); },
  grid(stem) {
    const load = GRIDS[stem];
    return load ? load().then((m) => m.default) : Promise.reject(new Error(`unknown grid ${stem}`));
  },
};

// The documents attached to answers (web/src/evidence_store.rs): IndexedDB, database
// `vigilance`, store `documents`, one record per document written in one transaction. Here
// rather than through web-sys's bindings: fewer bytes in the first download.
let db;
function store(mode, f) {
  db ??= new Promise((ok, ko) => {
    const r = indexedDB.open('vigilance', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('documents');
    r.onsuccess = () => ok(r.result);
    r.onerror = () => ko(r.error);
  }).catch((e) => { db = undefined; throw e; });
  return db.then((d) => new Promise((ok, ko) => {
    const t = d.transaction('documents', mode);
    const r = f(t.objectStore('documents'));
    t.oncomplete = () => ok(r.result);
    t.onerror = t.onabort = () => ko(t.error || r.error);
  }));
}
globalThis.vigilanceStore = {
  put: (key, bytes) => store('readwrite', (s) => s.put(bytes, key)),
  get: (key) => store('readonly', (s) => s.get(key)),
  remove: (key) => store('readwrite', (s) => s.delete(key)),
  // The SHA-256 of the bytes kept under `key`, in hex ('' when missing or no Web Crypto):
  // the results workbook's Evidence sheet names each file by it, as a dossier does.
  digest: async (key) => {
    const v = await store('readonly', (s) => s.get(key));
    if (!v || !globalThis.crypto?.subtle) return '';
    const h = new Uint8Array(await crypto.subtle.digest('SHA-256', v));
    return Array.from(h, (b) => b.toString(16).padStart(2, '0')).join('');
  },
  estimate: async () => {
    const e = await navigator.storage?.estimate?.();
    return [e?.usage || 0, e?.quota || 0];
  },
};

const loading = document.getElementById('loading');
decode(app)
  .then((bytes) => init({ module_or_path: bytes }))
  .then(() => {
    run(onDemand);
    if (loading) loading.remove();
  })
  .catch((e) => {
    if (loading) {
      loading.textContent = 'Vigilance n’a pas pu démarrer. — Vigilance could not start. ' + e;
    }
    console.error(e);
  });
