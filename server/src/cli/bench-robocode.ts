// `codearena bench`, RoboCode section: battles/s through the match runner (`codearena match`:
// runtimes, an engine session, the wire, ranking) against the same engine driven by hand (one
// `docker run` of the image with the same hardening, the same sim lines piped in, results read
// back), on the same robots and seeds, in this run. Both pay one JVM start and the robots'
// builds; the difference is the runner's own cost. Frames (every 2nd turn) by hand, for their
// price.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { deriveSeed } from '@codearena/protocol';
import { RobocodeArgs, battleArgs, outcomeOf } from '@codearena/arena-robocode';
import { getArena } from '../arenas.ts';
import { enginePlayers } from '../compete/engine-process.ts';
import { LABEL, LABEL_OWNER, LABEL_ROLE, LABEL_RUN } from '../sandbox/docker-client.ts';
import { removeContainers } from '../sandbox/cleanup.ts';
import { sandboxUser } from '../sandbox/limits.ts';
import { ownerToken } from '../sandbox/owner.ts';
import { bold, dim, table } from './format.ts';
import { playMatch } from './match.ts';
import { requireDocker } from './preflight.ts';

const SEED = 7;
/** Battles are seconds each: fewer than the other arenas' sims. */
const MAX_BATTLES = 10;

export async function benchRobocode(o: { sims: number }): Promise<void> {
  const entry = getArena('robocode');
  await requireDocker([entry.arena.manifest.image]);
  const battles = Math.min(MAX_BATTLES, o.sims);
  const dirs = [entry.starter, entry.bots['orbiter']!];
  process.stderr.write(
    `${bold('bench')}: robocode, starter vs orbiter, ${battles} battles of 10 rounds (800×600) per measurement\n`,
  );
  const runId = `bench-robocode-${process.pid}`;
  try {
    await byHand(dirs, 1, 0, runId); // warm-up: page cache, image layers
    const runner = await playMatch('robocode', dirs, { sims: battles, seed: SEED, concurrency: 1 });
    const hand = await byHand(dirs, battles, 0, runId);
    const framed = await byHand(dirs, battles, 2, runId);
    const rate = (n: number, ms: number) => n / (ms / 1000);
    const rows = [
      ['match runner (codearena match), no frames', rate(runner.sims, runner.ms), runner.ms],
      ['engine driven by hand, no frames', rate(battles, hand.ms), hand.ms],
      ['engine driven by hand, a frame every 2nd turn', rate(battles, framed.ms), framed.ms],
    ].map(([label, r, ms]) => [String(label), (r as number).toFixed(2), ((ms as number) / 1000).toFixed(1)]);
    process.stdout.write(`\n${table(['robocode', 'battles/s', 's in all'], rows, [1, 2])}\n`);
    const wins = runner.players.map((p) => p.wins).join('/');
    process.stdout.write(
      `runner / by hand:  ${(rate(runner.sims, runner.ms) / rate(battles, hand.ms)).toFixed(2)}× battles/s ${dim(`(both include one JVM start and the two builds; wins ${wins} vs ${hand.wins.join('/')} by hand${wins === hand.wins.join('/') ? ', the same' : ', DIFFERENT'})`)}\n`,
    );
    process.stdout.write(`frames / no frames: ${(hand.ms / framed.ms).toFixed(2)}× battles/s\n`);
  } finally {
    await removeContainers(runId).catch(() => 0);
  }
}

/** The engine in one hardened `docker run`, fed `battles` sim lines (the runner's seeds); the
 *  time from the run's start to the last result. */
async function byHand(
  dirs: string[],
  battles: number,
  frameEvery: number,
  runId: string,
): Promise<{ ms: number; wins: number[] }> {
  const { arena } = getArena('robocode');
  const engine = arena.engine!;
  const players = enginePlayers(dirs.length);
  const args = RobocodeArgs.parse({});
  const t0 = performance.now();
  const child = spawn(
    'docker',
    [
      'run', '-i', '--rm', '--network', 'none', '--read-only', '--tmpfs', `/tmp:rw,nosuid,nodev,size=${engine.memoryMb / 4}m`,
      '--user', sandboxUser(), '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges',
      '--memory', `${engine.memoryMb}m`, '--memory-swap', `${engine.memoryMb}m`, '--pids-limit', String(engine.pids),
      '--cpus', '1', '--label', `${LABEL}=1`, '--label', `${LABEL_RUN}=${runId}`, '--label', `${LABEL_ROLE}=bench`,
      '--label', `${LABEL_OWNER}=${ownerToken()}`,
      ...players.flatMap((p, i) => ['-v', `${dirs[i]}:${p.dir}:ro`]),
      arena.manifest.image, ...engine.command(players),
    ], // prettier-ignore
    { stdio: ['pipe', 'pipe', 'ignore'] },
  );
  const wins = [0, 0];
  let done = 0;
  let ms = 0;
  const finished = new Promise<void>((resolve, reject) => {
    child.on('exit', (code) => (done === battles ? resolve() : reject(new Error(`the engine exited (${code})`))));
  });
  for (let i = 0; i < battles; i++) {
    const request = {
      op: 'sim',
      sim: String(i),
      seed: deriveSeed('match', SEED, i),
      players: players.map((p) => p.id),
      frameEvery,
      args: battleArgs(args),
    };
    child.stdin.write(`${JSON.stringify(request)}\n`);
  }
  for await (const line of createInterface({ input: child.stdout })) {
    const l = JSON.parse(line) as Record<string, unknown>;
    if (l.type !== 'result') continue;
    const outcome = outcomeOf(l, ['a', 'b']);
    if (typeof outcome === 'string') throw new Error(`the engine's result: ${outcome}`);
    if (outcome.ranks.a! < outcome.ranks.b!) wins[0]!++;
    else if (outcome.ranks.b! < outcome.ranks.a!) wins[1]!++;
    if (++done === battles) {
      ms = performance.now() - t0;
      child.stdin.end(`${JSON.stringify({ op: 'quit' })}\n`);
      break;
    }
  }
  await finished;
  return { ms, wins };
}
