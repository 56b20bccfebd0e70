// The live web view end to end, in real Chromium: `codearena run --serve` plays a tiny
// tournament in Docker (snakes that answer a little late, so a match can be watched); the
// browser follows it live, survives a reconnect in mid-match, and reads the leaderboard.
// Screenshots of every page, wide and narrow, go to runs/screenshots/e2e/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, arenaDir } from '../../server/src/paths.ts';
import { CHROMIUM, type Browser, chromiumAvailable, launchBrowser } from './browser.ts';

const SHOTS = join(ROOT, 'runs', 'screenshots', 'e2e');
const NARROW = { width: 390, height: 844 };
/**
 * How long any wait on the page may take: generous, so that only a real fault (a page that never
 * shows what it should) trips it, not a busy machine. Each test gets room for several.
 */
const PATIENT_MS = 180_000;
const TEST_MS = 4 * PATIENT_MS;

let dir: string;
let child: ChildProcess;
let output = '';
let tournamentUrl: string;
let base: string;
let browser: Browser;
let page: Page;

interface Stats {
  connects: number;
  duplicateEvents: number;
  duplicateFrames: number;
  frameGaps: number;
  framesReceived: number;
  latencyMs: number[];
  frameLatencyMs: number[];
  trace: string[];
}
const stats = (p: Page) => p.evaluate('window.__codearena.stats') as Promise<Stats>;
const turnShown = async (p: Page) => Number(await p.getAttribute('[data-turn]', 'data-turn'));

beforeAll(async () => {
  if (!chromiumAvailable())
    throw new Error(
      `Chromium not found at ${CHROMIUM}: run \`npm run setup\` (installs Debian's chromium as root) or \`sudo apt-get install chromium\``,
    );
  dir = mkdtempSync(join(tmpdir(), 'codearena-e2e-'));
  mkdirSync(SHOTS, { recursive: true });
  const slow = join(dir, 'slow-snake');
  cpSync(join(arenaDir('battlesnake'), 'starter'), slow, { recursive: true });
  cpSync(join(ROOT, 'web', 'e2e', 'fixtures', 'slow-snake'), slow, { recursive: true });
  const config = join(dir, 'tiny.yaml');
  writeFileSync(
    config,
    `tournament: { name: e2e-live, rounds: 1, sims_per_round: 1, sim_concurrency: 1, seed: 3 }
arena: { id: battlesnake }
players:
  - { name: north, agent: { kind: noop }, codebase: ${slow} }
  - { name: south, agent: { kind: noop }, codebase: ${slow} }
`,
  );
  child = spawn(
    process.execPath,
    [join(ROOT, 'server', 'bin', 'codearena.js'), 'run', config, '--serve', '--port', '0', '--runs', join(dir, 'runs')],
    {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  tournamentUrl = await new Promise<string>((ok, fail) => {
    const t = setInterval(() => {
      const m = /web view: (http:\/\/\S+)/.exec(output);
      if (m) {
        clearInterval(t);
        ok(m[1]!);
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(t);
      fail(new Error(`codearena run exited with ${code} before serving:\n${output}`));
    });
  });
  base = new URL(tournamentUrl).origin;
  browser = await launchBrowser();
  browser.context.setDefaultTimeout(PATIENT_MS); // every wait on every page below
  page = await browser.context.newPage();
}, PATIENT_MS);

afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null) {
    // Ctrl-C: the tournament stops (if still running), its containers go, the server closes.
    const exited = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGINT');
    const force = setTimeout(() => child.kill('SIGKILL'), 90_000);
    await exited;
    clearTimeout(force);
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 120_000);

async function shoot(p: Page, name: string): Promise<void> {
  await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

describe('live web view in Chromium', () => {
  it(
    'opens the tournament page and watches a live match advance',
    async () => {
      await page.goto(tournamentUrl);
      await page.getByRole('heading', { name: /e2e-live/ }).waitFor();
      const tile = page.locator('[data-live-match]').first();
      await tile.waitFor();
      await page.locator('[data-preview-turn]:not([data-preview-turn="0"])').first().waitFor();
      await shoot(page, 'tournament-live-1280');
      await tile.click();
      await page.waitForURL(/\/m\//);
      await page.locator('[data-source="live"]').waitFor();
      const first = await turnShown(page);
      await page.waitForFunction(
        `Number(document.querySelector('[data-turn]')?.getAttribute('data-turn')) > ${first + 5}`,
      );
      expect(await turnShown(page)).toBeGreaterThan(first);
      await shoot(page, 'match-live-1280');
    },
    TEST_MS,
  );

  it(
    'resumes the stream after a reconnect in mid-match: no gaps, no duplicates',
    async () => {
      const before = await stats(page);
      expect(before.connects).toBe(1);
      // Drop the transport as a network failure would; socket.io reconnects, the app re-watches.
      await page.evaluate('window.__codearena.socket.io.engine.close()');
      await page.waitForFunction('window.__codearena.stats.connects === 2');
      const framesAtReconnect = (await stats(page)).framesReceived;
      await page.waitForFunction(`window.__codearena.stats.framesReceived > ${framesAtReconnect + 5}`);
      const after = await stats(page);
      expect(await page.getAttribute('[data-source]', 'data-source')).toBe('live');
      const counts = {
        duplicateFrames: after.duplicateFrames,
        duplicateEvents: after.duplicateEvents,
        frameGaps: after.frameGaps,
      };
      expect(counts, after.trace.join('\n')).toEqual({ duplicateFrames: 0, duplicateEvents: 0, frameGaps: 0 });
      // Watch the rest of the match live, then report how late events and frames arrived.
      await page.locator('[data-source="replay"]').waitFor();
      const s = await stats(page);
      const summary = (xs: number[]) => {
        const v = [...xs].sort((a, b) => a - b);
        return `${v.length} samples, median ${v[Math.floor(v.length / 2)]} ms, p95 ${v[Math.floor(v.length * 0.95)]} ms, max ${v.at(-1)} ms`;
      };
      // Reported, not asserted: timings depend on the machine.
      process.stdout.write(
        `emit-to-browser latency: events ${summary(s.latencyMs)}; frames ${summary(s.frameLatencyMs)}\n`,
      );
    },
    TEST_MS,
  );

  it(
    'shows the finished tournament and its leaderboard with ratings',
    async () => {
      await page.goto(tournamentUrl);
      await page.locator('[data-status="finished"]').first().waitFor();
      await page.locator('[data-edit-player="north"]').waitFor();
      await shoot(page, 'tournament-finished-1280');

      await page.getByRole('link', { name: 'Leaderboard' }).first().click();
      await page.locator('[data-rating-row]').first().waitFor();
      const rows = await page
        .locator('[data-rating-row]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-rating-row')));
      expect(rows.sort()).toEqual(['north', 'south']);
      expect(await page.locator('.ratings .rating').first().textContent()).toMatch(/^\d{3,4}$/);
      await shoot(page, 'leaderboard-1280');

      await page.goto(base);
      await page.locator('[data-tournament]').first().waitFor();
      await shoot(page, 'tournaments-1280');
    },
    TEST_MS,
  );

  it(
    'reads well on a narrow screen',
    async () => {
      const narrow = await browser.context.newPage();
      await narrow.setViewportSize(NARROW);
      for (const [name, path, ready] of [
        ['tournaments', '/', '[data-tournament]'],
        ['tournament', new URL(tournamentUrl).pathname, '[data-edit-player]'],
        ['match', `${new URL(tournamentUrl).pathname}/m/r1-s0`, '[data-source="replay"]'],
        ['leaderboard', '/leaderboard', '[data-rating-row]'],
      ] as const) {
        await narrow.goto(`${base}${path}`);
        await narrow.locator(ready).first().waitFor();
        // Layout settled: fonts loaded and two frames painted (an event, not a sleep).
        await narrow.evaluate(
          'document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))',
        );
        const overflow = await narrow.evaluate(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        );
        expect([name, overflow]).toEqual([name, 0]);
        await shoot(narrow, `${name}-390`);
      }
      await narrow.close();
    },
    TEST_MS,
  );
});
