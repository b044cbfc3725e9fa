// The questionnaire keeps the user's place, focus and work (issue 23, from the first-use review
// in ../shared/reviews/web-first-use.md): landing at the top of a level with the focus there,
// history entries and titles per view, the keyboard focus kept on the option chosen, notes kept
// when an answer is cleared, imports refused in plain words or announced, the printed report's
// provenance and date, the upgrade offered once where the user lands.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serve, resultsShown, withApp as harnessWithApp } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

const withApp = (options, fn) => harnessWithApp(server.url, options, fn);
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const STORAGE_KEY = 'vigilance.web.state';

async function start(page, name = 'Flux SA', period = '2025') {
  await page.fill('#new-name', name);
  await page.fill('#new-period', period);
  await page.click('#start-button');
  await page.waitForSelector('.question');
}

const active = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);

/** Where an element sits once the page has painted (two frames: the app aligns a landing again
 * at the next frame): its top, the sticky toolbar's bottom (0 when it does not stick). */
const placeOf = (page, selector) => page.evaluate(async (selector) => {
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const bar = document.querySelector('.toolbar');
  // Only a toolbar stuck at the top of the window covers anything.
  const sticky = bar && getComputedStyle(bar).position === 'sticky' && bar.getBoundingClientRect().top <= 1;
  const r = document.querySelector(selector).getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, bar: sticky ? bar.getBoundingClientRect().bottom : 0, height: innerHeight };
}, selector);

/** The element is on screen, below the sticky toolbar. */
async function inView(page, selector, what) {
  const p = await placeOf(page, selector);
  assert.ok(p.top >= p.bar - 1, `${what}: top ${p.top} under the toolbar (bottom ${p.bar})`);
  assert.ok(p.bottom <= p.height, `${what}: bottom ${p.bottom} below the window (${p.height})`);
}

for (const [name, viewport] of [['desktop', DESKTOP], ['390 px', PHONE]]) {
  test(`changing level lands at the level's heading and first question, with the focus (${name})`, async () => {
    await withApp({ viewport }, async (page) => {
      await start(page);
      assert.equal(await active(page), 'level-N1', 'starting lands on N1');
      await inView(page, '#level-N1', 'N1 heading after start');
      // From the bottom of N1, "Next level".
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.click('.level-pager button.primary');
      await page.waitForSelector('#level-N2');
      assert.equal(await active(page), 'level-N2');
      await inView(page, '#level-N2', 'N2 heading');
      const first = await page.$eval('.level .question', (q) => q.id);
      const q = await placeOf(page, `#${first}`);
      assert.ok(q.top < q.height, `the first question of N2 (${first}) is on screen`);
      // A level card, from the middle of the level.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
      await page.click('.level-tab[data-level=N3]');
      await page.waitForSelector('#level-N3');
      assert.equal(await active(page), 'level-N3');
      await inView(page, '#level-N3', 'N3 heading after its card');
    });
  });
}

test('keyboard only: five answers, the focus stays on the option chosen each time; N/A moves it to the justification', async () => {
  await withApp({}, async (page) => {
    await start(page, 'Clavier SA');
    const chosen = [];
    for (let i = 0; i < 5; i++) {
      await page.focus('#next-unanswered');
      await page.keyboard.press('Enter');
      const anchor = await active(page);
      assert.match(anchor, /^a-Q\d+-(CL|FL)$/, `answer ${i + 1}: the focus is on the first choice`);
      await page.keyboard.press('Space');
      assert.equal(await active(page), anchor, `answer ${i + 1}: the focus stays on the choice (Space)`);
      assert.ok(await page.isChecked(`#${anchor}`));
      await page.keyboard.press('ArrowRight');
      const next = await active(page);
      assert.notEqual(next, 'BODY', `answer ${i + 1}: arrow keys keep working`);
      assert.ok(await page.isChecked(`#${next}`), `answer ${i + 1}: the arrow chose ${next}`);
      await inView(page, `#${next}`, `answer ${i + 1}`);
      chosen.push(anchor);
    }
    assert.equal(new Set(chosen).size, 5, `five different answers (${chosen.join(', ')}): "next unanswered" moves forward`);
    // N/A: its justification is the next thing to type (offered on a few N3 and N4 questions only).
    await page.click('.level-tab[data-level=N3]');
    await page.waitForSelector('#level-N3');
    const na = await page.$eval('.level input[type=radio][value=na]', (r) => r.id);
    await page.focus(na.replace(/^/, '#'));
    await page.keyboard.press('Space');
    assert.equal(await active(page), `${na.replace(/-na$/, '')}-justification`);
    // Shift+Tab back through the controls: each focused one stays clear of the sticky toolbar.
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Shift+Tab');
      // After the app's own scrolling (a task queued on focus).
      await page.evaluate(() => new Promise((ok) => setTimeout(ok, 0)));
      const id = await page.evaluate(() => {
        const e = document.activeElement;
        if (!e.id) e.id = `focused-${Math.random().toString(36).slice(2)}`;
        return e.closest('.toolbar') ? null : e.id;
      });
      if (id) await inView(page, `#${id}`, `Shift+Tab step ${i + 1}`);
    }
  });
});

test('"Clear answer" clears the value and keeps the comment and evidence for the next value', async () => {
  await withApp({}, async (page) => {
    await start(page);
    await page.check('#a-Q01-CL');
    await page.click('fieldset[data-track=CL] details.notes summary');
    await page.fill('#a-Q01-CL-comment', 'Formation en mai');
    await page.fill('#a-Q01-CL-evidence', 'Plan p. 12');
    await page.click('fieldset[data-track=CL] .clear');
    assert.equal(await page.isChecked('#a-Q01-CL'), false, 'the value is cleared');
    assert.ok(await page.isVisible('#a-Q01-CL-kept'), 'the card says the notes are kept');
    // Kept through a reload.
    await page.reload();
    await page.waitForSelector('#a-Q01-CL-kept');
    await page.check('#a-Q01-CL-no');
    assert.equal(await page.inputValue('#a-Q01-CL-comment'), 'Formation en mai');
    assert.equal(await page.inputValue('#a-Q01-CL-evidence'), 'Plan p. 12');
  });
});

test('a file that is not a Vigilance answer sheet is refused in plain words, and nothing is added', async () => {
  await withApp({ locale: 'fr-FR' }, async (page) => {
    for (const [name, text, words] of [
      ['hello.json', '{"hello":1}', /Ce fichier n'est pas une fiche de réponses Vigilance/],
      ['cut.json', '{"format": "vigilance.answers/1", "answers": {"Q01": ', /incomplet ou endommagé/],
    ]) {
      await page.setInputFiles('#import-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
      const error = page.locator('.card .error');
      await error.waitFor();
      const said = await error.textContent();
      assert.match(said, words, name);
      assert.doesNotMatch(said, /EOF|parsing|column|colonne/, `${name}: no parser message`);
      assert.equal(await page.locator('.assessment').count(), 0, `${name}: no assessment added`);
    }
  });
});

test('an import is announced; the same company and period imported again asks first', async () => {
  await withApp({ locale: 'en-GB' }, async (page) => {
    const sheet = JSON.stringify({
      format: 'vigilance.answers/1', questionnaire: { id: 'rhsf-fir', version: '1.2.0' },
      company: { name: 'Import SA' }, period: '2024', answers: { Q01: { CL: 'yes' } },
    });
    const file = { name: 'import.json', mimeType: 'application/json', buffer: Buffer.from(sheet) };
    await page.setInputFiles('#import-file', file);
    await page.waitForSelector('.question');
    assert.match(await page.textContent('#announce[role=status]'), /Imported: Import SA — 2024/);
    assert.equal(await active(page), 'level-N1', 'the import lands on N1');
    await page.click('button[data-view=start]');
    await page.setInputFiles('#import-file', file);
    await page.waitForSelector('#import-duplicate');
    await page.click('#import-cancel');
    assert.equal(await page.locator('.assessment').count(), 1, 'cancelled: still one');
    await page.setInputFiles('#import-file', file);
    await page.click('#import-anyway');
    await page.waitForSelector('.question');
    await page.click('button[data-view=start]');
    const names = await page.$$eval('.assessment .name', (n) => n.map((x) => x.textContent));
    assert.equal(names.length, 2);
    assert.notEqual(names[0], names[1], `the two copies read apart (${names.join(' | ')})`);
  });
});

test('Back and Forward move between the app\'s views and levels, each with its own title', async () => {
  await withApp({ locale: 'en-GB' }, async (page) => {
    const startTitle = await page.title();
    await start(page, 'Retour SA');
    const n1 = await page.title();
    await page.click('.level-tab[data-level=N2]');
    await page.waitForSelector('#level-N2');
    const n2 = await page.title();
    await page.click('button[data-view=results]');
    await resultsShown(page);
    const results = await page.title();
    assert.equal(new Set([startTitle, n1, n2, results]).size, 4, `four titles: ${[startTitle, n1, n2, results].join(' | ')}`);
    assert.match(results, /Results — Retour SA — 2025/);
    await page.goBack();
    await page.waitForSelector('#level-N2');
    assert.equal(await page.title(), n2);
    await page.goBack();
    await page.waitForSelector('#level-N1');
    assert.equal(await active(page), 'level-N1', 'Back lands on the level, with the focus');
    await page.goBack();
    await page.waitForSelector('#start-title');
    assert.equal(await page.title(), startTitle);
    await page.goForward();
    await page.waitForSelector('#level-N1');
    assert.ok(page.url().startsWith(server.url), 'still in the app');
  });
});

test('the printed results carry the provenance, the period and date, the grid and the framework printed', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vigilance-print-'));
  const pdf = path.join(dir, 'report.pdf');
  try {
    await withApp({ locale: 'en-GB' }, async (page) => {
      await start(page, 'Print Flow SA', '2025');
      await page.check('#a-Q01-CL');
      await page.click('button[data-view=results]');
      await resultsShown(page);
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
    });
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const today = new Date().toISOString().slice(0, 10);
    assert.match(text, /period 2025/);
    assert.ok(text.includes(`answers of ${today}`), 'the date of the answers');
    assert.match(text, /rhsf-fir 1\.2\.0/, 'the grid and its version');
    assert.match(text, /not endorsed by RHSF or the FIR/, 'the provenance line');
    assert.match(text, /This report prints the framework chosen on screen/, 'which framework is printed');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('an assessment on an earlier grid is offered the upgrade where the user lands, once, and its copy reads apart', async () => {
  await withApp({ locale: 'en-GB' }, async (page) => {
    const grid = { id: 'rhsf-fir', version: '1.0.0' };
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, JSON.stringify({
      format: 'vigilance.web-state/1', questionnaire: grid, lang: 'en', view: 'questionnaire',
      assessments: [{ id: 1, level: 'N1', sheet: { format: 'vigilance.answers/1', questionnaire: grid, company: { name: 'Ancien SA' }, period: '2025', answers: { Q01: { CL: 'yes' }, Q12: { CL: 'yes' } } } }],
      current: 1, next_id: 2,
    })]);
    await page.reload();
    await page.waitForSelector('#upgrade-here');
    await page.click('#upgrade-here');
    await page.waitForSelector('#upgrade-note');
    assert.equal(await active(page), 'upgrade-note-title', 'lands on what the upgrade changed');
    await inView(page, '#upgrade-note-title', 'the upgrade note');
    assert.match(await page.textContent('#announce'), /Copy made/);
    assert.equal(await page.locator('#upgrade-here').count(), 0, 'not offered on the copy');
    const names = await page.$$eval('#assessment-switcher option', (o) => o.map((x) => x.textContent));
    assert.equal(names.length, 2);
    assert.ok(names.some((n) => n.includes('1.0.0')) && names.some((n) => n.includes('1.2.0')), `names carry the grid version: ${names.join(' | ')}`);
    // The revised questions are flagged, and the note's ids lead to them.
    await page.click('#upgrade-revised button:has-text("Q12")');
    assert.match(await active(page), /^a-Q12-/);
    assert.ok(await page.isVisible('#q-Q12 .badge.revised'));
    // The original no longer offers a second copy.
    await page.selectOption('#assessment-switcher', '1');
    await page.waitForSelector('.question');
    assert.equal(await page.locator('#upgrade-here').count(), 0, 'offered once');
    await page.click('button[data-view=start]');
    assert.equal(await page.locator('#upgrade-1').count(), 0, 'nor on the start page');
  });
});
