// Our MARS against pMARS 0.9.4 itself: 184 battles pMARS played (random warriors using every
// opcode, modifier and mode on small cores with tight process limits and P-space, and the
// shipped warriors on the standard hill, 2 to 5 warriors) must end on the same cycle with the
// same survivors, the same process counts and the same core, cell for cell.
import { describe, expect, it } from 'vitest';
import fixtures from './fixtures/pmars-battles.json' with { type: 'json' };
import { runBattle } from './mars.ts';
import { battle, coreHash, processes } from './test-support.ts';

interface Case {
  settings: {
    coreSize: number;
    maxCycles: number;
    maxProcesses: number;
    maxLength: number;
    minDistance: number;
    pspaceSize: number;
  };
  warriors: string[];
  positions: number[];
  pmars: { counter: number; alive: number; processes: number[]; hash: number };
}
const library = fixtures.warriors as Record<string, string>;
const cases = fixtures.cases as Case[];

describe('the MARS matches pMARS', () => {
  it.each(cases.map((c, i) => [i, c.warriors.join(' vs '), c] as const))('battle %i: %s', (_i, _name, c) => {
    const b = battle(
      c.warriors.map((w) => library[w]!),
      c.positions,
      c.settings,
    );
    runBattle(b, 1e9);
    expect({ counter: b.counter, alive: b.alive, processes: processes(b), hash: coreHash(b) }).toEqual(c.pmars);
  });
});
