// End-to-end tests of the web app in headless Chromium: what a user does, through the UI.
// Run with `node --test` from this folder (scripts/test-web.sh does it after building web/dist).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import fsSync from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, browserProfile, openApp, DIST, resultsShown, withApp as harnessWithApp, zipEntry } from './harness.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

const STORAGE_KEY = 'vigilance.web.state';
let server;

before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

/** Runs `fn` with a fresh browser profile and the app open. */
/** The app served by this file's server, in a fresh profile (see harness.mjs). */
const withApp = (options, fn) => harnessWithApp(server.url, options, fn);

async function startAssessment(page, name = 'Exemple SA', period = '2025') {
  await page.fill('#new-name', name);
  await page.fill('#new-period', period);
  await page.click('#start-button');
  await page.waitForSelector('.question');
}

/**
 * Opens an assessment on grid 1.0.0, as saved in this browser before 1.1.0 became the default
 * (new assessments start on the default grid): what docs/method.md's worked examples were written on.
 */
async function startOn100(page, name = 'Exemple SA', period = '2025') {
  const grid = { id: 'rhsf-fir', version: '1.0.0' };
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, JSON.stringify({
    format: 'vigilance.web-state/1', questionnaire: grid, lang: 'en', view: 'questionnaire',
    assessments: [{ id: 1, level: 'N1', sheet: { format: 'vigilance.answers/1', questionnaire: grid, company: { name }, period, answers: {} } }],
    current: 1, next_id: 2,
  })]);
  await page.reload();
  await page.waitForSelector('.question');
}

async function goToLevel(page, level) {
  await page.click(`.level-tab[data-level=${level}]`);
  await page.waitForSelector(`#level-${level}`);
}

async function answer(page, q, track, value) {
  const id = value === 'yes' ? `#a-${q}-${track}` : `#a-${q}-${track}-${value}`;
  await page.check(id);
}

async function answered(page, track) {
  return Number(await page.getAttribute(`.track-progress[data-track=${track}]`, 'data-answered'));
}

async function showResults(page) {
  await page.click('button[data-view=results]');
  await resultsShown(page);
}

/** What the results screen says, in a language-independent form. */
async function resultsSummary(page) {
  return page.evaluate(() => {
    const q = (s) => [...document.querySelectorAll(s)];
    return {
      headline: document.querySelector('.headline')?.dataset.level,
      tracks: q('.track-card').map((c) => [c.dataset.track, c.dataset.level]),
      scores: q('.track-card').map((c) => [c.dataset.track,
        [...c.querySelectorAll('.bar')].map((b) => b.dataset.score ?? null)]),
      steps: q('.track-steps').map((s) => [s.dataset.track,
        [...s.querySelectorAll('.step')].map((x) => x.dataset.question)]),
    };
  });
}

// Worked example 1 of docs/method.md for forced labour, the other levels answered "no".
const EXAMPLE_FL = {
  N1: { Q01: 'yes', Q02: 'yes', Q04: 'yes', Q05: 'yes', Q06: 'yes', Q07: 'no' },
  N2: { Q08: 'yes', Q09: 'partial', Q10: 'yes', Q11: 'yes', Q13: 'yes', Q14: 'yes' },
  N3: { Q15: 'no', Q16: 'no', Q17: 'no', Q18: 'no', Q19: 'no', Q21: 'no', Q22: 'no', Q23: 'no' },
  N4: { Q24: 'no', Q25: 'no', Q26: 'no', Q28: 'no', Q29: 'no', Q30: 'no', Q31: 'no', Q32: 'no', Q33: 'no' },
};

// The same story on the default grid, rhsf-fir 1.2.0 (docs/method.md, worked example 1 on 1.2.0):
// N1 has five questions for forced labour (Q05 moved to N3), N2 ten.
const EXAMPLE_FL_12 = {
  N1: { Q01: 'yes', Q02: 'yes', Q04: 'yes', Q06: 'yes', Q07: 'no' },
  N2: { Q08: 'yes', Q09: 'partial', Q10: 'yes', Q11: 'yes', Q13: 'yes', Q14: 'yes', Q34: 'yes', Q42: 'yes', Q43: 'yes', Q45: 'yes' },
};

async function answerTrack(page, track, byLevel) {
  for (const [level, answers] of Object.entries(byLevel)) {
    await goToLevel(page, level);
    for (const [q, v] of Object.entries(answers)) await answer(page, q, track, v);
  }
}

async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'vigilance-dl-')), dl.suggestedFilename());
  await dl.saveAs(file);
  return { file, name: dl.suggestedFilename(), bytes: await fs.readFile(file) };
}

test('answers survive a reload', async () => {
  await withApp({}, async (page) => {
    await startAssessment(page);
    await answer(page, 'Q01', 'CL', 'yes');
    await answer(page, 'Q01', 'FL', 'partial');
    await page.click('#q-Q01 details.notes summary');
    await page.fill('#a-Q01-CL-comment', 'Formation des achats en mai');
    await page.fill('#a-Q01-CL-evidence', 'Plan de vigilance 2025 p. 12\nhttps://example.org/plan');
    assert.equal(await answered(page, 'CL'), 1);
    await page.reload();
    await page.waitForSelector('.question');
    assert.ok(await page.isChecked('#a-Q01-CL'));
    assert.ok(await page.isChecked('#a-Q01-FL-partial'));
    assert.equal(await page.inputValue('#a-Q01-CL-comment'), 'Formation des achats en mai');
    assert.equal(await page.inputValue('#a-Q01-CL-evidence'), 'Plan de vigilance 2025 p. 12\nhttps://example.org/plan');
    assert.equal(await answered(page, 'CL'), 1);
    assert.equal(await answered(page, 'FL'), 1);
  });
});

test('finishing the forced-labour track gives the level and next steps of docs/method.md example 1', async () => {
  await withApp({}, async (page) => {
    await startOn100(page);
    await answerTrack(page, 'FL', EXAMPLE_FL);
    assert.equal(await answered(page, 'FL'), 29);
    await showResults(page);
    const fl = page.locator('.track-card[data-track=FL]');
    assert.equal(await fl.getAttribute('data-level'), '1');
    assert.match(await fl.locator('.track-level').innerText(), /N1 — Knowledge of the subject/);
    assert.deepEqual(
      await fl.locator('.bar').evaluateAll((bars) => bars.map((b) => b.dataset.score)),
      ['83.3', '91.7', '0.0', '0.0'],
    );
    const why = await fl.locator('.why').innerText();
    assert.match(why, /score \(91\.7%\) reaches the 70% threshold/);
    assert.match(why, /Q09/);
    const steps = await page.locator('.track-steps[data-track=FL] .step')
      .evaluateAll((s) => s.map((x) => x.dataset.question));
    // docs/method.md order: the critical questions of N2 not at their full point (Q09), the other N2
    // questions (none), then N1 questions not at their full point (Q07).
    assert.deepEqual(steps, ['Q09', 'Q07']);
    // Child labour is still unanswered: the result is provisional, the headline is N0.
    assert.equal(await page.getAttribute('.headline', 'data-level'), '0');
    assert.ok(await page.isVisible('.provisional'));
  });
});

test('switching language changes every text and loses nothing', async () => {
  await withApp({ locale: 'en-GB' }, async (page) => {
    await startAssessment(page);
    await answerTrack(page, 'FL', { N1: EXAMPLE_FL_12.N1 });
    await showResults(page);
    const before = await resultsSummary(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.click('.lang-switch');
    await page.waitForSelector('text=Niveau de l\'entreprise');
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.deepEqual(await resultsSummary(page), before);
    await page.click('button[data-view=questionnaire]');
    await goToLevel(page, 'N1');
    assert.ok(await page.isChecked('#a-Q07-FL-no'));
    assert.ok(await page.isVisible('text=Question suivante sans réponse'));
    await page.click('.lang-switch');
    await page.waitForSelector('text=Next unanswered question');
    assert.equal(await answered(page, 'FL'), 5);
  });
});

test('the browser language chooses French on first visit', async () => {
  await withApp({ locale: 'fr-FR' }, async (page) => {
    await page.waitForSelector('text=Nouvelle évaluation');
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  });
});

test('an exported answer sheet imported into a fresh profile gives the same results', async () => {
  let exported;
  let expected;
  await withApp({}, async (page) => {
    await startAssessment(page, 'Export SA', '2024');
    await answerTrack(page, 'FL', { N1: EXAMPLE_FL_12.N1, N2: EXAMPLE_FL_12.N2 });
    // On 1.2.0, N/A is offered only where its condition is written: Q39 (no hospitality, travel
    // or transport activity), at N3.
    await goToLevel(page, 'N3');
    await answer(page, 'Q39', 'CL', 'na');
    await page.fill('#a-Q39-CL-justification', 'Aucune activité d\'hôtellerie, de voyage ou de transport');
    await goToLevel(page, 'N1');
    await answer(page, 'Q01', 'CL', 'yes');
    await page.click('#q-Q01 details.notes summary');
    await page.fill('#a-Q01-CL-evidence', 'Feuilles de présence 2025');
    await showResults(page);
    expected = await resultsSummary(page);
    exported = await download(page, '#download-json');
    assert.equal(exported.name, 'vigilance-export-sa-2024-answers.json');
    const sheet = JSON.parse(exported.bytes.toString('utf8'));
    assert.equal(sheet.format, 'vigilance.answers/1');
    assert.equal(sheet.company.name, 'Export SA');
    assert.equal(sheet.answers.Q39.CL.value, 'na');
    assert.deepEqual(sheet.answers.Q01.CL.evidence, ['Feuilles de présence 2025']);
  });
  await withApp({}, async (page) => {
    await page.setInputFiles('#import-file', exported.file);
    await page.waitForSelector('.question');
    await showResults(page);
    assert.deepEqual(await resultsSummary(page), expected);
    assert.match(await page.innerText('#results-title'), /Export SA/);
  });
});

test('a matrix CSV of two companies imports as two assessments, scored as the CLI scores them', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vigilance-csv-'));
  const file = path.join(dir, 'portfolio.csv');
  await fs.writeFile(file,
    '\ufeffEntreprise;Secteur;Pays;Identifiant;Période;Q01 FL;Q02 FL;Q04 FL;Q05 FL;Q06 FL;Q07 FL\n'
    + 'Alpha Matrice SA;Textile;FR;;2025;Oui;Oui;Oui;Oui;Oui;Non\n'
    + 'Beta Matrice SA;Auto;DE;;2025;Non;Non;Non;Non;Non;Non\n');
  await withApp({}, async (page) => {
    await page.setInputFiles('#import-file', file);
    await page.waitForSelector('.question');
    await showResults(page);
    const summary = await resultsSummary(page);
    const names = await page.$$eval('#assessment-switcher option', (o) => o.map((x) => x.textContent));
    assert.ok(names.some((n) => n.includes('Alpha Matrice SA')), names.join(' | '));
    assert.ok(names.some((n) => n.includes('Beta Matrice SA')), names.join(' | '));
    // The assessment shown is one of the two; Alpha reaches N1 in forced labour, Beta does not.
    const title = await page.innerText('#results-title');
    const fl = summary.tracks.find(([t]) => t === 'FL')[1];
    assert.equal(fl, title.includes('Alpha') ? '1' : '0', title);
  });
  await fs.rm(dir, { recursive: true, force: true });
});

test('the results workbook is an xlsx holding the Summary sheet', async () => {
  await withApp({}, async (page) => {
    await startAssessment(page, 'Classeur SA');
    await answerTrack(page, 'FL', { N1: EXAMPLE_FL_12.N1 });
    await showResults(page);
    const { name, bytes } = await download(page, '#download-xlsx');
    assert.equal(name, 'vigilance-classeur-sa-2025-results.xlsx');
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
    const { names, bytes: book } = zipEntry(bytes, 'xl/workbook.xml');
    const text = book.toString('utf8');
    assert.ok(names.includes('[Content_Types].xml'), names.join(', '));
    assert.match(text, /<sheet name="Summary"/);
    const strings = zipEntry(bytes, 'xl/sharedStrings.xml').bytes?.toString('utf8') ?? '';
    assert.match(strings, /Classeur SA/);
  });
});

test('N/A is not accepted without a justification', async () => {
  await withApp({}, async (page) => {
    await startAssessment(page);
    const before = await answered(page, 'FL');
    // On 1.2.0, Q19 (recruitment intermediaries, N3) is one of the few questions that offer N/A.
    await goToLevel(page, 'N3');
    await answer(page, 'Q19', 'FL', 'na');
    const alert = page.locator('#a-Q19-FL-justification-error');
    assert.ok(await alert.isVisible());
    assert.match(await alert.innerText(), /needs a justification/);
    assert.equal(await page.getAttribute('#a-Q19-FL-justification', 'aria-invalid'), 'true');
    assert.equal(await answered(page, 'FL'), before, 'not counted');
    await page.fill('#a-Q19-FL-justification', 'No recruitment agencies in our chain');
    assert.equal(await answered(page, 'FL'), before + 1, 'counted once justified');
    assert.ok(!(await alert.isVisible()));
    // Critical questions offer no N/A at all, nor do questions that apply to every company.
    assert.equal(await page.locator('#a-Q15-FL-na').count(), 0);
    assert.equal(await page.locator('#a-Q22-FL-na').count(), 0);
    await goToLevel(page, 'N1');
    // Questions without a defined "partial" offer no partial.
    assert.equal(await page.locator('#a-Q07-CL-partial').count(), 0);
  });
});

test('a corrupted saved state shows the recovery path and is kept until the user decides', async () => {
  await withApp({}, async (page) => {
    await startAssessment(page);
    await answer(page, 'Q01', 'CL', 'yes');
    const broken = '{"format":"vigilance.web-state/1","assessments":[{"sheet":';
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, broken]);
    await page.reload();
    await page.waitForSelector('#recovery-title');
    assert.match(await page.innerText('.recovery'), /could not be read back/);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), broken, 'kept');
    const raw = await download(page, '#download-raw');
    assert.equal(raw.bytes.toString('utf8'), broken);
    await page.click('#start-again');
    // Erasing asks first.
    await page.waitForSelector('#recovery-confirm');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), broken, 'kept until confirmed');
    await page.click('#recovery-confirm-button');
    await page.waitForSelector('#new-name');
    const saved = await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY);
    assert.equal(JSON.parse(saved).format, 'vigilance.web-state/1');
  });
});

/** One answer saved for 'Ancienne SA', its sheet then marked as answered on grid version 0.9.0. */
async function saveOnUnknownVersion(page) {
  await startAssessment(page, 'Ancienne SA');
  await answer(page, 'Q01', 'CL', 'yes');
  await page.evaluate((k) => {
    const s = JSON.parse(localStorage.getItem(k));
    s.assessments[0].sheet.questionnaire.version = '0.9.0';
    localStorage.setItem(k, JSON.stringify(s));
  }, STORAGE_KEY);
}

test('a state saved with another questionnaire version offers to recover its answers', async () => {
  await withApp({}, async (page) => {
    await saveOnUnknownVersion(page);
    await page.reload();
    await page.waitForSelector('#recover-readable');
    assert.match(await page.innerText('.recovery'), /0\.9\.0/);
    await page.click('#recover-readable');
    await page.click('#recovery-confirm-button');
    await page.waitForSelector('.assessment');
    assert.match(await page.innerText('.assessments'), /Ancienne SA/);
    // Read on the latest version of its grid (1.2.0: 38 + 39 answers).
    assert.match(await page.innerText('.assessments'), /1 of 77 answered/);
  });
});

test('when the file reader cannot be loaded, the recovery panel says so and keeps the saved text', async () => {
  await withApp({}, async (page, errors) => {
    await saveOnUnknownVersion(page);
    // The on-demand module (which reads the saved sheets again) cannot be fetched.
    await page.route(/vigilance_web_module/, (route) => route.abort());
    await page.reload();
    await page.waitForSelector('#recover-failed');
    assert.match(await page.innerText('#recover-failed'), /reload the page/);
    assert.equal(await page.locator('#recover-readable').count(), 0);
    assert.equal(await page.locator('#download-raw').count(), 1);
    // Nothing was overwritten.
    const kept = await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY);
    assert.match(kept, /0\.9\.0/);
    // The browser reports the blocked script: expected here.
    errors.length = 0;
  });
});

/** The Content-Security-Policy of index.html, exactly (docs/web.md and SECURITY.md state it). */
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; "
  + "connect-src 'none'; base-uri 'none'; form-action 'none'";

test('after load, the only requests are GETs of the app\'s own static files, and nothing typed leaves the page', async () => {
  const profile = await browserProfile();
  const requests = [];
  let loaded = false;
  try {
    const page = profile.context.pages()[0] || await profile.context.newPage();
    // Recorded from the very first request (the page itself), with method, body and headers.
    page.on('request', (r) => requests.push({
      method: r.method(), url: r.url(), body: r.postData(), headers: r.headers(), after: loaded,
    }));
    await page.goto(server.url);
    await page.waitForSelector('.app-header');
    loaded = true;
    const typed = ['Secret Typed SA', 'Fournisseur confidentiel 42', 'Preuve interne 7'];
    await startAssessment(page, typed[0], '2031');
    await answerTrack(page, 'FL', { N1: EXAMPLE_FL_12.N1 });
    await page.click('#q-Q01 details.notes summary');
    await page.fill('#a-Q01-FL-comment', typed[1]);
    await page.fill('#a-Q01-FL-evidence', typed[2]);
    await page.click('#next-unanswered');
    await showResults(page);
    await page.check('#substantiated');
    await page.click('.lang-switch');
    await download(page, '#download-json');
    await download(page, '#download-xlsx');
    await page.click('button[data-view=start]');
    await page.setInputFiles('#import-file', path.join(FIXTURES, 'matrix-filled-en.xlsx'));
    await page.waitForSelector('.question');
    // A light-grid assessment: its grid is loaded from the app's own files.
    await page.click('button[data-view=start]');
    await page.check('#grid-rhsf-fir-sme');
    await page.fill('#new-name', typed[0]);
    await page.click('#start-button');
    await page.waitForSelector('#q-S01');

    // The policy says exactly that, and the browser enforces it: fetch (GET or POST, here or
    // elsewhere) fails, and a beacon is never sent (no request below but GETs).
    assert.equal(await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content'), CSP);
    const attempts = await page.evaluate(async () => {
      const tryIt = (p) => p.then(() => 'sent', () => 'blocked');
      navigator.sendBeacon('./index.html', 'x');
      return [
        await tryIt(fetch('./index.html')),
        await tryIt(fetch('./index.html', { method: 'POST', body: 'x' })),
        await tryIt(fetch('https://example.org/')),
      ];
    });
    assert.deepEqual(attempts, ['blocked', 'blocked', 'blocked']);
    await page.waitForTimeout(300);

    const origin = new URL(server.url).origin;
    const prefix = new URL(server.url).pathname;
    for (const r of requests) {
      if (/^(blob|data):/.test(r.url)) continue; // made in the page: downloads
      const u = new URL(r.url);
      const where = `${r.method} ${r.url}`;
      assert.equal(r.method, 'GET', where);
      assert.equal(u.origin, origin, `${where}: another origin`);
      assert.equal(u.search, '', `${where}: a query string`);
      assert.equal(r.body, null, `${where}: a body`);
      assert.ok(u.pathname.startsWith(prefix), `${where}: outside the app`);
      const rel = decodeURIComponent(u.pathname.slice(prefix.length)) || 'index.html';
      assert.ok(fsSync.existsSync(path.join(DIST, rel)), `${where}: not a file of web/dist`);
      for (const t of typed) {
        assert.ok(!JSON.stringify(r).includes(t), `${where}: carries typed text`);
        assert.ok(!JSON.stringify(r).includes(encodeURIComponent(t)), `${where}: carries typed text`);
      }
    }
    // After load: the on-demand module (its two scripts, once each), the default grid's full
    // file (embedded without its regulation mapping, loaded with the results), the file of grid
    // 1.0.0 (the grid the imported matrix names) and the light grid's file, nothing else.
    const after = requests.filter((r) => r.after && !/^(blob|data):/.test(r.url))
      .map((r) => new URL(r.url).pathname.slice(prefix.length)).sort();
    assert.deepEqual(after, ['grid-rhsf-fir-1.0.0.js', 'grid-rhsf-fir-1.2.0.js', 'grid-rhsf-fir-sme-1.1.0.js', 'vigilance_web_module.js', 'vigilance_web_module_wasm.js']);

  } finally {
    await profile.close();
  }
});

test('a filled Excel answer template imports as one assessment, read in the browser', async () => {
  await withApp({}, async (page) => {
    await page.setInputFiles('#import-file', path.join(FIXTURES, 'template-filled-fr.xlsx'));
    await page.waitForSelector('.question');
    assert.match(await page.innerText('.view-title'), /Modèle Rempli SA — 2025/);
    // On the grid the template was written for (1.0.0), not the default one.
    assert.match(await page.innerText('#grid-line'), /rhsf-fir 1\.0\.0/);
    await showResults(page);
    const s = await resultsSummary(page);
    // N1 and N2 "Oui", N3 "Partiellement", N4 "Non": N2 in both tracks.
    assert.deepEqual(s.tracks, [['CL', '2'], ['FL', '2']]);
    assert.equal(s.headline, '2');
  });
});

test('a filled light-grid Excel answer template imports on the light grid, with the full grid selected', async () => {
  await withApp({}, async (page) => {
    // A supplier's filled template (`vigilance template --questionnaire rhsf-fir-sme`), imported
    // on the start page while the full grid is the one selected for new assessments: the file
    // is read on the grid it names, as the CLI reads it.
    assert.ok(await page.isChecked('#grid-rhsf-fir'));
    await page.setInputFiles('#import-file', path.join(FIXTURES, 'template-filled-sme-en.xlsx'));
    await page.waitForSelector('.question, #import-file ~ .error, .card .error');
    assert.equal(await page.locator('.error').count(), 0,
      `no refusal: ${await page.locator('.error').allInnerTexts()}`);
    assert.match(await page.innerText('.view-title'), /Light Template Supplier Ltd — 2025/);
    assert.match(await page.innerText('#grid-line'), /rhsf-fir-sme 1\.0\.0/);
    assert.ok(await page.isVisible('#q-S01'));
    const sheet = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).assessments[0].sheet, STORAGE_KEY);
    assert.deepEqual(sheet.questionnaire, { id: 'rhsf-fir-sme', version: '1.0.0' });
    assert.deepEqual([sheet.company.buyer, sheet.company.tier], ['Buyer Example SA', '1']);
    // Every answer of both tracks: 16 questions each.
    assert.equal(Object.values(sheet.answers).flatMap((t) => Object.keys(t)).length, 32);
    // A bare answer is saved as its value alone.
    assert.deepEqual([sheet.answers.S01.CL, sheet.answers.S10.FL, sheet.answers.S16.CL], ['yes', 'partial', 'no']);
    await showResults(page);
    const s = await resultsSummary(page);
    // What `vigilance score` gives for the same file: N1 and N2 "Yes", N3 "Partially", N4 "No"
    // is N2 in both tracks, complete (not provisional).
    assert.deepEqual(s.tracks, [['CL', '2'], ['FL', '2']]);
    assert.equal(s.headline, '2');
    assert.equal(await page.locator('.provisional').count(), 0);
    assert.match(await page.innerText('.report-head'), /rhsf-fir-sme 1\.0\.0/);
  });
});

test('an Excel matrix of two companies imports as two assessments', async () => {
  await withApp({}, async (page) => {
    await page.setInputFiles('#import-file', path.join(FIXTURES, 'matrix-filled-en.xlsx'));
    await page.waitForSelector('.question');
    const names = await page.$$eval('#assessment-switcher option', (o) => o.map((x) => x.textContent));
    assert.ok(names.some((n) => n.includes('Alpha Workbook Ltd')), names.join(' | '));
    assert.ok(names.some((n) => n.includes('Beta Workbook Ltd')), names.join(' | '));
  });
});

test('several assessments are kept and switched, and one can be compared with another', async () => {
  await withApp({}, async (page) => {
    await startAssessment(page, 'Exemple SA', '2024');
    await answerTrack(page, 'FL', { N1: { ...EXAMPLE_FL_12.N1, Q07: 'no', Q01: 'no' } });
    await page.click('button[data-view=start]');
    await startAssessment(page, 'Exemple SA', '2025');
    await answerTrack(page, 'FL', { N1: EXAMPLE_FL_12.N1 });
    await showResults(page);
    await page.selectOption('#compare-with', { label: 'Exemple SA — 2024' });
    await page.waitForSelector('.comparison-table');
    const row = await page.locator('.comparison-table tr[data-row=FL-N1] td').allInnerTexts();
    assert.deepEqual(row, ['60.0%', '80.0%', '+20.0 pt']);
    await page.selectOption('#assessment-switcher', { label: 'Exemple SA — 2024' });
    await page.waitForSelector('.question');
    assert.ok(await page.isChecked('#a-Q01-FL-no'));
  });
});

test('keyboard only: start, answer with the keyboard, jump to the next unanswered question', async () => {
  await withApp({}, async (page) => {
    await page.focus('#new-name');
    await page.keyboard.type('Clavier SA');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.question');
    await page.focus('#next-unanswered');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'a-Q01-CL');
    await page.keyboard.press('Space');
    assert.ok(await page.isChecked('#a-Q01-CL'));
    await page.focus('#next-unanswered');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'a-Q01-FL');
    // Every visible control has an accessible name.
    const unnamed = await page.evaluate(() => [...document.querySelectorAll('button, input, select, textarea')]
      .filter((el) => el.offsetParent !== null)
      .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.textContent.trim()))
      .map((el) => el.outerHTML.slice(0, 80)));
    assert.deepEqual(unnamed, []);
  });
});
