// The kill-anywhere resume harness (issue 12): a tournament is run once without interruption
// (the reference), then again under `codearena run` in its own process group, SIGKILLed as a whole
// at seeded random moments and each time continued with `codearena run --resume`, until a resumed
// run finishes. The two must end alike (kill-resume-compare.fixture.ts). Used by the bounded test
// (kill-resume.docker.test.ts) and the soak (scripts/soak-resume.mjs); plain TypeScript, run
// through tsx by both.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type Event, createRng } from '@codearena/protocol';
import { ROOT } from '../paths.ts';
import { removeContainers } from '../sandbox/cleanup.ts';
import { RunFolder } from '../store/run-folder.ts';
import { type Phase, PHASES, eventKey, phaseOf, referencePositions } from './kill-phase.fixture.ts';
import { checkIndex, checkLeftovers, checkLog, compareOutcomes, runOutcome } from './kill-resume-compare.fixture.ts';

const BIN = join(ROOT, 'server', 'bin', 'codearena.js');
/** How often a followed log is looked at: the wait is on its growth, this only bounds the lag. */
const POLL_MS = 20;

/** The same seed aims at the same reference seqs; the jitters are bounded by the reference run's
 *  own timing, so they may differ from one machine or load to another. */
export interface KillResumeOptions {
  /** The tournament config (any object `codearena run` accepts; written as JSON, which is YAML). */
  config: object;
  kills: number;
  seed: number;
  /** An empty directory for the runs and the processes' output (the caller removes it). */
  work: string;
  /** A kill lands up to this long after the chosen event (default 500), so that it also hits
   *  git commits, replay writes and container starts, not only the moment after an event. */
  jitterMs?: number;
  /** One process that runs this long is taken to hang (default 10 min): the harness fails. */
  attemptTimeoutMs?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface Kill {
  /** The attempt killed (1: the first run). */
  attempt: number;
  /** The reference seq aimed at: the kill came `jitterMs` after the run got that far. */
  target: number;
  jitterMs: number;
  /** The last event logged before the kill, and the phase it leaves the run in. */
  lastEvent: string;
  phase: Phase;
}

export interface KillResumeReport {
  seed: number;
  referenceEvents: number;
  kills: Kill[];
  perPhase: Record<Phase, number>;
  /** Processes started for the interrupted run (kills + 1 when it finished). */
  attempts: number;
  /** [] when the resumed run ended exactly like the reference and left nothing behind. */
  differences: string[];
  referenceDir: string;
  runDir: string;
  ms: number;
}

export async function killResume(o: KillResumeOptions): Promise<KillResumeReport> {
  const started = Date.now();
  const say = o.log ?? (() => {});
  const cfg = join(o.work, 'config.yaml');
  writeFileSync(cfg, `${JSON.stringify(o.config, null, 2)}\n`);

  // The reference, run to the end.
  const refRuns = join(o.work, 'reference');
  const ref = await runOnce(['run', cfg, '--runs', refRuns, '--quiet'], refRuns, join(o.work, 'reference.log'), o);
  if (ref.code !== 0) throw new Error(`the reference run failed (exit ${ref.code}):\n${ref.output()}`);
  const referenceDir = onlyRunDir(refRuns)!;
  const reference = new RunFolder(referenceDir).readEvents();
  const refProblems = checkLog(reference);
  if (refProblems.length) throw new Error(`the reference run's log is wrong:\n${refProblems.join('\n')}`);
  say(`reference: ${reference.length} events in ${referenceDir}`);

  const rng = createRng(`kill-resume/${o.seed}`);
  const schedule = killSchedule(reference, o.kills, rng, o.jitterMs ?? 500);
  say(`seed ${o.seed}: kills at reference seq+ms ${schedule.map((k) => `${k.target}+${k.jitterMs}`).join(' ')}`);
  const positions = referencePositions(reference);
  const runs = join(o.work, 'killed');
  const kills: Kill[] = [];
  let attempts = 0;
  for (;;) {
    attempts++;
    const runDir = onlyRunDir(runs);
    const attemptStart = runDir ? (new RunFolder(runDir).readEvents().at(-1)?.seq ?? -1) + 1 : 0;
    const args = runDir
      ? ['run', '--resume', runDir, '--runs', runs, '--quiet']
      : ['run', cfg, '--runs', runs, '--quiet'];
    const moment = schedule[kills.length];
    const r = await runOnce(
      args,
      runs,
      join(o.work, `attempt-${attempts}.log`),
      o,
      moment && killTrigger(moment, positions, runDir, attemptStart),
    );
    if (r.killed) {
      const events = new RunFolder(onlyRunDir(runs)!).readEvents();
      const last = events.at(-1);
      const kill: Kill = {
        attempt: attempts,
        target: moment!.target,
        jitterMs: r.jitterMs!,
        lastEvent: last ? `${last.seq} ${last.type}${where(last)}` : 'none',
        phase: phaseOf(events, attemptStart),
      };
      kills.push(kill);
      say(
        `kill ${kills.length}: attempt ${attempts}, ${kill.phase} (after ${kill.lastEvent}; aimed at ${kill.target}, +${kill.jitterMs} ms)`,
      );
      continue;
    }
    if (r.code !== 0)
      throw new Error(`attempt ${attempts} (${args.join(' ')}) failed (exit ${r.code}):\n${r.output()}`);
    break;
  }

  const runDir = onlyRunDir(runs)!;
  const id = basename(runDir);
  const differences = [
    ...compareOutcomes(runOutcome(referenceDir), runOutcome(runDir)),
    ...checkLog(new RunFolder(runDir).readEvents()),
    ...checkIndex(join(runs, 'codearena.sqlite'), runDir, id),
    ...(await checkLeftovers(runDir, id)),
  ];
  const perPhase = Object.fromEntries(PHASES.map((p) => [p, kills.filter((k) => k.phase === p).length])) as Record<
    Phase,
    number
  >;
  return {
    seed: o.seed,
    referenceEvents: reference.length,
    kills,
    perPhase,
    attempts,
    differences,
    referenceDir,
    runDir,
    ms: Date.now() - started,
  };
}

/** One kill: once the run got as far as `target` (a reference seq), `jitterMs` later; or, when a
 *  resumed run starts past the target already, `resumeJitterMs` after it took the run's lease. */
export interface KillMoment {
  target: number;
  jitterMs: number;
  resumeJitterMs: number;
}

interface Trigger {
  /** Whether the moment came, given the run folder and the pid of the process being run. */
  reached(runDir: string, pid: number): boolean;
  jitterMs: number;
}

/**
 * When to kill the process about to run `runDir` (null: the first run) whose first event will be
 * `attemptStart`: once it logged an event at or past the target in the reference (redone events
 * map to earlier places, tournament.resumed and faults to none). A resumed run that starts past
 * the target is killed in its resume work instead (removing the dead process's containers,
 * putting repos back at their tags): once lease.json names it, before it logs anything.
 */
function killTrigger(
  moment: KillMoment,
  positions: Map<string, number>,
  runDir: string | null,
  attemptStart: number,
): Trigger {
  const past = (events: Event[], from: number) =>
    events.some((e) => e.seq >= from && (positions.get(eventKey(e) ?? '') ?? -1) >= moment.target);
  if (runDir && past(new RunFolder(runDir).readEvents(), 0))
    return { jitterMs: moment.resumeJitterMs, reached: (dir, pid) => new RunFolder(dir).readLease()?.pid === pid };
  let size = -1;
  return {
    jitterMs: moment.jitterMs,
    reached: (dir) => {
      const folder = new RunFolder(dir);
      // The run folder can exist a moment before its log does: nothing to read yet.
      if (!existsSync(folder.eventsFile)) return false;
      const now = statSync(folder.eventsFile).size;
      if (now === size) return false; // the wait is on the log's growth
      size = now;
      return past(folder.readEvents(), attemptStart);
    },
  };
}

/**
 * The kill moments, ascending: targets in [1, n-1) (never the final event, when the run is as
 * good as done), drawn phase by phase in turn — edit, validate, compete — each among the seqs
 * after which the reference was in that phase, so that even a few kills hit every phase however
 * short it is; a target may be drawn twice (a resumed run killed again at the same place). The
 * jitter is drawn below `maxJitterMs` and below the time the reference took to its next event, so
 * the kill lands inside the work in progress (a git commit, a replay write, a container start)
 * rather than past it. A resume's own work (about a second) gets up to twice `maxJitterMs`.
 */
export function killSchedule(
  reference: readonly Event[],
  kills: number,
  rng: { int(n: number): number },
  maxJitterMs: number,
): KillMoment[] {
  const n = reference.length;
  const byPhase = new Map<Phase, number[]>();
  for (let s = 1; s < n - 1; s++) {
    const phase = phaseOf(reference.slice(0, s + 1));
    byPhase.set(phase, [...(byPhase.get(phase) ?? []), s]);
  }
  const order = (['edit', 'validate', 'compete'] as const).filter((p) => byPhase.has(p));
  if (order.length === 0) throw new Error(`the reference run has ${n} events: too few to kill it anywhere`);
  const out = Array.from({ length: kills }, (_, i) => {
    const seqs = byPhase.get(order[i % order.length]!)!;
    const target = seqs[rng.int(seqs.length)]!;
    const gap = Math.max(0, Math.floor(reference[target + 1]!.ts - reference[target]!.ts));
    return { target, jitterMs: rng.int(Math.min(maxJitterMs, gap) + 1), resumeJitterMs: rng.int(2 * maxJitterMs) };
  });
  return out.sort((a, b) => a.target - b.target);
}

interface RunResult {
  code: number | null;
  killed: boolean;
  /** With `killed`: how long after the moment came. */
  jitterMs?: number;
  output(): string;
}

/**
 * Runs `codearena <args>` in a process group of its own (output in `logFile`). With `kill`, the
 * run folder (the one folder in `runsDir`) is watched; once the trigger is reached, `jitterMs`
 * later the whole group gets SIGKILL (unless it exited first).
 */
async function runOnce(
  args: string[],
  runsDir: string,
  logFile: string,
  o: KillResumeOptions,
  kill?: Trigger,
): Promise<RunResult> {
  const fd = openSync(logFile, 'w');
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      detached: true,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', fd, fd],
    });
  } finally {
    closeSync(fd);
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  let running = true;
  live.add(child);
  void exited.then(() => {
    running = false;
    live.delete(child);
  });
  const killGroup = () => {
    try {
      if (running && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // ESRCH: the group ended by itself between the check and the kill
    }
  };
  let hung = false;
  const deadline = setTimeout(() => {
    hung = true;
    killGroup();
  }, o.attemptTimeoutMs ?? 600_000);
  const output = () => readFileSync(logFile, 'utf8').slice(-4000);
  try {
    let aimed = false;
    if (kill) {
      while (running && !aimed) {
        const dir = onlyRunDir(runsDir);
        if (dir && kill.reached(dir, child.pid!)) {
          await Promise.race([exited, pause(kill.jitterMs)]);
          aimed = running && !hung;
          killGroup();
        }
        await Promise.race([exited, pause(POLL_MS)]);
      }
    }
    const { code, signal } = await exited;
    // Killed by us only if SIGKILL is what ended it (it may have finished just before).
    const killed = aimed && signal === 'SIGKILL';
    if (hung)
      throw new Error(
        `codearena ${args.join(' ')} ran past ${o.attemptTimeoutMs ?? 600_000} ms (a hang):\n${output()}`,
      );
    return { code, killed, output, ...(killed ? { jitterMs: kill!.jitterMs } : {}) };
  } finally {
    clearTimeout(deadline);
    killGroup();
  }
}

const live = new Set<ChildProcess>();

/** After a failure or an interruption (a test that timed out, Ctrl-C of the soak): SIGKILLs the
 *  process group of every run still going and removes the containers of the runs in `work`. */
export async function abandonRuns(work: string): Promise<void> {
  for (const c of live)
    try {
      if (c.pid !== undefined) process.kill(-c.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  for (const runs of [join(work, 'reference'), join(work, 'killed')]) {
    const dir = onlyRunDir(runs);
    if (dir) await removeContainers(basename(dir)); // the run folder is named for the run id
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The run folder in `runsDir` (each runs folder here holds one run), or null before it exists. */
function onlyRunDir(runsDir: string): string | null {
  if (!existsSync(runsDir)) return null;
  const dirs = readdirSync(runsDir).filter((n) => statSync(join(runsDir, n)).isDirectory());
  if (dirs.length > 1) throw new Error(`${runsDir} holds ${dirs.length} runs; the harness expects one`);
  return dirs[0] ? join(runsDir, dirs[0]) : null;
}

function where(e: Event): string {
  const parts = [
    'round' in e ? `round ${e.round}` : '',
    'player' in e && e.player ? e.player : '',
    'sim' in e ? `sim ${e.sim}` : '',
    'step' in e ? `step ${e.step}` : '',
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}
