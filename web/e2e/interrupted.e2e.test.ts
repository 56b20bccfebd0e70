// An interrupted tournament in real Chromium, served by `codearena serve`: its process was killed
// (SIGKILL, lease left behind), so the list and its page show it as interrupted, calm (no pulse),
// with the command that resumes it; a resume logged later turns the page back to running.
// Screenshots go to runs/screenshots/e2e/interrupted-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Event } from '@codearena/protocol';
import { ROOT } from '../../server/src/paths.ts';
import { tournamentEvents } from '../../server/src/store/events.fixture.ts';
import { StoreIndex } from '../../server/src/store/index-db.ts';
import { RunFolder } from '../../server/src/store/run-folder.ts';
import { type LeaseHandle, acquireLease } from '../../server/src/store/run-lease.ts';
import { killContenders, killedHolder } from '../../server/src/store/run-lease.fixture.ts';
import { CHROMIUM, type Browser, chromiumAvailable, launchBrowser } from './browser.ts';
import { type ServeProcess, startServe } from './serve-process.ts';

const SHOTS = join(ROOT, 'runs', 'screenshots', 'e2e');
const PATIENT_MS = 180_000;
const ID = 'e2e-interrupted';

let dir: string;
let folder: RunFolder;
let cutOff: Event[];
let server: ServeProcess | undefined;
let base: string;
let browser: Browser;
let page: Page;
let resumedLease: LeaseHandle | undefined;

beforeAll(async () => {
  if (!chromiumAvailable())
    throw new Error(`Chromium not found at ${CHROMIUM}: run \`npm run setup\` or \`sudo apt-get install chromium\``);
  dir = mkdtempSync(join(tmpdir(), 'codearena-e2e-interrupted-'));
  mkdirSync(SHOTS, { recursive: true });
  const runs = join(dir, 'runs');
  const store = new StoreIndex(join(runs, 'codearena.sqlite'));
  // A finished tournament beside it, and one cut off in round 2 whose process is then killed.
  const done = new RunFolder(join(runs, 'e2e-finished'));
  const whole = tournamentEvents({ id: 'e2e-finished', runDir: done.runDir, t0: 1_760_000_000_000 });
  folder = new RunFolder(join(runs, ID));
  const all = tournamentEvents({ id: ID, runDir: folder.runDir, t0: 1_760_000_100_000 });
  cutOff = all.slice(
    0,
    all.findIndex((e) => e.type === 'match.finished' && e.round === 2),
  );
  for (const [f, events] of [
    [done, whole],
    [folder, cutOff],
  ] as const) {
    const log = f.openLog();
    for (const e of events) log.append(e);
    log.close();
    store.ingestMany(events);
  }
  store.close();
  await killedHolder(folder);

  server = await startServe(runs);
  base = server.base;
  browser = await launchBrowser();
  browser.context.setDefaultTimeout(PATIENT_MS);
  page = await browser.context.newPage();
}, PATIENT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  resumedLease?.release();
  killContenders();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe('an interrupted tournament in Chromium', () => {
  it('is listed as interrupted, without the pulse of a running one', async () => {
    await page.goto(base);
    const row = page.locator(`[data-tournament="${ID}"]`);
    await row.locator('[data-status="interrupted"]').waitFor();
    expect(await row.locator('.pulse').count()).toBe(0);
    await page.locator('[data-tournament="e2e-finished"] [data-status="finished"]').waitFor();
    expect(await page.locator('.sub').first().textContent()).toContain('1 interrupted');
    await page.screenshot({ path: join(SHOTS, 'interrupted-list.png'), fullPage: true });
  });

  it('shows the resume command on its page instead of a live look', async () => {
    await page.goto(`${base}/t/${ID}`);
    const notice = page.locator('[data-interrupted]');
    await notice.waitFor();
    expect(await notice.locator('[data-copy]').textContent()).toBe(`codearena run --resume ${ID}`);
    await page.locator('.hero [data-status="interrupted"]').waitFor();
    expect(await page.locator('.hero .pulse').count()).toBe(0);
    expect(await page.locator('[data-phase]').textContent()).toMatch(/^interrupted · round 2\/2/);
    expect(await page.getByText('Live now').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'interrupted-page.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SHOTS, 'interrupted-page-narrow.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('turns back to running when a resume takes over', async () => {
    // What `codearena run --resume` does first: take the lease, log tournament.resumed.
    resumedLease = acquireLease(folder);
    const last = cutOff.at(-1)!;
    const log = folder.openLog();
    log.append({
      ...last,
      seq: last.seq + 1,
      ts: last.ts + 1000,
      type: 'tournament.resumed',
      attempt: 2,
      round: 2,
      edits: [],
      keptSims: [0],
    } as Event);
    log.close();
    await page.locator('.hero [data-status="running"]').waitFor();
    expect(await page.locator('[data-interrupted]').count()).toBe(0);
  });
});
