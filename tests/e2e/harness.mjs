// Shared set-up of the end-to-end tests: a static server for web/dist started from this node
// process on a random port (so nothing is left running), and headless Chromium (Debian's) driven
// by playwright-core, each test with a fresh user-data-dir.
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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
