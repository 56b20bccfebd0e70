// SQLite index over run logs, for queries the logs answer slowly (lists, leaderboards, pages of
// matches). It holds nothing the logs don't: any tournament can be dropped and reindexed.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type {
  CampaignDetail,
  CampaignRecord,
  CampaignSummary,
  EditRow,
  Event,
  MatchRow,
  RoundResult,
  TournamentRecord,
  TournamentSummary,
} from '@codearena/protocol';
import type {
  CampaignCellDbRow,
  CampaignDbRow,
  EditDbRow,
  MatchDbRow,
  PlayerDbRow,
  RatingDbRow,
  RoundDbRow,
  TournamentDbRow,
} from './index-rows.ts';
import { toCampaign, toCampaignSummary, toEdit, toMatch, toRecord, toRoundResults, toSummary } from './index-rows.ts';
import { type MatchQuery, type Write, campaignWrites, eventWrites, matchPage } from './index-sql.ts';
import { type Statements, prepare } from './index-statements.ts';
import { RunFolder } from './run-folder.ts';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.ts';

export type { MatchQuery } from './index-sql.ts';

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
    return (this.q.reads.listTournaments.all() as TournamentDbRow[]).map(toSummary);
  }

  getTournament(id: string): TournamentRecord | undefined {
    const r = this.q.reads;
    const row = r.getTournament.get({ id }) as TournamentDbRow | undefined;
    if (row === undefined) return undefined;
    return toRecord(
      row,
      r.playersOf.all({ id }) as PlayerDbRow[],
      r.roundsOf.all({ id }) as RoundDbRow[],
      r.ratingsOf.all({ id }) as RatingDbRow[],
    );
  }

  /** Every finished round, oldest tournament first, with the tournament's players (of one arena
   *  and/or one campaign when asked). */
  roundResults(filter: { arena?: string; campaign?: string } = {}): RoundResult[] {
    const p = { arena: filter.arena ?? null, campaign: filter.campaign ?? null };
    return toRoundResults(
      this.q.reads.allPlayers.all(p) as PlayerDbRow[],
      this.q.reads.roundResults.all(p) as (RoundDbRow & { arena: string })[],
    );
  }

  /** A page of a tournament's matches in play order (round, then sim). */
  matches(tournamentId: string, query: MatchQuery = {}): MatchRow[] {
    return (this.q.reads.matches.all(matchPage(tournamentId, query)) as MatchDbRow[]).map(toMatch);
  }

  /** One match by id, or undefined. */
  match(tournamentId: string, matchId: string): MatchRow | undefined {
    const row = this.q.reads.match.get({ id: tournamentId, match: matchId }) as MatchDbRow | undefined;
    return row && toMatch(row);
  }

  edits(tournamentId: string): EditRow[] {
    return (this.q.reads.edits.all({ id: tournamentId }) as EditDbRow[]).map(toEdit);
  }

  /** Records a campaign's matrix (idempotent): its tournaments show as queued until they begin. */
  registerCampaign(record: CampaignRecord): void {
    this.db.transaction(() => this.run(campaignWrites(record)))();
  }

  campaigns(): CampaignSummary[] {
    return (this.q.reads.listCampaigns.all() as CampaignDbRow[]).map((c) => toCampaignSummary(this.campaign(c.name)!));
  }

  /** A campaign with every cell of its matrix, or undefined when none has that name. */
  campaign(name: string): CampaignDetail | undefined {
    const row = this.q.reads.getCampaign.get({ name }) as CampaignDbRow | undefined;
    return row && toCampaign(row, this.q.reads.campaignCells.all({ name }) as CampaignCellDbRow[]);
  }

  close(): void {
    this.db.close();
  }

  private deleteRows(id: string): void {
    for (const del of this.q.deletes) del.run({ id });
  }

  private apply(e: Event, configJson: string | null): void {
    this.run(eventWrites(e, configJson));
  }

  private run(writes: readonly Write[]): void {
    for (const w of writes) this.q.writes[w.write].run(w.row);
  }
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
