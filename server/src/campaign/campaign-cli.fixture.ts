// What the campaign tests share: the real `codearena` binary in a process group of its own (so a
// test can SIGKILL it whole, and kills whatever is left at the end), and a campaign's results
// read back from its run folders for comparison.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Event, EventOf } from '@codearena/protocol';
import { ROOT } from '../paths.ts';
import { RunFolder } from '../store/run-folder.ts';

const BIN = join(ROOT, 'server', 'bin', 'codearena.js');

export interface CliRun {
  child: ChildProcess;
  exited: Promise<{ code: number | null; out: string }>;
  /** stdout and stderr so far, interleaved. */
  output(): string;
}

/** Starts `codearena <args>`; `killAll()` ends every process group still running. */
export function cliRunner(): { cli(args: string[]): CliRun; killAll(): void } {
  const children = new Set<ChildProcess>();
  return {
    cli(args) {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, detached: true, stdio: 'pipe' });
      children.add(child);
      let out = '';
      child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      const exited = new Promise<{ code: number | null; out: string }>((resolve) =>
        child.on('close', (code) => resolve({ code, out })),
      );
      return { child, exited, output: () => out };
    },
    killAll() {
      for (const c of children)
        if (c.exitCode === null && c.signalCode === null && c.pid) process.kill(-c.pid, 'SIGKILL');
    },
  };
}

export const eventsOf = <T extends Event['type']>(events: Event[], t: T) =>
  events.filter((e): e is EventOf<T> => e.type === t);

/** The run folders in `runs`, by name. */
export const runFolders = (runs: string): RunFolder[] =>
  existsSync(runs)
    ? readdirSync(runs)
        .filter((d) => existsSync(join(runs, d, 'events.jsonl')))
        .sort()
        .map((d) => new RunFolder(join(runs, d)))
    : [];

/** Per tournament: every round's score, every edit's exit and diff, and how it ended. */
export function campaignResults(runs: string) {
  return Object.fromEntries(
    runFolders(runs).map((f) => {
      const ev = f.readEvents();
      const end = eventsOf(ev, 'tournament.finished').at(-1);
      return [
        f.runDir.split('/').at(-1),
        {
          rounds: eventsOf(ev, 'round.finished').map((e) => [e.round, e.simWins, e.ties, e.winner]),
          // Players edit side by side: their edit.finished events come in either order.
          edits: eventsOf(ev, 'edit.finished')
            .map((e) => JSON.stringify([e.round, e.player, e.exit, e.diff]))
            .sort(),
          end: end && [end.status, end.winner, end.ratings],
        },
      ];
    }),
  );
}
