// Benchmark of the web app, printed, never asserted (scripts/bench-web.sh runs it):
//   - bundle size (the WebAssembly module and the scripts, raw and gzip),
//   - time from navigation to the first question rendered, in headless Chromium on localhost,
//   - time to re-score after one answer (measured inside the app around `score`).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve, browserProfile, openApp, DIST } from './harness.mjs';

const root = path.resolve(DIST, '../..');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function sizes() {
  console.log('Bundle size (raw / gzip -9)');
  const rows = [];
  const add = (label, file) => {
    if (!fs.existsSync(file)) return;
    const buf = fs.readFileSync(file);
    rows.push([label, buf.length, gz(buf)]);
  };
  const targetDir = process.env.CARGO_TARGET_DIR || path.join(root, 'target');
  add('wasm module (wasm-opt -Oz)', path.join(targetDir, 'web-bundle/vigilance_web.opt.wasm'));
  add('  as shipped: vigilance_web_wasm.js', path.join(DIST, 'vigilance_web_wasm.js'));
  add('vigilance_web.js (wasm-bindgen glue)', path.join(DIST, 'vigilance_web.js'));
  add('boot.js', path.join(DIST, 'boot.js'));
  add('style.css', path.join(DIST, 'style.css'));
  add('index.html', path.join(DIST, 'index.html'));
  for (const [label, raw, z] of rows) console.log(`  ${label.padEnd(40)} ${kb(raw).padStart(10)} ${kb(z).padStart(10)}`);
  const shipped = rows.filter(([l]) => !l.startsWith('wasm module'));
  const total = shipped.reduce((a, [, r, z]) => [a[0] + r, a[1] + z], [0, 0]);
  console.log(`  ${'total downloaded (wasm + js + css + html)'.padEnd(40)} ${kb(total[0]).padStart(10)} ${kb(total[1]).padStart(10)}   (aim: <= 400 KB gzip)`);
}

async function timings() {
  const server = await serve();
  const profile = await browserProfile();
  try {
    const { page } = await openApp(profile.context, server.url);
    await page.fill('#new-name', 'Bench SA');
    await page.click('#start-button');
    await page.waitForSelector('.question');
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
    const clicks = ['#a-Q01-CL', '#a-Q01-FL', '#a-Q02-FL-partial', '#a-Q03-CL-no', '#a-Q04-CL', '#a-Q04-FL',
      '#a-Q05-CL-unknown', '#a-Q05-FL', '#a-Q06-CL', '#a-Q06-FL-no', '#a-Q07-CL', '#a-Q07-FL'];
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
    await page.check('#a-Q01-CL-no');
    const avg = await page.evaluate(() => document.documentElement.dataset.scoreAvgMs);
    console.log(`score() averaged over 2000 calls in the page: ${(Number(avg) * 1000).toFixed(1)} µs per call`);
  } finally {
    await profile.close();
    await server.close();
  }
}

sizes();
await timings();
