// An EditContext for loop tests without Docker: the "workspace" runs bash on the host in a
// temporary git repo (real processes, real git; the container itself is tested in
// llm.docker.test.ts). Steps are collected the way edit-phase.ts records them.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type EditContext,
  LimitsConfig,
  type StepExtra,
  type Workspace,
  type WorkspaceExec,
} from '@codearena/protocol';
import { repoFiles } from '@codearena/server/edit/repo-files.ts';
import { repoQuotaFrom } from '@codearena/server/edit/repo-quota.ts';
import { RunFolder } from '@codearena/server/store/run-folder.ts';

export interface RecordedStep extends StepExtra {
  step: number;
  action: string;
  output: string;
}

export interface HostContext {
  ctx: EditContext;
  steps: RecordedStep[];
  dir: string;
  repoDir: string;
  logsDir: string;
  /** The run folder whose rounds/ is `logsDir`: tests write earlier rounds' logs through it. */
  folder: RunFolder;
  abort: AbortController;
  git(...args: string[]): string;
  dispose(): void;
}

export function hostContext(
  o: { files?: Record<string, string>; round?: number; editSeconds?: number } = {},
): HostContext {
  const dir = mkdtempSync(join(tmpdir(), 'codearena-llm-'));
  const repoDir = join(dir, 'repo');
  const folder = new RunFolder(dir);
  const logsDir = folder.roundsDir;
  mkdirSync(repoDir, { recursive: true });
  mkdirSync(logsDir, { recursive: true });
  for (const [f, text] of Object.entries(o.files ?? { 'params.json': '{"speed": 1}\n', run: '#!/bin/sh\necho up\n' })) {
    mkdirSync(join(repoDir, f, '..'), { recursive: true });
    writeFileSync(join(repoDir, f), text);
  }
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', '-C', repoDir, ...args],
      { encoding: 'utf8' },
    );
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'round 0');
  const steps: RecordedStep[] = [];
  const abort = new AbortController();
  const ctx: EditContext = {
    tournamentId: 't',
    round: o.round ?? 1,
    rounds: 3,
    player: 'alice',
    arenaId: 'battlesnake',
    brief: '# Brief\nWin the game.',
    repo: repoFiles(repoDir, repoQuotaFrom(LimitsConfig.parse({}))),
    logsDir,
    logs: folder.roundLogs(),
    scratchDir: join(dir, 'scratch'),
    opponents: [],
    seed: 1,
    deadline: Date.now() + (o.editSeconds ?? 60) * 1000,
    signal: abort.signal,
    step: (action, output, extra = {}) => void steps.push({ step: steps.length + 1, action, output, ...extra }),
    selfPlay: () => Promise.reject(new Error('no self-play in loop tests')),
    privateDir: () => {
      mkdirSync(join(dir, 'private'), { recursive: true, mode: 0o711 });
      return join(dir, 'private');
    },
    workspace: async () => hostWorkspace(repoDir),
    answers: folder.openAnswers('alice', o.round ?? 1),
  };
  return {
    ctx,
    steps,
    dir,
    repoDir,
    logsDir,
    folder,
    abort,
    git,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function hostWorkspace(repoDir: string): Workspace {
  return {
    repoPath: repoDir,
    user: { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 },
    exec: (cmd, o = {}) =>
      new Promise<WorkspaceExec>((resolve) => {
        const t0 = performance.now();
        const cap = o.maxOutputBytes ?? 1024 * 1024;
        const p = spawn('bash', ['-c', cmd], { cwd: repoDir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        let size = 0;
        let truncated = false;
        const take = (into: Buffer[]) => (b: Buffer) => {
          if (size >= cap) return void (truncated = true);
          into.push(b.subarray(0, cap - size));
          truncated ||= b.length > cap - size;
          size += Math.min(b.length, cap - size);
        };
        p.stdout.on('data', take(out));
        p.stderr.on('data', take(err));
        let timedOut = false;
        const timer = setTimeout(() => {
          timedOut = true;
          try {
            process.kill(-p.pid!, 'SIGKILL');
          } catch {
            /* gone */
          }
        }, o.timeoutMs ?? 30_000);
        p.on('close', (code) => {
          clearTimeout(timer);
          resolve({
            exitCode: timedOut ? 124 : (code ?? 137),
            stdout: Buffer.concat(out).toString('utf8'),
            stderr: Buffer.concat(err).toString('utf8'),
            timedOut,
            truncated,
            ms: performance.now() - t0,
          });
        });
      }),
  };
}
