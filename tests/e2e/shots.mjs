// Not a test: screenshots of every view at desktop and phone widths, for a person to look at.
// Usage: node shots.mjs <out-dir>
import path from 'node:path';
import fs from 'node:fs/promises';
import { serve, browserProfile, openApp, answerEverything, resultsShown } from './harness.mjs';

const out = process.argv[2] || '/tmp/vigilance-shots';
await fs.mkdir(out, { recursive: true });
const server = await serve();
for (const [tag, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 360, height: 740 }]]) {
  const profile = await browserProfile({ viewport });
  try {
    const { page } = await openApp(profile.context, server.url);
    const shot = async (name) => {
      const w = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      console.log(tag, name, 'scrollWidth/clientWidth', w.join('/'));
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(out, `${tag}-${name}.png`), fullPage: name !== 'questionnaire' });
    };
    await shot('start');
    await page.fill('#new-name', 'Exemple Textile SA');
    await page.fill('#new-period', '2025');
    await page.click('#start-button');
    await page.waitForSelector('.question');
    await shot('questionnaire');
    await answerEverything(page, (level) => ({ N1: 'yes', N2: 'yes', N3: 'partial', N4: 'no' })[level]);
    await page.click('button[data-view=results]');
    await resultsShown(page);
    await shot('results');
    await page.locator('#regulations').screenshot({ path: path.join(out, `${tag}-regulations.png`) });
    if (tag === 'desktop') await page.pdf({ path: path.join(out, 'print.pdf'), format: 'A4', printBackground: true });
    // A light-grid assessment.
    await page.click('button[data-view=start]');
    await page.check('#grid-rhsf-fir-sme');
    await shot('start-light-grid');
    await page.fill('#new-name', 'Fournisseur Exemple SARL');
    await page.click('#start-button');
    await page.waitForSelector('#q-S01');
    await shot('questionnaire-light');
    // A saved 1.0.0 assessment, offered the upgrade, then upgraded.
    const grid = { id: 'rhsf-fir', version: '1.0.0' };
    await page.evaluate((v) => localStorage.setItem('vigilance.web.state', v), JSON.stringify({
      format: 'vigilance.web-state/1', questionnaire: grid, lang: 'en', view: 'start',
      assessments: [{ id: 1, level: 'N1', sheet: { format: 'vigilance.answers/1', questionnaire: grid, company: { name: 'Ancienne SA' }, period: '2024',
        answers: { Q01: { CL: { value: 'yes' } }, Q12: { CL: { value: 'yes' } } } } }],
      current: 1, next_id: 2,
    }));
    await page.reload();
    await page.waitForSelector('#upgrade-1');
    await shot('start-upgrade-offer');
    await page.click('#upgrade-1');
    await page.waitForSelector('#upgrade-note');
    await shot('questionnaire-upgraded');
  } finally {
    await profile.close();
  }
}
await server.close();
