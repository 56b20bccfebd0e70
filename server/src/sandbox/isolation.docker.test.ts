// Sims are independent and the host pays nothing for a bot's excesses: hostile bots against the
// real sandbox. A bot that daemonizes, hunts for other processes' pipes and leaves files in /tmp
// finds nothing of earlier sims; every process runs as its own uid that maps to no host account;
// a stderr flood reaches the host only up to a cap; any path can be mounted.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getArena } from '../arenas.ts';
import { playMatch } from '../cli/match.ts';
import { type PlayerRuntime, openRuntime } from '../compete/runtime.ts';
import { playSeries } from '../compete/series.ts';
import { listContainers, removeContainers } from './cleanup.ts';
import { listFifoDirs } from './fifo.ts';
import { PROCESS_UID_BASE, PROCESS_UID_COUNT, SANDBOX_UID } from './limits.ts';
import { ownerToken } from './owner.ts';
import { STDERR_CAP_BYTES, createSandbox } from './sandbox.ts';

const { arena, starter } = getArena('battlesnake');
const runId = `test-isolation-${process.pid}`;
const limits = { memoryMb: 256, cpus: 1, pids: 64 };
const temps: string[] = [];
/** Turn deadline: generous, so a late reply on a busy machine is never mistaken for a fault. */
const PATIENT_MS = 30_000;

afterAll(async () => {
  await removeContainers(runId);
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A codebase in a fresh directory readable by the sandbox's uids. */
function codebase(files: Record<string, string>, parent?: string): string {
  const dir = parent ?? mkdtempSync(join(tmpdir(), 'isolation-'));
  if (!parent) temps.push(dir);
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

// Answers every move with "up"; on its first request reports (as a crash with its reason) any
// trace of an earlier sim — a daemon still running, a file left in /tmp or /dev/shm, a SysV
// shared memory segment — or any
// pipe of another process it managed to open (guessing names, listing /io, reading other
// processes' environments); then leaves a daemon and files behind for the next sim to find.
const DAEMONIZER = `#!/usr/bin/env python3
import ctypes, glob, json, os, re, sys
CHECK = ${'{check}'}
mine = {os.environ.get(k, '') for k in ('CODEARENA_IN', 'CODEARENA_OUT', 'CODEARENA_ERR')}

def hunt_pipes():
    found, cands = [], set()
    try:
        cands.update('/io/' + n for n in os.listdir('/io'))
    except OSError:
        pass
    m = re.match(r'^/io/(\\d+)-(\\d+)\\.in$', os.environ.get('CODEARENA_IN', ''))
    if m:  # names of the form <pid>-<counter>: the neighbours are guessable
        for d in range(-4, 5):
            cands.update('/io/%s-%d.%s' % (m[1], int(m[2]) + d, e) for e in ('in', 'out'))
    for p in glob.glob('/proc/[0-9]*/environ'):
        try:
            env = open(p, 'rb').read().split(b'\\0')
        except OSError:
            continue
        cands.update(kv.split(b'=', 1)[1].decode() for kv in env if kv.startswith(b'CODEARENA_'))
    for c in sorted(cands - mine):
        try:
            os.close(os.open(c, os.O_RDONLY | os.O_NONBLOCK))
            found.append(c)
        except OSError:
            pass
    return found

breach = hunt_pipes()  # at start-up: a warm spare runs while the previous sim is on

def traces():
    t = []
    for p in glob.glob('/proc/[0-9]*/cmdline'):
        try:
            if b'hostile-daemon' in open(p, 'rb').read():
                t.append('daemon ' + p.split('/')[2])
        except OSError:
            pass
    shm = open('/proc/sysvipc/shm').read().splitlines()[1:]
    return t + glob.glob('/tmp/hostile-mark-*') + glob.glob('/dev/shm/hostile-mark-*') + ['sysv shm'] * len(shm)

def leave_behind():
    for d in ('/tmp', '/dev/shm'):
        path = '%s/hostile-mark-%d' % (d, os.getpid())
        with open(path, 'w') as f:
            f.write('state for the next sim')
        os.chmod(path, 0o666)
    ctypes.CDLL(None).shmget(0x5eed0000 + os.getpid(), 4096, 0o1666)  # IPC_CREAT | 0666
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            fd = os.open('/dev/null', os.O_RDWR)
            for i in (0, 1, 2):
                os.dup2(fd, i)
            os.execvp('python3', ['python3', '-c', 'import time\\nwhile True: time.sleep(0.05)', 'hostile-daemon'])
        os._exit(0)
    os.wait()

first = True
for line in sys.stdin:
    req = json.loads(line)
    if req.get('type') != 'move':
        continue
    if first:
        first = False
        if CHECK:
            seen = traces()
            if seen or breach:
                sys.stderr.write('LEFTOVER %s BREACH %s\\n' % (seen, breach + hunt_pipes()))
                sys.stderr.flush()
                sys.exit(3)
        leave_behind()
    print(json.dumps({'move': 'up'}), flush=True)
`;

const daemonizer = (check: boolean) => codebase({ run: DAEMONIZER.replace('{check}', check ? 'True' : 'False') });

async function withRuntimes<T>(dirs: string[], fn: (rts: PlayerRuntime[]) => Promise<T>): Promise<T> {
  const rts: PlayerRuntime[] = [];
  try {
    for (const [i, d] of dirs.entries())
      rts.push(await openRuntime(`p${i}`, d, { mode: 'docker', arena, runId, limits, role: 'test' }));
    return await fn(rts);
  } finally {
    await Promise.all(rts.map((r) => r.dispose()));
  }
}

/** What runs in a runtime's container, and what is in its writable places. */
async function inside(rt: PlayerRuntime): Promise<string> {
  const r = await rt.sandbox!.exec(
    'ps -eo uid,args; ls -A /tmp /dev/shm; echo "sysv:$(tail -n +2 /proc/sysvipc/shm | wc -l)"',
    { timeoutMs: 30_000 },
  );
  return r.stdout;
}

describe('sims are independent', () => {
  it('a daemon, files and pipe hunting of one sim reach no later sim; each sim gets fresh processes', async () => {
    const s = await withRuntimes([daemonizer(true), starter], async (rts) => {
      const series = await playSeries({
        arena,
        args: arena.parseArgs({}),
        players: rts,
        sims: 4,
        concurrency: 1,
        seedParts: ['isolation'],
        deadlineMs: PATIENT_MS,
      });
      return { series, after: await inside(rts[0]!) };
    });
    const faults = s.series.results.flatMap((r) => r.result.faults).filter((f) => f.player === 'p0');
    expect(faults.map((f) => `${f.kind}: ${f.detail}`)).toEqual([]);
    expect(s.series.results).toHaveLength(4);
    // Once the series is over, nothing of any sim remains (the unused warm spare aside).
    expect(s.after).not.toContain('hostile-daemon');
    expect(s.after).not.toContain('hostile-mark');
    expect(s.after).toContain('sysv:0');
  });

  it('with sims in parallel and warm spares, every process a bot started is gone when its sim ends', async () => {
    const after = await withRuntimes([daemonizer(false), daemonizer(false)], async (rts) => {
      const series = await playSeries({
        arena,
        args: arena.parseArgs({}),
        players: rts,
        sims: 6,
        concurrency: 2,
        seedParts: ['isolation-c2'],
        deadlineMs: PATIENT_MS,
      });
      expect(series.results).toHaveLength(6);
      return Promise.all(rts.map(inside));
    });
    for (const a of after) {
      expect(a).not.toContain('hostile-daemon');
      expect(a).not.toContain('hostile-mark');
      expect(a).toContain('sysv:0');
    }
  });
});

describe('sandbox users', () => {
  it('containers and every process run as high uids that map to no host account, one uid per process', async () => {
    const sb = await createSandbox({
      image: arena.manifest.image,
      runId,
      role: 'test',
      limits,
      mounts: [],
      pipes: true,
      processUsers: true,
    });
    try {
      const ids = await Promise.all(
        [1, 2, 3].map(() => sb.exec('id -u; id -g').then((r) => r.stdout.trim().split('\n').map(Number))),
      );
      const uids = ids.map(([u]) => u!);
      expect(new Set(uids).size).toBe(3);
      for (const [uid, gid] of ids) {
        expect(uid).toBeGreaterThanOrEqual(PROCESS_UID_BASE);
        expect(uid).toBeLessThan(PROCESS_UID_BASE + PROCESS_UID_COUNT);
        expect(gid).toBe(SANDBOX_UID);
      }
      const top = execFileSync('docker', ['top', sb.id, '-eo', 'pid,uid,args'], { encoding: 'utf8' });
      expect(top).toMatch(new RegExp(`\\s${SANDBOX_UID}\\s+sleep infinity`));
      // No account of this host has any of these uids (uid 1000, the old sandbox user, often has one).
      const accounts = execFileSync('getent', ['passwd'], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .map((l) => Number(l.split(':')[2]));
      expect(accounts.filter((u) => u >= SANDBOX_UID && u < PROCESS_UID_BASE + PROCESS_UID_COUNT)).toEqual([]);
    } finally {
      await sb.dispose();
    }
  });

  it("a bot's pipes have random names and belong to its own uid alone", async () => {
    const dir = codebase({ run: '#!/bin/sh\nexec cat\n' });
    const sb = await createSandbox({
      image: arena.manifest.image,
      runId,
      role: 'test',
      limits,
      mounts: [{ host: dir, container: '/code', readOnly: true }],
      pipes: true,
      processUsers: true,
    });
    try {
      const p = await sb.spawn(['./run'], { cwd: '/code', pipes: true });
      const echoed = new Promise<string>((resolve) => p.onStdout((b) => resolve(b.toString())));
      p.write('ping\n');
      expect(await echoed).toBe('ping\n');
      const mine = listFifoDirs().filter((d) => d.path.includes(ownerToken()));
      const pipes = mine.flatMap((d) => readdirSync(d.path).map((n) => ({ n, st: statSync(join(d.path, n)) })));
      expect(pipes.map((x) => x.n.replace(/^[0-9a-f]{32}\./, '*.')).sort()).toEqual(['*.err', '*.in', '*.out']);
      for (const { st } of pipes) {
        expect(st.isFIFO()).toBe(true);
        expect(st.mode & 0o777).toBe(0o600);
        expect(st.uid).toBeGreaterThanOrEqual(PROCESS_UID_BASE);
      }
      await p.kill();
    } finally {
      await sb.dispose();
    }
  });
});

describe('stderr flood', () => {
  it('the host takes a bounded number of stderr bytes however much a bot writes', async () => {
    // Writes up to 32 MiB to stderr as fast as it can, then says on stdout how much got out:
    // every byte it wrote is a byte the host had to read.
    const dir = codebase({
      run: `#!/usr/bin/env python3
import os
written = 0
try:
    while written < 32 << 20:
        written += os.write(2, b'x' * 65536)
except OSError:
    pass
print(written, flush=True)
`,
    });
    const sb = await createSandbox({
      image: arena.manifest.image,
      runId,
      role: 'test',
      limits,
      mounts: [{ host: dir, container: '/code', readOnly: true }],
      pipes: true,
      processUsers: true,
    });
    try {
      const p = await sb.spawn(['./run'], { cwd: '/code', pipes: true });
      let received = 0;
      p.onStderr((b) => (received += b.length));
      const said = new Promise<number>((resolve) => p.onStdout((b) => resolve(Number(b.toString()))));
      const written = await Promise.race([said, p.exited.then(() => -1)]);
      await p.kill();
      expect(written).toBeGreaterThan(0);
      expect(written).toBeLessThanOrEqual(2 * 1024 * 1024);
      expect(received).toBeLessThanOrEqual(STDERR_CAP_BYTES + 100);
    } finally {
      await sb.dispose();
    }
  });

  it('a bot that floods stderr while it plays is stopped at the cap: a crash fault that says why', async () => {
    const flooder = codebase({
      run: `#!/usr/bin/env python3
import json, sys
for line in sys.stdin:
    if json.loads(line).get('type') == 'move':
        sys.stderr.write('x' * (3 << 19))
        print(json.dumps({'move': 'up'}), flush=True)
`,
    });
    const s = await withRuntimes([flooder, starter], (rts) =>
      playSeries({
        arena,
        args: arena.parseArgs({}),
        players: rts,
        sims: 1,
        concurrency: 1,
        seedParts: ['flood'],
        deadlineMs: PATIENT_MS,
      }),
    );
    const faults = s.results[0]!.result.faults.filter((f) => f.player === 'p0');
    expect(faults.map((f) => `${f.kind}: ${f.detail}`)).toEqual([
      expect.stringContaining('stopped after 1048576 bytes on stderr'),
    ]);
  });
});

describe('mounts', () => {
  it('plays a codebase whose path holds a colon and a comma', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'isolation-'));
    temps.push(parent);
    chmodSync(parent, 0o755);
    const dir = join(parent, 'odd:name,with=signs');
    cpSync(starter, dir, { recursive: true });
    chmodSync(dir, 0o755);
    const r = await playMatch('battlesnake', [dir, starter], { sims: 1, seed: 1, concurrency: 1 });
    expect(r.sims).toBe(1);
    expect(r.players.map((p) => p.name)).toEqual(['odd:name,with=signs', 'starter']);
    expect(r.faultDetails.filter((f) => f.kind === 'crash')).toEqual([]);
  });

  it('refuses a path that cannot be mounted with a message naming it', async () => {
    await expect(
      createSandbox({
        image: arena.manifest.image,
        runId,
        role: 'test',
        limits,
        mounts: [{ host: 'relative/dir', container: '/code', readOnly: true }],
      }),
    ).rejects.toThrow(/relative\/dir is not an absolute path/);
    await expect(
      createSandbox({
        image: arena.manifest.image,
        runId,
        role: 'test',
        limits,
        mounts: [{ host: '/no/such/dir', container: '/code', readOnly: true }],
      }),
    ).rejects.toThrow(/\/no\/such\/dir cannot be read \(ENOENT\)/);
  });

  it('leaves no containers behind', async () => {
    expect(await listContainers(runId)).toEqual([]);
  });
});
