// End-to-end tests of the grids in the app: the choice of grid for a new assessment (a light-grid
// assessment completed through the UI), the provenance on the start page and in the footer, the
// upgrade of a saved 1.0.0 assessment to a copy on the latest version, the comparison across versions, and the
// Regulations section of the results; each new view audited by axe-core (both languages) and
// checked at 360 px for sideways scrolling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, browserProfile, openApp, answerEverything, audit, noSidewaysScroll, resultsShown, withApp as harnessWithApp } from './harness.mjs';

const STORAGE_KEY = 'vigilance.web.state';
const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/examples-1.0/examples-2024');
const PHONE = { width: 360, height: 740 };
let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

/** The app served by this file's server, in a fresh profile (see harness.mjs). */
const withApp = (options, fn) => harnessWithApp(server.url, options, fn);

/** A state saved by the app before grid 1.1.0 existed: one assessment on rhsf-fir 1.0.0. */
function savedOn100(answers) {
  const grid = { id: 'rhsf-fir', version: '1.0.0' };
  return JSON.stringify({
    format: 'vigilance.web-state/1', questionnaire: grid, lang: 'en', view: 'start',
    assessments: [{
      id: 1, level: 'N1',
      sheet: { format: 'vigilance.answers/1', questionnaire: grid, company: { name: 'Ancienne SA' }, period: '2024', answers },
    }],
    current: 1, next_id: 2,
  });
}

test('provenance is shown once per page: on the start page with RHSF and FIR spelled out, in the footer elsewhere, in both languages', async () => {
  await withApp({ locale: 'en-GB' }, async (page) => {
    const start = await page.innerText('#start-provenance');
    assert.match(start, /four maturity levels/);
    assert.match(start, /not endorsed by RHSF or the FIR/);
    assert.match(start, /Ressources Humaines Sans Frontières, an NGO/);
    // Once on the start page: not again in its footer (review defect 26).
    assert.equal(await page.locator('#footer-provenance').count(), 0);
    assert.equal((await page.innerText('body')).split('not endorsed by RHSF or the FIR').length, 2);
    assert.match(await page.innerText('.app-footer'), /four-level grid \(RHSF\/FIR maturity levels\)/);
    assert.doesNotMatch(await page.innerText('body'), /RHSF\/FIR grid/);
    await page.click('.lang-switch');
    await page.waitForSelector('html[lang=fr]');
    assert.match(await page.innerText('#start-provenance'), /ni validés ni approuvés par RHSF ou le FIR/);
    assert.match(await page.innerText('#acronyms'), /Forum pour l.Investissement Responsable/);
    // The other views carry it in their footer.
    await page.fill('#new-name', 'Provenance SA');
    await page.click('#start-button');
    await page.waitForSelector('.question');
    assert.match(await page.innerText('#footer-provenance'), /ni validés ni approuvés par RHSF ou le FIR/);
  });
});

test('a light-grid assessment is completed through the app and gives a level per track', async () => {
  const requested = [];
  await withApp({ locale: 'en-GB' }, async (page) => {
    page.on('request', (r) => requested.push(new URL(r.url()).pathname.split('/').pop()));
    // The full grid is the default; each choice has its one-line description.
    assert.ok(await page.isChecked('#grid-rhsf-fir'));
    assert.match(await page.innerText('#grid-rhsf-fir-sme-desc'), /SMEs/);
    // NACE for every grid; buyer and tier only on the light grid.
    assert.ok(await page.isVisible('#new-nace'));
    assert.equal(await page.locator('#new-buyer').count(), 0);
    await page.check('#grid-rhsf-fir-sme');
    await page.fill('#new-name', 'Fournisseur SARL');
    await page.fill('#new-buyer', 'Acheteur Exemple SA');
    await page.selectOption('#new-tier', '2');
    await page.fill('#new-nace', '14');
    assert.match(await page.innerText('#new-nace-hint'), /C14/);
    await page.click('#start-button');
    await page.waitForSelector('.question');
    const company = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).assessments[0].sheet.company, STORAGE_KEY);
    // Kept as typed; scored and exported as the code it names (C14).
    assert.deepEqual([company.buyer, company.tier, company.nace], ['Acheteur Exemple SA', '2', '14']);
    assert.ok(requested.includes('grid-rhsf-fir-sme-1.1.0.js'), 'the light grid is loaded on demand');
    assert.match(await page.innerText('#grid-line'), /rhsf-fir-sme 1\.1\.0/);
    assert.ok(await page.isVisible('#q-S01'));
    await answerEverything(page, (level, offered) => (level === 'N4' ? 'no' : 'yes'));
    await page.click('button[data-view=results]');
    await resultsShown(page);
    assert.equal(await page.getAttribute('.track-card[data-track=CL]', 'data-level'), '3');
    assert.equal(await page.getAttribute('.track-card[data-track=FL]', 'data-level'), '3');
    assert.equal(await page.getAttribute('.headline', 'data-level'), '3');
    assert.match(await page.innerText('.report-head'), /rhsf-fir-sme 1\.1\.0/);
    // The light grid maps no regulation: no Regulations section.
    assert.equal(await page.locator('#regulations').count(), 0);
    // The assessment keeps its grid across a reload.
    await page.reload();
    await resultsShown(page);
    assert.equal(await page.getAttribute('.headline', 'data-level'), '3');
    assert.match(await page.innerText('.report-head'), /rhsf-fir-sme 1\.1\.0/);
  });
});

test('a saved 1.0.0 assessment keeps working and is upgraded to a copy on the latest version (1.2.0), the original kept', async () => {
  await withApp({ locale: 'en-GB' }, async (page) => {
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, savedOn100({
      Q01: { CL: { value: 'yes' }, FL: { value: 'yes' } },
      Q12: { CL: { value: 'yes' } },
    })]);
    await page.reload();
    await page.waitForSelector('#upgrade-1');
    assert.match(await page.innerText('.assessments'), /Ancienne SA — 2024/);
    assert.match(await page.innerText('.assessments'), /3 of 58 answered/);
    assert.match(await page.innerText('.assessments'), /rhsf-fir 1\.0\.0/);
    await page.click('#upgrade-1');
    await page.waitForSelector('#upgrade-note');
    assert.match(await page.innerText('#grid-line'), /rhsf-fir 1\.2\.0/);
    assert.match(await page.innerText('#upgrade-carried'), /Q01/);
    assert.match(await page.innerText('#upgrade-revised'), /Q12/);
    assert.equal(await page.getAttribute('#upgrade-added', 'data-count'), '12');
    const added = await page.innerText('#upgrade-added');
    for (const q of ['Q34', 'Q35', 'Q36', 'Q37', 'Q38', 'Q39', 'Q40', 'Q41', 'Q42', 'Q43', 'Q44', 'Q45']) assert.match(added, new RegExp(q));
    // The carried answers are there; the revised one is to answer again.
    assert.ok(await page.isChecked('#a-Q01-CL'));
    // Provisional until the new questions are answered; compared with the 1.0.0 original.
    await page.click('button[data-view=results]');
    await resultsShown(page);
    assert.ok(await page.isVisible('.provisional'));
    assert.match(await page.innerText('#comparison-versions'), /1\.0\.0 → 1\.2\.0/);
    assert.match(await page.innerText('#comparison-shared'), /both versions share: 33/);
    // Both are kept: the 1.0.0 one still scores on 1.0.0.
    await page.click('button[data-view=start]');
    const list = await page.innerText('.assessments');
    assert.match(list, /rhsf-fir 1\.0\.0/);
    assert.match(list, /rhsf-fir 1\.2\.0/);
    assert.equal(await page.locator('.assessment').count(), 2);
  });
});

test('an answer sheet on grid 1.0.0 imports as a 1.0.0 assessment, its grid loaded on demand', async () => {
  const requested = [];
  await withApp({ locale: 'en-GB' }, async (page) => {
    page.on('request', (r) => requested.push(new URL(r.url()).pathname.split('/').pop()));
    await page.setInputFiles('#import-file', path.join(EXAMPLES, '01-industry.json'));
    await page.waitForSelector('.question');
    assert.ok(requested.includes('grid-rhsf-fir-1.0.0.js'));
    assert.match(await page.innerText('#grid-line'), /rhsf-fir 1\.0\.0/);
    await page.click('button[data-view=start]');
    assert.match(await page.innerText('.assessments'), /rhsf-fir 1\.0\.0/);
    assert.ok(await page.isVisible('#upgrade-1'));
  });
});

test('the Regulations section offers the frameworks of the grid, with statuses and the disclaimer', async () => {
  await withApp({ locale: 'en-GB' }, async (page) => {
    // The default grid's regulation mapping is not in the first download: its full file is
    // fetched once, when the results are first shown, never before.
    const grids = [];
    page.on('request', (r) => { if (/grid-[^/]*\.js$/.test(new URL(r.url()).pathname)) grids.push(new URL(r.url()).pathname); });
    await page.fill('#new-name', 'Réglementée SA');
    await page.click('#start-button');
    await page.waitForSelector('.question');
    await answerEverything(page, (level, offered) => (level === 'N4' ? 'no' : 'yes'));
    assert.deepEqual(grids, [], 'no grid file before the results');
    await page.click('button[data-view=results]');
    await resultsShown(page);
    await page.waitForSelector('#framework-select');
    assert.deepEqual(grids.map((p) => p.split('/').pop()), ['grid-rhsf-fir-1.2.0.js']);
    assert.match(await page.innerText('#coverage-disclaimer'), /neither a legal opinion/);
    const options = await page.$$eval('#framework-select option', (o) => o.map((x) => x.textContent));
    assert.ok(options.length >= 9, `frameworks: ${options.join(', ')}`);
    const statuses = async () => page.$$eval('.coverage-table td', (c) => c.map((x) => x.dataset.status));
    const title = await page.innerText('#framework-title');
    await page.selectOption('#framework-select', { index: 1 });
    await page.waitForFunction((t) => document.querySelector('#framework-title').textContent !== t, title);
    // Across all frameworks: requirements whose linked answers are all at full point (N1-N3
    // answered yes), with no points (N4 answered no), frameworks that only inform (no status),
    // and requirements no question covers, which say so.
    const all = [];
    for (let i = 0; i < options.length; i++) {
      await page.selectOption('#framework-select', { index: i });
      all.push(...await statuses());
    }
    for (const s of ['all_full', 'none', 'informs', 'not_covered']) assert.ok(all.includes(s), `a requirement ${s}`);
    assert.ok(!all.some((s) => ['met', 'partly_met', 'not_met'].includes(s)), 'no conformity status');
    if (!(await statuses()).includes('not_covered')) {
      for (let i = 0; i < options.length; i++) {
        await page.selectOption('#framework-select', { index: i });
        if ((await statuses()).includes('not_covered')) break;
      }
    }
    assert.match(await page.innerText('.coverage-table'), /Not covered by the grid/);
  });
});

for (const locale of ['fr-FR', 'en-GB']) {
  test(`the new views: axe finds nothing, and nothing scrolls sideways at 360 px (${locale})`, async () => {
    await withApp({ locale, viewport: PHONE }, async (page) => {
      await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, savedOn100({
        Q01: { CL: { value: 'yes' } }, Q12: { CL: { value: 'no' } },
      })]);
      await page.reload();
      await page.waitForSelector('#upgrade-1');
      await audit(page, 'start with an upgrade offer');
      await noSidewaysScroll(page, 'start with an upgrade offer');
      await page.click('#upgrade-1');
      await page.waitForSelector('#upgrade-note');
      await audit(page, 'questionnaire after the upgrade');
      await noSidewaysScroll(page, 'questionnaire after the upgrade');
      await answerEverything(page, (level, offered) => (level === 'N1' ? 'yes' : offered.includes('partial') ? 'partial' : 'no'));
      await page.click('button[data-view=results]');
      await page.waitForSelector('#framework-select');
      await page.selectOption('#framework-select', { index: 3 });
      await audit(page, 'results with regulations, compared across versions');
      await noSidewaysScroll(page, 'results with regulations, compared across versions');
      await page.click('button[data-view=start]');
      await page.check('#grid-rhsf-fir-sme');
      await page.fill('#new-name', 'Petite Entreprise des Établissements Réunis SARL');
      await page.click('#start-button');
      await page.waitForSelector('.question');
      await audit(page, 'light-grid questionnaire');
      await noSidewaysScroll(page, 'light-grid questionnaire');
      await page.click('button[data-view=results]');
      await resultsShown(page);
      await audit(page, 'light-grid results');
      await noSidewaysScroll(page, 'light-grid results');
    });
  });
}
