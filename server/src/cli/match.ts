// `codearena match <arena> A B [...]`: codebases head-to-head, no agents, same sandbox as a
// tournament. Also the programmatic entry used by bench and tests.
import { basename, resolve } from 'node:path';
import { getArena, arenaIds } from '../arenas.ts';
import { type PlayerRuntime, type RuntimeMode, openRuntime } from '../compete/runtime.ts';
import { type StopRule, SequentialStop } from '../compete/sequential.ts';
import { playSeries, type Standing } from '../compete/series.ts';
import { removeContainers } from '../sandbox/cleanup.ts';
import { removeAllFifoDirs } from '../sandbox/fifo.ts';
import { isInfraError } from '../sandbox/infra-error.ts';
import { sandboxLimitsFrom } from '../sandbox/limits.ts';
import { mountProblem } from '../sandbox/sandbox.ts';
import { type FaultCount, LimitsConfig, SequentialSims } from '@codearena/protocol';
import { z } from 'zod';
import { bold, dim, table, terminalJson, untrusted } from './format.ts';
import { UsageError, requireCodebase, requireDataCodebase, requireDocker } from './preflight.ts';

export interface MatchOptions {
  /** The fixed count, or with `adaptive` the most sims (`--max`). */
  sims: number;
  seed: number;
  concurrency: number;
  json?: boolean;
  /** Sims until the sequential test names a winner (README "Sequential stopping"), at most `sims`. */
  adaptive?: StopRule;
}

/** How an adaptive match ended: named by the test after `sims`, or played to max. */
export interface MatchDecision {
  decided: boolean;
  /** The winner (at max: the most sim wins, null on a shared lead). */
  winner: string | null;
  /** Sims played past the deciding prefix (concurrency), not counted. */
  uncounted: number;
}

export interface MatchRun {
  sims: number;
  players: Standing[];
  faultDetails: FaultCount[];
  ms: number;
  /** Of `ms`, the time taken to open the players' runtimes (container starts, paid once a match). */
  openMs: number;
  turns: number;
  /** Stopped by the signal (Ctrl-C): `sims` counts the sims that were played to the end. */
  aborted: boolean;
  /** With `adaptive`. */
  decision?: MatchDecision;
}

/** Plays `sims` sims; `mode: 'host'` runs bare processes (bench baseline only). */
export async function playMatch(
  arenaId: string,
  dirs: string[],
  o: MatchOptions & {
    mode?: RuntimeMode;
    runId?: string;
    signal?: AbortSignal;
    /** Each counted sim's winner (null: a tie), once the series is over (bench: per-seed outcomes). */
    onSim?: (sim: number, winner: string | null) => void;
  },
): Promise<MatchRun> {
  const { arena } = getArena(arenaId);
  const names = uniqueNames(dirs);
  const runId = o.runId ?? matchRunId();
  const limits = sandboxLimitsFrom(LimitsConfig.parse({}));
  const runtimes: PlayerRuntime[] = [];
  const t0 = performance.now();
  try {
    // All at once: a container's start (~0.2 s) is paid once per match, not once per player.
    const opened = await Promise.allSettled(
      dirs.map((dir, i) =>
        openRuntime(names[i]!, dir, {
          mode: o.mode ?? 'docker',
          arena,
          runId,
          limits,
          role: `match:${names[i]}`,
          simsAtOnce: o.concurrency,
        }),
      ),
    );
    for (const r of opened) if (r.status === 'fulfilled') runtimes.push(r.value);
    const failed = opened.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    const openMs = performance.now() - t0;
    const faults = new Map<string, FaultCount>();
    let turns = 0;
    if (o.signal?.aborted)
      return { sims: 0, players: [], faultDetails: [], ms: performance.now() - t0, openMs, turns: 0, aborted: true };
    const stop = o.adaptive ? new SequentialStop(names, o.adaptive) : null;
    const { standings, results, aborted, uncounted } = await playSeries({
      arena,
      args: arena.parseArgs({}),
      players: runtimes,
      sims: o.sims,
      concurrency: o.concurrency,
      seedParts: ['match', o.seed],
      deadlineMs: arena.manifest.turnDeadlineMs,
      engineHost: { runId, role: 'match', cpus: limits.cpus },
      ...(o.signal ? { signal: o.signal } : {}),
      ...(stop
        ? { decide: (sim: number, r: { winner: string | null }) => stop.record(sim, r.winner)?.sims ?? null }
        : {}),
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
    for (const s of results) o.onSim?.(s.sim, s.result.winner);
    return {
      sims: results.length,
      players: standings,
      faultDetails: [...faults.values()],
      ms: performance.now() - t0,
      openMs,
      turns,
      aborted,
      ...(stop && !aborted
        ? {
            decision: {
              decided: stop.decision !== null,
              winner: stop.decision?.winner ?? soleLeader(standings),
              uncounted: uncounted?.length ?? 0,
            },
          }
        : {}),
    };
  } finally {
    await Promise.all(runtimes.map((r) => r.dispose()));
    if ((o.mode ?? 'docker') === 'docker' && arena.manifest.botKind !== 'data')
      await removeContainers(runId).catch(() => 0);
  }
}

/** `codearena match`'s flags as commander gives them. */
export interface MatchFlags {
  sims?: number;
  seed: number;
  concurrency: number;
  json?: boolean;
  adaptive?: boolean;
  max?: number;
  alpha?: number;
  beta?: number;
  margin?: number;
}

/** The flags that set the sequential test, by the config field (sims_per_round) each one sets. */
const RULE_FLAGS = { max: '--max', alpha: '--alpha', beta: '--beta', margin: '--margin' } as const;
type RuleField = keyof typeof RULE_FLAGS;

/** A field's range as the config's zod shape states it ("> 0 and ≤ 0.25"): one owner of the bounds. */
function rangeOf(field: RuleField): string {
  const p = (z.toJSONSchema(SequentialSims, { io: 'input' }).properties ?? {})[field] as Record<string, unknown>;
  const low = p.exclusiveMinimum !== undefined ? `> ${p.exclusiveMinimum}` : `≥ ${p.minimum}`;
  const high = p.exclusiveMaximum !== undefined ? `< ${p.exclusiveMaximum}` : `≤ ${p.maximum}`;
  return `${p.type === 'integer' ? 'a whole number' : 'a number'} ${low} and ${high}`;
}

export const DEFAULT_MATCH_SIMS = 10;
export const DEFAULT_ADAPTIVE_MAX = 100;
/** The test `--adaptive` runs without --alpha, --beta, --margin: the config's defaults. */
export const DEFAULT_RULE = SequentialSims.parse({ max: DEFAULT_ADAPTIVE_MAX, stop: 'sprt' });

/** The flags checked against each other: --max belongs to --adaptive, --sims to a fixed count. */
export function matchOptions(f: MatchFlags): MatchOptions {
  const { seed, concurrency, json } = f;
  if (!f.adaptive) {
    if (f.max !== undefined)
      throw new UsageError('--max bounds an adaptive match; add --adaptive, or use --sims for a fixed count');
    const stray = (['alpha', 'beta', 'margin'] as const).find((k) => f[k] !== undefined);
    if (stray) throw new UsageError(`${RULE_FLAGS[stray]} sets the sequential test; add --adaptive, or leave it out`);
    return { sims: f.sims ?? DEFAULT_MATCH_SIMS, seed, concurrency, json };
  }
  if (f.sims !== undefined)
    throw new UsageError('--sims is a fixed count; with --adaptive bound the sims with --max instead');
  // The same shape as the config's sims_per_round: { max, stop: sprt, alpha, beta, margin }.
  const rule = SequentialSims.safeParse({
    max: f.max ?? DEFAULT_ADAPTIVE_MAX,
    stop: 'sprt',
    ...(f.alpha !== undefined && { alpha: f.alpha }),
    ...(f.beta !== undefined && { beta: f.beta }),
    ...(f.margin !== undefined && { margin: f.margin }),
  });
  if (!rule.success) {
    const field = rule.error.issues[0]?.path[0] as RuleField;
    throw new UsageError(`${RULE_FLAGS[field]} must be ${rangeOf(field)}, got ${f[field]}`);
  }
  return { sims: rule.data.max, seed, concurrency, json, adaptive: rule.data };
}

export async function matchCommand(arenaId: string, codebases: string[], flags: MatchFlags): Promise<void> {
  const o = matchOptions(flags);
  if (!arenaIds().includes(arenaId))
    throw new UsageError(`unknown arena "${arenaId}"; known arenas: ${arenaIds().join(', ')}`);
  const { arena } = getArena(arenaId);
  const { min, max } = arena.manifest.players;
  if (codebases.length < Math.max(2, min) || codebases.length > max) {
    throw new UsageError(`${arenaId} needs ${Math.max(2, min)} to ${max} codebases, got ${codebases.length}`);
  }
  const dirs = codebases.map((c) => resolve(c));
  if (arena.manifest.botKind === 'process') dirs.forEach(requireCodebase);
  else dirs.forEach((d) => requireDataCodebase(d, arena.manifest.dataFiles ?? []));
  // Data bots run nowhere: the host engine reads them, so only the other kinds need Docker.
  if (arena.manifest.botKind !== 'data') await requireDocker([arena.manifest.image]);
  const r = await playInterruptibly(arenaId, dirs, o);
  process.stdout.write(matchReport(arenaId, o, r));
}

/** What `codearena match` prints. Fault details quote what the bots wrote (replies, stderr),
 *  and names come from directory names: all of it goes out escaped. */
export function matchReport(
  arenaId: string,
  o: Pick<MatchOptions, 'seed' | 'json' | 'sims' | 'adaptive'>,
  r: MatchRun,
): string {
  if (o.json) {
    const players = r.players.map(({ name, wins, losses, ties, faults }) => ({ name, wins, losses, ties, faults }));
    return `${terminalJson({ sims: r.sims, players, ...(r.decision ? { decision: r.decision } : {}) })}\n`;
  }
  let out = `${bold(`${untrusted(arenaId)}: ${r.sims} sims`)} ${dim(`(seed ${o.seed}, ${(r.ms / 1000).toFixed(1)} s, ${(r.turns / (r.ms / 1000)).toFixed(0)} turns/s)`)}\n`;
  out += `${table(
    ['codebase', 'wins', 'losses', 'ties', 'faults'],
    r.players.map((p) => [p.name, p.wins, p.losses, p.ties, p.faults]),
    [1, 2, 3, 4],
  )}\n`;
  if (r.decision && o.adaptive) out += decisionLine(r.decision, r.sims, o.sims, o.adaptive);
  if (r.faultDetails.length) {
    out += `\n${bold('Faults')}\n`;
    for (const f of r.faultDetails)
      out += `  ${untrusted(f.player)}: ${f.count}× ${untrusted(f.kind)} — ${untrusted(f.detail)}\n`;
  }
  return out;
}

function decisionLine(d: MatchDecision, sims: number, max: number, rule: StopRule): string {
  const won = d.winner === null ? 'a tie' : `${untrusted(d.winner)} wins`;
  const test = dim(`(SPRT: alpha ${rule.alpha}, beta ${rule.beta}, margin ${rule.margin}; max ${max})`);
  if (!d.decided) return `no decision before max: all ${sims} sims scored as a fixed count, ${won} ${test}\n`;
  const past = d.uncounted ? `; ${d.uncounted} later sims already played, not counted` : '';
  return `${bold(`decided after ${sims} sims: ${won}`)} ${test}${past}\n`;
}

/** The only player with the most sim wins, or null on a shared lead. */
function soleLeader(standings: Standing[]): string | null {
  const best = Math.max(...standings.map((s) => s.wins));
  const top = standings.filter((s) => s.wins === best);
  return top.length === 1 ? top[0]!.name : null;
}

const matchRunId = () => `match-${process.pid}-${Date.now().toString(36)}`;

/** playMatch under Ctrl-C handling, as `codearena run` does: the first Ctrl-C (or SIGTERM)
 *  stops the sims in play after their current turn and removes the containers (exit status
 *  130 after the partial report); a second one removes them at once and exits. */
async function playInterruptibly(arenaId: string, dirs: string[], o: MatchOptions): Promise<MatchRun> {
  for (const d of dirs) {
    const problem = mountProblem(d);
    if (problem) throw new UsageError(`codebase ${problem}; pass an existing directory`);
  }
  const runId = matchRunId();
  const stop = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    if (++interrupts === 1) {
      process.stderr.write(
        `\n${bold('stopping')}: ending the sims in play and removing containers (Ctrl-C again to force)\n`,
      );
      stop.abort();
    } else {
      void removeContainers(runId)
        .catch(() => 0)
        .finally(() => {
          removeAllFifoDirs();
          process.exit(130);
        });
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const r = await playMatch(arenaId, dirs, { ...o, runId, signal: stop.signal });
    if (r.aborted) {
      process.stderr.write(`aborted after ${r.sims} of ${o.sims} sims; containers removed\n`);
      process.exitCode = 130;
    }
    return r;
  } catch (e) {
    // Docker failing under the match is no codebase's fault and no usage error: exit 3, as
    // for a missing daemon.
    if (isInfraError(e))
      throw new UsageError(
        `the match was stopped by an infrastructure failure: ${e.message}\nFix: check the Docker daemon (\`codearena doctor\`) and run the match again.`,
        3,
      );
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
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
