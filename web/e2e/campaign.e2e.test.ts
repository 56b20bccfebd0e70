// A campaign in real Chromium, served by `codearena serve` over a store built from event logs and a
// registered campaign matrix (no Docker): the list, the matrix of pairings × arenas with queued,
// running, interrupted, finished and aborted tournaments linking to their pages, the matrix
// following tournaments run by another process (this one: it appends to their logs, indexes them
// and holds their leases, as a campaign runner does), and the campaign leaderboard with its
// split comparison graph. Screenshots go to runs/screenshots/e2e/campaign-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { CampaignRecord, Event } from '@codearena/protocol';
import { ROOT } from '../../server/src/paths.ts';
import { campaignEvents } from '../../server/src/rating/campaign-events.fixture.ts';
import { StoreIndex } from '../../server/src/store/index-db.ts';
import { RunFolder } from '../../server/src/store/run-folder.ts';
import { type LeaseHandle, acquireLease } from '../../server/src/store/run-lease.ts';
import { CHROMIUM, type Browser, chromiumAvailable, launchBrowser } from './browser.ts';
import { type ServeProcess, startServe } from './serve-process.ts';

const SHOTS = join(ROOT, 'runs', 'screenshots', 'e2e');
const PATIENT_MS = 180_000;
const CAMPAIGN = 'e2e-camp';

type Fate = 'finished' | 'running' | 'interrupted' | 'aborted' | 'queued';
/** The matrix: 2 pairings × 2 arenas × 2 repeats. carol and dave never meet alice or bob, so the
 *  comparison graph is split in two. */
const PLAN: { arena: string; players: [string, string]; repeat: number; fate: Fate }[] = [
  { arena: 'battlesnake', players: ['alice', 'bob'], repeat: 0, fate: 'finished' },
  { arena: 'battlesnake', players: ['alice', 'bob'], repeat: 1, fate: 'finished' },
  { arena: 'battlesnake', players: ['carol', 'dave'], repeat: 0, fate: 'aborted' },
  { arena: 'battlesnake', players: ['carol', 'dave'], repeat: 1, fate: 'queued' },
  { arena: 'corewar', players: ['alice', 'bob'], repeat: 0, fate: 'finished' },
  { arena: 'corewar', players: ['alice', 'bob'], repeat: 1, fate: 'running' },
  { arena: 'corewar', players: ['carol', 'dave'], repeat: 0, fate: 'finished' },
  { arena: 'corewar', players: ['carol', 'dave'], repeat: 1, fate: 'interrupted' },
];
const runId = (p: (typeof PLAN)[number]) => `${CAMPAIGN}-${p.arena}-${p.players.join('-')}-r${p.repeat}`;
const RUNNING = runId(PLAN[5]!);
const QUEUED = runId(PLAN[3]!);
const FINISHED = runId(PLAN[0]!);

let dir: string;
let runs: string;
let server: ServeProcess | undefined;
let base: string;
let browser: Browser;
let page: Page;
const leases: LeaseHandle[] = [];
/** What the "runner" still has to log of each tournament it holds. */
const rest = new Map<string, Event[]>();

function appendLog(id: string, events: readonly Event[]): void {
  const log = new RunFolder(join(runs, id)).openLog();
  for (const e of events) log.append(e);
  log.close();
}

/** As a runner process does: the log first, then the shared index. */
function play(id: string, events: readonly Event[]): void {
  appendLog(id, events);
  const store = new StoreIndex(join(runs, 'codearena.sqlite'));
  try {
    store.ingestMany([...events]);
  } finally {
    store.close();
  }
}

function eventsOf(p: (typeof PLAN)[number], i: number): Event[] {
  const id = runId(p);
  return campaignEvents({
    id,
    runDir: join(runs, id),
    arena: p.arena,
    campaign: CAMPAIGN,
    names: p.players,
    t0: i,
  });
}

beforeAll(async () => {
  if (!chromiumAvailable())
    throw new Error(`Chromium not found at ${CHROMIUM}: run \`npm run setup\` or \`sudo apt-get install chromium\``);
  dir = mkdtempSync(join(tmpdir(), 'codearena-e2e-campaign-'));
  runs = join(dir, 'runs');
  mkdirSync(runs, { recursive: true });
  mkdirSync(SHOTS, { recursive: true });
  const record: CampaignRecord = {
    name: CAMPAIGN,
    specHash: 'e2e',
    createdAt: 1_760_000_000_000,
    jobs: PLAN.map((p, index) => ({ index, runId: runId(p), arena: p.arena, players: p.players, repeat: p.repeat })),
  };
  const store = new StoreIndex(join(runs, 'codearena.sqlite'));
  store.registerCampaign(record);
  store.close();
  PLAN.forEach((p, i) => {
    const id = runId(p);
    const all = eventsOf(p, i);
    if (p.fate === 'queued') {
      rest.set(id, all);
      return;
    }
    if (p.fate === 'finished') return play(id, all);
    if (p.fate === 'aborted')
      return play(
        id,
        all.map((e) => (e.type === 'tournament.finished' ? { ...e, status: 'aborted', winner: null } : e)),
      );
    // Cut off in round 2: running (its runner holds the lease) or interrupted (its runner died).
    const cut = all.findIndex((e) => e.type === 'match.finished' && e.round === 2);
    play(id, all.slice(0, cut));
    if (p.fate === 'running') {
      leases.push(acquireLease(new RunFolder(join(runs, id))));
      rest.set(id, all.slice(cut));
    }
  });

  server = await startServe(runs);
  base = server.base;
  browser = await launchBrowser();
  browser.context.setDefaultTimeout(PATIENT_MS);
  page = await browser.context.newPage();
}, PATIENT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  for (const l of leases) l.release();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 120_000);

const cell = (id: string) => page.locator(`[data-cell="${id}"]`);
/** A computed style of the element (this tsconfig has no DOM types: the page's own function, typed here). */
const styleOf = (loc: Locator, prop: 'backgroundColor' | 'animationName') =>
  loc.evaluate(
    (el, p) =>
      (globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }).getComputedStyle(el)[p]!,
    prop,
  );

describe('a campaign in Chromium', () => {
  it('is listed under Campaigns with its progress and counts by status', async () => {
    await page.goto(base);
    await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
    const row = page.locator(`[data-campaign="${CAMPAIGN}"]`);
    await row.waitFor();
    expect(await row.locator('[data-status="running"]').first().textContent()).toMatch(/running/i);
    for (const [status, n] of [
      ['finished', 4],
      ['running', 1],
      ['interrupted', 1],
      ['queued', 1],
      ['aborted', 1],
    ] as const)
      expect(await row.locator(`[data-count="${status}"]`).textContent()).toBe(`${n} ${status}`);
    expect(await row.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('63'); // 4 finished and 1 aborted of 8
    await page.screenshot({ path: join(SHOTS, 'campaign-list.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SHOTS, 'campaign-list-narrow.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('shows the matrix: pairings × arenas, every repeat a status chip linking to its tournament', async () => {
    await page.locator(`[data-campaign="${CAMPAIGN}"]`).click();
    await page.waitForURL(`${base}/c/${CAMPAIGN}`);
    const matrix = page.getByRole('table', { name: 'campaign matrix' });
    await matrix.waitFor();
    expect(await matrix.locator('thead [data-arena]').allTextContents()).toEqual(['battlesnake', 'corewar']);
    expect(await matrix.locator('[data-pairing]').evaluateAll((rows) => rows.map((r) => r.dataset.pairing))).toEqual([
      'alice vs bob',
      'carol vs dave',
    ]);
    for (const p of PLAN) {
      const chip = matrix
        .locator(`[data-pairing="${p.players.join(' vs ')}"] [data-arena="${p.arena}"]`)
        .locator(`[data-cell="${runId(p)}"]`);
      expect([runId(p), await chip.getAttribute('data-status')]).toEqual([runId(p), p.fate]);
      expect(await chip.getAttribute('href')).toBe(`/t/${runId(p)}`);
      expect(await chip.textContent()).toBe(String(p.repeat + 1));
    }
    // Finished: the winner's colour; the running one pulses, the interrupted one stays still.
    expect(await cell(FINISHED).getAttribute('data-winner')).toBe('bob');
    const bg = (id: string) => styleOf(cell(id), 'backgroundColor');
    expect(await bg(FINISHED)).toBe(await bg(runId(PLAN[1]!)));
    expect(await bg(runId(PLAN[6]!))).not.toBe(await bg(FINISHED)); // dave's colour, not bob's
    expect(await styleOf(cell(RUNNING), 'animationName')).toBe('cell-pulse');
    expect(await styleOf(cell(runId(PLAN[7]!)), 'animationName')).toBe('none');
    expect(await page.locator('.campaign-hero [data-phase]').textContent()).toBe('5/8 done');
  });

  it('renders the campaign leaderboard: unified, per arena, spend, and the split graph with its bridge', async () => {
    const unified = page.getByRole('table', { name: 'unified ratings' });
    await unified.locator('[data-rating-row]').first().waitFor();
    expect(
      (await unified.locator('[data-rating-row]').evaluateAll((rows) => rows.map((r) => r.dataset.ratingRow))).sort(),
    ).toEqual(['alice', 'bob', 'carol', 'dave']);
    const notice = page.locator('[data-graph-split="across arenas"]');
    expect(await notice.locator('[data-component]').allTextContents()).toEqual([
      expect.stringMatching(/part 1:/),
      expect.stringMatching(/part 2:/),
    ]);
    expect(await notice.locator('[data-bridge]').count()).toBe(1);
    expect(await page.locator('[data-spend]').evaluateAll((rows) => rows.map((r) => r.dataset.spend))).toEqual([
      'search:scripted-1',
      'noop',
    ]);
    await page.locator('[data-arena-board="battlesnake"]').waitFor();
    await page.getByRole('group', { name: 'arena' }).getByRole('button', { name: 'corewar' }).click();
    const corewar = page.getByRole('table', { name: 'ratings in corewar' });
    await corewar.waitFor();
    expect(await corewar.locator('[data-rating-row]').count()).toBe(4);
    await page.getByRole('button', { name: 'By model' }).click();
    await page.waitForURL(`${base}/c/${CAMPAIGN}?by=agent`);
    await unified.locator('[data-rating-row="noop"]').waitFor();
    await page.getByRole('button', { name: 'By player' }).click();
    await unified.locator('[data-rating-row="alice"]').waitFor();
    // From the top, or the sticky top bar lands mid-page in a full-page shot.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(SHOTS, 'campaign-page.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(SHOTS, 'campaign-page-narrow.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('follows the campaign live: a queued tournament begins, a running one finishes', async () => {
    // The runner starts the queued tournament (it takes the lease first, then logs)…
    const queued = rest.get(QUEUED)!;
    leases.push(acquireLease(new RunFolder(join(runs, QUEUED))));
    play(QUEUED, queued.slice(0, 1));
    await page.locator(`[data-cell="${QUEUED}"][data-status="running"]`).waitFor();
    // …and plays the running one to its end.
    play(RUNNING, rest.get(RUNNING)!);
    leases.shift()!.release();
    await page.locator(`[data-cell="${RUNNING}"][data-status="finished"][data-winner="bob"]`).waitFor();
    await page.locator('.campaign-hero [data-phase]', { hasText: '6/8 done' }).waitFor();
  });

  it('links a campaign tournament back to its campaign', async () => {
    await cell(FINISHED).click();
    await page.waitForURL(`${base}/t/${FINISHED}`);
    const back = page.locator('[data-campaign-link] a');
    await back.waitFor();
    expect(await back.textContent()).toBe(CAMPAIGN);
    expect(await page.locator('.crumbs a').allTextContents()).toEqual(['Campaigns', CAMPAIGN]);
    await page.screenshot({ path: join(SHOTS, 'campaign-tournament.png') });
    await back.click();
    await page.waitForURL(`${base}/c/${CAMPAIGN}`);
    await page.getByRole('table', { name: 'campaign matrix' }).waitFor();
  });
});
