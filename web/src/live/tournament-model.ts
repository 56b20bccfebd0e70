// A tournament as the viewer knows it: the fold of its durable events, in seq order. Mutable on
// purpose (thousands of matches; views re-render on a version number, not on copies).
import type { Event, EventOf, PlayerInfo, TournamentStatus } from '@codearena/protocol';
import { stoppedPhase } from '../ladder/rung-decision.ts';

export interface EditModel {
  player: string;
  steps: EventOf<'edit.step'>[];
  finished: EventOf<'edit.finished'> | null;
}

export interface RoundModel {
  round: number;
  startedAt: number;
  edits: Map<string, EditModel>;
  validations: Map<string, EventOf<'validation'>>;
  matchIds: string[];
  finished: EventOf<'round.finished'> | null;
  ratings: Record<string, number> | null;
}

export interface MatchModel {
  id: string;
  round: number;
  sim: number;
  seed: number;
  players: string[];
  startedAt: number;
  finished: EventOf<'match.finished'> | null;
}

export type ViewStatus = 'waiting' | 'running' | 'interrupted' | 'finished' | 'aborted';

export class TournamentModel {
  lastSeq = -1;
  started: EventOf<'tournament.started'> | null = null;
  ended: EventOf<'tournament.finished'> | null = null;
  readonly rounds = new Map<number, RoundModel>();
  readonly matches = new Map<string, MatchModel>();
  /** Match ids in start order. */
  readonly matchOrder: string[] = [];
  readonly live = new Set<string>();
  readonly faults: EventOf<'fault'>[] = [];
  /** Live Elo after each rated round. */
  readonly eloHistory: { round: number; ratings: Record<string, number> }[] = [];
  /** Each `codearena run --resume` that took the tournament over, in order. */
  readonly resumes: EventOf<'tournament.resumed'>[] = [];
  roundWins: Record<string, number> = {};
  currentRound: number | null = null;
  lastEventAt = 0;
  /** The server's word that the process running it is gone: events cannot say so (a dead
   *  process logs nothing), so the page passes on the API's status (noteServerStatus). */
  private serverSaysInterrupted = false;

  constructor(readonly id: string) {}

  /** Applies events in seq order; ones already applied are skipped. Returns how many were new. */
  applyAll(events: readonly Event[]): number {
    let n = 0;
    for (const e of events) if (this.apply(e)) n++;
    return n;
  }

  apply(e: Event): boolean {
    if (e.type === 'match.frame' || e.seq <= this.lastSeq) return false;
    this.lastSeq = e.seq;
    this.lastEventAt = e.ts;
    switch (e.type) {
      case 'tournament.started':
        this.started = e;
        this.roundWins = Object.fromEntries(e.players.map((p) => [p.name, 0]));
        break;
      case 'round.started':
        this.rounds.set(e.round, {
          round: e.round,
          startedAt: e.ts,
          edits: new Map(),
          validations: new Map(),
          matchIds: [],
          finished: null,
          ratings: null,
        });
        this.currentRound = e.round;
        break;
      case 'edit.step':
        this.edit(e.round, e.player).steps.push(e);
        break;
      case 'edit.finished':
        this.edit(e.round, e.player).finished = e;
        break;
      case 'validation':
        this.round(e.round).validations.set(e.player, e);
        break;
      case 'match.started': {
        if (!this.matches.has(e.matchId)) {
          this.matchOrder.push(e.matchId);
          this.round(e.round).matchIds.push(e.matchId);
        }
        this.matches.set(e.matchId, {
          id: e.matchId,
          round: e.round,
          sim: e.sim,
          seed: e.seed,
          players: e.players,
          startedAt: e.ts,
          finished: null,
        });
        this.live.add(e.matchId);
        break;
      }
      case 'match.finished': {
        let m = this.matches.get(e.matchId);
        if (!m) {
          m = {
            id: e.matchId,
            round: e.round,
            sim: e.sim,
            seed: e.seed,
            players: e.players,
            startedAt: e.ts,
            finished: null,
          };
          this.matches.set(e.matchId, m);
          this.matchOrder.push(e.matchId);
          this.round(e.round).matchIds.push(e.matchId);
        }
        m.finished = e;
        this.live.delete(e.matchId);
        break;
      }
      case 'round.finished':
        this.round(e.round).finished = e;
        // Sims a sequential round stopped when its test decided never finish: no longer live.
        if (e.sequential?.decided) for (const id of this.round(e.round).matchIds) this.live.delete(id);
        if (e.round > 0 && e.winner) this.roundWins[e.winner] = (this.roundWins[e.winner] ?? 0) + 1;
        break;
      case 'rating.updated':
        this.round(e.round).ratings = e.ratings;
        this.eloHistory.push({ round: e.round, ratings: e.ratings });
        break;
      case 'tournament.finished':
        this.ended = e;
        this.live.clear();
        break;
      case 'tournament.resumed':
        this.resume(e);
        break;
      case 'fault':
        this.faults.push(e);
        break;
    }
    return true;
  }

  get status(): ViewStatus {
    if (this.ended) return this.ended.status;
    if (!this.started) return 'waiting';
    return this.serverSaysInterrupted ? 'interrupted' : 'running';
  }

  /** The status the API answered (at most once per answer: a resume folded since clears it). */
  noteServerStatus(status: TournamentStatus): void {
    this.serverSaysInterrupted = status === 'interrupted';
  }

  get players(): PlayerInfo[] {
    return this.started?.players ?? [];
  }

  /** Latest live Elo (1200 before the first rated round). */
  get elo(): Record<string, number> {
    return (
      this.ended?.ratings ??
      this.eloHistory.at(-1)?.ratings ??
      Object.fromEntries(this.players.map((p) => [p.name, 1200]))
    );
  }

  /** 0..1: finished rounds plus the share of the current round's sims played. */
  get progress(): number {
    if (!this.started) return 0;
    if (this.ended) return 1;
    const total = this.started.rounds + 1;
    let done = 0;
    for (const r of this.rounds.values()) {
      if (r.finished) done++;
      else {
        const finished = r.matchIds.filter((id) => this.matches.get(id)?.finished).length;
        done += Math.min(0.99, finished / Math.max(1, this.started.simsPerRound));
      }
    }
    return Math.min(1, done / total);
  }

  /** What is happening now, in a few words. */
  get phase(): string {
    return this.status === 'interrupted' ? `interrupted · ${this.where()}` : this.where();
  }

  private where(): string {
    if (!this.started) return 'waiting for the tournament to start';
    if (this.ended?.stopped) {
      const last = Math.max(0, ...[...this.rounds.values()].filter((r) => r.finished).map((r) => r.round));
      return stoppedPhase(this.ended.stopped, last, this.started.rounds);
    }
    if (this.ended) return this.ended.status === 'finished' ? 'finished' : 'aborted';
    const r = this.currentRound === null ? null : this.rounds.get(this.currentRound);
    if (!r) return 'starting';
    const label = r.round === 0 ? 'round 0 (starting code)' : `round ${r.round}/${this.started.rounds}`;
    if (r.round > 0 && r.edits.size < this.players.length) return `${label} · editing`;
    if (r.round > 0 && [...r.edits.values()].some((x) => !x.finished)) return `${label} · editing`;
    const played = r.matchIds.filter((id) => this.matches.get(id)?.finished).length;
    if (r.matchIds.length === 0) return `${label} · validating`;
    return `${label} · sims ${played}/${this.started.simsPerRound}`;
  }

  /** The resumed round restarts the edit phases named in the event (they emit their steps anew),
   *  redoes validation and plays again every sim not kept; the tournament is running again. */
  private resume(e: EventOf<'tournament.resumed'>): void {
    this.resumes.push(e);
    this.ended = null;
    this.serverSaysInterrupted = false;
    this.currentRound = e.round;
    const r = this.round(e.round);
    for (const player of e.edits) r.edits.set(player, { player, steps: [], finished: null });
    r.validations.clear();
    const kept = new Set(e.keptSims);
    const dropped = new Set(r.matchIds.filter((id) => !kept.has(this.matches.get(id)?.sim ?? -1)));
    for (const id of dropped) this.matches.delete(id);
    r.matchIds = r.matchIds.filter((id) => !dropped.has(id));
    this.matchOrder.splice(0, this.matchOrder.length, ...this.matchOrder.filter((id) => !dropped.has(id)));
    // Whatever was being played died with the process.
    this.live.clear();
  }

  private round(n: number): RoundModel {
    let r = this.rounds.get(n);
    if (!r) {
      r = {
        round: n,
        startedAt: this.lastEventAt,
        edits: new Map(),
        validations: new Map(),
        matchIds: [],
        finished: null,
        ratings: null,
      };
      this.rounds.set(n, r);
    }
    return r;
  }

  private edit(round: number, player: string): EditModel {
    const r = this.round(round);
    let m = r.edits.get(player);
    if (!m) {
      m = { player, steps: [], finished: null };
      r.edits.set(player, m);
    }
    return m;
  }
}
