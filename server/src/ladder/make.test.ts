// `ladder make` on CoreWar (data bots on the host engine: real sims, no containers): every pair
// is played and written, a deleted pair or one whose rung's code changed is the only one played
// again, and the fit ranks the rungs the way their results say.
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { arenaDir } from '../paths.ts';
import { codebaseHash } from './codebase-hash.ts';
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
    expect(currentPairs(folder.readLadder()!, folder.pairs())).toHaveLength(6);
    expect(first.replayed).toEqual([]);
    const kept = folder.pairFile('paper', 'stone');
    const mtime = statSync(kept).mtimeMs;

    unlinkSync(folder.pairFile('imp', 'scanner'));
    const again = await makeLadder(ladder, { folder, concurrency: 2 });
    expect(again.played).toEqual(['imp~scanner']);
    expect(again.replayed).toEqual([]);
    expect(again.pairs).toHaveLength(6);
    expect(statSync(kept).mtimeMs).toBe(mtime);
    // Same seed, same code: the replayed pair is the pair it was.
    const replayed = again.pairs.find((p) => p.a === 'imp' && p.b === 'scanner')!;
    const before = first.pairs.find((p) => p.a === 'imp' && p.b === 'scanner')!;
    expect(replayed.winners).toEqual(before.winners);

    // A different sims count is another ladder: every pair plays again.
    const more = await makeLadder({ ...ladder, sims: 2 }, { folder, concurrency: 2 });
    expect(more.played).toHaveLength(6);
    expect(more.replayed).toHaveLength(6);
  });

  it("plays a rung's pairs again when its code changes, and nothing when only its directory moves", async () => {
    const copies = ['imp', 'paper', 'stone'].map((b) => {
      const to = join(tmp, 'code', b);
      cpSync(join(arenaDir('corewar'), 'bots', b), to, { recursive: true });
      return to;
    });
    const spec = ladderFromDirs('corewar', copies, { sims: 2, seed: 3 });
    const own = new LadderFolder(join(tmp, 'edited'));
    expect((await makeLadder(spec, { folder: own, concurrency: 2 })).played).toHaveLength(3);
    // Same directory, other code (a comment is enough: the key is the content).
    appendFileSync(join(copies[1]!, 'warrior.red'), '; edited\n');
    const edited = await makeLadder(spec, { folder: own, concurrency: 2 });
    expect(edited.played.sort()).toEqual(['imp~paper', 'paper~stone']);
    expect(edited.replayed.sort()).toEqual(['imp~paper', 'paper~stone']);
    expect(edited.pairs).toHaveLength(3);
    // The same code somewhere else: every pair stands.
    const moved = join(tmp, 'code', 'stone-moved');
    renameSync(copies[2]!, moved);
    const rungs = spec.rungs.map((r, k) => (k === 2 ? { ...r, codebase: moved } : r));
    const same = await makeLadder({ ...spec, rungs }, { folder: own, concurrency: 2 });
    expect(same.played).toEqual([]);
    expect(currentPairs(own.readLadder()!, own.pairs())).toHaveLength(3);
  });

  it('ranks rungs by their results, with intervals around each rating', () => {
    const pairs = [
      { a: 'imp', b: 'paper', winners: ['paper', 'paper', 'paper', null] },
      { a: 'imp', b: 'stone', winners: ['stone', null, 'stone', 'imp'] },
      { a: 'paper', b: 'stone', winners: ['paper', 'paper', 'stone', 'paper'] },
    ].map((p) => ({
      ...p,
      codebases: ['', ''] as [string, string],
      hashes: ['', ''] as [string, string],
      sims: 4,
      seed: 0,
      faults: {},
      ms: 0,
    }));
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

describe('codebaseHash', () => {
  it('hashes contents and links as links, never what a link points to', async () => {
    const dir = join(tmp, 'hashed');
    cpSync(join(arenaDir('corewar'), 'bots', 'imp'), dir, { recursive: true });
    const outside = join(tmp, 'outside.txt');
    writeFileSync(outside, 'secret one');
    symlinkSync(outside, join(dir, 'notes.txt'));
    const h = await codebaseHash(dir);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    // What the link points at is not the codebase's: changing it changes nothing.
    writeFileSync(outside, 'secret two');
    expect(await codebaseHash(dir)).toBe(h);
    // The link itself is: pointing it elsewhere does.
    unlinkSync(join(dir, 'notes.txt'));
    symlinkSync('/etc/hostname', join(dir, 'notes.txt'));
    const relinked = await codebaseHash(dir);
    expect(relinked).not.toBe(h);
    // A new file (even an empty one) and a renamed one count.
    writeFileSync(join(dir, 'empty'), '');
    expect(await codebaseHash(dir)).not.toBe(relinked);
    unlinkSync(join(dir, 'empty'));
    expect(await codebaseHash(dir)).toBe(relinked);
    renameSync(join(dir, 'warrior.red'), join(dir, 'warrior2.red'));
    expect(await codebaseHash(dir)).not.toBe(relinked);
  });
});
