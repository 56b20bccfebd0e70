// `codearena bench`, sequential stopping: sims used by an adaptive round against a fixed count,
// and how often the two decide differently. Sims are independent given their seed, so each pair
// of CoreWar reference warriors plays SEEDS real sims once, and rounds are then drawn from those
// per-seed outcomes (with replacement, in random order): both rules judge the very same sims,
// the fixed one all of them, the adaptive one the prefix it needs.
import { SequentialSims, createRng } from '@codearena/protocol';
import { getArena } from '../arenas.ts';
import { SequentialTest } from '../compete/sequential.ts';
import { scoreRound } from '../tournament/round-result.ts';
import { bold, dim, table } from './format.ts';
import { playMatch } from './match.ts';

/** A far pair (paper almost never loses to scanner) and a close one (paper edges out stone). */
const PAIRS: { label: string; bots: [string, string] }[] = [
  { label: 'far', bots: ['paper', 'scanner'] },
  { label: 'close', bots: ['paper', 'stone'] },
];
const SEEDS = 1000;
const ROUNDS = 2000;
/** Fixed counts compared against (CodeClash plays 100 to 1,000 sims per round). */
const MAXES = [100, 300, 1000];

export async function benchSequential(): Promise<void> {
  const entry = getArena('corewar');
  process.stderr.write(
    `${bold('bench')}: sequential stopping, corewar, ${SEEDS} real sims per pair, ${ROUNDS} rounds drawn from them per row\n`,
  );
  const rows: string[][] = [];
  const used = new Map<number, number[]>(MAXES.map((m) => [m, []]));
  for (const { label, bots } of PAIRS) {
    const winners: (string | null)[] = [];
    const t0 = performance.now();
    await playMatch('corewar', [entry.bots[bots[0]]!, entry.bots[bots[1]]!], {
      sims: SEEDS,
      seed: 3,
      concurrency: 1,
      onSim: (_sim, w) => winners.push(w),
    });
    const s = (performance.now() - t0) / 1000;
    process.stderr.write(dim(`  ${bots.join(' vs ')}: ${SEEDS} sims in ${s.toFixed(1)} s\n`));
    const [a, b] = bots.map((p) => winners.filter((w) => w === p).length) as [number, number];
    for (const max of MAXES) {
      const f = compare(bots, winners, max, `bench-sprt/${label}/${max}`);
      used.get(max)!.push(f.meanSims);
      rows.push([
        `${label}: ${bots.join(' vs ')}`,
        `${a}/${b}/${SEEDS - a - b} (${((100 * a) / (a + b)).toFixed(0)} %)`,
        String(max),
        f.meanSims.toFixed(1),
        `${(max / f.meanSims).toFixed(2)}×`,
        `${(100 * f.atMax).toFixed(1)} %`,
        `${(100 * f.differ).toFixed(2)} %`,
      ]);
    }
  }
  const head = [
    'sequential stopping (SPRT)',
    'W/L/T (of decisive)',
    'fixed',
    'adaptive mean',
    'fewer',
    'at max',
    'differs',
  ];
  process.stdout.write(`\n${table(head, rows, [2, 3, 4, 5, 6])}\n`);
  for (const [max, means] of used) {
    const mean = means.reduce((x, y) => x + y, 0) / means.length;
    process.stdout.write(`sequential vs fixed ${max}, both pairs: ${(max / mean).toFixed(2)}× fewer sims\n`);
  }
  const rule = SequentialSims.parse({ max: 1, stop: 'sprt' });
  process.stdout.write(
    dim(
      `(defaults: alpha ${rule.alpha}, beta ${rule.beta}, margin ${rule.margin}; "differs": the adaptive round names a winner other than the fixed round's on the same sims; at max both score the same sims)\n`,
    ),
  );
}

/** Both rules on ROUNDS rounds of `max` sims drawn from the per-seed outcomes. */
function compare(players: string[], outcomes: (string | null)[], max: number, seed: string) {
  const rng = createRng(seed);
  const rule = SequentialSims.parse({ max, stop: 'sprt' });
  let sims = 0;
  let atMax = 0;
  let differ = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const round = Array.from({ length: max }, () => outcomes[rng.int(outcomes.length)]!);
    const test = new SequentialTest(players, rule);
    for (const w of round) if (test.push(w)) break;
    sims += test.decision?.sims ?? max;
    if (!test.decision) atMax++;
    else if (test.decision.winner !== scoreRound(players, [], round).winner) differ++;
  }
  return { meanSims: sims / ROUNDS, atMax: atMax / ROUNDS, differ: differ / ROUNDS };
}
