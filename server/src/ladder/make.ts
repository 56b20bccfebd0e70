// `ladder make`: every pair of rungs plays `sims` sims through playMatch (the sandboxed runtimes
// of `codearena match`), pairs at once within the concurrency. A pair's result is written the
// moment it is over; a pair whose file matches the spec is never played again, so running the
// same command after a kill plays only what is missing. Pairs are keyed by the content hash of
// both rungs' code (codebase-hash.ts): a rung whose code changed has its pairs played again.
import { existsSync } from 'node:fs';
import { type LadderFile, type LadderPair, type LadderSpec, deriveSeed } from '@codearena/protocol';
import { getArena } from '../arenas.ts';
import { playMatch, uniqueNames } from '../cli/match.ts';
import { ConfigError } from '../config/config-error.ts';
import { mapPool } from '../compete/pool.ts';
import { type RuntimeMode, openRuntime } from '../compete/runtime.ts';
import { validateOnWorkingInfra } from '../compete/validate.ts';
import { removeContainers } from '../sandbox/cleanup.ts';
import { sandboxLimitsFrom } from '../sandbox/limits.ts';
import { LimitsConfig } from '@codearena/protocol';
import { codebaseHash } from './codebase-hash.ts';
import type { LadderFolder } from './ladder-folder.ts';
import { currentPairs } from './standings.ts';

export interface MakeOptions {
  folder: LadderFolder;
  /** Sims at once over all pairs. */
  concurrency: number;
  signal?: AbortSignal;
  mode?: RuntimeMode;
  onPair?: (p: LadderPair) => void;
}

export interface MadeLadder {
  /** Every pair of the ladder played so far (those found and those played now). */
  pairs: LadderPair[];
  /** Pairs played by this call, as "a~b", in rung order (not the order they ended in). */
  played: string[];
  /** Of those, pairs whose file was there but stale (a rung's code, sims or seed changed). */
  replayed: string[];
  /** The signal stopped it: some pairs are left to a later run. */
  aborted: boolean;
}

/** All pairs i < j in rung order. */
export function rungPairs(ladder: LadderSpec): [number, number][] {
  const n = ladder.rungs.length;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n - i - 1 }, (_, k): [number, number] => [i, i + k + 1]),
  ).flat();
}

/** The spec with each rung's content hash as its code is now. */
export async function hashRungs(spec: LadderSpec): Promise<LadderFile> {
  const rungs = await Promise.all(spec.rungs.map(async (r) => ({ ...r, hash: await codebaseHash(r.codebase) })));
  return { ...spec, rungs };
}

export async function makeLadder(spec: LadderSpec, o: MakeOptions): Promise<MadeLadder> {
  const ladder = await hashRungs(spec);
  o.folder.writeLadder(ladder);
  const found = currentPairs(ladder, o.folder.pairs());
  const done = new Set(found.map((p) => `${p.a}~${p.b}`));
  const names = ([i, j]: [number, number]) => [ladder.rungs[i]!.name, ladder.rungs[j]!.name] as const;
  const key = (ij: [number, number]) => names(ij).join('~');
  const todo = rungPairs(ladder).filter((ij) => !done.has(key(ij)));
  // A pair to play whose file is there was played under other code, sims or seed.
  const stale = new Set(todo.filter((ij) => existsSync(o.folder.pairFile(...names(ij)))).map(key));
  const involved = [...new Set(todo.flat())].sort((x, y) => x - y);
  await validateRungs(ladder, involved, o.mode ?? 'docker');
  const inFlight = Math.max(1, Math.min(o.concurrency, todo.length));
  const simConcurrency = Math.max(1, Math.floor(o.concurrency / inFlight));
  const finished: string[] = [];
  const fresh = await mapPool(
    todo,
    inFlight,
    async ([i, j]) => {
      const p = await playPair(ladder, i, j, { ...o, concurrency: simConcurrency });
      if (!p) return null;
      o.folder.writePair(p);
      finished.push(`${p.a}~${p.b}`);
      o.onPair?.(p);
      return p;
    },
    () => o.signal?.aborted ?? false,
  );
  const pairs = [...found, ...fresh.filter((p): p is LadderPair => p != null)];
  const played = todo.map(key).filter((k) => finished.includes(k));
  const replayed = played.filter((k) => stale.has(k));
  return { pairs, played, replayed, aborted: pairs.length < rungPairs(ladder).length };
}

/** The arena's own check of each rung about to play; an invalid one stops the ladder before any
 *  sim, naming the rung and what its check said. */
async function validateRungs(ladder: LadderFile, rungs: number[], mode: RuntimeMode): Promise<void> {
  const { arena } = getArena(ladder.arena);
  const runId = `ladder-${process.pid}-validate-${Date.now().toString(36)}`;
  const limits = sandboxLimitsFrom(LimitsConfig.parse({}));
  const issues: { path: string; message: string }[] = [];
  try {
    for (const i of rungs) {
      const rung = ladder.rungs[i]!;
      const rt = await openRuntime(rung.name, rung.codebase, {
        mode,
        arena,
        runId,
        limits,
        role: `validate:${rung.name}`,
      });
      try {
        const v = await validateOnWorkingInfra(arena, rt);
        if (!v.ok)
          issues.push({
            path: `rungs[${i}].codebase`,
            message: `${rung.codebase} fails ${ladder.arena}'s check: ${v.detail}; fix that codebase or drop the rung`,
          });
      } finally {
        await rt.dispose();
      }
    }
  } finally {
    if (mode === 'docker' && arena.manifest.botKind !== 'data') await removeContainers(runId).catch(() => 0);
  }
  if (issues.length) throw new ConfigError(`ladder ${ladder.name}`, issues);
}

/** One pair's sims, seeded from (ladder seed, a, b); null when stopped before its end. */
async function playPair(ladder: LadderFile, i: number, j: number, o: MakeOptions): Promise<LadderPair | null> {
  const a = ladder.rungs[i]!,
    b = ladder.rungs[j]!;
  const dirs = [a.codebase, b.codebase];
  // playMatch names players after their directories: map those names back to the rungs'.
  const rungOf = new Map(uniqueNames(dirs).map((n, k) => [n, k === 0 ? a.name : b.name]));
  const winners: (string | null)[] = [];
  const seed = deriveSeed('ladder', ladder.seed, a.name, b.name);
  const r = await playMatch(ladder.arena, dirs, {
    sims: ladder.sims,
    seed,
    concurrency: o.concurrency,
    // Its own run id: playMatch removes its run's containers when it ends, and pairs overlap.
    runId: `ladder-${process.pid}-${a.name}-${b.name}-${Date.now().toString(36)}`,
    ...(o.mode ? { mode: o.mode } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
    onSim: (sim, w) => (winners[sim] = w === null ? null : (rungOf.get(w) ?? null)),
  });
  if (r.aborted || r.sims < ladder.sims) return null;
  return {
    a: a.name,
    b: b.name,
    codebases: [a.codebase, b.codebase],
    hashes: [a.hash, b.hash],
    sims: ladder.sims,
    seed: ladder.seed,
    winners: Array.from({ length: ladder.sims }, (_, k) => winners[k] ?? null),
    faults: Object.fromEntries(r.players.map((p) => [rungOf.get(p.name) ?? p.name, p.faults])),
    ms: Math.round(r.ms),
  };
}
