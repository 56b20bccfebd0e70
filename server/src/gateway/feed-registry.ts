// One feed per tournament being watched: the live feed of a tournament running in this process,
// or a log-tailing feed opened on demand and closed a while after its last viewer leaves.
import type { IndexReader } from '../store/index-interfaces.ts';
import { Feed, LiveFeed, TailFeed } from './feeds.ts';

const IDLE_CLOSE_MS = 30_000;

export class FeedRegistry {
  private readonly live = new Map<string, LiveFeed>();
  private readonly tails = new Map<string, { feed: TailFeed; users: number; idle: NodeJS.Timeout | null }>();

  constructor(
    private readonly store: IndexReader,
    private readonly pollMs = 250,
  ) {}

  /** Registers a tournament of this process before it starts; its bus feeds `accept`. */
  createLive(tournamentId: string): LiveFeed {
    const feed = new LiveFeed(tournamentId);
    this.live.set(tournamentId, feed);
    this.dropTail(tournamentId);
    return feed;
  }

  /** The feed of a tournament, or undefined when the store does not know it. Call `release` after. */
  async acquire(tournamentId: string): Promise<Feed | undefined> {
    const known = this.live.get(tournamentId) ?? this.tails.get(tournamentId);
    // The run folder is where the index says (with a PostgreSQL index, on storage every worker shares).
    const runDir = known ? null : (await this.store.getTournament(tournamentId))?.runDir;
    // Looked up again: the store may have answered after a live run began or another acquire.
    const live = this.live.get(tournamentId);
    if (live) return live;
    let t = this.tails.get(tournamentId);
    if (!t) {
      if (!runDir) return undefined;
      t = { feed: new TailFeed(tournamentId, runDir, this.pollMs), users: 0, idle: null };
      this.tails.set(tournamentId, t);
    }
    t.users++;
    if (t.idle) clearTimeout(t.idle);
    t.idle = null;
    return t.feed;
  }

  release(feed: Feed): void {
    const t = this.tails.get(feed.tournamentId);
    if (!t || t.feed !== feed) return;
    t.users = Math.max(0, t.users - 1);
    if (t.users === 0 && !t.idle) {
      t.idle = setTimeout(() => this.dropTail(feed.tournamentId), IDLE_CLOSE_MS);
      t.idle.unref();
    }
  }

  isLive(tournamentId: string): boolean {
    return this.live.has(tournamentId);
  }

  close(): void {
    for (const f of this.live.values()) f.close();
    for (const id of [...this.tails.keys()]) this.dropTail(id);
    this.live.clear();
  }

  private dropTail(id: string): void {
    const t = this.tails.get(id);
    if (!t) return;
    if (t.idle) clearTimeout(t.idle);
    t.feed.close();
    this.tails.delete(id);
  }
}
