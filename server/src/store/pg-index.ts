// The index in PostgreSQL, so every worker's tournaments land in one place that `serve` and
// `leaderboard` read live. Same statements (index-sql.ts) and rows (index-rows.ts) as the SQLite
// index. Writes come from the bus's synchronous listener: they are queued in order and run on
// one connection at a time, in batches of one transaction; a failed write is reported once and
// never thrown into the tournament, because the run folder is the truth and a reindex (or
// `codearena run --resume`) rebuilds the rows from it.
import pg from 'pg';
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
import { connectionError, inTransaction, openQueuePool, redactUrl } from '../campaign/queue-db.ts';
import { UsageError } from '../cli/preflight.ts';
import type { OpenIndex } from './index-interfaces.ts';
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
import {
  DELETES,
  type MatchQuery,
  READS,
  type ReadName,
  type Row,
  WRITES,
  type Write,
  campaignWrites,
  eventWrites,
  matchPage,
} from './index-sql.ts';
import { PG_INDEX_SCHEMA, PG_MIGRATIONS, PG_SCHEMA_VERSION } from './pg-schema.ts';
import { RunFolder } from './run-folder.ts';

/** Events written per transaction at most (a reindex of a large run is one task of its own). */
const BATCH = 500;

/** `@name` parameters become `$1…` in order of first use; the same name binds the same `$n`. */
function bindable(sql: string): { text: string; names: string[] } {
  const names: string[] = [];
  const text = sql.replace(/@(\w+)/g, (_, name: string) => {
    const at = names.indexOf(name);
    if (at >= 0) return `$${at + 1}`;
    names.push(name);
    return `$${names.length}`;
  });
  return { text, names };
}

const statements = new Map<string, { name: string; text: string; names: string[] }>();
/** A named (server-side prepared) query for one of the shared statements. */
function query(key: string, sql: string, row: Row): pg.QueryConfig {
  let s = statements.get(key);
  if (!s) statements.set(key, (s = { name: `codearena_index_${key}`, ...bindable(sql) }));
  const values = s.names.map((n) => {
    if (!(n in row)) throw new Error(`index statement ${key} needs parameter @${n}`);
    return row[n];
  });
  return { name: s.name, text: s.text, values };
}

// bigint columns (seed) and COUNT(*) come back as strings by default; every value the index
// holds fits a double.
const INT8 = 20;
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as never,
};

type Task = { kind: 'writes'; writes: Write[] } | { kind: 'reindex'; ids: string[]; writes: Write[] };

export class PgIndex implements OpenIndex {
  readonly where: string;
  private readonly pending: Task[] = [];
  private draining: Promise<void> | null = null;
  private failures = 0;

  private constructor(
    private readonly pool: pg.Pool,
    url: string,
  ) {
    this.where = redactUrl(url);
  }

  /**
   * Connects and checks the schema. `create` (what writers pass) migrates an empty or older
   * database; without it (readers) a database holding no index is an error naming the fix.
   * Connection and schema problems are UsageErrors with exit code 3.
   */
  static async open(url: string, o: { create: boolean }): Promise<PgIndex> {
    const pool = await openQueuePool(url, 4, { options: `-c search_path=${PG_INDEX_SCHEMA}`, types });
    try {
      await migrate(pool, url, o.create);
    } catch (e) {
      await pool.end();
      throw e instanceof UsageError ? e : connectionError(e, url);
    }
    return new PgIndex(pool, url);
  }

  /** Queues the event's writes; `tournament.started` reads the run's config.json now, as SQLite does. */
  ingest(event: Event): void {
    try {
      const config = event.type === 'tournament.started' ? new RunFolder(event.runDir).configJson() : null;
      this.enqueue({ kind: 'writes', writes: eventWrites(event, config) });
    } catch (e) {
      this.report(e);
    }
  }

  /** Reads the log now; deletes the run's rows and writes them again in one transaction, in turn. */
  reindex(runDir: string): void {
    try {
      const folder = new RunFolder(runDir);
      const events = folder.readEvents();
      const config = folder.configJson();
      this.enqueue({
        kind: 'reindex',
        ids: [...new Set(events.map((e) => e.tournamentId))],
        writes: events.flatMap((e) => eventWrites(e, e.type === 'tournament.started' ? config : null)),
      });
    } catch (e) {
      this.report(e);
    }
  }

  /** Records a campaign's matrix (idempotent), after the writes queued before it. */
  async registerCampaign(record: CampaignRecord): Promise<void> {
    await this.flush();
    await inTransaction(this.pool, async (c) => {
      for (const w of campaignWrites(record)) await c.query(query(w.write, WRITES[w.write], w.row));
    });
  }

  flush(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  async close(): Promise<void> {
    await this.flush();
    await this.pool.end();
  }

  async listTournaments(): Promise<TournamentSummary[]> {
    return (await this.read<TournamentDbRow>('listTournaments')).map(toSummary);
  }

  async getTournament(id: string): Promise<TournamentRecord | undefined> {
    const [row] = await this.read<TournamentDbRow>('getTournament', { id });
    if (!row) return undefined;
    const [players, rounds, ratings] = await Promise.all([
      this.read<PlayerDbRow>('playersOf', { id }),
      this.read<RoundDbRow>('roundsOf', { id }),
      this.read<RatingDbRow>('ratingsOf', { id }),
    ]);
    return toRecord(row, players, rounds, ratings);
  }

  async roundResults(filter: { arena?: string; campaign?: string } = {}): Promise<RoundResult[]> {
    const p = { arena: filter.arena ?? null, campaign: filter.campaign ?? null };
    const [players, rounds] = await Promise.all([
      this.read<PlayerDbRow>('allPlayers', p),
      this.read<RoundDbRow & { arena: string }>('roundResults', p),
    ]);
    return toRoundResults(players, rounds);
  }

  async matches(tournamentId: string, q: MatchQuery = {}): Promise<MatchRow[]> {
    return (await this.read<MatchDbRow>('matches', matchPage(tournamentId, q))).map(toMatch);
  }

  async match(tournamentId: string, matchId: string): Promise<MatchRow | undefined> {
    const [row] = await this.read<MatchDbRow>('match', { id: tournamentId, match: matchId });
    return row && toMatch(row);
  }

  async edits(tournamentId: string): Promise<EditRow[]> {
    return (await this.read<EditDbRow>('edits', { id: tournamentId })).map(toEdit);
  }

  async campaigns(): Promise<CampaignSummary[]> {
    const rows = await this.read<CampaignDbRow>('listCampaigns');
    const details = await Promise.all(rows.map((c) => this.campaign(c.name)));
    return details.flatMap((d) => (d ? [toCampaignSummary(d)] : []));
  }

  async campaign(name: string): Promise<CampaignDetail | undefined> {
    const [row] = await this.read<CampaignDbRow>('getCampaign', { name });
    return row && toCampaign(row, await this.read<CampaignCellDbRow>('campaignCells', { name }));
  }

  /** Reads see this index's own queued writes (read-your-writes), then query the pool. */
  private async read<R>(key: ReadName, row: Row = {}): Promise<R[]> {
    await this.flush();
    return (await this.pool.query(query(key, READS[key], row))).rows as R[];
  }

  private enqueue(task: Task): void {
    this.pending.push(task);
    this.draining ??= this.drain();
  }

  private async drain(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending.splice(0, BATCH);
      try {
        await inTransaction(this.pool, async (c) => {
          for (const t of batch) {
            if (t.kind === 'reindex')
              for (const id of t.ids)
                for (const [i, sql] of DELETES.entries()) await c.query(query(`delete${i}`, sql, { id }));
            for (const w of t.writes) await c.query(query(w.write, WRITES[w.write], w.row));
          }
        });
      } catch (e) {
        this.report(e);
      }
    }
    this.draining = null;
  }

  /** The first failure is told (its cause and what rebuilds the index); later ones are counted. */
  private report(e: unknown): void {
    if (this.failures++ > 0) return;
    process.stderr.write(
      `codearena: could not write the index at ${this.where} (${(e as Error).message ?? String(e)}); ` +
        'the tournament goes on and its run folder keeps every event: `codearena run --resume <id>` ' +
        'or a reindex rebuilds the index rows\n',
    );
  }

  /** Writes that failed since opening (each batch counts once). */
  get failedWrites(): number {
    return this.failures;
  }
}

/** Brings the index schema to this version, one migrator at a time; refuses a newer one. */
async function migrate(pool: pg.Pool, url: string, create: boolean): Promise<void> {
  await inTransaction(pool, async (c) => {
    await c.query(`SELECT pg_advisory_xact_lock(hashtext('codearena_index_schema'))`);
    const { rows } = await c.query<{ t: string | null }>(`SELECT to_regclass('${PG_INDEX_SCHEMA}.meta')::text AS t`);
    let version = 0;
    if (rows[0]?.t) version = Number((await c.query<{ version: number }>(`SELECT version FROM meta`)).rows[0]?.version);
    if (version > PG_SCHEMA_VERSION)
      throw new UsageError(
        `the index in ${redactUrl(url)} has schema version ${version}, newer than this codearena understands (${PG_SCHEMA_VERSION}); use a newer codearena`,
        3,
      );
    if (version === PG_SCHEMA_VERSION) return;
    if (!create)
      throw new UsageError(
        version === 0
          ? `no codearena index in ${redactUrl(url)} (no ${PG_INDEX_SCHEMA} schema): point workers or \`codearena run\` at it with --store first, or check the URL's database name`
          : `the index in ${redactUrl(url)} has schema version ${version}, older than this codearena's (${PG_SCHEMA_VERSION}); run a worker or \`codearena run --store URL\` of this version to migrate it`,
        3,
      );
    await c.query(`CREATE SCHEMA IF NOT EXISTS ${PG_INDEX_SCHEMA}`);
    await c.query(`CREATE TABLE IF NOT EXISTS meta (version integer NOT NULL)`);
    for (const step of PG_MIGRATIONS.slice(version)) await c.query(step);
    await c.query(`DELETE FROM meta`);
    await c.query(`INSERT INTO meta (version) VALUES ($1)`, [PG_SCHEMA_VERSION]);
  });
}
