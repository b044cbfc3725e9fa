// Shared set-up of the end-to-end tests: a static server for web/dist started from this node
// process on a random port (so nothing is left running), and headless Chromium (Debian's) driven
// by playwright-core, each test with a fresh user-data-dir.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.resolve(here, '../../web/dist');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.wasm': 'application/wasm',
  '.json': 'application/json', '.png': 'image/png',
};

/** Serves `root` under `prefix` (a sub-path, to check relative URLs) on 127.0.0.1:random. */
export async function serve(root = DIST, prefix = '/app/') {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: run scripts/build-web.sh first`);
  }
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(prefix)) { res.writeHead(404); res.end(); return; }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    const file = path.resolve(root, rel);
    if (!file.startsWith(root)) { res.writeHead(403); res.end(); return; }
    try {
      const body = await fsp.readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404); res.end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

/** A fresh browser profile (its own user-data-dir) in `locale`. */
export async function browserProfile({ locale = 'en-GB', viewport = { width: 1280, height: 900 } } = {}) {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'vigilance-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM, args: ARGS, headless: true, locale, viewport, acceptDownloads: true,
  });
  return {
    context,
    async close() {
      await context.close();
      await fsp.rm(dir, { recursive: true, force: true });
    },
  };
}

/** Opens the app and waits until it has rendered. */
export async function openApp(context, url) {
  const page = context.pages()[0] || await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector('.app-header');
  return { page, errors };
}

/**
 * Runs `fn(page, errors)` in a fresh browser profile (`options`: locale, viewport) with the app
 * opened at `url`, then checks that the page logged no error; the profile is always closed.
 */
export async function withApp(url, options, fn) {
  const profile = await browserProfile(options);
  try {
    const { page, errors } = await openApp(profile.context, url);
    await fn(page, errors);
    assert.deepEqual(errors, [], 'no error in the page');
  } finally {
    await profile.close();
  }
}

/**
 * Waits until the results are shown with everything in them: the default grid's regulation
 * mapping is not in the first download and is loaded when the results are first shown.
 */
export async function resultsShown(page) {
  await page.waitForSelector('.results');
  await page.waitForFunction(() => !document.querySelector('#regulations-loading'));
}

/**
 * Answers every question of both tracks, level by level, through the UI. `choose(level, values)`
 * picks one of the values offered (`yes`, `partial`, `no`, `unknown`, `na`…) for each answer.
 */
export async function answerEverything(page, choose) {
  for (const level of ['N1', 'N2', 'N3', 'N4']) {
    await page.click(`.level-tab[data-level=${level}]`);
    await page.waitForSelector(`#level-${level}`);
    const groups = await page.$$eval('.track-answer', (sets) => sets.map((s) =>
      [...s.querySelectorAll('input[type=radio]')].map((r) => [r.id, r.value])));
    for (const radios of groups) {
      const value = choose(level, radios.map(([, v]) => v));
      const hit = radios.find(([, v]) => v === value) ?? radios[0];
      await page.check(`#${hit[0]}`);
    }
  }
}

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe's violations on the page as it is, and the page's h1s and landmarks. */
export async function audit(page, view) {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    const landmarks = [...document.querySelectorAll('header, nav, main, footer, aside, section[aria-label], section[aria-labelledby], [role=region], [role=navigation], [role=banner], [role=contentinfo], [role=main]')]
      .filter((e) => e.offsetParent !== null || e.tagName === 'MAIN')
      // A header or footer inside a section is not a landmark.
      .filter((e) => !['HEADER', 'FOOTER'].includes(e.tagName) || !e.parentElement.closest('main, article, aside, nav, section'))
      .map((e) => {
        const role = e.getAttribute('role') || { HEADER: 'banner', NAV: 'navigation', MAIN: 'main', FOOTER: 'contentinfo', ASIDE: 'complementary', SECTION: 'region' }[e.tagName];
        const by = e.getAttribute('aria-labelledby');
        const name = e.getAttribute('aria-label') || (by && document.getElementById(by)?.textContent.trim()) || '';
        return `${role}:${name}`;
      });
    return {
      violations: r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`),
      h1: [...document.querySelectorAll('h1')].filter((h) => h.offsetParent !== null).map((h) => h.textContent),
      landmarks,
    };
  });
  assert.deepEqual(found.violations, [], `${view}: axe violations`);
  assert.equal(found.h1.length, 1, `${view}: one h1 (${found.h1.join(' | ')})`);
  const dupes = found.landmarks.filter((l, i) => found.landmarks.indexOf(l) !== i);
  assert.deepEqual(dupes, [], `${view}: landmarks with the same role and name`);
}

/** Fails when the page scrolls sideways, naming what sticks out. */
export async function noSidewaysScroll(page, view) {
  const r = await page.evaluate(() => {
    const root = document.documentElement;
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 0.5)
      .filter((e) => !e.closest('.visually-hidden'))
      .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
    return { scroll: root.scrollWidth, client: root.clientWidth, wide };
  });
  assert.ok(r.scroll <= r.client, `${view}: scrollWidth ${r.scroll} > clientWidth ${r.client} (${r.wide.join(', ')})`);
}

/** The bytes of one entry of a zip file (stored or deflated), and every entry's name. */
export function zipEntry(buf, wanted) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names = [];
  let found = null;
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    names.push(name);
    if (name === wanted) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      found = method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data);
    }
    p += 46 + nameLen + extra + comment;
  }
  return { names, bytes: found };
}
