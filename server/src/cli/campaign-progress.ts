// The campaign's live view in the terminal: one line per tournament that starts or ends, and after
// each end the campaign's state — done / running / failed / queued, an ETA from the tournaments
// finished in this run, and the model spend so far. Plain lines, so it reads the same in a CI log.
import type { CampaignJob, Event } from '@codearena/protocol';
import type { JobOutcome } from '../campaign/run-embedded.ts';
import { bold, dim, green, red, untrusted, yellow } from './format.ts';

export interface CampaignProgress {
  started(job: CampaignJob, resumed: boolean): void;
  done(o: JobOutcome): void;
  /** Listener of one tournament's events (the spend). */
  listener(e: Event): void;
  counts(): { done: number; running: number; failed: number; queued: number };
  spend(): number;
}

export function createCampaignProgress(o: {
  total: number;
  parallel: number;
  /** Spend already recorded by earlier runs of the campaign. */
  spentBefore: number;
  out?: NodeJS.WritableStream;
  now?: () => number;
}): CampaignProgress {
  const out = o.out ?? process.stderr;
  const now = o.now ?? Date.now;
  let running = 0;
  let done = 0;
  let failed = 0;
  let spent = o.spentBefore;
  const durations: number[] = [];
  const who = (j: CampaignJob) =>
    `${untrusted(j.arena)} ${j.players.map((p) => untrusted(p)).join(' vs ')} r${j.repeat + 1}`;
  const t0 = now();
  const eta = (): string => {
    const left = o.total - done - failed - running;
    if (!durations.length || left + running <= 0) return '';
    const avg = durations.reduce((a, b) => a + b, 0) / durations.length;
    return ` · ETA ${minutes((avg * (left + running)) / Math.max(1, o.parallel))}`;
  };
  const status = () =>
    `  ${dim(`${done} done · ${running} running · ${failed} failed · ${o.total - done - failed - running} queued${eta()} · spend $${spent.toFixed(2)} · ${minutes(now() - t0)} so far`)}`;
  return {
    started(job, resumed) {
      running++;
      out.write(`${dim(`[${job.index + 1}/${o.total}]`)} ${resumed ? yellow('resume') : 'start '} ${who(job)}\n`);
    },
    done(r) {
      if (!r.skipped && r.status !== 'busy') running = Math.max(0, running - 1);
      if (r.status === 'done') done++;
      if (r.status === 'failed') failed++;
      if (r.status === 'done' && !r.skipped) durations.push(r.ms);
      const label =
        r.status === 'done'
          ? r.skipped
            ? dim('done earlier')
            : green('done  ')
          : r.status === 'failed'
            ? red('failed')
            : yellow(r.status);
      const result = r.status === 'done' ? ` → ${r.winner ? bold(untrusted(r.winner)) : 'tie'}` : '';
      const detail = r.detail ? ` ${dim(untrusted(r.detail))}` : '';
      out.write(`${dim(`[${r.job.index + 1}/${o.total}]`)} ${label} ${who(r.job)}${result}${detail}\n`);
      if (!r.skipped) out.write(`${status()}\n`);
    },
    listener(e) {
      if (e.type === 'edit.finished') spent += e.costUsd;
    },
    counts: () => ({ done, running, failed, queued: o.total - done - failed - running }),
    spend: () => spent,
  };
}

function minutes(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60
    ? `${s} s`
    : s < 3600
      ? `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`
      : `${(s / 3600).toFixed(1)} h`;
}
