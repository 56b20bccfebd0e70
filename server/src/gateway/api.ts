// The JSON HTTP API over the store and the run folders (GET only; see README "Web view").
import { existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import {
  type ArenaInfo,
  type CampaignDetail,
  type CampaignList,
  CampaignName,
  GroupBy,
  MatchId,
  type MatchPage,
  PlayerName,
  type TournamentDetail,
  TournamentId,
  type TournamentList,
  TournamentStatus,
  type TrajectoryPayload,
} from '@codearena/protocol';
import { arenaIds, getArena } from '../arenas.ts';
import type { IndexReader } from '../store/index-interfaces.ts';
import { RunFolder } from '../store/run-folder.ts';
import type { FeedRegistry } from './feed-registry.ts';
import { HttpError, parseInput, pipeFile, sendJson } from './http-util.ts';
import { LadderService } from './ladder-api.ts';
import { LeaderboardService } from './leaderboard-api.ts';

const DIFF_LIMIT = 512 * 1024;
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const ListQuery = z.object({
  offset: int(0, 1e9).default(0),
  limit: int(1, 500).default(50),
  status: TournamentStatus.optional(),
  arena: z.string().min(1).max(64).optional(),
});
const MatchQuery = z.object({
  round: int(0, 1e6).optional(),
  offset: int(0, 1e9).default(0),
  limit: int(1, 1000).default(100),
});
const EventsQuery = z.object({
  since: int(-1, Number.MAX_SAFE_INTEGER).default(-1),
  limit: int(1, 10_000).default(1000),
});
const LeaderboardQuery = z.object({
  by: GroupBy.default('player'),
  arena: z.string().min(1).max(64).optional(),
  campaign: z.string().min(1).max(200).optional(),
});
const PlayerRound = z.object({ id: TournamentId, player: PlayerName, round: int(0, 1e6) });

type Params = Record<string, string>;
type Handler = (p: Params, q: Params, res: ServerResponse) => void | Promise<void>;

export function createApi(o: { store: IndexReader; registry: FeedRegistry; ladders?: string | null }) {
  const { store, registry } = o;
  const leaderboard = new LeaderboardService(store);
  const ladders = new LadderService(o.ladders ?? null);

  const tournament = async (id: string): Promise<TournamentDetail> => {
    const t = await store.getTournament(parseInput(TournamentId, id, 'tournament id'));
    if (!t) throw new HttpError(404, `no tournament ${id}; GET /api/tournaments lists them`);
    return { ...t, edits: await store.edits(t.id) };
  };

  const routes: [RegExp, string[], Handler][] = [];
  const route = (pattern: string, h: Handler) => {
    const names: string[] = [];
    const re = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, n: string) => (names.push(n), '([^/]+)'))}/?$`);
    routes.push([re, names, h]);
  };

  route('/api/health', async (_p, _q, res) =>
    sendJson(res, 200, {
      ok: true,
      live: (await store.listTournaments()).filter((t) => registry.isLive(t.id)).map((t) => t.id),
    }),
  );

  route('/api/arenas', (_p, _q, res) => {
    const arenas: ArenaInfo[] = arenaIds().map((id) => {
      const m = getArena(id).arena.manifest;
      return { id, name: m.name, description: m.description, players: m.players };
    });
    sendJson(res, 200, { arenas });
  });

  route('/api/tournaments', async (_p, q, res) => {
    const query = parseInput(ListQuery, q, 'query');
    const all = (await store.listTournaments()).filter(
      (t) => (!query.status || t.status === query.status) && (!query.arena || t.arena === query.arena),
    );
    const page = all.slice(query.offset, query.offset + query.limit);
    const body: TournamentList = {
      total: all.length,
      offset: query.offset,
      limit: query.limit,
      tournaments: await Promise.all(
        page.map(async (s) => {
          const d = await store.getTournament(s.id);
          const roundWins: Record<string, number> = {};
          for (const p of d?.players ?? []) roundWins[p.name] = 0;
          for (const r of d?.rounds ?? [])
            if (r.round > 0 && r.winner) roundWins[r.winner] = (roundWins[r.winner] ?? 0) + 1;
          return { ...s, players: d?.players ?? [], roundsDone: d?.rounds.length ?? 0, roundWins };
        }),
      ),
    };
    sendJson(res, 200, body);
  });

  route('/api/tournaments/:id', async (p, _q, res) => sendJson(res, 200, await tournament(p.id!)));

  route('/api/tournaments/:id/matches', async (p, q, res) => {
    const t = await tournament(p.id!);
    const query = parseInput(MatchQuery, q, 'query');
    const rows = await store.matches(t.id, {
      ...(query.round !== undefined ? { round: query.round } : {}),
      offset: query.offset,
      limit: query.limit + 1,
    });
    const body: MatchPage = {
      matches: rows.slice(0, query.limit),
      offset: query.offset,
      limit: query.limit,
      hasMore: rows.length > query.limit,
    };
    sendJson(res, 200, body);
  });

  route('/api/tournaments/:id/matches/:matchId/replay', async (p, _q, res) => {
    const t = await tournament(p.id!);
    const matchId = parseInput(MatchId, p.matchId, 'match id');
    const row = await store.match(t.id, matchId);
    if (!row) throw new HttpError(404, `no match ${matchId} in ${t.id}`);
    if (!row.replay) throw new HttpError(404, `match ${matchId} has not finished yet; watch it live instead`);
    // The path comes from the run folder's layout (round and sim are data), not from the log.
    const file = new RunFolder(t.runDir).replay(row);
    if (!existsSync(file)) throw new HttpError(404, `the replay of ${matchId} is missing from the run folder`);
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': statSync(file).size,
      // A finished match's replay never changes.
      'Cache-Control': 'private, max-age=86400, immutable',
    });
    if (res.req.method === 'HEAD') res.end();
    else pipeFile(file, res);
  });

  route('/api/tournaments/:id/events', async (p, q, res) => {
    const t = await tournament(p.id!);
    const query = parseInput(EventsQuery, q, 'query');
    const feed = await registry.acquire(t.id);
    if (!feed) throw new HttpError(404, `no tournament ${t.id}`);
    try {
      const all = feed.since(query.since);
      const events = all.slice(0, query.limit);
      sendJson(res, 200, { events, lastSeq: feed.lastSeq(), hasMore: all.length > events.length });
    } finally {
      registry.release(feed);
    }
  });

  route('/api/tournaments/:id/players/:player/rounds/:round/diff', async (p, _q, res) => {
    const { id, player, round } = parseInput(PlayerRound, p, 'path');
    const t = await tournament(id);
    requirePlayer(t, player);
    const body = new RunFolder(t.runDir).readDiff(player, round, DIFF_LIMIT);
    if (!body)
      throw new HttpError(404, `no diff for ${player} in round ${round} (round 0 and unplayed rounds have none)`);
    sendJson(res, 200, body);
  });

  route('/api/tournaments/:id/players/:player/rounds/:round/trajectory', async (p, _q, res) => {
    const { id, player, round } = parseInput(PlayerRound, p, 'path');
    const t = await tournament(id);
    requirePlayer(t, player);
    const steps = new RunFolder(t.runDir).readTrajectory(player, round);
    sendJson(res, 200, { player, round, steps } satisfies TrajectoryPayload);
  });

  route('/api/campaigns', async (_p, _q, res) =>
    sendJson(res, 200, { campaigns: await store.campaigns() } satisfies CampaignList),
  );

  route('/api/campaigns/:name', async (p, _q, res) => {
    const name = parseInput(CampaignName, p.name, 'campaign name');
    const c: CampaignDetail | undefined = await store.campaign(name);
    if (!c) {
      const known = (await store.campaigns()).map((k) => k.name);
      const hint = known.length
        ? `known campaigns: ${known.sort().join(', ')}`
        : 'no campaign has been run yet (codearena campaign run <spec>)';
      throw new HttpError(404, `no campaign "${name}"; ${hint}`);
    }
    sendJson(res, 200, c);
  });

  route('/api/leaderboard', async (_p, q, res) => {
    const query = parseInput(LeaderboardQuery, q, 'query');
    const arena = query.arena ?? null;
    sendJson(
      res,
      200,
      query.campaign
        ? await leaderboard.campaign(query.campaign, query.by, arena)
        : await leaderboard.get(query.by, arena),
    );
  });

  route('/api/ladders', (_p, _q, res) => sendJson(res, 200, ladders.list()));

  route('/api/ladders/:name', (p, _q, res) => sendJson(res, 200, ladders.get(p.name!)));

  return function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): void | Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new HttpError(405, `${req.method} is not allowed: the API is read-only (GET)`);
    }
    for (const [re, names, h] of routes) {
      const m = re.exec(url.pathname);
      if (!m) continue;
      const params: Params = {};
      names.forEach((n, i) => {
        try {
          params[n] = decodeURIComponent(m[i + 1]!);
        } catch {
          throw new HttpError(400, `bad URL encoding in ${n}`);
        }
      });
      return h(params, Object.fromEntries(url.searchParams), res);
    }
    throw new HttpError(404, `no API route ${url.pathname}; see README "Web view" for the routes`);
  };
}

function requirePlayer(t: TournamentDetail, player: string): void {
  if (!t.players.some((p) => p.name === player)) {
    throw new HttpError(404, `no player ${player} in ${t.id}; players: ${t.players.map((p) => p.name).join(', ')}`);
  }
}
