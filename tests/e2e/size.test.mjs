// The first download: what the browser loads before the first question is usable — every file it
// requested, as a web server with gzip on would send it (gzip -9). Its figure is printed file by
// file, with the room left under the budget. Two checks: it must not grow past CEILING, what main
// measured once issues 20, 21 and 23 were merged (a regression fails); and the budget of 400,000
// bytes, which it exceeds again with the evidence documents and the engagement view, is a TODO
// test — reported as not met in every run, without failing it, until the size is brought down
// (docs/web.md, "Size").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve, browserProfile, DIST } from './harness.mjs';

const BUDGET = 400_000;
// Measured on main after issues 20, 21 and 23 (451,966 bytes, see docs/web.md): only ever lowered.
const CEILING = 452_000;

let measured;

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

test(`the first download, up to the first question, does not grow past ${CEILING} bytes gzip -9`, async () => {
  const profile = await browserProfile();
  try {
    const prefix = new URL(server.url).pathname;
    const page = profile.context.pages()[0] || await profile.context.newPage();
    const seen = new Set();
    page.on('request', (r) => { if (r.url().startsWith('http')) seen.add(new URL(r.url()).pathname); });
    await page.goto(server.url);
    await page.waitForSelector('#new-name');
    await page.fill('#new-name', 'Budget SA');
    await page.click('#start-button');
    await page.waitForSelector('.question');
    const files = [...seen]
      .filter((p) => p.startsWith(prefix))
      .map((p) => decodeURIComponent(p.slice(prefix.length)) || 'index.html')
      .sort();
    let total = 0;
    const rows = [];
    for (const name of files) {
      const file = path.join(DIST, name);
      assert.ok(fs.existsSync(file), `requested ${name}, which is not in web/dist`);
      const size = zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
      total += size;
      rows.push(`${name} ${size}`);
    }
    console.log(`first download: ${total} bytes gzip -9 (budget ${BUDGET}, ${BUDGET - total} left): ${rows.join(', ')}`);
    // The seven files of the first download; a new one would have to be counted on purpose.
    assert.deepEqual(files, ['assets/favicon.svg', 'boot.js', 'grids.js', 'index.html', 'style.css', 'vigilance_web.js', 'vigilance_web_wasm.js']);
    measured = { total, rows };
    assert.ok(total <= CEILING, `the first download is ${total} bytes gzip -9: it grew past ` +
      `${CEILING} bytes (${rows.join(', ')})`);
  } finally {
    await profile.close();
  }
});

test(`the first download is at most ${BUDGET} bytes gzip -9`, { todo: 'over budget: see docs/web.md, "Size"' }, () => {
  assert.ok(measured, 'the first download was not measured (see the test above)');
  assert.ok(measured.total <= BUDGET, `the first download is ${measured.total} bytes gzip -9, ` +
    `${measured.total - BUDGET} over its budget of ${BUDGET} bytes (${measured.rows.join(', ')})`);
});
