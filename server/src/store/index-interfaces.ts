// What a tournament writes to an index and what readers (CLI, gateway) read from one, whichever
// database holds it: StoreIndex (SQLite, synchronous) or PgIndex (PostgreSQL, asynchronous).
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
import type { StoreIndex } from './index-db.ts';
import type { MatchQuery } from './index-sql.ts';

/** Called from the bus's synchronous listener: must neither block for long nor throw. */
export interface IndexSink {
  ingest(event: Event): void;
  /** Rebuilds the rows of the run logged in `runDir` from its log. */
  reindex(runDir: string): void;
}

export interface IndexReader {
  listTournaments(): Promise<TournamentSummary[]>;
  getTournament(id: string): Promise<TournamentRecord | undefined>;
  roundResults(filter?: { arena?: string; campaign?: string }): Promise<RoundResult[]>;
  matches(tournamentId: string, query?: MatchQuery): Promise<MatchRow[]>;
  match(tournamentId: string, matchId: string): Promise<MatchRow | undefined>;
  edits(tournamentId: string): Promise<EditRow[]>;
  campaigns(): Promise<CampaignSummary[]>;
  campaign(name: string): Promise<CampaignDetail | undefined>;
}

/** An index opened by `openIndex`: readable, writable, and closed when done. */
export interface OpenIndex extends IndexSink, IndexReader {
  /** Where it is, safe to print (a path, or the URL without its password). */
  readonly where: string;
  /** Records a campaign's matrix (idempotent). */
  registerCampaign(record: CampaignRecord): Promise<void>;
  /** Resolves when every write queued so far is done (or has failed and been reported). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** The SQLite index behind the asynchronous interfaces. */
export class SqliteIndex implements OpenIndex {
  readonly where: string;
  constructor(readonly store: StoreIndex) {
    this.where = store.path;
  }
  ingest(event: Event): void {
    this.store.ingest(event);
  }
  reindex(runDir: string): void {
    this.store.reindex(runDir);
  }
  listTournaments = async () => this.store.listTournaments();
  getTournament = async (id: string) => this.store.getTournament(id);
  roundResults = async (filter?: { arena?: string; campaign?: string }) => this.store.roundResults(filter);
  matches = async (id: string, query?: MatchQuery) => this.store.matches(id, query);
  match = async (id: string, matchId: string) => this.store.match(id, matchId);
  edits = async (id: string) => this.store.edits(id);
  campaigns = async () => this.store.campaigns();
  campaign = async (name: string) => this.store.campaign(name);
  registerCampaign = async (record: CampaignRecord): Promise<void> => this.store.registerCampaign(record);
  flush = async (): Promise<void> => {};
  close = async (): Promise<void> => this.store.close();
}
