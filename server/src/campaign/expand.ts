// A campaign spec → its tournaments, one job each. Pure: the same spec always gives the same jobs
// (order, seeds, run ids), so a campaign can be rerun, resumed, or split over workers.
import { createHash } from 'node:crypto';
import {
  type CampaignJob,
  type CampaignPlayer,
  type CampaignSpec,
  type TournamentConfig,
  deriveSeed,
} from '@codearena/protocol';
import { resolveCodebase } from '../config/player-checks.ts';

/** TournamentId allows 200 characters. */
const MAX_RUN_ID = 200;
const MAX_NAME = 80;

/** The groups that play each other, as roster names: every pair (roster order), the whole roster,
 *  or the spec's own list. */
export function pairingGroups(spec: Pick<CampaignSpec, 'pairing' | 'roster'>): string[][] {
  const names = spec.roster.map((p) => p.name);
  if (spec.pairing === 'all-play-all') return [names];
  if (spec.pairing === 'round-robin') return names.flatMap((a, i) => names.slice(i + 1).map((b) => [a, b]));
  return spec.pairing.map((g) => [...g]);
}

/** The directory the player starts from in this arena, as written; undefined: the arena's starter. */
export function codebaseFor(player: CampaignPlayer, arenaId: string): string | undefined {
  const cb = player.codebase;
  return typeof cb === 'string' || cb === undefined ? cb : cb[arenaId];
}

/** Jobs in matrix order: arenas × groups × repeats. Relative codebases resolve against `baseDir`. */
export function expandCampaign(spec: CampaignSpec, baseDir: string): CampaignJob[] {
  const roster = new Map(spec.roster.map((p) => [p.name, p]));
  const groups = pairingGroups(spec);
  const name = spec.campaign.name;
  const jobs: CampaignJob[] = [];
  for (const arena of spec.arenas) {
    for (const players of groups) {
      for (let repeat = 0; repeat < spec.campaign.repeats; repeat++) {
        const seed = deriveSeed(spec.campaign.seed, arena.id, players.join(','), repeat);
        const config: TournamentConfig = {
          tournament: {
            ...spec.tournament,
            name: tournamentName(arena.id, players, repeat, spec.campaign.repeats),
            campaign: name,
            seed,
          },
          arena: { id: arena.id, args: structuredClone(arena.args) },
          players: players.map((p) => {
            const player = roster.get(p)!;
            const codebase = codebaseFor(player, arena.id);
            return {
              name: p,
              agent: structuredClone(player.agent),
              ...(codebase === undefined ? {} : { codebase: resolveCodebase(codebase, baseDir) }),
            };
          }),
          limits: { ...spec.limits },
        };
        jobs.push({
          index: jobs.length,
          arena: arena.id,
          players: [...players],
          repeat,
          seed,
          runId: campaignRunId(name, arena.id, players, repeat),
          config,
        });
      }
    }
  }
  return jobs;
}

/**
 * `<campaign>-<arena>-<a>-<b>-r<k>`. Within a campaign the plain form is unambiguous while no
 * player name holds the separator "-" (campaign and arena are fixed, `r<k>` is last); otherwise,
 * or when it is too long for a run id, a hash of the parts is appended (it never ends in r<digits>).
 */
export function campaignRunId(campaign: string, arena: string, players: readonly string[], repeat: number): string {
  const slug = (s: string) => s.replace(/[^A-Za-z0-9_.]+/g, '-');
  const head = [campaign, arena, ...players].map(slug).join('-');
  const tail = `-r${repeat}`;
  const plain = `${head}${tail}`;
  if (plain.length <= MAX_RUN_ID && !players.some((p) => slug(p) !== p || p.includes('-'))) return plain;
  const hash = createHash('sha256')
    .update(JSON.stringify([campaign, arena, players, repeat]))
    .digest('hex')
    .slice(0, 8);
  const suffix = `${tail}-${hash}`;
  return `${head.slice(0, MAX_RUN_ID - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/** Readable, e.g. "battlesnake: tuner vs control (2/3)"; cut to the config's 80 characters. */
function tournamentName(arena: string, players: readonly string[], repeat: number, repeats: number): string {
  const name = `${arena}: ${players.join(' vs ')}${repeats > 1 ? ` (${repeat + 1}/${repeats})` : ''}`;
  return name.length <= MAX_NAME ? name : `${name.slice(0, MAX_NAME - 1)}…`;
}
