// Runs the agent's edit under its deadline: at the deadline the agent is asked to stop (its
// signal aborts), after the grace period the phase is closed whatever it is doing. While its
// commands run, the repo is measured every few seconds. Never throws but for infrastructure
// failure: an agent that throws or crashes ends `crashed`, with a fault event.
import type { EditExit, EditOutcome } from '@codearena/protocol';
import type { EventBus } from '../bus/event-bus.ts';
import { InfraError, isInfraError } from '../sandbox/infra-error.ts';
import type { EditServices } from './edit-services.ts';
import type { LazyWorkspace } from './lazy-workspace.ts';

export interface AgentRun {
  exit: EditExit;
  summary: string;
  costUsd: number;
}

export interface RunAgentOptions {
  /** Starts the agent's edit (it may throw at once or reject later). */
  start(): Promise<EditOutcome>;
  /** Aborted at the deadline, on a quota breach and when the tournament stops. */
  stop: AbortController;
  deadline: number;
  editSeconds: number;
  workspace: LazyWorkspace;
  /** True while the repo is within its quota. */
  withinQuota(): boolean;
  bus: EventBus;
  round: number;
  player: string;
}

export async function runAgent(
  o: RunAgentOptions,
  services: Pick<EditServices, 'now' | 'graceMs' | 'quotaWatchMs'>,
): Promise<AgentRun> {
  const { stop, round, player } = o;
  let timer: NodeJS.Timeout | undefined;
  let quotaStopped = false;
  try {
    const work = o.start();
    const overrun = new Promise<'overrun'>((resolve) => {
      timer = setTimeout(
        () => {
          stop.abort();
          setTimeout(() => resolve('overrun'), services.graceMs).unref();
        },
        Math.max(0, o.deadline - services.now()),
      );
    });
    // While commands run in the workspace, the repo is measured every few seconds: an agent that
    // writes past its quota (a disk-filling loop) is stopped then, not at the end of its phase.
    const watch = setInterval(() => {
      const box = o.workspace.box();
      if (!box || stop.signal.aborted || o.withinQuota()) return;
      quotaStopped = true;
      stop.abort();
      void box.dispose();
    }, services.quotaWatchMs);
    const r = await Promise.race([work, overrun]).finally(() => clearInterval(watch));
    let run: AgentRun;
    if (r === 'overrun') {
      run = { exit: 'time_limit', summary: `did not finish within ${o.editSeconds} s`, costUsd: 0 };
      work.catch(() => {});
    } else {
      run = { exit: r.exit, summary: r.summary, costUsd: r.costUsd };
    }
    // An agent that "crashed" because its container or the daemon went away did nothing wrong:
    // that is the infrastructure's failure, and the round is aborted unscored.
    const box = o.workspace.box();
    const down = run.exit === 'crashed' && box && !quotaStopped ? await box.health() : null;
    if (down) throw new InfraError(`the workspace of ${player} failed: ${down}`);
    return run;
  } catch (err) {
    if (isInfraError(err)) throw err;
    const summary = `agent crashed: ${(err as Error).message}`;
    o.bus.emit({ type: 'fault', scope: 'agent', round, player, fault: { kind: 'crash', detail: summary } });
    return { exit: 'crashed', summary, costUsd: 0 };
  } finally {
    clearTimeout(timer);
  }
}
