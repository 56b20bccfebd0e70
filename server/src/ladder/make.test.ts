// `ladder make` on CoreWar (data bots on the host engine: real sims, no containers): every pair
// is played and written, a deleted pair is the only one played again, and the fit ranks the
// rungs the way their results say.
import { mkdtempSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { arenaDir } from '../paths.ts';
import { LadderFolder } from './ladder-folder.ts';
import { ladderFromDirs } from './ladder-spec.ts';
import { makeLadder, rungPairs } from './make.ts';
import { currentPairs, ladderStandings } from './standings.ts';

const tmp = mkdtempSync(join(tmpdir(), 'ladder-make-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const bots = ['imp', 'paper', 'stone', 'scanner'].map((b) => join(arenaDir('corewar'), 'bots', b));
const ladder = ladderFromDirs('corewar', bots, { sims: 4, seed: 7 });

describe('ladder make', () => {
  const folder = new LadderFolder(join(tmp, 'l'));

  it('plays every pair once, writes each, and resumes by playing only a missing pair', async () => {
    const first = await makeLadder(ladder, { folder, concurrency: 2 });
    expect(first.aborted).toBe(false);
    expect(first.played.sort()).toEqual(
      rungPairs(ladder)
        .map(([i, j]) => `${ladder.rungs[i]!.name}~${ladder.rungs[j]!.name}`)
        .sort(),
    );
    expect(currentPairs(ladder, folder.pairs())).toHaveLength(6);
    const kept = folder.pairFile('paper', 'stone');
    const mtime = statSync(kept).mtimeMs;

    unlinkSync(folder.pairFile('imp', 'scanner'));
    const again = await makeLadder(ladder, { folder, concurrency: 2 });
    expect(again.played).toEqual(['imp~scanner']);
    expect(again.pairs).toHaveLength(6);
    expect(statSync(kept).mtimeMs).toBe(mtime);
    // Same seed, same code: the replayed pair is the pair it was.
    const replayed = again.pairs.find((p) => p.a === 'imp' && p.b === 'scanner')!;
    const before = first.pairs.find((p) => p.a === 'imp' && p.b === 'scanner')!;
    expect(replayed.winners).toEqual(before.winners);

    // A different sims count is another ladder: every pair plays again.
    const more = await makeLadder({ ...ladder, sims: 2 }, { folder, concurrency: 2 });
    expect(more.played).toHaveLength(6);
  });

  it('ranks rungs by their results, with intervals around each rating', () => {
    const pairs = [
      { a: 'imp', b: 'paper', winners: ['paper', 'paper', 'paper', null] },
      { a: 'imp', b: 'stone', winners: ['stone', null, 'stone', 'imp'] },
      { a: 'paper', b: 'stone', winners: ['paper', 'paper', 'stone', 'paper'] },
    ].map((p) => ({ ...p, codebases: ['', ''] as [string, string], sims: 4, seed: 0, faults: {}, ms: 0 }));
    const three = { ...ladder, rungs: ladder.rungs.slice(0, 3) };
    const s = ladderStandings(three, pairs);
    expect(s.map((r) => r.name)).toEqual(['paper', 'stone', 'imp']);
    expect(s[0]).toMatchObject({ wins: 6, draws: 1, losses: 1 });
    for (const r of s) {
      expect(r.lo).toBeLessThanOrEqual(r.rating);
      expect(r.hi).toBeGreaterThanOrEqual(r.rating);
    }
    // The CLI lists pairs in play order, the web view in file order: same intervals.
    expect(ladderStandings(three, [...pairs].reverse())).toEqual(s);
  });
});
