// Accessibility in headless Chromium: axe-core on every view (start, questionnaire, results,
// recovery) in French and in English, zero violations of any impact; one h1 per view; landmarks
// unique. axe is loaded through the devtools protocol (page.evaluate of its source): the app's
// Content-Security-Policy forbids injected script tags, and rightly so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { serve, browserProfile, openApp, answerEverything } from './harness.mjs';

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

/** axe's violations on the page as it is, and the page's h1s and landmarks. */
async function audit(page, view) {
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

for (const locale of ['fr-FR', 'en-GB']) {
  test(`axe finds nothing on any view (${locale})`, async () => {
    const profile = await browserProfile({ locale });
    try {
      const { page, errors } = await openApp(profile.context, server.url);
      await audit(page, 'start');
      await page.fill('#new-name', 'Accessible SA');
      await page.click('#start-button');
      await page.waitForSelector('.question');
      await page.check('#a-Q02-FL-na');
      await audit(page, 'questionnaire');
      await answerEverything(page, (level, offered) => (level === 'N1' ? 'yes' : offered.includes('partial') ? 'partial' : 'no'));
      await page.click('button[data-view=results]');
      await page.waitForSelector('.results');
      await audit(page, 'results');
      await page.click('button[data-view=start]');
      await page.waitForSelector('.assessments');
      await audit(page, 'start with an assessment');
      await page.evaluate(() => localStorage.setItem('vigilance.web.state', '{"format":"vigilance.web-state/1",'));
      await page.reload();
      await page.waitForSelector('#recovery-title');
      await audit(page, 'recovery');
      assert.deepEqual(errors, []);
    } finally {
      await profile.close();
    }
  });
}
