// `codearena leaderboard`: Bradley–Terry ratings with bootstrap 95% intervals, over the whole
// store or, with --campaign, one campaign (per arena, unified with equal arena weight, spend).
import type { CampaignLeaderboardPayload, ComparisonGraph, GroupBy, RatedEntry } from '@codearena/protocol';
import { loadCampaign, readCampaign } from '../rating/campaign-input.ts';
import { campaignLeaderboard } from '../rating/campaign-leaderboard.ts';
import { type Leaderboard, buildLeaderboard } from '../rating/leaderboard.ts';
import type { StoreIndex } from '../store/index-db.ts';
import { bold, dim, table, terminalJson, untrusted, yellow } from './format.ts';
import { UsageError } from './preflight.ts';
import { openReadIndex } from './store-option.ts';

export async function leaderboardCommand(opts: {
  by: string;
  arena?: string;
  runs?: string;
  store?: string;
  json?: boolean;
  campaign?: string;
}): Promise<void> {
  if (opts.by !== 'player' && opts.by !== 'agent')
    throw new UsageError(`--by must be "player" or "agent", got "${opts.by}"`);
  const by: GroupBy = opts.by;
  const index = await openReadIndex(opts);
  try {
    if (opts.campaign !== undefined) {
      const lb = campaignBoard(opts.campaign, by, opts.arena, await readCampaign(index, opts.campaign, opts.arena));
      process.stdout.write(opts.json ? `${terminalJson(lb)}\n` : printCampaign(lb));
      return;
    }
    const lb = buildLeaderboard(await index.roundResults(opts.arena ? { arena: opts.arena } : {}), by);
    process.stdout.write(opts.json ? `${terminalJson(lb)}\n` : leaderboardText(lb, by, 'Leaderboard'));
  } finally {
    await index.close();
  }
}

function campaignBoard(
  campaign: string,
  by: GroupBy,
  arena: string | undefined,
  loaded: ReturnType<typeof loadCampaign>,
): CampaignLeaderboardPayload {
  if (!loaded.ok) throw new UsageError(`--campaign: ${loaded.error}`);
  return campaignLeaderboard({ campaign, by, arena, ...loaded.data });
}

/** The campaign's leaderboard by player, as `codearena leaderboard --campaign` prints it. */
export function printCampaignLeaderboard(store: StoreIndex, campaign: string): void {
  process.stdout.write(printCampaign(campaignBoard(campaign, 'player', undefined, loadCampaign(store, campaign))));
}

export function printLeaderboard(
  store: StoreIndex,
  o: { by: GroupBy; arena?: string | undefined },
  title: string,
): void {
  const lb = buildLeaderboard(store.roundResults(o.arena ? { arena: o.arena } : {}), o.by);
  process.stdout.write(leaderboardText(lb, o.by, title));
}

function leaderboardText(lb: Leaderboard, by: GroupBy, title: string): string {
  const head = `${bold(title)} ${dim(`— Bradley–Terry on the Elo scale, 95% bootstrap intervals, ${lb.rounds} rounds`)}\n`;
  if (!lb.rows.length) return `${head}no rounds played yet: run a tournament first (\`npm start\`)\n`;
  return head + ratedTable(lb.rows, by, lb.graph) + graphWarning(lb.graph);
}

/** Rank, rating, interval and record; a `part` column (the component) when the graph is split. */
function ratedTable<R extends RatedEntry>(
  rows: readonly R[],
  by: GroupBy,
  graph: ComparisonGraph,
  extra: { header: string; cell: (r: R) => string }[] = [],
): string {
  const split = graph.components.length > 1;
  const header = [
    '#',
    ...(split ? ['part'] : []),
    by,
    'rating',
    '95% CI',
    'games',
    'W/D/L',
    ...extra.map((e) => e.header),
  ];
  const cells = rows.map((r, i) => [
    String(i + 1),
    ...(split ? [String(r.component + 1)] : []),
    r.id,
    r.rating.toFixed(0),
    `[${r.lo.toFixed(0)}, ${r.hi.toFixed(0)}]`,
    String(r.games),
    `${r.wins}/${r.draws}/${r.losses}`,
    ...extra.map((e) => e.cell(r)),
  ]);
  const at = split ? 1 : 0;
  const right = [0, 2 + at, 4 + at, ...extra.map((_, k) => 6 + at + k)];
  return `${table(header, cells, right)}\n`;
}

/** Says a split graph is split: its components and the pairings that would join them. */
export function graphWarning(graph: ComparisonGraph): string {
  if (graph.components.length < 2) return '';
  const names = (ids: string[]) => ids.map((id) => untrusted(id)).join(', ');
  const lines = [
    `${yellow('warning:')} the comparison graph has ${graph.components.length} components that never met; ratings in different parts are not comparable`,
    ...graph.components.map((ids, c) => `  part ${c + 1}: ${names(ids)}`),
    '  to join them, play these pairings:',
    ...graph.bridges.map(
      (b) =>
        `    ${untrusted(b.a)} vs ${untrusted(b.b)}  ${dim(`(joins part ${b.joins[0] + 1} and part ${b.joins[1] + 1})`)}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** Cents hide what scripted and cheap models cost, so sub-dollar sums keep four decimals. */
const usd = (x: number): string => `$${x.toFixed(x >= 100 ? 0 : x >= 1 ? 2 : 4)}`;

function printCampaign(lb: CampaignLeaderboardPayload): string {
  const out: string[] = [
    `${bold(`Campaign ${untrusted(lb.campaign)}`)} ${dim(`— ${lb.tournaments} tournaments, by ${lb.by}; Bradley–Terry on the Elo scale, 95% bootstrap intervals`)}\n`,
  ];
  if (!lb.arenas.length) {
    out.push('no rounds finished yet: the campaign has not played a scored round (round 1 or later)\n');
    return out.join('');
  }
  for (const a of lb.arenas) {
    out.push(`\n${bold(`Arena ${untrusted(a.arena)}`)} ${dim(`— ${a.rounds} rounds`)}\n`);
    out.push(ratedTable(a.rows, lb.by, a.graph) + graphWarning(a.graph));
  }
  const weights = Object.entries(lb.unified.arenaWeights)
    .map(([a, w]) => `${untrusted(a)} ×${w.toFixed(2)}`)
    .join(', ');
  out.push(
    `\n${bold('Unified')} ${dim(`— every arena weighs the same (weight per outcome: ${weights}), ${lb.unified.rounds} rounds`)}\n`,
  );
  out.push(
    ratedTable(lb.unified.rows, lb.by, lb.unified.graph, [
      { header: 'spend', cell: (r) => usd(r.spendUsd) },
      { header: 'rating/$', cell: (r) => (r.ratingPerDollar === null ? '—' : r.ratingPerDollar.toFixed(1)) },
    ]) + graphWarning(lb.unified.graph),
  );
  out.push(dim('rating/$: Elo points above the campaign mean (1200) per dollar of model spend\n'));
  out.push(`\n${bold('Spend per model')}\n`);
  out.push(
    `${table(
      ['model', 'spend', 'edits'],
      lb.spendByModel.map((m) => [m.model, usd(m.spendUsd), String(m.edits)]),
      [1, 2],
    )}\n`,
  );
  return out.join('');
}
