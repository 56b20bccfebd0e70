// The agent contract: an agent edits one player's codebase between rounds. `edit` never
// throws; every way it can end is one of the EditExit statuses.
import type { EditExit } from './events.ts';
import type { z } from 'zod';
import type { ModelAnswer, RoundLogs, StepExtraShape } from './run-files.ts';

export interface WorkspaceExec {
  exitCode: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  truncated: boolean;
  ms: number;
}

/** A host directory shown read-only in the workspace; `container` lies under /codearena/. */
export interface WorkspaceMount {
  host: string;
  container: string;
}

/** The player's own container: its repo read-write at `repoPath`, nothing else writable. */
export interface Workspace {
  repoPath: string;
  /** The uid and gid its commands run as: host files meant for them only are given to it. */
  user: { uid: number; gid: number };
  exec(cmd: string, o?: { timeoutMs?: number; maxOutputBytes?: number }): Promise<WorkspaceExec>;
}

export interface SelfPlayResult {
  sims: number;
  /** Seats in each sim: the candidate plus (seats − 1) copies of the baseline. */
  seats: number;
  /** From the candidate's point of view. */
  wins: number;
  losses: number;
  ties: number;
  /** Candidate's faults (its bot misbehaved: a strong hint the change broke it). */
  faults: number;
}

/** What a step may carry besides its action and output. */
export type StepExtra = z.infer<z.ZodObject<typeof StepExtraShape>> & {
  /** The conversation messages this step added, in order (the first step's include the prompts).
   *  Stored in the trajectory file only, not in the edit.step event. */
  messages?: unknown[];
};

/** Single files of a player's repo, read and written on the host without following links. */
export interface RepoFiles {
  /** The file as text (at most `maxBytes`); null when missing, a link, not a regular file or unreadable. */
  read(path: string, maxBytes: number): Promise<string | null>;
  /** Replaces the file (a link or anything else at the path is removed, never written through). */
  write(path: string, data: string): Promise<void>;
  /** Copies the repo's files (not .git) into the new directory `dest`, links as links, within the
   *  repo quota; `replace` files are written with the given text instead of copied. */
  copyTo(dest: string, replace?: Record<string, string>): Promise<void>;
}

/**
 * The round's model answers for one player, kept by the run folder. An agent that calls a model
 * takes `next()` before each call: while it returns an answer, that answer is used instead of a
 * provider call (an interrupted phase being resumed, or `codearena replay`); once it returns
 * null the agent calls its provider and `record`s each answer as soon as it arrives, before
 * acting on it. Nothing already paid for is asked again.
 */
export interface ModelAnswers {
  next(): ModelAnswer | null;
  record(answer: Omit<ModelAnswer, 'call'>): void;
  /** Set when no provider may be called (`codearena replay`): once the recorded answers run
   *  out, the phase ends with this exit (the one the recorded phase ended with). */
  offline: EditExit | null;
}

export interface EditContext {
  tournamentId: string;
  round: number;
  rounds: number;
  player: string;
  arenaId: string;
  /** The arena's BRIEF.md: what agents are told about the game and the protocol. */
  brief: string;
  /** The player's repo as host-side code may touch it: an agent may have left links, FIFOs or
   *  huge files there, so no host-side agent opens its files by path. */
  repo: RepoFiles;
  /** Host path of earlier rounds' results and logs (read-only for agents). */
  logsDir: string;
  /** The same logs, parsed: host-side agents read them through this, never by path. */
  logs: RoundLogs;
  /** Host directory for the agent's scratch files, outside the repo; emptied after the phase. */
  scratchDir: string;
  /** Opponents' code from the previous round; empty unless the tournament is transparent. */
  opponents: { name: string; dir: string }[];
  /** Seed for the agent's own choices, derived from the tournament seed, round and player. */
  seed: number;
  deadline: number;
  signal: AbortSignal;
  /** Records one step (shown live; stored in the trajectory). */
  step(action: string, output: string, extra?: StepExtra): void;
  /** Sandboxed sims of codebase `candidateDir` against copies of `baselineDir` (host paths), with
   *  as many seats as the tournament has players. Every call in one edit phase plays the same
   *  seeds (common random numbers), so candidates are compared on the same games. */
  selfPlay(candidateDir: string, baselineDir: string, sims: number): Promise<SelfPlayResult>;
  /** A private host directory for this phase (created on first call; the same one after): short
   *  enough a path for unix sockets, traversable but not listable, removed after the phase and,
   *  should the process die, by the next run or `doctor --clean`. For what an agent mounts into
   *  its workspace (a model gateway's socket, a harness's task files). */
  privateDir(): string;
  /** Opens the player's workspace container (lazily; disposed by the tournament). `mounts` (the
   *  first call's count) adds read-only host directories under /codearena/ (a harness's
   *  programs, the model gateway's socket, the task files). */
  workspace(o?: { mounts?: WorkspaceMount[] }): Promise<Workspace>;
  /** Recorded model answers to use before calling a provider, and where new ones are recorded. */
  answers: ModelAnswers;
}

export interface EditOutcome {
  exit: EditExit;
  steps: number;
  costUsd: number;
  /** One line for the rounds table and the live view. */
  summary: string;
}

export interface Agent {
  id: string;
  /** Model name for leaderboards grouped by model; null for agents without one. */
  model: string | null;
  edit(ctx: EditContext): Promise<EditOutcome>;
}
