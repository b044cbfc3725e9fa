// Not a test: screenshots of every view at desktop and phone widths, for a person to look at.
// Usage: node shots.mjs <out-dir>
import path from 'node:path';
import fs from 'node:fs/promises';
import { serve, browserProfile, openApp, answerEverything } from './harness.mjs';

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
    await page.waitForSelector('.results');
    await shot('results');
    if (tag === 'desktop') await page.pdf({ path: path.join(out, 'print.pdf'), format: 'A4', printBackground: true });
  } finally {
    await profile.close();
  }
}
await server.close();
