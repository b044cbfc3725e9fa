// Accessibility in headless Chromium: axe-core on every view (start, questionnaire, results,
// recovery) in French and in English, zero violations of any impact; one h1 per view; landmarks
// unique. axe is loaded through the devtools protocol (page.evaluate of its source): the app's
// Content-Security-Policy forbids injected script tags, and rightly so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browserProfile, openApp, answerEverything, audit, resultsShown } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

for (const locale of ['fr-FR', 'en-GB']) {
  test(`axe finds nothing on any view (${locale})`, async () => {
    const profile = await browserProfile({ locale });
    try {
      const { page, errors } = await openApp(profile.context, server.url);
      await audit(page, 'start');
      await page.fill('#new-name', 'Accessible SA');
      await page.click('#start-button');
      await page.waitForSelector('.question');
      // N/A with its justification field open (Q19 offers N/A on its written condition, at N3).
      await page.click('.level-tab[data-level=N3]');
      await page.waitForSelector('#level-N3');
      await page.check('#a-Q19-FL-na');
      await audit(page, 'questionnaire');
      await answerEverything(page, (level, offered) => (level === 'N1' ? 'yes' : offered.includes('partial') ? 'partial' : 'no'));
      await page.click('button[data-view=results]');
      await resultsShown(page);
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
