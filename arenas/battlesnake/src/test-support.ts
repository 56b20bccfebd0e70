// Shared by the tests only: hand-built boards, simple in-process players, and a host-side
// JSON-lines client for running the real bot programs without Docker.
import { spawn } from 'node:child_process';
import type { BotClient, BotReply, PlayerId, Rng } from '@codearena/protocol';
import { createRng } from '@codearena/protocol';
import type { ApiRequest } from './api.ts';
import { buildRequest } from './api.ts';
import { outcome, step } from './rules.ts';
import type { Direction, Move, Snake, State } from './state.ts';
import { DIRECTIONS, inBounds, isAlive, offset } from './state.ts';

export interface SnakeSpec {
  id: string;
  /** Head first, as [x, y]. */
  body: [number, number][];
  health?: number;
  lastMove?: Direction;
}

/** A board with no food spawning unless asked, so hand-checked positions stay as written. */
export function board(
  snakes: SnakeSpec[],
  food: [number, number][] = [],
  opts: { width?: number; height?: number; foodSpawnChance?: number; minimumFood?: number; maxTurns?: number; turn?: number } = {},
): State {
  return {
    gameId: 'test',
    turn: opts.turn ?? 0,
    width: opts.width ?? 11,
    height: opts.height ?? 11,
    food: food.map(([x, y]) => ({ x, y })),
    snakes: snakes.map(
      (s): Snake => ({
        id: s.id,
        body: s.body.map(([x, y]) => ({ x, y })),
        health: s.health ?? 100,
        lastMove: s.lastMove ?? null,
        shout: '',
        eliminated: null,
      }),
    ),
    settings: {
      foodSpawnChance: opts.foodSpawnChance ?? 0,
      minimumFood: opts.minimumFood ?? 0,
      maxTurns: opts.maxTurns ?? 1000,
    },
  };
}

export const moves = (m: Record<string, Direction>): Map<PlayerId, Move> =>
  new Map(Object.entries(m).map(([id, move]) => [id, { move }]));

export const snake = (state: State, id: string): Snake => {
  const s = state.snakes.find((x) => x.id === id);
  if (!s) throw new Error(`no snake ${id}`);
  return s;
};

export const xy = (s: Snake): [number, number][] => s.body.map((p) => [p.x, p.y]);

/** A move function playing from the official request, as a bot would. */
export type Policy = (req: ApiRequest, rng: Rng) => Direction;

function safeMoves(req: ApiRequest): Direction[] {
  const blocked = new Set<string>();
  for (const s of req.board.snakes) {
    const n = s.body.length;
    const ate = n >= 2 && s.body[n - 1]!.x === s.body[n - 2]!.x && s.body[n - 1]!.y === s.body[n - 2]!.y;
    for (const p of ate ? s.body : s.body.slice(0, -1)) blocked.add(`${p.x},${p.y}`);
  }
  return DIRECTIONS.filter((d) => {
    const p = offset(req.you.head, d);
    return inBounds(p, req.board.width, req.board.height) && !blocked.has(`${p.x},${p.y}`);
  });
}

/** Random among moves that survive the next step against walls and bodies. */
export const randomSafe: Policy = (req, rng) => {
  const safe = safeMoves(req);
  return safe.length > 0 ? safe[rng.int(safe.length)]! : 'up';
};

/** Goes for the nearest food (Manhattan) among safe moves. */
export const greedy: Policy = (req, rng) => {
  const safe = safeMoves(req);
  if (safe.length === 0) return 'up';
  const dist = (d: Direction): number => {
    const p = offset(req.you.head, d);
    return Math.min(99, ...req.board.food.map((f) => Math.abs(f.x - p.x) + Math.abs(f.y - p.y)));
  };
  const best = Math.min(...safe.map(dist));
  const options = safe.filter((d) => dist(d) === best);
  return options[rng.int(options.length)]!;
};

/** Plays a whole game in-process; returns every state from the first to the last. */
export function playGame(initial: State, policies: Record<string, Policy>, seed: string | number): State[] {
  const rng = createRng(seed);
  const botRng = rng.fork('bots');
  const states = [initial];
  let state = initial;
  while (outcome(state) === null) {
    const ms = new Map<PlayerId, Move>();
    for (const s of state.snakes) {
      if (!isAlive(s)) continue;
      const policy = policies[s.id];
      if (policy) ms.set(s.id, { move: policy(buildRequest(state, s.id, 'move', 500), botRng) });
    }
    state = step(state, ms, rng);
    states.push(state);
  }
  return states;
}

/**
 * A host-side BotClient over a child process (what the server does inside a container).
 * Real processes, no Docker: enough to check the bots speak the protocol.
 */
export function spawnBot(runFile: string, cwd: string): BotClient {
  const child = spawn(runFile, [], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters: ((line: string | null) => void)[] = [];
  const lines: string[] = [];
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
    let nl: number;
    while ((nl = stdout.indexOf('\n')) >= 0) {
      const line = stdout.slice(0, nl);
      stdout = stdout.slice(nl + 1);
      const w = waiters.shift();
      if (w) w(line);
      else lines.push(line);
    }
  });
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  let exited = false;
  const onGone = (): void => {
    exited = true;
    for (const w of waiters.splice(0)) w(null);
  };
  child.on('exit', onGone);
  child.on('error', (err) => {
    stderr += `\n${err.message}`;
    onGone();
  });
  child.stdin.on('error', () => undefined);
  const nextLine = (deadlineMs: number): Promise<string | null | 'timeout'> =>
    new Promise((resolve) => {
      const queued = lines.shift();
      if (queued !== undefined) return resolve(queued);
      if (exited) return resolve(null);
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(done), 1);
        resolve('timeout');
      }, deadlineMs);
      const done = (line: string | null): void => {
        clearTimeout(timer);
        resolve(line);
      };
      waiters.push(done);
    });
  return {
    async request(msg, deadlineMs): Promise<BotReply> {
      const t0 = performance.now();
      child.stdin.write(`${JSON.stringify(msg)}\n`);
      const line = await nextLine(deadlineMs);
      const ms = performance.now() - t0;
      if (line === 'timeout') return { ok: false, fault: { kind: 'timeout', detail: `no reply within ${deadlineMs} ms` } };
      if (line === null) return { ok: false, fault: { kind: 'crash', detail: `bot exited (${child.exitCode})` } };
      try {
        return { ok: true, value: JSON.parse(line), ms };
      } catch {
        return { ok: false, fault: { kind: 'bad_output', detail: `not JSON: ${line.slice(0, 80)}` } };
      }
    },
    notify(msg) {
      child.stdin.write(`${JSON.stringify(msg)}\n`);
    },
    stderrTail: () => stderr,
    async close() {
      child.stdin.end();
      if (exited) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
        }, 2000);
        child.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}
