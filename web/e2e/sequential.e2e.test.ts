// A tournament with sequential stopping in real Chromium: `codearena run` plays two CoreWar
// reference warriors of far-apart strength (paper beats scanner; the host engine reads them, so
// sims are quick) with sims_per_round { max, stop: sprt } at a concurrency above 1, then
// `codearena serve` shows it. Each round says when its test decided and by which rule; every sim
// played or stopped past the deciding prefix is marked uncounted, every counted sim is not.
// Screenshots go to runs/screenshots/e2e/sequential-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Event, type EventOf, matchIdOf } from '@codearena/protocol';
import { ROOT, arenaDir } from '../../server/src/paths.ts';
import { CHROMIUM, type Browser, chromiumAvailable, launchBrowser } from './browser.ts';
import { type ServeProcess, startServe } from './serve-process.ts';

const SHOTS = join(ROOT, 'runs', 'screenshots', 'e2e');
const NARROW = { width: 390, height: 844 };
const WIDE = { width: 1280, height: 800 };
/** Generous: only a page that never shows what it should trips it, not a busy machine. */
const PATIENT_MS = 180_000;
const MAX = 100;

let dir: string;
let id: string;
let events: Event[];
let server: ServeProcess | undefined;
let browser: Browser | undefined;
let page: Page;

/** `codearena run` to the end, as a user runs it; its output is the error if it fails. */
async function runTournament(config: string, runs: string): Promise<void> {
  const child = spawn(process.execPath, [join(ROOT, 'server', 'bin', 'codearena.js'), 'run', config, '--runs', runs], {
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((ok) => child.once('exit', ok));
  if (code !== 0) throw new Error(`codearena run exited with ${code}:\n${output}`);
}

beforeAll(async () => {
  if (!chromiumAvailable())
    throw new Error(`Chromium not found at ${CHROMIUM}: run \`npm run setup\` or \`sudo apt-get install chromium\``);
  dir = mkdtempSync(join(tmpdir(), 'codearena-e2e-sprt-'));
  mkdirSync(SHOTS, { recursive: true });
  const bots = join(arenaDir('corewar'), 'bots');
  const config = join(dir, 'sprt.yaml');
  writeFileSync(
    config,
    `tournament: { name: e2e-sprt, rounds: 1, sims_per_round: { max: ${MAX}, stop: sprt }, sim_concurrency: 4, seed: 5 }
arena: { id: corewar }
players:
  - { name: paper, agent: { kind: noop }, codebase: ${join(bots, 'paper')} }
  - { name: scanner, agent: { kind: noop }, codebase: ${join(bots, 'scanner')} }
`,
  );
  const runs = join(dir, 'runs');
  await runTournament(config, runs);
  id = readdirSync(runs, { withFileTypes: true }).find((d) => d.isDirectory())!.name;
  events = readFileSync(join(runs, id, 'events.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => Event.parse(JSON.parse(l)));
  server = await startServe(runs);
  browser = await launchBrowser(WIDE);
  browser.context.setDefaultTimeout(PATIENT_MS);
  page = await browser.context.newPage();
}, 2 * PATIENT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 120_000);

const roundsFinished = () => events.filter((e): e is EventOf<'round.finished'> => e.type === 'round.finished');

/** What the log says each started sim of a round is: counted, or past the prefix (and why). */
function expectedMarks(r: EventOf<'round.finished'>): Map<string, string | null> {
  const finished = new Set(events.flatMap((e) => (e.type === 'match.finished' && e.round === r.round ? [e.sim] : [])));
  const marks = new Map<string, string | null>();
  for (const e of events) {
    if (e.type !== 'match.started' || e.round !== r.round) continue;
    const mark = r.sequential!.uncounted.includes(e.sim) ? 'uncounted' : finished.has(e.sim) ? null : 'stopped';
    marks.set(matchIdOf({ round: r.round, sim: e.sim }), mark);
  }
  return marks;
}

describe('a sequential tournament in Chromium', () => {
  it('the log: every round decided before max, with its rule', () => {
    const rounds = roundsFinished();
    expect(rounds.map((r) => r.round)).toEqual([0, 1]);
    for (const r of rounds) {
      expect(r.sequential?.decided, `round ${r.round}`).toBe(true);
      expect(r.winner).toBe('paper');
      expect(r.sims).toBeLessThan(MAX);
      expect(r.sequential?.rule).toEqual({ max: MAX, stop: 'sprt', alpha: 0.05, beta: 0.05, margin: 0.1 });
    }
  });

  it('shows each round decision where its result is', async () => {
    await page.goto(`${server!.base}/t/${id}`);
    await page.locator('.hero [data-status="finished"]').waitFor();
    expect(await page.locator('.hero .sub').first().textContent()).toContain(`1 round × up to ${MAX} sims (SPRT)`);
    for (const r of roundsFinished()) {
      const d = page.locator(`table.rounds tr[data-round="${r.round}"] [data-decision="decided"]:visible`);
      await d.waitFor();
      expect(await d.textContent()).toBe(`decided after ${r.sims} sims · SPRT α 0.05 β 0.05 m 0.1`);
      expect(await d.getAttribute('title')).toMatch(
        new RegExp(
          `^SPRT α 0\\.05 · β 0\\.05 · margin 0\\.1, at most ${MAX} sims: the winner was decided after ${r.sims} sims`,
        ),
      );
    }
    await page.screenshot({ path: join(SHOTS, 'sequential-page.png'), fullPage: true });
  });

  it('marks every sim past the deciding prefix uncounted, and no counted one', async () => {
    let past = 0;
    for (const r of roundsFinished()) {
      const expected = expectedMarks(r);
      await page
        .getByRole('group', { name: 'filter by round' })
        .getByRole('button', { name: `R${r.round}`, exact: true })
        .click();
      // Newest first: the first page holds the round's last-started sims, the ones past the prefix.
      await page.locator(`table.matches tr[data-match="${[...expected.keys()].at(-1)}"]`).waitFor();
      const rows = page.locator('table.matches tbody tr');
      const shown = await rows.evaluateAll((trs) =>
        trs.map((tr) => ({
          id: tr.getAttribute('data-match')!,
          mark: tr.getAttribute('data-mark'),
          tag: tr.querySelector('.tag-uncounted')?.getAttribute('title') ?? null,
          dimmed: tr.classList.contains('uncounted'),
        })),
      );
      expect(shown.length).toBeGreaterThan(0);
      for (const row of shown) {
        expect(expected.has(row.id), row.id).toBe(true);
        const want = expected.get(row.id)!;
        expect(row.mark, row.id).toBe(want);
        if (want === null) {
          expect(row.tag, row.id).toBeNull();
          expect(row.dimmed, row.id).toBe(false);
        } else {
          past++;
          expect(row.tag, row.id).toMatch(/(played after|stopped when) the round was decided; not counted$/);
          expect(row.dimmed, row.id).toBe(true);
        }
      }
      // Every sim past the prefix is among the newest (at most sim_concurrency of them were in play).
      const pastIds = [...expected].filter(([, m]) => m !== null).map(([i]) => i);
      for (const i of pastIds) expect(shown.map((s) => s.id)).toContain(i);
    }
    // At a concurrency of 4, sims beyond the deciding one were in play when it ended.
    expect(past).toBeGreaterThan(0);
    // Dimmed on screen, not just classed.
    const opacity = (sel: string) => page.evaluate(`getComputedStyle(document.querySelector('${sel}')).opacity`);
    expect(Number(await opacity('table.matches tr[data-mark] td'))).toBeLessThan(1);
    expect(Number(await opacity('table.matches tr:not([data-mark]) td'))).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'sequential-matches.png'), fullPage: true });
  });

  it('keeps the decision and the marks readable at 390 px', async () => {
    await page.setViewportSize(NARROW);
    await page.goto(`${server!.base}/t/${id}`);
    await page.locator('.hero [data-status="finished"]').waitFor();
    const r = roundsFinished()[1]!;
    const d = page.locator(`table.rounds tr[data-round="${r.round}"] [data-decision="decided"]:visible`);
    await d.waitFor();
    expect(await d.textContent()).toBe(`decided after ${r.sims} sims · SPRT α 0.05 β 0.05 m 0.1`);
    const tags = page.locator('table.matches .tag-uncounted:visible');
    await tags.first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'sequential-page-narrow.png'), fullPage: true });
    await page.setViewportSize(WIDE);
  });
});
