// A model-free agent that really improves a codebase: a (1+1) evolution strategy over the
// strategy parameters in params.json. Each candidate is a mutation of the best so far and is
// judged by sandboxed self-play against the code the round started with; the agent keeps a
// candidate only if it beats that code by a margin.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Agent, type EditContext, type EditOutcome, createRng } from '@codearena/protocol';
import { ParamsFile, describeChange, mutate, rewriteValues } from './params.ts';

const PARAMS = 'params.json';
const MAX_PARAMS_BYTES = 1024 * 1024;

export interface SearchAgentOptions {
  candidates: number;
  simsPerCandidate: number;
  step: number;
  /** How much better than an equal share of the points a candidate must score to be kept
   *  (0.2 ⇒ 20 % above 1/seats). Self-play is noisy; the margin keeps luck out. */
  margin?: number;
}

export function createSearchAgent(o: SearchAgentOptions): Agent {
  return { id: 'search', model: null, edit: (ctx) => searchEdit(ctx, o) };
}

async function searchEdit(ctx: EditContext, o: SearchAgentOptions): Promise<EditOutcome> {
  let steps = 0;
  const step = (action: string, output: string) => {
    steps++;
    ctx.step(action, output);
  };
  const text = await ctx.repo.read(PARAMS, MAX_PARAMS_BYTES);
  if (text === null) {
    step('read params.json', 'no params.json (a regular file) in the codebase: nothing to tune');
    return { exit: 'unchanged', steps, costUsd: 0, summary: 'no params.json to tune' };
  }
  const parsed = ParamsFile.safeParse(safeJson(text));
  if (!parsed.success || Object.keys(parsed.data).length === 0) {
    step(
      'read params.json',
      `params.json is not {name: {value, min, max}}: ${parsed.success ? 'empty' : parsed.error.issues[0]?.message}`,
    );
    return { exit: 'unchanged', steps, costUsd: 0, summary: 'params.json unreadable' };
  }
  const start = parsed.data;
  const rng = createRng(ctx.seed);
  const work = join(ctx.scratchDir, 'search');
  const baseline = join(work, 'baseline');
  rmSync(work, { recursive: true, force: true });
  await ctx.repo.copyTo(baseline);

  let best = start;
  let bestScore = -1;
  let improved = false;
  let exit: EditOutcome['exit'] = 'submitted';
  for (let k = 1; k <= o.candidates; k++) {
    if (ctx.signal.aborted || Date.now() > ctx.deadline) {
      exit = 'time_limit';
      break;
    }
    const cand = mutate(best, rng, o.step);
    const dir = join(work, `candidate-${k}`);
    await ctx.repo.copyTo(dir, { [PARAMS]: `${JSON.stringify(cand, null, 2)}\n` });
    const r = await ctx.selfPlay(dir, baseline, o.simsPerCandidate);
    // Points: a win is 1, a shared first place 1/seats; an equal bot scores 1/seats on average.
    const score = r.sims ? (r.wins + r.ties / r.seats) / r.sims : 0;
    const bar = Math.max(bestScore, (1 + (o.margin ?? 0.2)) / r.seats);
    const verdict = score > bar && r.faults === 0 ? 'kept' : 'discarded';
    step(
      `self-play candidate ${k}/${o.candidates}: ${describeChange(start, cand)}`,
      `${r.wins}W ${r.losses}L ${r.ties}T over ${r.sims} ${r.seats}-player sims vs the round's starting code (score ${score.toFixed(2)}, needs > ${bar.toFixed(2)}; faults ${r.faults}) → ${verdict}`,
    );
    if (verdict === 'kept') {
      best = cand;
      bestScore = score;
      improved = true;
    }
    rmSync(dir, { recursive: true, force: true });
  }
  rmSync(work, { recursive: true, force: true });
  if (!improved) {
    return {
      exit: exit === 'submitted' ? 'unchanged' : exit,
      steps,
      costUsd: 0,
      summary: 'no candidate beat the current code',
    };
  }
  await ctx.repo.write(PARAMS, rewriteValues(text, best));
  return {
    exit,
    steps,
    costUsd: 0,
    summary: `tuned ${describeChange(start, best)} (self-play score ${bestScore.toFixed(2)})`,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
