// The RoboCode viewer frame: what the engine reports of one turn (a JVM that also runs the
// players' robots, so hostile) plus the players in seat order and the battle's round count,
// added by the host. The host checks engine lines with it, replays store it, and the web
// renderer's guard parses it before drawing (zod is in the web bundle already).
//
// Robocode coordinates: origin bottom-left, y up, in battlefield pixels; headings in radians,
// 0 = north, clockwise. Robots and bullets are arrays, not objects, to keep frames small.
import { z } from 'zod';

export const MAX_SEATS = 16;
export const MAX_BULLETS = 500;
export const MIN_FIELD = 400;
export const MAX_FIELD = 5000;
/** No real value comes near: a bound keeps a hostile number from reaching the canvas maths. */
const LIMIT = 1e7;

const num = z.number().min(-LIMIT).max(LIMIT);
const count = z.number().int().min(0).max(LIMIT);
const flag = z.union([z.literal(0), z.literal(1)]);

/** [x, y, body, gun, radar, energy, score, alive]: headings in radians, energy may pass 100. */
export const RobotState = z.tuple([num, num, num, num, num, num, num, flag]);
/** [x, y, power, ownerSeat, hit]: hit 1 when the bullet hit a robot, bullet or wall this turn. */
export const BulletState = z.tuple([num, num, z.number().min(0).max(LIMIT), z.number().int().min(0), flag]);

const engineShape = {
  round: count,
  turn: count,
  w: z.number().int().min(MIN_FIELD).max(MAX_FIELD),
  h: z.number().int().min(MIN_FIELD).max(MAX_FIELD),
  robots: z.array(RobotState).max(MAX_SEATS),
  bullets: z.array(BulletState).max(MAX_BULLETS),
};

/** Every bullet's owner is a seat of the battle. */
const ownersAreSeats = (f: { robots: unknown[]; bullets: z.infer<typeof BulletState>[] }) =>
  f.bullets.every((b) => b[3] < f.robots.length);
const OWNER = { message: 'a bullet owner is not a seat of the battle', path: ['bullets'] };

/** A frame as the engine sends it (`{"type":"frame","frame":…}`), robots in seat order. */
export const RobocodeEngineFrame = z.object(engineShape).refine(ownersAreSeats, OWNER);
export type RobocodeEngineFrame = z.infer<typeof RobocodeEngineFrame>;

/** What the host stores in replays and sends live: the engine's frame, players and rounds. */
export const RobocodeFrame = z
  .object({
    ...engineShape,
    players: z.array(z.string().min(1).max(200)).min(1).max(MAX_SEATS),
    rounds: z.number().int().min(1).max(LIMIT),
  })
  .refine((f) => f.players.length === f.robots.length, {
    message: 'robots must have one entry per player',
    path: ['robots'],
  })
  .refine(ownersAreSeats, OWNER)
  .refine((f) => f.round < f.rounds, { message: 'round must be below rounds', path: ['round'] });
export type RobocodeFrame = z.infer<typeof RobocodeFrame>;
