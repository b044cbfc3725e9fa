// Evidence documents and the dossier in the browser (issue 20): two files attached to three
// answers are still there after a reload (IndexedDB); the dossier exported from one browser
// profile and imported into a fresh one gives the same answers and the same files; the
// fingerprint the page shows is the SHA-256 of the dossier's manifest.json, computed here in
// node from the downloaded zip (and checked by the command line, `vigilance dossier verify
// --fingerprint`, when its binary is built: VIGILANCE_BIN or target/{release,debug}/vigilance).
// A file over the per-file limit is refused in plain words, and nothing is saved for it. The
// same dossier imported again asks first (replace, keep both, cancel); the results workbook
// lists the documents on its Evidence sheet; deleting an assessment removes its files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import fsSync from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, browserProfile, openApp, resultsShown, zipEntry } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

const PLAN = Buffer.from('%PDF-1.4\n% Plan de vigilance 2025\n' + 'x'.repeat(3000));
const AUDIT = Buffer.from('Audit social 2025, usine de Tirupur\n');

const sha256 = (b) => createHash('sha256').update(b).digest('hex');

/** The open assessment as saved: its answers and its documents. */
const saved = (page) => page.evaluate(() => {
  const s = JSON.parse(localStorage.getItem('vigilance.web.state'));
  return s.assessments.find((a) => a.id === s.current);
});

/** The bytes the page keeps in IndexedDB under each key. */
const stored = (page, keys) => page.evaluate(async (keys) => {
  const out = {};
  for (const k of keys) {
    const v = await globalThis.vigilanceStore.get(k);
    out[k] = v ? Array.from(v) : null;
  }
  return out;
}, keys);

/** Waits until none of `keys` is kept in IndexedDB any more (removed after the state is saved). */
async function gone(page, keys) {
  for (let i = 0; i < 100; i++) {
    const left = Object.values(await stored(page, keys)).filter((v) => v !== null);
    if (left.length === 0) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`still in IndexedDB: ${keys.join(', ')}`);
}

async function start(page, name, period = '2025') {
  await page.fill('#new-name', name);
  await page.fill('#new-period', period);
  await page.click('#start-button');
  await page.waitForSelector('.question');
}

/** Answers `q` on `track` with yes and opens its notes. */
async function answerYes(page, q, track) {
  await page.check(`#a-${q}-${track}`);
  const notes = page.locator(`fieldset[data-track=${track}]:has(#a-${q}-${track}) details.notes`);
  await notes.evaluate((d) => { d.open = true; });
}

function cliBinary() {
  const candidates = [process.env.VIGILANCE_BIN,
    path.resolve(here, '../../target/release/vigilance'), path.resolve(here, '../../target/debug/vigilance')];
  return candidates.find((c) => c && fsSync.existsSync(c));
}

test('two files on three answers survive a reload, travel in the dossier, and the fingerprint checks out', async () => {
  const first = await browserProfile();
  let dossier;
  let fingerprint;
  let answersBefore;
  try {
    const { page, errors } = await openApp(first.context, server.url);
    await start(page, 'Preuve SA');
    for (const [q, t] of [['Q01', 'CL'], ['Q01', 'FL'], ['Q03', 'CL']]) await answerYes(page, q, t);
    // Plan: attached to Q01 CL with the file picker, then reused on Q01 FL.
    await page.setInputFiles('#a-Q01-CL-files-input', { name: 'plan.pdf', mimeType: 'application/pdf', buffer: PLAN });
    await page.waitForSelector('#a-Q01-CL-files li[data-document]');
    await page.selectOption('#a-Q01-FL-files-reuse', { label: 'plan.pdf' });
    await page.waitForSelector('#a-Q01-FL-files li[data-document]');
    // Audit: dropped on Q03 CL (a drop event carrying the file, as a desktop drag and drop).
    const transfer = await page.evaluateHandle((bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], 'audit.txt', { type: 'text/plain' }));
      return dt;
    }, [...AUDIT]);
    await page.dispatchEvent('#a-Q03-CL-files', 'drop', { dataTransfer: transfer });
    await page.waitForSelector('#a-Q03-CL-files li[data-document]');
    // The audit also supports Q01 CL: two documents there.
    await page.selectOption('#a-Q01-CL-files-reuse', { label: 'audit.txt' });
    await page.waitForFunction(() => document.querySelectorAll('#a-Q01-CL-files li[data-document]').length === 2);

    let a = await saved(page);
    assert.equal(a.documents.length, 2, 'two documents');
    const supports = Object.fromEntries(a.documents.map((d) => [d.name, d.answers.map((r) => `${r.question}/${r.track}`).sort()]));
    assert.deepEqual(supports, { 'plan.pdf': ['Q01/CL', 'Q01/FL'], 'audit.txt': ['Q01/CL', 'Q03/CL'] });
    // Nothing of the files in localStorage: only their descriptions.
    const raw = await page.evaluate(() => localStorage.getItem('vigilance.web.state'));
    assert.ok(!raw.includes('Plan de vigilance 2025') && !raw.includes('Tirupur'), 'file bytes are not in localStorage');

    // Reload: the documents and their bytes are still there.
    await page.reload();
    await page.waitForSelector('.question');
    a = await saved(page);
    assert.equal(a.documents.length, 2);
    const bytes = await stored(page, a.documents.map((d) => d.id));
    const byName = Object.fromEntries(a.documents.map((d) => [d.name, Buffer.from(bytes[d.id])]));
    assert.ok(byName['plan.pdf'].equals(PLAN), 'plan.pdf kept in IndexedDB');
    assert.ok(byName['audit.txt'].equals(AUDIT), 'audit.txt kept in IndexedDB');
    await page.waitForSelector('#documents li.document');
    assert.equal(await page.locator('#documents li.document').count(), 2);
    answersBefore = a.sheet.answers;

    // Export the full dossier from the results.
    await page.click('button[data-view=results]');
    await resultsShown(page);
    await page.check('#export-dossier');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-button')]);
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'vigilance-dossier-')), dl.suggestedFilename());
    await dl.saveAs(file);
    dossier = file;
    fingerprint = (await page.textContent('#dossier-fingerprint')).trim();
    assert.match(fingerprint, /^[0-9a-f]{64}$/);
    assert.deepEqual(errors, [], 'no error in the page');
  } finally {
    await first.close();
  }

  // The fingerprint is the SHA-256 of manifest.json, computed here from the zip.
  const zip = await fs.readFile(dossier);
  const manifest = zipEntry(zip, 'manifest.json');
  assert.equal(sha256(manifest.bytes), fingerprint, 'fingerprint = SHA-256 of manifest.json');
  const m = JSON.parse(manifest.bytes.toString('utf8'));
  assert.equal(m.format, 'vigilance.dossier/1');
  assert.deepEqual(m.files.map((f) => f.sha256).sort(), [sha256(PLAN), sha256(AUDIT)].sort());
  assert.ok(zipEntry(zip, `files/${sha256(PLAN)}`).bytes.equals(PLAN));
  const bin = cliBinary();
  if (bin) {
    const out = execFileSync(bin, ['dossier', 'verify', dossier, '--fingerprint', fingerprint], { encoding: 'utf8' });
    assert.ok(out.includes(fingerprint), `vigilance dossier verify: ${out}`);
  }

  // A fresh profile imports it: same answers, same files.
  const second = await browserProfile();
  try {
    const { page, errors } = await openApp(second.context, server.url);
    await page.setInputFiles('#import-dossier-file', dossier);
    await page.waitForSelector('.question');
    const a = await saved(page);
    assert.equal(a.sheet.company.name, 'Preuve SA');
    assert.deepEqual(a.sheet.answers, answersBefore, 'same answers');
    const bytes = await stored(page, a.documents.map((d) => d.id));
    const byName = Object.fromEntries(a.documents.map((d) => [d.name, Buffer.from(bytes[d.id])]));
    assert.ok(byName['plan.pdf'].equals(PLAN), 'same plan.pdf');
    assert.ok(byName['audit.txt'].equals(AUDIT), 'same audit.txt');
    const supports = Object.fromEntries(a.documents.map((d) => [d.name, d.answers.map((r) => `${r.question}/${r.track}`).sort()]));
    assert.deepEqual(supports, { 'plan.pdf': ['Q01/CL', 'Q01/FL'], 'audit.txt': ['Q01/CL', 'Q03/CL'] });
    assert.equal(await page.locator('#a-Q01-CL-files li[data-document]').count(), 2);

    // A dossier with one byte changed is refused in plain words, with its code.
    await page.click('button[data-view=start]');
    const bad = Buffer.from(zip);
    const at = bad.indexOf(Buffer.from('Tirupur'));
    bad[at] ^= 1;
    await page.setInputFiles('#import-dossier-file', { name: 'bad.zip', mimeType: 'application/zip', buffer: bad });
    await page.waitForSelector('#import-dossier-message.error');
    const text = await page.textContent('#import-dossier-message');
    assert.match(text, /nothing was restored/);
    assert.match(text, /VG-D\d\d/);

    // The same dossier again: the company and period are kept, so the import asks first, as
    // an answer file's does. Replace: still one assessment, the replaced one's files gone.
    const oldKeys = a.documents.map((d) => d.id);
    await page.setInputFiles('#import-dossier-file', dossier);
    await page.waitForSelector('#import-dossier-duplicate');
    await page.click('#import-dossier-cancel');
    assert.equal(await page.locator('#import-dossier-duplicate').count(), 0, 'cancelled');
    assert.equal(await page.locator('.assessment').count(), 1, 'cancelled: still one');
    await page.setInputFiles('#import-dossier-file', dossier);
    await page.click('#import-dossier-replace');
    await page.waitForSelector('.question');
    const replaced = await saved(page);
    const count = await page.evaluate(() => JSON.parse(localStorage.getItem('vigilance.web.state')).assessments.length);
    assert.equal(count, 1, 'replaced: still one assessment');
    assert.notDeepEqual(replaced.documents.map((d) => d.id).sort(), [...oldKeys].sort());
    await gone(page, oldKeys);
    const kept = await stored(page, replaced.documents.map((d) => d.id));
    assert.ok(Object.values(kept).every((v) => v), 'the new files are kept');

    // The results workbook lists the documents on its Evidence sheet, with each file's SHA-256
    // prefix, and a one-company workbook has no Cohort sheet.
    await page.click('button[data-view=results]');
    await resultsShown(page);
    const [xl] = await Promise.all([page.waitForEvent('download'), page.click('#download-xlsx')]);
    const xlsx = await fs.readFile(await xl.path());
    const sheets = zipEntry(xlsx, 'xl/workbook.xml').bytes.toString('utf8');
    assert.match(sheets, /<sheet name="Evidence"/);
    assert.doesNotMatch(sheets, /<sheet name="Cohort"/);
    const texts = zipEntry(xlsx, '').names
      .filter((n) => n.startsWith('xl/'))
      .map((n) => zipEntry(xlsx, n).bytes.toString('utf8'))
      .join('');
    assert.ok(texts.includes(sha256(PLAN).slice(0, 12)), 'plan.pdf by its SHA-256 prefix');

    // Deleting the assessment removes its files from IndexedDB.
    await page.click('button[data-view=start]');
    await page.click('.assessment .danger');
    await page.click('.assessment .danger.confirm');
    await page.waitForFunction(() => document.querySelectorAll('.assessment').length === 0);
    await gone(page, replaced.documents.map((d) => d.id));
    assert.deepEqual(errors, [], 'no error in the page');
  } finally {
    await second.close();
  }
});

test('a file over 25 MB is refused in the user language, and nothing is saved for it', async () => {
  const profile = await browserProfile({ locale: 'fr-FR' });
  try {
    const { page, errors } = await openApp(profile.context, server.url);
    await start(page, 'Limite SA');
    await answerYes(page, 'Q01', 'CL');
    const big = Buffer.alloc(26 * 1024 * 1024, 1);
    await page.setInputFiles('#a-Q01-CL-files-input', { name: 'gros.pdf', mimeType: 'application/pdf', buffer: big });
    await page.waitForSelector('#a-Q01-CL-files .evidence-error');
    const text = await page.textContent('#a-Q01-CL-files .evidence-error');
    assert.match(text, /gros\.pdf pèse 26,0 Mo/);
    assert.match(text, /au plus 25 Mo/);
    const a = await saved(page);
    assert.equal((a.documents || []).length, 0, 'nothing saved for it');
    // A small file is still accepted afterwards.
    await page.setInputFiles('#a-Q01-CL-files-input', { name: 'petit.txt', mimeType: 'text/plain', buffer: AUDIT });
    await page.waitForSelector('#a-Q01-CL-files li[data-document]');
    assert.deepEqual(errors, [], 'no error in the page');
  } finally {
    await profile.close();
  }
});
