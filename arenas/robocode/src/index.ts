// The RoboCode arena: classic tank battles on Robocode's own engine (Debian's robocode 1.9.3.9
// on JDK 17), an `engine` arena. A codebase is one Java robot (robot.json names its class,
// params.json numbers are compiled in); the engine program in the arena's image builds each
// codebase and plays battles on request, all inside one hardened container per series. One sim
// is one battle of `rounds` rounds with the sim's seed; ranks by total score, then rounds won.
import { ArenaManifest, type EnginePlayer, type Validation, type ValidateContext } from '@codearena/protocol';
import { z } from 'zod';
import manifestJson from '../arena.json' with { type: 'json' };
import { RobocodeEngineFrame, RobocodeFrame } from './frame.ts';
import { outcomeOf } from './result.ts';
import { RobocodeArgs, battleArgs, battleTimeoutMs } from './settings.ts';
import { defineEngineArena } from '@codearena/protocol';

export type { RobocodeFrame } from './frame.ts';
export { RobocodeArgs, battleArgs } from './settings.ts';
export { outcomeOf, type SeatResult } from './result.ts';

export const manifest: ArenaManifest = ArenaManifest.parse(manifestJson);

/** The engine program in the image (arenas/robocode/engine/codearena-robocode). */
export const ENGINE = 'codearena-robocode';
/** Memory of the engine's container, and the JVM heap inside it (the rest: metaspace, code
 *  cache, thread stacks, the build's compiler). Eight robots ran in 160 MB of heap. */
const ENGINE_MEMORY_MB = 1024;
const ENGINE_HEAP_MB = 512;
/** A build + 1-round smoke battle: a JVM start, javac and a battle, on a busy machine. */
const CHECK_TIMEOUT_MS = 180_000;

const CheckLine = z.object({
  type: z.literal('check'),
  ok: z.boolean(),
  robot: z.string().optional(),
  detail: z.string(),
});

/** Builds the codebase in its own sandbox and plays one round against a sitting duck. */
async function validate(ctx: ValidateContext<RobocodeArgs>): Promise<Validation> {
  const run = await ctx.exec(`${ENGINE} check ${shellQuote(ctx.codeDir)}`, CHECK_TIMEOUT_MS);
  const last = run.stdout.trim().split('\n').pop() ?? '';
  let check: z.infer<typeof CheckLine> | null = null;
  try {
    const parsed = CheckLine.safeParse(JSON.parse(last));
    check = parsed.success ? parsed.data : null;
  } catch {
    check = null;
  }
  if (!check) {
    const tail = run.stderr.trim().split('\n').slice(-5).join('\n');
    return { ok: false, detail: `the RoboCode check did not finish (exit ${run.exitCode})${tail ? `:\n${tail}` : ''}` };
  }
  return check.ok
    ? { ok: true, detail: `${check.robot ?? 'robot'} builds and plays` }
    : { ok: false, detail: check.detail };
}

const shellQuote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;

export const robocode = defineEngineArena<RobocodeArgs>({
  manifest,
  args: RobocodeArgs,
  validate,
  engine: {
    command: (players: readonly EnginePlayer[]) => [
      'env',
      `CODEARENA_HEAP_MB=${ENGINE_HEAP_MB}`,
      ENGINE,
      'engine',
      ...players.flatMap((p) => ['--player', `${p.id}=${p.dir}`]),
    ],
    simArgs: battleArgs,
    simTimeoutMs: battleTimeoutMs,
    memoryMb: ENGINE_MEMORY_MB,
    // The JVM and compiler take ~30 threads; each robot may start 5 more (Robocode's limit).
    pids: 256,
    // Every second turn: frames at every turn make a battle ~2.5× slower (measured); robots
    // move at most 8 px a turn, so the viewer loses nothing it could show.
    frameEvery: 2,
    frame: (raw, players, args) => {
      const f = RobocodeEngineFrame.safeParse(raw);
      if (!f.success) return null;
      const frame = RobocodeFrame.safeParse({ ...f.data, players, rounds: args.rounds });
      return frame.success ? frame.data : null;
    },
    frameClock: (frame) => {
      const f = frame as RobocodeFrame;
      return { round: f.round, turn: f.turn };
    },
    outcome: outcomeOf,
  },
});
