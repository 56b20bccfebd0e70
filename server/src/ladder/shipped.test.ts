// Every arena ships a ladder (ladders/<arena>.yaml) holding its starter and every reference bot,
// and each loads as `ladder make` reads it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arenaIds } from '../arenas.ts';
import { LADDERS_DIR, arenaDir } from '../paths.ts';
import { parseLadderText } from './ladder-spec.ts';

const LADDERS = LADDERS_DIR;

describe('shipped ladders', () => {
  it.each(arenaIds())('ladders/%s.yaml ranks its starter and every reference bot', (id) => {
    const spec = parseLadderText(readFileSync(join(LADDERS, `${id}.yaml`), 'utf8'), LADDERS, `ladders/${id}.yaml`);
    expect(spec.arena).toBe(id);
    const bots = readdirSync(join(arenaDir(id), 'bots'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => join(arenaDir(id), 'bots', e.name));
    expect(spec.rungs.map((r) => r.codebase).sort()).toEqual([join(arenaDir(id), 'starter'), ...bots].sort());
  });
});
