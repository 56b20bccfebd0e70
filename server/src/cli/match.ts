// `codearena match <arena> A B [...]`: codebases head-to-head, no agents, same sandbox as a
// tournament. Also the programmatic entry used by bench and tests.
import { basename, resolve } from 'node:path';
import { getArena, arenaIds } from '../arenas.ts';
import { type PlayerRuntime, type RuntimeMode, openRuntime } from '../compete/runtime.ts';
import { playSeries, type Standing } from '../compete/series.ts';
import { removeContainers } from '../sandbox/cleanup.ts';
import { sandboxLimitsFrom } from '../sandbox/limits.ts';
import { LimitsConfig } from '@codearena/protocol';
import { bold, dim, table } from './format.ts';
import { UsageError, requireCodebase, requireDataCodebase, requireDocker } from './preflight.ts';

export interface MatchOptions {
  sims: number;
  seed: number;
  concurrency: number;
  json?: boolean;
}

export interface MatchRun {
  sims: number;
  players: Standing[];
  faultDetails: { player: string; kind: string; count: number; detail: string }[];
  ms: number;
  turns: number;
}

/** Plays `sims` sims; `mode: 'host'` runs bare processes (bench baseline only). */
export async function playMatch(arenaId: string, dirs: string[], o: MatchOptions & { mode?: RuntimeMode }): Promise<MatchRun> {
  const { arena } = getArena(arenaId);
  const names = uniqueNames(dirs);
  const runId = `match-${process.pid}-${Date.now().toString(36)}`;
  const limits = sandboxLimitsFrom(LimitsConfig.parse({}));
  const runtimes: PlayerRuntime[] = [];
  const t0 = performance.now();
  try {
    for (const [i, dir] of dirs.entries()) {
      runtimes.push(await openRuntime(names[i]!, dir, { mode: o.mode ?? 'docker', arena, runId, limits, role: `match:${names[i]}` }));
    }
    const faults = new Map<string, { player: string; kind: string; count: number; detail: string }>();
    let turns = 0;
    const { standings } = await playSeries({
      arena, args: arena.parseArgs({}), players: runtimes, sims: o.sims, concurrency: o.concurrency,
      seedParts: ['match', o.seed], deadlineMs: arena.manifest.turnDeadlineMs,
      onMatchEnd: (_sim, _seed, r) => {
        turns += r.turns;
        for (const f of r.faults) {
          const k = `${f.player}/${f.kind}`;
          const t = faults.get(k);
          if (t) t.count += f.count;
          else faults.set(k, { ...f });
        }
      },
    });
    return { sims: o.sims, players: standings, faultDetails: [...faults.values()], ms: performance.now() - t0, turns };
  } finally {
    await Promise.all(runtimes.map((r) => r.dispose()));
    if ((o.mode ?? 'docker') === 'docker' && arena.manifest.botKind !== 'data') await removeContainers(runId).catch(() => 0);
  }
}

export async function matchCommand(arenaId: string, codebases: string[], o: MatchOptions): Promise<void> {
  if (!arenaIds().includes(arenaId)) throw new UsageError(`unknown arena "${arenaId}"; known arenas: ${arenaIds().join(', ')}`);
  const { arena } = getArena(arenaId);
  const { min, max } = arena.manifest.players;
  if (codebases.length < Math.max(2, min) || codebases.length > max) {
    throw new UsageError(`${arenaId} needs ${Math.max(2, min)} to ${max} codebases, got ${codebases.length}`);
  }
  const dirs = codebases.map((c) => resolve(c));
  if (arena.manifest.botKind === 'process') dirs.forEach(requireCodebase);
  if (arena.manifest.botKind === 'data') dirs.forEach((d) => requireDataCodebase(d, arena.manifest.dataFiles ?? []));
  // Data bots run nowhere: the host engine reads them, so only the other kinds need Docker.
  if (arena.manifest.botKind !== 'data') await requireDocker([arena.manifest.image]);
  const r = await playMatch(arenaId, dirs, o);
  if (o.json) {
    process.stdout.write(`${JSON.stringify({ sims: r.sims, players: r.players.map(({ name, wins, losses, ties, faults }) => ({ name, wins, losses, ties, faults })) })}\n`);
    return;
  }
  process.stdout.write(`${bold(`${arenaId}: ${r.sims} sims`)} ${dim(`(seed ${o.seed}, ${(r.ms / 1000).toFixed(1)} s, ${(r.turns / (r.ms / 1000)).toFixed(0)} turns/s)`)}\n`);
  process.stdout.write(`${table(['codebase', 'wins', 'losses', 'ties', 'faults'], r.players.map((p) => [p.name, p.wins, p.losses, p.ties, p.faults]), [1, 2, 3, 4])}\n`);
  if (r.faultDetails.length) {
    process.stdout.write(`\n${bold('Faults')}\n`);
    for (const f of r.faultDetails) process.stdout.write(`  ${f.player}: ${f.count}× ${f.kind} — ${f.detail}\n`);
  }
}

/** Player names from directory names; repeats get #2, #3 … so results stay in input order. */
export function uniqueNames(dirs: string[]): string[] {
  const seen = new Map<string, number>();
  return dirs.map((d) => {
    const base = basename(resolve(d)) || 'codebase';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}
