// Cleanup always, through the real command line: `codearena match` stopped by Ctrl-C leaves no
// container and no pipe directory; what a SIGKILLed one left is removed by `doctor --clean`,
// and by the next run on its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { type FSWatcher, chmodSync, cpSync, mkdtempSync, readdirSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, arenaDir } from '../paths.ts';
import { type Leftover, listContainers } from '../sandbox/cleanup.ts';
import { docker } from '../sandbox/docker-client.ts';
import { ownerToken } from '../sandbox/owner.ts';
import { FIFO_DIR_PREFIX, listFifoDirs } from '../sandbox/fifo.ts';

const BIN = join(ROOT, 'server', 'bin', 'codearena.js');
const starter = join(arenaDir('battlesnake'), 'starter');
const random = join(arenaDir('battlesnake'), 'bots', 'random');
let work: string;
let n = 0;
const names: string[] = [];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'codearena-cleanup-'));
  chmodSync(work, 0o755);
});
afterAll(async () => {
  // Whatever a failing test left (the containers of these codebases) goes.
  const left = await ours();
  await Promise.all(
    left.map((c) =>
      docker()
        .getContainer(c.id)
        .remove({ force: true })
        .catch(() => {}),
    ),
  );
  rmSync(work, { recursive: true, force: true });
});

/** A copy of the starter under a name no other test uses: its containers' role names it. */
function codebase(): string {
  const name = `cleanup-${process.pid}-${++n}`;
  names.push(name);
  const dir = join(work, name);
  cpSync(starter, dir, { recursive: true });
  chmodSync(dir, 0o755);
  return dir;
}

async function ours(name?: string): Promise<Leftover[]> {
  const roles = (name ? [name] : names).map((x) => `match:${x}`);
  return (await listContainers()).filter((c) => roles.includes(c.role));
}

/** Pipe directories that appeared since `before` and whose owner is not a running process. */
const orphanDirs = (before: Set<string>) =>
  listFifoDirs()
    .filter((d) => !before.has(d.path) && d.owner !== 'alive')
    .map((d) => d.path);

/** Resolves once the codearena process `pid` has given `count` bot processes their pipes (a
 *  bot's named pipes appear in its container's pipe directory, named with its owner's token, as
 *  it starts: the bots are up, the match is on). Bot processes start inside their container (its
 *  supervisor forks them), so Docker's event stream does not show them. */
function botsStarted(pid: number, count: number): Promise<void> {
  const prefix = `${FIFO_DIR_PREFIX}${ownerToken(pid)}-`;
  const pipes = new Set<string>();
  const watchers: FSWatcher[] = [];
  let done: () => void = () => {};
  const started = new Promise<void>((resolve) => (done = resolve));
  const note = (dir: string, file: string | null) => {
    if (file?.endsWith('.in')) pipes.add(join(dir, file));
    if (pipes.size >= count) done();
  };
  const followed = new Set<string>();
  const follow = (dir: string) => {
    if (followed.has(dir)) return;
    followed.add(dir);
    try {
      const w = watch(dir, (_e, f) => note(dir, f));
      w.on('error', () => {});
      watchers.push(w);
      for (const f of readdirSync(dir)) note(dir, f);
    } catch {
      // gone already (another test's match ended)
    }
  };
  const top = watch(tmpdir(), (_e, f) => {
    if (f?.startsWith(prefix)) follow(join(tmpdir(), f));
  });
  watchers.push(top);
  for (const d of listFifoDirs()) if (d.path.startsWith(join(tmpdir(), prefix))) follow(d.path);
  return started.finally(() => {
    for (const w of watchers) w.close();
  });
}

function match(
  a: string,
  b: string,
): {
  child: ChildProcess;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
} {
  const child = spawn('node', [BIN, 'match', 'battlesnake', a, b, '--sims', '1000', '--concurrency', '1'], {
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exit, stderr: () => err };
}

/** A match killed with SIGKILL mid-sim, and what it left. */
async function killedMatch() {
  const before = new Set(listFifoDirs().map((d) => d.path));
  const a = codebase();
  const name = a.split('/').at(-1)!;
  const m = match(a, codebase());
  await botsStarted(m.child.pid!, 3);
  m.child.kill('SIGKILL');
  expect((await m.exit).signal).toBe('SIGKILL');
  return { name, before };
}

describe('codearena match cleans up', () => {
  it('Ctrl-C mid-match stops it with status 130 and leaves no container and no pipe directory', async () => {
    const before = new Set(listFifoDirs().map((d) => d.path));
    const a = codebase();
    const m = match(a, codebase());
    await botsStarted(m.child.pid!, 3);
    m.child.kill('SIGINT');
    const exit = await m.exit;
    expect(exit).toEqual({ code: 130, signal: null });
    expect(m.stderr()).toContain('stopping');
    expect(await ours()).toEqual([]);
    expect(orphanDirs(before)).toEqual([]);
  });

  it('what a SIGKILLed match left is removed by `doctor --clean`', async () => {
    const { name, before } = await killedMatch();
    expect((await ours(name)).length).toBeGreaterThan(0);
    expect(orphanDirs(before).length).toBeGreaterThan(0);
    const doctor = spawnSync('node', [BIN, 'doctor', '--clean'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 120_000,
    });
    expect(doctor.stdout).toMatch(/leftover containers: removed [1-9]/);
    expect(doctor.stdout).toMatch(/leftover pipe directories: removed [1-9]/);
    expect(await ours(name)).toEqual([]);
    expect(orphanDirs(before)).toEqual([]);
  });

  it('what a SIGKILLed match left is removed by the next run', async () => {
    const { name, before } = await killedMatch();
    expect((await ours(name)).length).toBeGreaterThan(0);
    const next = spawnSync('node', [BIN, 'match', 'battlesnake', random, random, '--sims', '1'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 120_000,
    });
    expect(next.status).toBe(0);
    expect(await ours(name)).toEqual([]);
    expect(orphanDirs(before)).toEqual([]);
  });
});
