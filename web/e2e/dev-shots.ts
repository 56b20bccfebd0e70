// Development aid: screenshots of a running server's pages at desktop and phone widths, one per
// screenful (SCREENS=n, default 1), to look at layouts closely.
//   npx tsx web/e2e/dev-shots.ts http://127.0.0.1:7420 /tmp/shots / /leaderboard …
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser.ts';

const [base, out, ...paths] = process.argv.slice(2);
mkdirSync(out!, { recursive: true });
const screens = Number(process.env.SCREENS ?? 1);
const b = await launchBrowser();
try {
  for (const [label, vp] of [
    ['wide', { width: 1280, height: 800 }],
    ['narrow', { width: 390, height: 844 }],
  ] as const) {
    const page = await b.context.newPage();
    await page.setViewportSize(vp);
    for (const p of paths) {
      await page.goto(`${base}${p}`);
      await page.waitForTimeout(Number(process.env.WAIT ?? 1500));
      for (let i = 0; i < screens; i++) {
        await page.evaluate(`window.scrollTo(0, ${i * (vp.height - 60)})`);
        await page.waitForTimeout(150);
        const name = `${label}${p.replace(/[^a-z0-9]+/gi, '_')}-${i}.png`;
        await page.screenshot({ path: join(out!, name) });
        console.log(join(out!, name));
      }
    }
    await page.close();
  }
} finally {
  await b.close();
}
