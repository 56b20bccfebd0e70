// How a model agent's edit phase is summed up, the same for the native loop and CLI harnesses.
import type { Workspace } from '@codearena/protocol';

export interface PhaseTally {
  steps: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
}

/** Whole minutes the phase has left (at least 1), as the prompts state the budget. */
export const minutesLeft = (deadline: number, now = Date.now()): number =>
  Math.max(1, Math.round((deadline - now) / 60_000));

/** One line for the rounds table and the live view: what ended the phase, and what it used. */
export const phaseSummary = (what: string, t: PhaseTally): string =>
  `${what} (${t.steps} step${t.steps === 1 ? '' : 's'}, ${kilo(t.tokensIn)} tokens in, ${kilo(t.tokensOut)} out, $${t.costUsd.toFixed(4)})`;

/** Whether the repo differs from its last commit, asked in the workspace itself (the host never
 *  runs git on an agent-written tree); the round's commit has the last word. */
export async function repoChanged(ws: Workspace): Promise<boolean> {
  const r = await ws.exec(
    'git --no-optional-locks -c core.fsmonitor=false status --porcelain --untracked-files=all | head -c 1',
    { timeoutMs: 30_000, maxOutputBytes: 16 },
  );
  return r.exitCode !== 0 || r.stdout.length > 0;
}

const kilo = (n: number) =>
  n >= 10_000 ? `${(n / 1000).toFixed(0)}k` : n >= 1000 ? `${(n / 1000).toFixed(1)}k` : String(n);
