// `codearena bench`, CoreWar section: battles/s of the MARS alone on the battles `pmars -b -r N -F
// 1234 a b` plays (same placements, same starting order, same results), and sims/s through the
// match runner. With CODEARENA_PMARS=/path/to/pmars the same series also run in pMARS, in this run,
// and the ratio is printed (pMARS is not shipped: build it from its source to compare).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, assemble, pmarsSeries, warmUp } from '@codearena/arena-corewar';
import { getArena } from '../arenas.ts';
import { bold, dim, table } from './format.ts';
import { playMatch } from './match.ts';

const PAIRS: [string, string][] = [
  ['bots/dwarf', 'bots/imp'],
  ['bots/paper', 'bots/stone'],
  ['bots/scanner', 'bots/paper'],
  ['starter', 'bots/stone'],
];
const FIXED = 1234;

export async function benchCorewar(o: { sims: number }): Promise<void> {
  const entry = getArena('corewar');
  const rounds = Math.max(50, o.sims * 10);
  const file = (dir: string) => join(entry.dir, dir, 'warrior.red');
  const warrior = (dir: string) => {
    const r = assemble(readFileSync(file(dir), 'utf8'), DEFAULT_SETTINGS);
    if (!r.ok) throw new Error(`${dir} does not assemble`);
    return r.warrior;
  };
  const pmars = process.env.CODEARENA_PMARS;
  process.stderr.write(
    `${bold('bench')}: corewar, ${rounds} battles per pair (standard hill settings)${pmars ? `, and pMARS at ${pmars}` : ''}\n`,
  );

  warmUp();
  for (const [a, b] of PAIRS) pmarsSeries(warrior(a), warrior(b), DEFAULT_SETTINGS, 10, FIXED); // JIT warm-up
  const rows: string[][] = [];
  const ratios: number[] = [];
  for (const [a, b] of PAIRS) {
    const t0 = performance.now();
    const r = pmarsSeries(warrior(a), warrior(b), DEFAULT_SETTINGS, rounds, FIXED);
    const s = (performance.now() - t0) / 1000;
    const row = [
      `${a.replace('bots/', '')} vs ${b.replace('bots/', '')}`,
      r.score.join('/'),
      (rounds / s).toFixed(0),
      (r.cycles / s / 1e6).toFixed(2),
      (r.instructions / s / 1e6).toFixed(1),
    ];
    if (pmars) {
      const p0 = performance.now();
      const out = spawnSync(pmars, ['-b', '-r', String(rounds), '-F', String(FIXED), file(a), file(b)], {
        encoding: 'utf8',
      });
      const ps = (performance.now() - p0) / 1000;
      const theirs = /Results: (\d+) (\d+) (\d+)/.exec(out.stdout ?? '');
      const same = theirs ? `${theirs[1]}/${theirs[2]}/${theirs[3]}` === r.score.join('/') : false;
      row.push(
        (rounds / ps).toFixed(0),
        `${(rounds / s / (rounds / ps)).toFixed(2)}×${same ? '' : ' (results differ!)'}`,
      );
      ratios.push(rounds / s / (rounds / ps));
    }
    rows.push(row);
    process.stderr.write(dim(`  ${row[0]}: ${rounds} battles in ${s.toFixed(2)} s\n`));
  }
  const head = ['corewar engine (same battles as pmars -F 1234)', 'W/L/T', 'battles/s', 'M cycles/s', 'M instr/s'];
  process.stdout.write(
    `\n${table(pmars ? [...head, 'pMARS battles/s', 'ours / pMARS'] : head, rows, pmars ? [2, 3, 4, 5, 6] : [2, 3, 4])}\n`,
  );
  if (ratios.length)
    process.stdout.write(
      `engine / pMARS (geometric mean): ${Math.exp(ratios.reduce((x, y) => x + Math.log(y), 0) / ratios.length).toFixed(2)}× battles/s\n`,
    );
  else
    process.stdout.write(
      dim(
        '(a cycle: every living warrior executes one instruction. Peer: pMARS 0.9.4 built with gcc -O2, same battles, same machine: this engine ran at 0.54–0.74× its battles/s, 0.64× geometric mean; set CODEARENA_PMARS to measure it here)\n',
      ),
    );

  // Through the match runner: loading, assembling, seeded placement, frames — no container.
  const sims = Math.max(20, o.sims * 2);
  await playMatch('corewar', [entry.starter, entry.bots['dwarf']!], { sims: 2, seed: 99, concurrency: 1 });
  const m = await playMatch('corewar', [entry.starter, entry.bots['dwarf']!], { sims, seed: 7, concurrency: 1 });
  process.stdout.write(
    `corewar match runner (starter vs dwarf, frames kept out): ${(m.sims / (m.ms / 1000)).toFixed(0)} sims/s, ${(m.turns / (m.ms / 1000)).toFixed(0)} steps/s\n`,
  );
}
