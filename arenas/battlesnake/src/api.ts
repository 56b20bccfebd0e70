// Request bodies in the shape of the official Battlesnake API (docs.battlesnake.com/api), so a
// bot written for the official game reads them unchanged. We add "type" because one stdio
// channel carries what the official engine sends to three HTTP endpoints.
import type { PlayerId } from '@codearena/protocol';
import type { Point, Snake, State } from './state.ts';
import { isAlive } from './state.ts';

export type RequestType = 'start' | 'move' | 'end';

export interface ApiSnake {
  id: string;
  name: string;
  health: number;
  body: Point[];
  /** The official engine sends the last reply's latency in ms as a string; we don't track it. */
  latency: string;
  head: Point;
  length: number;
  shout: string;
  squad: string;
  customizations: { color: string; head: string; tail: string };
}

export interface ApiRequest {
  type: RequestType;
  game: {
    id: string;
    ruleset: {
      name: 'standard';
      version: string;
      settings: {
        foodSpawnChance: number;
        minimumFood: number;
        hazardDamagePerTurn: number;
        hazardMap: string;
        hazardMapAuthor: string;
        royale: { shrinkEveryNTurns: number };
        squad: {
          allowBodyCollisions: boolean;
          sharedElimination: boolean;
          sharedHealth: boolean;
          sharedLength: boolean;
        };
      };
    };
    map: 'standard';
    timeout: number;
    source: string;
  };
  turn: number;
  board: { height: number; width: number; food: Point[]; hazards: Point[]; snakes: ApiSnake[] };
  you: ApiSnake;
}

export const RULESET_VERSION = 'codearena-1';
const COLOURS = ['#e6194b', '#3cb44b', '#4363d8', '#f58231'];

const copyPoint = (p: Point): Point => ({ x: p.x, y: p.y });

export function apiSnake(s: Snake, index: number): ApiSnake {
  return {
    id: s.id,
    name: s.id,
    health: s.health,
    body: s.body.map(copyPoint),
    latency: '0',
    head: copyPoint(s.body[0]!),
    length: s.body.length,
    shout: s.shout,
    squad: '',
    customizations: { color: COLOURS[index % COLOURS.length]!, head: 'default', tail: 'default' },
  };
}

/** The request `player` receives; board.snakes lists living snakes only, `you` may be dead (end). */
export function buildRequest(state: State, player: PlayerId, type: RequestType, timeoutMs: number): ApiRequest {
  const index = state.snakes.findIndex((s) => s.id === player);
  const me = state.snakes[index];
  if (!me) throw new RangeError(`no snake named ${player} in this game`);
  const snakes: ApiSnake[] = [];
  state.snakes.forEach((s, i) => {
    if (isAlive(s)) snakes.push(apiSnake(s, i));
  });
  return {
    type,
    game: {
      id: state.gameId,
      ruleset: {
        name: 'standard',
        version: RULESET_VERSION,
        settings: {
          foodSpawnChance: state.settings.foodSpawnChance,
          minimumFood: state.settings.minimumFood,
          // Carried even though the standard map has no hazards, as the official engine does.
          hazardDamagePerTurn: 14,
          hazardMap: '',
          hazardMapAuthor: '',
          royale: { shrinkEveryNTurns: 25 },
          squad: { allowBodyCollisions: false, sharedElimination: false, sharedHealth: false, sharedLength: false },
        },
      },
      map: 'standard',
      timeout: timeoutMs,
      source: 'custom',
    },
    turn: state.turn,
    board: { height: state.height, width: state.width, food: state.food.map(copyPoint), hazards: [], snakes },
    you: apiSnake(me, index),
  };
}
