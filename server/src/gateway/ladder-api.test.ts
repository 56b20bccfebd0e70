// GET /api/ladders and /api/ladders/<name> over a real gateway on loopback, reading ladder folders
// written through LadderFolder (as `ladder make` writes them) and climb files as `ladder climb` does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiError, type LadderClimb, LadderList, type LadderPair, LadderPayload } from '@codearena/protocol';
import { LadderFolder } from '../ladder/ladder-folder.ts';
import { StoreIndex } from '../store/index-db.ts';
import { type Gateway, startGateway } from './server.ts';

let dir: string;
let store: StoreIndex;
let gw: Gateway;

const SIMS = 4;
const hash = (n: string) => n.repeat(64).slice(0, 64);
/** a beats everyone, b beats c, c wins nothing; d is a rung whose pairs are not played yet. */
const pair = (a: string, b: string, winners: (string | null)[]): LadderPair => ({
  a,
  b,
  codebases: [`/secret/${a}`, `/secret/${b}`],
  hashes: [hash(a), hash(b)],
  sims: SIMS,
  seed: 3,
  winners,
  faults: {},
  ms: 10,
});

const climb = (id: string, startedAt: number): LadderClimb => ({
  id,
  ladder: 'demo',
  player: 'climber',
  agent: 'noop',
  startedAt,
  finishedAt: startedAt + 1000,
  rungs: ['c', 'b', 'a'],
  rounds: 3,
  wins: 2,
  steps: [
    { rung: 'c', runId: `${id}-c`, roundsWon: 2, roundsPlayed: 2, held: true, stoppedEarly: 'clinched' },
    { rung: 'b', runId: `${id}-b`, roundsWon: 0, roundsPlayed: 2, held: false, stoppedEarly: 'out_of_reach' },
  ],
  highest: 'c',
  height: 1,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'codearena-ladder-api-'));
  const root = join(dir, 'ladders');
  const folder = new LadderFolder(join(root, 'demo'));
  folder.writeLadder({
    name: 'demo',
    arena: 'corewar',
    sims: SIMS,
    seed: 3,
    rungs: ['a', 'b', 'c'].map((n) => ({ name: n, codebase: `/secret/${n}`, hash: hash(n) })),
  });
  folder.writePair(pair('a', 'b', ['a', 'a', 'a', null]));
  folder.writePair(pair('a', 'c', ['a', 'a', 'a', 'a']));
  folder.writePair(pair('b', 'c', ['b', 'b', 'c', 'b']));
  // A pair played under another spec (other sims): not counted.
  folder.writePair({ ...pair('a', 'c', ['c', 'c']), a: 'c', b: 'a', sims: 2 });
  mkdirSync(join(folder.dir, 'climbs'));
  writeFileSync(join(folder.dir, 'climbs', 'old.json'), JSON.stringify(climb('old', 1000)));
  writeFileSync(join(folder.dir, 'climbs', 'new.json'), JSON.stringify(climb('new', 2000)));
  writeFileSync(join(folder.dir, 'climbs', 'broken.json'), '{"id": 1');
  writeFileSync(join(folder.dir, 'climbs', 'other.json'), JSON.stringify({ ...climb('x', 1), height: -1 }));
  // Not ladders: a folder without ladder.json, a bad ladder.json, a link to a ladder elsewhere.
  mkdirSync(join(root, 'empty'));
  mkdirSync(join(root, 'bad'));
  writeFileSync(join(root, 'bad', 'ladder.json'), '{"name": "bad"}');
  symlinkSync(folder.dir, join(root, 'linked'));

  store = new StoreIndex(join(dir, 'codearena.sqlite'));
  gw = await startGateway({ store, port: 0, webDist: dir, ladders: root });
});
afterAll(async () => {
  await gw.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (path: string) => {
  const res = await fetch(new URL(path, gw.url));
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as unknown };
};

describe('GET /api/ladders', () => {
  it('lists the ladder folders that hold a ladder, with their progress and climbs', async () => {
    const r = await get('/api/ladders');
    expect(r.status).toBe(200);
    const { ladders } = LadderList.parse(r.body);
    expect(ladders).toHaveLength(1);
    expect(ladders[0]).toMatchObject({
      name: 'demo',
      arena: 'corewar',
      rungs: 3,
      sims: SIMS,
      pairsPlayed: 3,
      pairsTotal: 3,
      climbs: 2,
    });
    expect(ladders[0]!.madeAt).toBeGreaterThan(0);
  });
});

describe('GET /api/ladders/<name>', () => {
  it('ranks the rungs strongest first with intervals, the matrix in that order, climbs newest first', async () => {
    const r = await get('/api/ladders/demo');
    expect(r.status).toBe(200);
    const l = LadderPayload.parse(r.body);
    expect(l.rows.map((x) => x.id)).toEqual(['a', 'b', 'c']);
    for (const row of l.rows) {
      expect(row.lo).toBeLessThanOrEqual(row.rating);
      expect(row.hi).toBeGreaterThan(row.lo);
    }
    expect(l.rows[0]).toMatchObject({ wins: 7, draws: 1, losses: 0, games: 8, component: 0 });
    expect(l.matrix.ids).toEqual(['a', 'b', 'c']);
    expect(l.matrix.rate[1]![2]).toBe(0.75);
    expect(l.matrix.games[0]![1]).toBe(SIMS);
    expect(l.climbList.map((c) => c.id)).toEqual(['new', 'old']);
    expect(l.climbList[0]!.steps[1]).toMatchObject({ rung: 'b', held: false, stoppedEarly: 'out_of_reach' });
    // The codebases' paths stay on the server.
    expect(r.text).not.toContain('/secret');
  });

  it('answers 404 naming the known ladders for a folder that is not one (or is a link)', async () => {
    for (const name of ['nope', 'empty', 'bad', 'linked']) {
      const r = await get(`/api/ladders/${name}`);
      expect(r.status, name).toBe(404);
      expect(ApiError.parse(r.body).error).toBe(`no ladder "${name}"; known ladders: demo`);
    }
  });

  it('refuses names that are not ladder names (nothing else of the disk is reachable)', async () => {
    for (const name of ['...', '.hidden', 'a.b', '%2E%2E%2Fdemo', 'x'.repeat(61)]) {
      const r = await get(`/api/ladders/${name}`);
      expect(r.status, name).toBe(400);
      expect(ApiError.parse(r.body).error).toContain('ladder name');
    }
    expect((await get('/api/ladders/demo/ladder.json')).status).toBe(404);
  });
});
