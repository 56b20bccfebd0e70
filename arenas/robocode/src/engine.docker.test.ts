// The RoboCode engine program in its image, run the way the host runs it: a hardened container
// per engine, codebases mounted read-only, JSON lines over stdio. Hostile robots must end up as
// faults of their own seat while the battle, and the next one, still play.
import { type ChildProcessWithoutNullStreams, execFileSync, spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { removeContainers } from '@codearena/server/sandbox/cleanup.ts';
import { LABEL, LABEL_OWNER, LABEL_ROLE, LABEL_RUN, LABEL_SESSION } from '@codearena/server/sandbox/docker-client.ts';
import { ownerToken } from '@codearena/server/sandbox/owner.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const IMAGE = 'codearena/robocode:latest';
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const plain = (name: string) => join(FIXTURES, 'plain', name);
const hostile = (name: string) => join(FIXTURES, 'hostile', name);
const runId = `test-rc-engine-${process.pid}`;
/** Generous: a busy machine slows the JVM; hostile robots cost seconds by design. */
const LINE_MS = 90_000;

type Line = { type: string; sim?: string; [k: string]: unknown };
interface Seat {
  score: number;
  firsts: number;
  bulletDamage: number;
  [field: string]: number;
}
interface Played {
  frames: { round: number; turn: number; w: number; h: number; robots: number[][]; bullets: number[][] }[];
  faults: { seat: number; kind: string; detail: string }[];
  result?: { turns: number; rounds: number; restart: boolean; seats: Seat[] };
  error?: string;
}

const hardened = [
  '--network', 'none', '--read-only', '--tmpfs', '/tmp:rw,size=64m', '--user', '2000000000:2000000000',
  '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges', '--memory', '768m', '--memory-swap', '768m',
  '--pids-limit', '256',
]; // prettier-ignore
let count = 0;

function dockerArgs(mounts: string[], cmd: string[]): { name: string; args: string[] } {
  const name = `${runId}-${++count}`;
  const labels = [
    `${LABEL}=1`,
    `${LABEL_RUN}=${runId}`,
    `${LABEL_ROLE}=test`,
    `${LABEL_OWNER}=${ownerToken()}`,
    ...(process.env.CODEARENA_SESSION ? [`${LABEL_SESSION}=${process.env.CODEARENA_SESSION}`] : []),
  ].flatMap((l) => ['--label', l]);
  const vols = mounts.flatMap((dir, i) => ['-v', `${dir}:/players/${i}:ro`]);
  return { name, args: ['run', '-i', '--rm', '--name', name, ...labels, ...hardened, ...vols, IMAGE, ...cmd] };
}

/** One engine container; reads its stdout as JSON lines, one at a time. */
class Engine {
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly name: string;
  private readonly queue: Line[] = [];
  private waiter: ((l: Line | null) => void) | null = null;
  private ended = false;
  stderr = '';

  constructor(players: Record<string, string>) {
    const ids = Object.keys(players);
    const cmd = ['codearena-robocode', 'engine', ...ids.flatMap((id, i) => ['--player', `${id}=/players/${i}`])];
    const { name, args } = dockerArgs(Object.values(players), cmd);
    this.name = name;
    this.proc = spawn('docker', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-20_000);
    });
    createInterface({ input: this.proc.stdout }).on('line', (text) => this.push(JSON.parse(text) as Line));
    this.proc.on('close', () => {
      this.ended = true;
      this.waiter?.(null);
    });
  }

  private push(l: Line) {
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w(l);
    } else this.queue.push(l);
  }

  next(): Promise<Line> {
    const l = this.queue.shift();
    if (l) return Promise.resolve(l);
    if (this.ended) return Promise.reject(new Error(`engine ended; stderr:\n${this.stderr}`));
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        this.waiter = null;
        reject(new Error(`no line from the engine within ${LINE_MS} ms; stderr:\n${this.stderr}`));
      }, LINE_MS);
      this.waiter = (got) => {
        clearTimeout(t);
        if (got) resolve(got);
        else reject(new Error(`engine ended; stderr:\n${this.stderr}`));
      };
    });
  }

  send(req: unknown) {
    this.sendRaw(JSON.stringify(req));
  }

  sendRaw(line: string) {
    this.proc.stdin.write(`${line}\n`);
  }

  /** Sends a sim and collects its lines up to its result or error. */
  async sim(req: Record<string, unknown>): Promise<Played> {
    this.send({ op: 'sim', seed: 1, frameEvery: 0, ...req });
    const p: Played = { frames: [], faults: [] };
    for (;;) {
      const l = await this.next();
      expect(l.sim).toBe(req.sim);
      if (l.type === 'frame') p.frames.push(l.frame as Played['frames'][number]);
      else if (l.type === 'fault') p.faults.push(l as unknown as Played['faults'][number]);
      else if (l.type === 'result') {
        const { type: _t, sim: _s, ...result } = l;
        return { ...p, result: result as unknown as Played['result'] };
      } else if (l.type === 'error') return { ...p, error: l.detail as string };
      else throw new Error(`unexpected line ${JSON.stringify(l)}`);
    }
  }

  /** Quits politely; kills the container if it does not end. */
  async close(): Promise<number | null> {
    if (this.ended) return this.proc.exitCode;
    const done = new Promise<number | null>((r) => this.proc.once('close', (c) => r(c)));
    this.send({ op: 'quit' });
    this.proc.stdin.end();
    const t = setTimeout(() => spawnSync('docker', ['kill', this.name], { stdio: 'ignore' }), 30_000);
    const code = await done;
    clearTimeout(t);
    return code;
  }
}

function runOnce(mounts: string[], cmd: string[]): { status: number | null; stdout: string; stderr: string } {
  const { name, args } = dockerArgs(mounts, cmd);
  const r = spawnSync('docker', args, { encoding: 'utf8', timeout: 180_000 });
  if (r.status === null) spawnSync('docker', ['kill', name], { stdio: 'ignore' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SEAT_FIELDS = [
  'score', 'survival', 'lastSurvivorBonus', 'bulletDamage', 'bulletDamageBonus', 'ramDamage', 'ramDamageBonus',
  'firsts', 'seconds', 'thirds', 'skippedTurns',
]; // prettier-ignore
const duel = {
  sim: 'duel',
  seed: 424242,
  players: ['walker', 'spinner'],
  args: { rounds: 2, width: 600, height: 600 },
};

beforeAll(() => {
  // Not skipped when missing: the set-up builds the image, so its absence is a failure.
  execFileSync('docker', ['image', 'inspect', IMAGE], { stdio: 'ignore' });
});
afterAll(async () => {
  await removeContainers(runId);
});

describe('codearena-robocode engine', () => {
  let e: Engine;
  beforeAll(() => {
    e = new Engine({ walker: plain('walker'), spinner: plain('spinner'), broken: plain('broken') });
  });
  afterAll(async () => {
    expect(await e.close()).toBe(0);
  });

  it('says ready: players built, with javac’s own message for one that does not compile', async () => {
    const ready = await e.next();
    expect(ready.type).toBe('ready');
    expect(typeof ready.ms).toBe('number');
    const players = ready.players as { id: string; ok: boolean; robot: string; detail: string }[];
    expect(players.map((p) => [p.id, p.ok, p.robot])).toEqual([
      ['walker', true, 'walker.Walker'],
      ['spinner', true, 'spinner.Spinner'],
      ['broken', false, 'broken.Broken'],
    ]);
    expect(players[2]!.detail).toContain('src/broken/Broken.java:9: error: incompatible types');
  });

  it('plays a duel: a result per seat with the documented fields, frames every 2nd turn and at each round end', async () => {
    const p = await e.sim({ ...duel, frameEvery: 2 });
    expect(p.error).toBeUndefined();
    expect(p.faults).toEqual([]);
    const r = p.result!;
    expect(r.rounds).toBe(2);
    expect(r.restart).toBe(false);
    expect(r.seats).toHaveLength(2);
    for (const s of r.seats) expect(Object.keys(s)).toEqual(SEAT_FIELDS);
    expect(r.seats[0]!.firsts + r.seats[1]!.firsts).toBe(2);
    expect(r.seats.some((s) => s.score > 0)).toBe(true);
    // Frames: every 2nd turn plus the last turn of each round; seats in order; numbers only.
    const rounds = new Set(p.frames.map((f) => f.round));
    expect([...rounds]).toEqual([0, 1]);
    for (const f of p.frames) {
      expect([f.w, f.h]).toEqual([600, 600]);
      expect(f.robots).toHaveLength(2);
      for (const rb of f.robots) expect(rb).toHaveLength(8);
      for (const b of f.bullets) expect(b).toHaveLength(5);
    }
    const lastOfRound = (k: number) => p.frames.filter((f) => f.round === k).at(-1)!;
    expect(p.frames.filter((f) => f.turn % 2 !== 0).length).toBeLessThanOrEqual(2);
    expect(lastOfRound(0).robots.some((rb) => rb[7] === 0)).toBe(true); // a round ends with a death
    // The last frame's running scores are the battle's scores (rounded).
    const finalScores = lastOfRound(1).robots.map((rb) => Math.round(rb[6]!));
    finalScores.forEach((s, i) => expect(Math.abs(s - r.seats[i]!.score)).toBeLessThanOrEqual(1));
    expect(p.frames.some((f) => f.bullets.length > 0)).toBe(true);
  });

  it('plays the same battle, frames included, for the same seed', async () => {
    const a = await e.sim({ ...duel, sim: 'a', frameEvery: 5 });
    const b = await e.sim({ ...duel, sim: 'b', frameEvery: 5 });
    expect(b.result).toEqual(a.result);
    expect(b.frames).toEqual(a.frames);
    const c = await e.sim({ ...duel, sim: 'c', seed: 7, frameEvery: 5 });
    expect(c.frames).not.toEqual(a.frames); // start positions come from the seed
  });

  it('answers a bad request with an error naming what is wrong, and goes on', async () => {
    expect((await e.sim({ sim: 'x1', players: ['walker', 'nobody'] })).error).toMatch(
      /players\[1\]: unknown player nobody/,
    );
    expect((await e.sim({ sim: 'x2', players: ['walker', 'broken'] })).error).toMatch(/player broken was not built/);
    expect((await e.sim({ sim: 'x3', players: ['walker', 'spinner'], args: { rounds: 0 } })).error).toMatch(
      /args\.rounds must be an integer/,
    );
    e.sendRaw('not json');
    expect(await e.next()).toMatchObject({ type: 'error', detail: expect.stringMatching(/not valid JSON/) });
    expect((await e.sim({ ...duel, sim: 'ok', args: { rounds: 1 } })).result?.rounds).toBe(1);
  });
});

describe('sims are independent', () => {
  it('a robot’s static state does not carry over to the next battle in the same engine', async () => {
    const e = new Engine({ counter: plain('counter'), spinner: plain('spinner') });
    try {
      expect((await e.next()).type).toBe('ready');
      const req = { seed: 99, players: ['counter', 'spinner'], args: { rounds: 1 }, frameEvery: 10 };
      const first = await e.sim({ ...req, sim: '1' });
      const second = await e.sim({ ...req, sim: '2' });
      // Counter moves and fires only in the first battle its class has seen.
      expect(first.result!.seats[0]!.bulletDamage).toBeGreaterThan(0);
      expect(second.result).toEqual(first.result);
      expect(second.frames).toEqual(first.frames);
    } finally {
      await e.close();
    }
  });
});

describe('codearena-robocode check', () => {
  it('accepts a robot that builds and plays, and refuses one that does not compile, with javac’s message', () => {
    const ok = runOnce([plain('walker')], ['codearena-robocode', 'check', '/players/0']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ type: 'check', ok: true, robot: 'walker.Walker' });
    const bad = runOnce([plain('broken')], ['codearena-robocode', 'check', '/players/0']);
    expect(bad.status, bad.stderr).toBe(0);
    const out = JSON.parse(bad.stdout);
    expect(out).toMatchObject({ type: 'check', ok: false, robot: 'broken.Broken' });
    expect(out.detail).toContain('incompatible types: String cannot be converted to int');
  });
});

describe('hostile robots are faults of their own seat', () => {
  const names = ['loop', 'exit', 'threads', 'hog', 'files'] as const;
  const players = { walker: plain('walker'), ...Object.fromEntries(names.map((n) => [n, hostile(n)])) };
  let e: Engine;
  const start = async () => {
    e = new Engine(players);
    expect((await e.next()).type).toBe('ready');
  };
  beforeAll(start);
  afterAll(async () => {
    await e.close();
  });

  const expected = { loop: 'timeout', exit: 'crash', threads: 'crash', hog: 'crash', files: 'crash' };
  it.each(names)('%s', async (name) => {
    const p = await e.sim({ sim: `h-${name}`, seed: 5, players: ['walker', name], args: { rounds: 1 } });
    expect(p.error).toBeUndefined();
    expect(p.faults.map((f) => [f.seat, f.kind])).toEqual([[1, expected[name]]]);
    expect(p.faults[0]!.detail).toContain(`${name}.`);
    expect(p.result!.seats).toHaveLength(2);
    // A banned or dead robot scores nothing from then on; one forcibly stopped may outlive its opponent.
    if (expected[name] === 'crash') expect(p.result!.seats[1]!.score).toBe(0);
    if (p.result!.restart) {
      // A banned robot stays banned in this JVM: the host restarts the engine, as here.
      expect(await e.close()).toBe(0);
      await start();
    }
    const next = await e.sim({ sim: `after-${name}`, seed: 5, players: ['walker', 'walker'], args: { rounds: 1 } });
    expect(next.faults).toEqual([]);
    expect(next.result!.restart).toBe(false);
    expect(next.result!.turns).toBeGreaterThan(0);
  });

  it('a robot banned earlier in the engine is a crash of its seat, scored 0, with restart asked', async () => {
    const a = await e.sim({ sim: 'ban', seed: 5, players: ['exit', 'walker'], args: { rounds: 1 } });
    expect(a.result!.restart).toBe(true);
    const b = await e.sim({ sim: 'again', seed: 5, players: ['walker', 'exit'], args: { rounds: 1 } });
    expect(b.faults.map((f) => [f.seat, f.kind])).toEqual([[1, 'crash']]);
    expect(b.faults[0]!.detail).toMatch(/banned earlier/);
    expect(b.result!.restart).toBe(true);
    expect(b.result!.seats[1]).toEqual(Object.fromEntries(SEAT_FIELDS.map((k) => [k, 0])));
  });
});
