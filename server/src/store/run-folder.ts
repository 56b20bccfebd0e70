// The run folder's one owner: where every file of runs/<id>/ lives, how it is written (whole files
// atomically, tmp + rename; logs line by line) and how it is read back (parsed against the schemas
// in protocol/, a torn tail tolerated). The tournament, the edit phase, the gateway, agents
// (through RoundLogs) and the CLI all go through it, so resume can read back what they wrote.
import {
  type Dirent,
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import {
  type DiffPayload,
  type EditExit,
  type Event,
  type MatchRef,
  type ModelAnswer,
  type ModelAnswers,
  Replay,
  type RoundLogs,
  RoundResultsFile,
  type ReplayReport,
  RunLease,
  TournamentConfig,
  TrajectoryStep,
} from '@codearena/protocol';
import type { z } from 'zod';
import { openAnswerLog } from './answer-log.ts';
import { EventsTail, RunLog, type RunLogOptions, readEventLog, readLastEvent } from './run-log.ts';

export const EVENTS_FILE = 'events.jsonl';
/** The resolved tournament config of a run, written before `tournament.started`; the index stores it. */
export const CONFIG_FILE = 'config.json';
/** The config file as the user wrote it, kept so the run can be reproduced. */
export const CONFIG_YAML_FILE = 'config.yaml';
/** A replayed run's comparison with the run it re-ran. */
export const REPLAY_REPORT_FILE = 'replay-report.json';
/** Who runs the tournament now (RunLease); absent when nobody does. */
export const LEASE_FILE = 'lease.json';

export class RunFolder {
  readonly roundsDir: string;
  readonly eventsFile: string;
  readonly leaseFile: string;

  constructor(readonly runDir: string) {
    this.roundsDir = join(runDir, 'rounds');
    this.eventsFile = join(runDir, EVENTS_FILE);
    this.leaseFile = join(runDir, LEASE_FILE);
  }

  // ---- layout -------------------------------------------------------------------------------
  roundDir = (r: number): string => join(this.roundsDir, String(r));
  roundResults = (r: number): string => join(this.roundDir(r), 'results.json');
  replay = (m: MatchRef): string => join(this.roundDir(m.round), 'sims', `${m.sim}.json`);
  repo = (player: string): string => join(this.runDir, 'players', player, 'repo');
  diff = (player: string, r: number): string => join(this.runDir, 'players', player, 'diffs', `round-${r}.diff`);
  trajectory = (player: string, r: number): string =>
    join(this.runDir, 'players', player, 'trajectory', `round-${r}.jsonl`);
  /** The round's model answers (ModelAnswer lines), across every attempt of the phase. */
  answers = (player: string, r: number): string => join(this.runDir, 'players', player, 'answers', `round-${r}.jsonl`);
  scratch = (player: string, r: number): string => join(this.runDir, 'players', player, 'scratch', `round-${r}`);
  snapshot = (r: number, player: string): string => join(this.runDir, 'snapshots', `round-${r}`, player);

  // ---- writers ------------------------------------------------------------------------------
  /** The config as written (YAML text) and as resolved (config.json, which the index stores). */
  writeConfig(config: TournamentConfig, rawYaml?: string): void {
    mkdirSync(this.roundsDir, { recursive: true });
    if (rawYaml !== undefined) writeFileSync(join(this.runDir, CONFIG_YAML_FILE), rawYaml);
    writeAtomic(join(this.runDir, CONFIG_FILE), `${JSON.stringify(config, null, 2)}\n`);
  }

  /** Opens events.jsonl for appending (a torn last line is repaired first). */
  openLog(options: RunLogOptions = {}): RunLog {
    return new RunLog(this.eventsFile, options);
  }

  writeRoundResults(results: RoundResultsFile): void {
    writeAtomic(this.roundResults(results.round), `${JSON.stringify(results, null, 2)}\n`);
  }

  /** Writes a finished match's replay; returns its path (match.finished names it). */
  writeReplay(replay: Replay): string {
    const file = this.replay(replay);
    writeAtomic(file, JSON.stringify(replay));
    return file;
  }

  /** One line per step, appended as it happens (a crash loses at most the line being written). */
  appendTrajectory(player: string, round: number, step: TrajectoryStep): void {
    const file = this.trajectory(player, round);
    mkdirSync(dirname(file), { recursive: true });
    appendFileSync(file, `${JSON.stringify(step)}\n`);
  }

  writeDiff(player: string, round: number, diff: string): void {
    writeAtomic(this.diff(player, round), diff);
  }

  /**
   * The model answers of a player's round (see ModelAnswers): served from the round's own file
   * (a resumed phase), or from `recorded` (a replay of another run, each answer copied into this
   * run's file as it is used). A torn last line is cut off first.
   */
  openAnswers(
    player: string,
    round: number,
    o: { recorded?: ModelAnswer[]; offline?: EditExit | null } = {},
  ): ModelAnswers & { served(): number } {
    return openAnswerLog(this.answers(player, round), o);
  }

  readAnswers(player: string, round: number): ModelAnswer[] {
    return openAnswerLog(this.answers(player, round), { readOnly: true }).all();
  }

  /** A restarted edit phase writes a new trajectory; the old one is kept beside it as
   *  round-<r>.attempt-<n>.jsonl (the answers file, not this, is what the restart replays). */
  setAsideTrajectory(player: string, round: number): void {
    const file = this.trajectory(player, round);
    if (!existsSync(file)) return;
    let n = 1;
    while (existsSync(file.replace(/\.jsonl$/, `.attempt-${n}.jsonl`))) n++;
    renameSync(file, file.replace(/\.jsonl$/, `.attempt-${n}.jsonl`));
  }

  /** `codearena replay`'s comparison with the recorded run (replay-report.json). */
  writeReplayReport(report: ReplayReport): void {
    writeAtomic(join(this.runDir, REPLAY_REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
  }

  /** Where a replay puts the starting codebases it took from the recorded run's round-0 tags. */
  replayStart = (player: string): string => join(this.runDir, 'replay-start', player);

  writeLease(lease: RunLease): void {
    writeAtomic(this.leaseFile, `${JSON.stringify(lease)}\n`);
  }

  readLease(): RunLease | null {
    return readJson(this.leaseFile, RunLease);
  }

  removeLease(): void {
    rmSync(this.leaseFile, { force: true });
  }

  /** Removes what a process killed mid-write leaves: the `*.tmp` files of atomic writes (the
   *  file itself still holds its previous whole version, or does not exist). Returns how many. */
  removeTornWrites(): number {
    const dirs = [this.runDir, ...subdirs(this.roundsDir).flatMap((r) => [r, join(r, 'sims')])];
    for (const p of subdirs(join(this.runDir, 'players'))) dirs.push(join(p, 'diffs'));
    let n = 0;
    for (const dir of dirs)
      for (const e of entries(dir))
        if (e.isFile() && e.name.endsWith('.tmp')) {
          rmSync(join(dir, e.name), { force: true });
          n++;
        }
    return n;
  }

  // ---- readers ------------------------------------------------------------------------------
  /** Every logged event; a torn last line is ignored, damage elsewhere throws (RunLogError). */
  readEvents(): Event[] {
    return readEventLog(this.eventsFile);
  }

  /** The last logged event (read from the file's end); null when nothing was logged. */
  lastEvent(): Event | null {
    return readLastEvent(this.eventsFile);
  }

  /** Follows events.jsonl as it grows (the live view of a run in another process). */
  tailEvents(): EventsTail {
    return new EventsTail(this.eventsFile);
  }

  /** config.json, parsed as a TournamentConfig and re-serialised compactly; null when absent or not one. */
  configJson(): string | null {
    const config = this.readConfig();
    return config ? JSON.stringify(config) : null;
  }

  /** The resolved config the run was started with; null when absent or not one (parsed like
   *  every run file: a damaged or foreign one reads as missing). */
  readConfig(): TournamentConfig | null {
    return readJson(join(this.runDir, CONFIG_FILE), TournamentConfig);
  }

  /** The config file as the user wrote it ('' when it was not kept). */
  readConfigYaml(): string {
    try {
      return readFileSync(join(this.runDir, CONFIG_YAML_FILE), 'utf8');
    } catch {
      return '';
    }
  }

  readRoundResults(r: number): RoundResultsFile | null {
    return readJson(this.roundResults(r), RoundResultsFile);
  }

  /** Sims of round r with a replay file, ascending. */
  replaySims(r: number): number[] {
    const dir = join(this.roundDir(r), 'sims');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .map((f) => /^(\d+)\.json$/.exec(f)?.[1])
      .filter((s) => s !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  }

  readReplay(m: MatchRef): Replay | null {
    return readJson(this.replay(m), Replay);
  }

  /** The steps written so far; a line torn while the agent writes, or not a step, is skipped. */
  readTrajectory(player: string, round: number): TrajectoryStep[] {
    const file = this.trajectory(player, round);
    if (!existsSync(file)) return [];
    const steps: TrajectoryStep[] = [];
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const s = TrajectoryStep.safeParse(parseJson(line));
      if (s.success) steps.push(s.data);
    }
    return steps;
  }

  /** The round's diff, cut at `limit` bytes; null when there is none (round 0, unplayed rounds). */
  readDiff(player: string, round: number, limit: number): DiffPayload | null {
    const file = this.diff(player, round);
    if (!existsSync(file)) return null;
    const buf = readFileSync(file);
    return {
      player,
      round,
      bytes: buf.length,
      truncated: buf.length > limit,
      diff: buf.subarray(0, limit).toString('utf8'),
    };
  }

  /** Earlier rounds' logs for agents (they mount roundsDir read-only in their workspace). */
  roundLogs(): RoundLogs {
    return {
      results: (round) => this.readRoundResults(round),
      sims: (round) => this.replaySims(round),
      replay: (round, sim) => this.readReplay({ round, sim }),
    };
  }
}

/** A sortable, readable run id: 20261125-071700-demo-3f9a. */
export function newRunId(name: string, now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 32) || 'run';
  const rand = Math.floor(Math.random() * 0xffff)
    .toString(16)
    .padStart(4, '0');
  return `${stamp}-${slug}-${rand}`;
}

/** Readers see the old file or the new one, never half of one (resume and live readers rely on it). */
export function writeAtomic(file: string, data: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/** A directory's entries (links not followed); none when it cannot be read. */
function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

const subdirs = (dir: string): string[] =>
  entries(dir)
    .filter((e) => e.isDirectory())
    .map((e) => join(dir, e.name));

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The file parsed against its schema, or null when it is missing, not JSON or not that shape. */
function readJson<S extends z.ZodType>(file: string, schema: S): z.infer<S> | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const r = schema.safeParse(parseJson(text));
  return r.success ? r.data : null;
}
