// Benchmark of the web app, printed, never asserted (scripts/bench-web.sh runs it):
//   - bundle size (each WebAssembly module and the scripts, raw and gzip), and what the browser
//     actually downloads before the first question is usable (every request recorded),
//   - time from navigation to the first question rendered, in headless Chromium on localhost,
//   - time to re-score after one answer (measured inside the app around `score`),
//   - where the app module's bytes go, by crate (with twiggy, when it is installed:
//     `cargo install twiggy`).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { serve, browserProfile, openApp, DIST } from './harness.mjs';

const root = path.resolve(DIST, '../..');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function sizes() {
  console.log('Files (raw / gzip -9)');
  const targetDir = process.env.CARGO_TARGET_DIR || path.join(root, 'target');
  const rows = [
    ['app module (wasm-opt -Oz)', path.join(targetDir, 'web-bundle/vigilance_web.opt.wasm')],
    ['  as shipped: vigilance_web_wasm.js', path.join(DIST, 'vigilance_web_wasm.js')],
    ['vigilance_web.js (wasm-bindgen glue)', path.join(DIST, 'vigilance_web.js')],
    ['unxz.js (the modules\' decompressor)', path.join(DIST, 'unxz.js')],
    ['boot.js', path.join(DIST, 'boot.js')],
    ['style.css', path.join(DIST, 'style.css')],
    ['index.html', path.join(DIST, 'index.html')],
    ['on-demand module (workbook, xlsx reader)', path.join(targetDir, 'web-bundle/vigilance_web_module.opt.wasm')],
    ['  as shipped: vigilance_web_module_wasm.js', path.join(DIST, 'vigilance_web_module_wasm.js')],
    ['vigilance_web_module.js (its glue)', path.join(DIST, 'vigilance_web_module.js')],
  ];
  for (const [label, file] of rows) {
    if (!fs.existsSync(file)) continue;
    const buf = fs.readFileSync(file);
    console.log(`  ${label.padEnd(42)} ${kb(buf.length).padStart(10)} ${kb(gz(buf)).padStart(10)}`);
  }
}

/** Raw and gzip size of the files of web/dist requested (by URL path under `prefix`). */
function downloaded(paths, prefix) {
  let raw = 0; let z = 0;
  for (const p of new Set(paths)) {
    const file = path.join(DIST, decodeURIComponent(p.slice(prefix.length)) || 'index.html');
    if (!fs.existsSync(file)) continue;
    const buf = fs.readFileSync(file);
    raw += buf.length; z += gz(buf);
  }
  return [raw, z];
}

async function timings() {
  const server = await serve();
  const profile = await browserProfile();
  try {
    const prefix = new URL(server.url).pathname;
    const page = profile.context.pages()[0] || await profile.context.newPage();
    const seen = [];
    const onRequest = (r) => { if (r.url().startsWith('http')) seen.push(new URL(r.url()).pathname); };
    page.on('request', onRequest);
    await page.goto(server.url);
    await page.waitForSelector('#new-name');
    await page.fill('#new-name', 'Bench SA');
    await page.click('#start-button');
    await page.waitForSelector('.question');
    const [raw, z] = downloaded(seen, prefix);
    console.log(`Downloaded before the first question is usable (${new Set(seen).size} files): ` +
      `${kb(raw)} raw, ${kb(z)} gzip -9   (aim: <= 400 KB gzip)`);
    page.off('request', onRequest);
    const firsts = [];
    for (let i = 0; i < 7; i++) {
      await page.reload();
      await page.waitForSelector('.question');
      firsts.push(await page.evaluate(() => performance.getEntriesByName('vigilance:first-question')[0]?.startTime));
    }
    console.log(`Navigation to first question rendered (7 reloads): median ${median(firsts).toFixed(1)} ms, ` +
      `min ${Math.min(...firsts).toFixed(1)} ms, max ${Math.max(...firsts).toFixed(1)} ms   (aim: <= 300 ms)`);

    const one = [];
    const whole = [];
    // Twelve answers of the page's first questions, whichever grid is the default: in each radio
    // group, in turn, its first, second and third choice.
    const clicks = await page.$$eval('.question input[type=radio]', (inputs) => {
      const groups = [];
      for (const input of inputs) {
        let g = groups.find((x) => x.name === input.name);
        if (!g) groups.push(g = { name: input.name, ids: [] });
        g.ids.push(input.id);
      }
      return groups.slice(0, 12).map((g, i) => `#${CSS.escape(g.ids[i % Math.min(3, g.ids.length)])}`);
    });
    for (const sel of clicks) {
      await page.check(sel);
      const d = await page.evaluate(() => document.documentElement.dataset);
      one.push(Number(d.scoreMs));
      whole.push(Number(d.rescoreMs));
    }
    console.log(`Re-score after one answer (performance.now, ~0.1 ms resolution, ${clicks.length} answers): ` +
      `score() median ${median(one).toFixed(3)} ms, max ${Math.max(...one).toFixed(3)} ms; ` +
      `with result building median ${median(whole).toFixed(3)} ms   (aim: <= 1 ms)`);

    await page.goto(`${server.url}#bench=2000`);
    await page.waitForSelector('.question');
    // A choice not already made (the answers above are kept), so that the page scores again.
    const other = await page.$$eval('.question input[type=radio]:not(:checked)', (inputs) => `#${CSS.escape(inputs[0].id)}`);
    await page.check(other);
    const avg = await page.evaluate(() => document.documentElement.dataset.scoreAvgMs);
    console.log(`score() averaged over 2000 calls in the page: ${(Number(avg) * 1000).toFixed(1)} µs per call`);
  } finally {
    await profile.close();
    await server.close();
  }
}

/** The app module's code and data by crate (twiggy on the module before wasm-opt, names kept). */
function breakdown() {
  const targetDir = process.env.CARGO_TARGET_DIR || path.join(root, 'target');
  const file = path.join(targetDir, 'web-bundle/vigilance_web_bg.wasm');
  const run = spawnSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.error || run.status !== 0) {
    console.log('Where the bytes go: install twiggy (cargo install twiggy) to see it');
    return;
  }
  const groups = new Map();
  let total = 0;
  for (const line of run.stdout.split('\n').slice(1)) {
    const m = line.match(/^"?(.*?)"?,(\d+),/);
    if (!m || m[1].includes('function names') || m[1].startsWith('custom section')) continue;
    const [name, bytes] = [m[1], Number(m[2])];
    let group = 'other';
    if (name.startsWith('data segment')) group = 'read-only data (grid, messages, tables)';
    else {
      const crate = name.match(/(vigilance_web|vigilance_core|serde_json|serde_core|serde|yew|hashbrown|wasm_bindgen|js_sys|web_sys|gloo\w*|dlmalloc|alloc|core|std)[[:]/);
      if (crate) group = { serde_core: 'serde_json', serde: 'serde_json', js_sys: 'wasm_bindgen', web_sys: 'wasm_bindgen' }[crate[1]] ?? (crate[1].startsWith('gloo') ? 'wasm_bindgen' : crate[1]);
    }
    groups.set(group, (groups.get(group) ?? 0) + bytes);
    total += bytes;
  }
  console.log('Where the app module\'s bytes go (code and data before wasm-opt, by crate):');
  for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${group.padEnd(42)} ${kb(bytes).padStart(10)} ${(100 * bytes / total).toFixed(1).padStart(5)} %`);
  }
}

sizes();
breakdown();
await timings();
