// SQLite index over run logs, for queries the logs answer slowly (lists, leaderboards, pages of
// matches). It holds nothing the logs don't: any tournament can be dropped and reindexed.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import {
  CampaignCell,
  CampaignDetail,
  type CampaignRecord,
  type CampaignSummary,
  EditRow,
  type Event,
  type EventOf,
  MatchRow,
  type PlayerInfo,
  RoundResult,
  RoundRow,
  TournamentRecord,
  TournamentSummary,
} from '@codearena/protocol';
import { prepare } from './index-statements.ts';
import type {
  CampaignCellDbRow,
  EditDbRow,
  MatchDbRow,
  PlayerDbRow,
  RoundDbRow,
  Statements,
  TournamentDbRow,
} from './index-statements.ts';
import { RunFolder } from './run-folder.ts';
import { leaseState } from './run-lease.ts';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.ts';

/** A page of a tournament's matches. */
export interface MatchQuery {
  round?: number;
  /** default 100 */
  limit?: number;
  offset?: number;
}

export const DEFAULT_INDEX_PATH = 'runs/codearena.sqlite';

export class StoreIndex {
  readonly path: string;
  private readonly db: Database.Database;
  private readonly q: Statements;

  /** Opens or creates the index; ":memory:" works for throwaway use. */
  constructor(path: string = DEFAULT_INDEX_PATH) {
    this.path = path;
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    this.db = new Database(path);
    // WAL lets the web server read while a tournament writes; NORMAL sync is safe with WAL and
    // losing the last commits on power loss is harmless because the logs can rebuild them.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db, path);
    this.q = prepare(this.db);
  }

  /**
   * Applies one event. Idempotent: rows are keyed on natural keys and each event only writes
   * the columns it owns, so replaying any event, in any number, leaves the same index.
   * `tournament.started` also reads `<runDir>/config.json` when present.
   */
  ingest(event: Event): void {
    this.apply(event, event.type === 'tournament.started' ? new RunFolder(event.runDir).configJson() : null);
  }

  /** Applies many events in one transaction (much faster than one commit per event). */
  ingestMany(events: Iterable<Event>): void {
    this.db.transaction(() => {
      for (const e of events) this.ingest(e);
    })();
  }

  /**
   * Rebuilds the index rows of the tournament(s) logged in `runDir`: deletes them, then ingests
   * the whole log, in one transaction. Returns the number of events read.
   */
  reindex(runDir: string): number {
    const folder = new RunFolder(runDir);
    const events = folder.readEvents();
    const config = folder.configJson();
    const ids = new Set(events.map((e) => e.tournamentId));
    this.db.transaction(() => {
      for (const id of ids) this.deleteRows(id);
      for (const e of events) this.apply(e, e.type === 'tournament.started' ? config : null);
    })();
    return events.length;
  }

  /** Removes every row of a tournament (its run directory is untouched). */
  removeTournament(id: string): void {
    this.db.transaction(() => this.deleteRows(id))();
  }

  listTournaments(): TournamentSummary[] {
    return (this.q.listTournaments.all() as TournamentDbRow[]).map(toSummary);
  }

  getTournament(id: string): TournamentRecord | undefined {
    const row = this.q.getTournament.get(id) as TournamentDbRow | undefined;
    if (row === undefined) return undefined;
    const ratings = new Map<number, Record<string, number>>();
    for (const r of this.q.ratingsOf.all(id) as { round: number; player: string; rating: number }[]) {
      const forRound = ratings.get(r.round) ?? {};
      forRound[r.player] = r.rating;
      ratings.set(r.round, forRound);
    }
    const rounds = (this.q.roundsOf.all(id) as RoundDbRow[]).map((r) =>
      RoundRow.parse({
        round: r.round,
        winner: r.winner,
        simWins: JSON.parse(r.sim_wins_json),
        ties: r.ties,
        sims: r.sims,
        forfeited: JSON.parse(r.forfeited_json),
        ratings: ratings.get(r.round) ?? {},
      }),
    );
    return TournamentRecord.parse({
      ...toSummary(row),
      config: row.config_json === null ? null : (JSON.parse(row.config_json) as unknown),
      players: (this.q.playersOf.all(id) as PlayerDbRow[]).map(toPlayer),
      rounds,
    });
  }

  /** Every finished round, oldest tournament first, with the tournament's players (of one arena
   *  and/or one campaign when asked). */
  roundResults(filter: { arena?: string; campaign?: string } = {}): RoundResult[] {
    const arena = filter.arena ?? null;
    const campaign = filter.campaign ?? null;
    const players = new Map<string, PlayerInfo[]>();
    for (const p of this.q.allPlayers.all({ arena, campaign }) as PlayerDbRow[]) {
      const list = players.get(p.tournament_id) ?? [];
      list.push(toPlayer(p));
      players.set(p.tournament_id, list);
    }
    return (this.q.roundResults.all({ arena, campaign }) as (RoundDbRow & { arena: string })[]).map((r) =>
      RoundResult.parse({
        tournamentId: r.tournament_id,
        arena: r.arena,
        round: r.round,
        simWins: JSON.parse(r.sim_wins_json),
        players: players.get(r.tournament_id) ?? [],
      }),
    );
  }

  /** A page of a tournament's matches in play order (round, then sim). */
  matches(tournamentId: string, query: MatchQuery = {}): MatchRow[] {
    const params = {
      id: tournamentId,
      round: query.round ?? null,
      limit: query.limit ?? 100,
      offset: query.offset ?? 0,
    };
    return (this.q.matches.all(params) as MatchDbRow[]).map(toMatch);
  }

  /** One match by id, or undefined. */
  match(tournamentId: string, matchId: string): MatchRow | undefined {
    const row = this.q.match.get({ id: tournamentId, match: matchId }) as MatchDbRow | undefined;
    return row && toMatch(row);
  }

  edits(tournamentId: string): EditRow[] {
    return (this.q.edits.all(tournamentId) as EditDbRow[]).map((e) =>
      EditRow.parse({
        round: e.round,
        player: e.player,
        exit: e.exit,
        steps: e.steps,
        costUsd: e.cost_usd,
        ms: e.ms,
        commit: e.commit,
        files: e.files,
        insertions: e.insertions,
        deletions: e.deletions,
      }),
    );
  }

  /** Records a campaign's matrix (idempotent): its tournaments show as queued until they begin. */
  registerCampaign(record: CampaignRecord): void {
    this.db.transaction(() => {
      this.q.campaign.run({ name: record.name, at: record.createdAt });
      for (const j of record.jobs)
        this.q.campaignJob.run({
          campaign: record.name,
          idx: j.index,
          runId: j.runId,
          arena: j.arena,
          players: JSON.stringify(j.players),
          repeat: j.repeat,
        });
    })();
  }

  campaigns(): CampaignSummary[] {
    return (this.q.listCampaigns.all() as { name: string }[]).map((c) => {
      const { cells: _cells, ...summary } = this.campaign(c.name)!;
      return summary;
    });
  }

  /** A campaign with every cell of its matrix, or undefined when none has that name. */
  campaign(name: string): CampaignDetail | undefined {
    const row = this.q.getCampaign.get(name) as { name: string; created_at: number } | undefined;
    if (!row) return undefined;
    const cells = (this.q.campaignCells.all(name) as CampaignCellDbRow[]).map((c) =>
      CampaignCell.parse({
        index: c.idx,
        runId: c.run_id,
        arena: c.arena,
        players: JSON.parse(c.players_json),
        repeat: c.repeat,
        status: c.id === null ? 'queued' : statusOf({ status: c.status!, run_dir: c.run_dir! }),
        winner: c.winner,
        roundsDone: c.rounds_done,
        totalRounds: c.rounds ?? 0,
      }),
    );
    const count = (s: CampaignCell['status']) => cells.filter((c) => c.status === s).length;
    return CampaignDetail.parse({
      name,
      createdAt: row.created_at,
      tournaments: cells.length,
      counts: {
        queued: count('queued'),
        running: count('running'),
        interrupted: count('interrupted'),
        finished: count('finished'),
        aborted: count('aborted'),
      },
      cells,
    });
  }

  close(): void {
    this.db.close();
  }

  private deleteRows(id: string): void {
    for (const del of this.q.deletes) del.run(id);
  }

  private apply(e: Event, configJson: string | null): void {
    const q = this.q;
    const id = e.tournamentId;
    switch (e.type) {
      case 'tournament.started':
        startTournament(q, e, configJson);
        return;
      case 'edit.finished':
        q.edit.run({
          id,
          round: e.round,
          player: e.player,
          exit: e.exit,
          steps: e.steps,
          cost: e.costUsd,
          ms: e.ms,
          commit: e.commit,
          files: e.diff.files,
          ins: e.diff.insertions,
          del: e.diff.deletions,
        });
        return;
      case 'match.started':
        q.matchStarted.run({
          id,
          match: e.matchId,
          round: e.round,
          sim: e.sim,
          seed: e.seed,
          players: JSON.stringify(e.players),
        });
        return;
      case 'match.finished':
        q.matchFinished.run({
          id,
          match: e.matchId,
          round: e.round,
          sim: e.sim,
          seed: e.seed,
          players: JSON.stringify(e.players),
          ranks: JSON.stringify(e.ranks),
          winner: e.winner,
          turns: e.turns,
          reason: e.reason,
          faults: JSON.stringify(e.faults),
          replay: e.replay,
          ms: e.ms,
        });
        return;
      case 'round.finished':
        q.round.run({
          id,
          round: e.round,
          winner: e.winner,
          wins: JSON.stringify(e.simWins),
          ties: e.ties,
          sims: e.sims,
          forfeited: JSON.stringify(e.forfeited),
        });
        return;
      case 'rating.updated':
        for (const [player, rating] of Object.entries(e.ratings)) q.rating.run({ id, round: e.round, player, rating });
        return;
      case 'tournament.finished':
        q.finish.run({ id, status: e.status, at: e.ts, winner: e.winner });
        return;
      case 'tournament.resumed':
        q.resume.run({ id, at: e.ts });
        return;
      // The log holds these; nothing queried needs them indexed.
      case 'round.started':
      case 'edit.step':
      case 'validation':
      case 'match.frame':
      case 'fault':
        return;
    }
  }
}

function startTournament(q: Statements, e: EventOf<'tournament.started'>, configJson: string | null): void {
  q.start.run({
    id: e.tournamentId,
    name: e.name,
    arena: e.arena,
    seed: e.seed,
    rounds: e.rounds,
    at: e.ts,
    runDir: e.runDir,
    config: configJson,
    campaign: e.campaign ?? null,
  });
  for (const p of e.players) q.player.run({ id: e.tournamentId, name: p.name, agent: p.agent, model: p.model });
}

function migrate(db: Database.Database, path: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new Error(
      `index ${path} has schema version ${version}, newer than this codearena understands (${SCHEMA_VERSION}); ` +
        'use a newer codearena, or delete the file and reindex the runs',
    );
  }
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    for (const step of MIGRATIONS.slice(version)) db.exec(step);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

const toPlayer = (p: PlayerDbRow): PlayerInfo => ({ name: p.name, agent: p.agent, model: p.model });

/**
 * The log says `running` until `tournament.finished`; whether a process still runs it is told by
 * its run folder's lease, at read time, so the index stays a function of the log alone.
 */
const statusOf = (r: Pick<TournamentDbRow, 'status' | 'run_dir'>): string =>
  r.status === 'running' && leaseState(new RunFolder(r.run_dir)) !== 'held' ? 'interrupted' : r.status;

function toSummary(r: TournamentDbRow): TournamentSummary {
  return TournamentSummary.parse({
    id: r.id,
    name: r.name,
    arena: r.arena,
    status: statusOf(r),
    seed: r.seed,
    totalRounds: r.rounds,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    winner: r.winner,
    runDir: r.run_dir,
    campaign: r.campaign,
  });
}

function toMatch(m: MatchDbRow): MatchRow {
  return MatchRow.parse({
    matchId: m.match_id,
    round: m.round,
    sim: m.sim,
    seed: m.seed,
    players: JSON.parse(m.players_json),
    ranks: m.ranks_json === null ? null : JSON.parse(m.ranks_json),
    winner: m.winner,
    turns: m.turns,
    reason: m.reason,
    faults: m.faults_json === null ? [] : JSON.parse(m.faults_json),
    replay: m.replay,
    ms: m.ms,
  });
}
