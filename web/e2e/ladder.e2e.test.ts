// A made ladder and a real climb in Chromium, served by `codearena serve`: /ladders lists the
// ladder, /ladders/<name> shows its rungs strongest first with the ratings `ladder make`'s fit
// gives, and the climb's path up the rungs (weakest at the bottom) with each rung's score; a
// rung's score links to its tournament, shown as finished early with the rung's decision.
// CoreWar sims run on the host engine; the climb's repos need Docker. Screenshots go to
// runs/screenshots/e2e/ladder-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { LadderClimb, LadderStanding } from '@codearena/protocol';
import { climbLadder, climbOrder } from '../../server/src/ladder/climb.ts';
import { LadderFolder } from '../../server/src/ladder/ladder-folder.ts';
import { ladderFromDirs } from '../../server/src/ladder/ladder-spec.ts';
import { makeLadder } from '../../server/src/ladder/make.ts';
import { currentPairs, ladderStandings } from '../../server/src/ladder/standings.ts';
import { ROOT, arenaDir } from '../../server/src/paths.ts';
import { StoreIndex } from '../../server/src/store/index-db.ts';
import { stoppedPhase } from '../src/ladder/rung-decision.ts';
import { CHROMIUM, type Browser, chromiumAvailable } from './browser.ts';
import { type ServeProcess, servePage } from './serve-process.ts';

const SHOTS = join(ROOT, 'runs', 'screenshots', 'e2e');
const PATIENT_MS = 300_000;
const NAME = 'mini';
const WIDE = { width: 1280, height: 800 };
const NARROW = { width: 390, height: 844 };

let dir: string;
let server: ServeProcess | undefined;
let base: string;
let browser: Browser;
let page: Page;
let standings: LadderStanding[];
let climb: LadderClimb;

const shoot = async (name: string) => {
  await page.screenshot({ path: join(SHOTS, `ladder-${name}.png`), fullPage: true });
  await page.setViewportSize(NARROW);
  await page.screenshot({ path: join(SHOTS, `ladder-${name}-narrow.png`), fullPage: true });
  await page.setViewportSize(WIDE);
};

beforeAll(async () => {
  if (!chromiumAvailable())
    throw new Error(`Chromium not found at ${CHROMIUM}: run \`npm run setup\` or \`sudo apt-get install chromium\``);
  dir = mkdtempSync(join(tmpdir(), 'codearena-e2e-ladder-'));
  mkdirSync(SHOTS, { recursive: true });
  const runs = join(dir, 'runs');
  const bot = (b: string) => join(arenaDir('corewar'), 'bots', b);
  const spec = ladderFromDirs('corewar', ['imp', 'dwarf', 'stone', 'paper'].map(bot), { sims: 4, seed: 7 });
  const folder = new LadderFolder(join(runs, 'ladders', NAME));
  await makeLadder({ ...spec, name: NAME }, { folder, concurrency: 2 });
  const ladder = folder.readLadder()!;
  standings = ladderStandings(ladder, currentPairs(ladder, folder.pairs()));
  const made = climbOrder(folder);
  if ('problem' in made) throw new Error(made.problem);
  const start = join(dir, 'climber');
  cpSync(bot('stone'), start, { recursive: true });
  const store = new StoreIndex(join(runs, 'codearena.sqlite'));
  try {
    ({ climb } = await climbLadder({
      ...made,
      folder,
      player: { name: 'climber', agent: { kind: 'noop' }, codebase: start },
      rounds: 3,
      wins: 2,
      runsDir: runs,
      store,
    }));
  } finally {
    store.close();
  }

  ({ server, browser, page } = await servePage(runs, PATIENT_MS, WIDE));
  base = server.base;
}, PATIENT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe('ladders in Chromium', () => {
  it('lists the made ladder with its rungs, round-robin and climbs', async () => {
    await page.goto(`${base}/ladders`);
    const row = page.locator(`[data-ladder="${NAME}"]`);
    await row.waitFor();
    const text = (await row.textContent())!;
    expect(text).toContain('4 rungs');
    expect(text).toContain('6/6 pairs · 4 sims each');
    expect(text).toContain('1 climb');
    expect(text).toContain('corewar');
    await shoot('list');
  });

  it("shows the rungs strongest first with the fit's ratings, and the climb's path", async () => {
    await page.locator(`[data-ladder="${NAME}"]`).click();
    await page.waitForURL(`${base}/ladders/${NAME}`);
    const rows = page.locator('[data-rating-row]');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-rating-row')))).toEqual(
      standings.map((s) => s.name),
    );
    expect(await page.locator('[data-rating-row] .rating').allTextContents()).toEqual(
      standings.map((s) => String(Math.round(s.rating))),
    );
    expect(await page.locator('.sub').first().textContent()).toBe('corewar · 4 rungs · 4 sims per pair · seed 7');

    const card = page.locator(`[data-climb="${climb.id}"]`);
    await card.waitFor();
    // Climbing order in the DOM, weakest first; drawn as a ladder: the weakest rung at the bottom.
    const steps = card.locator('[data-rung]');
    expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-rung')))).toEqual(climb.rungs);
    const states = climb.rungs.map((r) => {
      const s = climb.steps.find((x) => x.rung === r);
      return s ? (s.held ? 'held' : 'lost') : 'unreached';
    });
    expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual(states);
    const y = async (rung: string) => (await card.locator(`[data-rung="${rung}"]`).boundingBox())!.y;
    expect(await y(climb.rungs[0]!)).toBeGreaterThan(await y(climb.rungs.at(-1)!));
    for (const s of climb.steps)
      expect(await card.locator(`[data-rung="${s.rung}"] .climb-score`).textContent()).toBe(
        `${s.roundsWon}/${s.roundsPlayed}`,
      );
    const result = (await card.locator('.climb-result').textContent())!;
    expect(result).toContain(
      climb.highest ? `highest rung held: ${climb.highest} (${climb.height} of 4)` : 'no rung held',
    );
    await shoot('page');
  });

  it("links a rung's score to its tournament, shown finished early with the rung's decision", async () => {
    const step = climb.steps.find((s) => s.stoppedEarly !== null);
    expect(step, 'a rung decided before its last round').toBeDefined();
    await page.locator(`[data-climb="${climb.id}"] [data-rung="${step!.rung}"] .climb-score`).click();
    await page.waitForURL(`${base}/t/${step!.runId}`);
    await page.locator('.hero [data-status="finished"]').waitFor();
    expect(await page.locator('[data-phase]').textContent()).toBe(
      stoppedPhase(step!.stoppedEarly!, step!.roundsPlayed, 3),
    );
    expect(await page.locator('[data-ladder-link] a').textContent()).toBe(NAME);
    // It is not on the leaderboard: the result points to the ladder instead.
    expect(await page.locator('.result .btn').textContent()).toBe(`Ladder ${NAME} →`);
    await shoot('rung-tournament');
  });
});
