// The agent loop: ask the model, run its one command in the workspace, show it the output;
// until it submits or a limit ends the phase. Every step is recorded as it happens; every model
// answer is recorded in the run's answers ledger before it is acted on, and a restarted phase is
// served the ledger's answers first, so no answer is paid for twice.
import type { EditContext, EditExit, EditOutcome, LlmAgentConfig, LlmPrice } from '@codearena/protocol';
import type { Message, ModelReply, Provider } from './messages.ts';
import { parseReply } from './parse.ts';
import { costOf } from './pricing.ts';
import { type PromptInput, SUBMIT, correction, observation, roundFacts, systemPrompt, taskPrompt } from './prompts.ts';
import { CallAborted, type RetryOptions, withRetry } from './retry.ts';
import { minutesLeft, phaseSummary, repoChanged } from './phase-end.ts';

export interface LoopOptions {
  config: LlmAgentConfig;
  provider: Provider;
  price: LlmPrice;
  /** Backoff tuning (tests); the number of retries comes from the config. */
  retry?: Partial<Pick<RetryOptions, 'baseMs' | 'maxMs' | 'sleep' | 'random'>>;
}

/** Output captured per command before it is cut to `output_chars` (head and tail). */
const CAPTURE_BYTES = 1024 * 1024;
/** The event's copy of the reasoning; the trajectory's messages keep all of it. */
const MAX_THOUGHT_CHARS = 20_000;

export async function runLoop(ctx: EditContext, o: LoopOptions): Promise<EditOutcome> {
  const t0 = Date.now();
  const { limits } = o.config;
  const tools = o.config.tool_calls;
  const deadline = Math.min(ctx.deadline, limits.seconds ? t0 + limits.seconds * 1000 : Infinity);
  const ws = await ctx.workspace();

  const prompt: PromptInput = {
    ...(await roundFacts(ctx, ws.repoPath)),
    tools,
    limits,
    minutes: minutesLeft(deadline, t0),
  };
  const messages: Message[] = [
    { role: 'system', content: systemPrompt(prompt) },
    { role: 'user', content: taskPrompt(prompt) },
  ];
  let recorded = 0;
  let steps = 0;
  let cost = 0;
  let tokensIn = 0;
  let tokensOut = 0;
  let malformed = 0;

  const end = (exit: EditExit, what: string): EditOutcome => ({
    exit,
    steps,
    costUsd: cost,
    summary: phaseSummary(what, { steps, tokensIn, tokensOut, costUsd: cost }),
  });
  const record = (action: string, output: string, a: Answer, since: number) => {
    const { reply } = a;
    ctx.step(action, output, {
      costUsd: a.costUsd,
      ...(a.replayed ? { replayed: true } : {}),
      ms: Date.now() - since,
      tokens: { input: reply.usage.input, output: reply.usage.output },
      thought: reply.content.slice(0, MAX_THOUGHT_CHARS),
      messages: messages.slice(recorded),
    });
    recorded = messages.length;
  };
  /** One provider call (retries included), or how the phase ends when it fails. */
  const callModel = async (since: number): Promise<ModelReply | EditOutcome> => {
    const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(Math.max(1, deadline - since))]);
    try {
      return (
        await withRetry(() => o.provider.complete(messages, { tools, signal }), {
          retries: o.config.retries,
          signal,
          deadline,
          ...o.retry,
        })
      ).value;
    } catch (e) {
      if (e instanceof CallAborted || ctx.signal.aborted || Date.now() >= deadline)
        return end('time_limit', 'stopped at the time limit');
      // The edit phase puts the previous round's code back after a provider_error.
      return end('provider_error', `provider error: ${(e as Error).message}; the previous round's code plays`);
    }
  };
  /** Every tool call of the answer gets `text` as its result (APIs require one each); else a user turn. */
  const answer = (reply: ModelReply, text: string) => {
    if (reply.toolCalls.length)
      for (const c of reply.toolCalls) messages.push({ role: 'tool', toolCallId: c.id, content: text });
    else messages.push({ role: 'user', content: text });
  };

  try {
    for (;;) {
      if (ctx.signal.aborted || Date.now() >= deadline) return end('time_limit', 'stopped at the time limit');
      if (steps >= limits.steps) return end('step_limit', `stopped at the limit of ${limits.steps} steps`);
      if (cost >= limits.cost_usd) return end('cost_limit', `stopped at the cost limit of $${limits.cost_usd}`);

      const since = Date.now();
      // An answer already paid for (an earlier attempt of this phase, or the run being replayed)
      // stands in for the provider call; it counts toward every limit exactly as it did then.
      const old = ctx.answers.next();
      if (!old && ctx.answers.offline)
        return end(
          ctx.answers.offline,
          `the recorded answers end here (the recorded phase ended ${ctx.answers.offline})`,
        );
      let a: Answer;
      if (old) a = { reply: old.reply, costUsd: old.costUsd, replayed: true };
      else {
        const reply = await callModel(since);
        if ('exit' in reply) return reply;
        a = { reply, costUsd: costOf(reply.usage, o.price), replayed: false };
        // Recorded before it is acted on: from here a crash never pays for this answer again.
        const at = Date.now();
        ctx.answers.record({ ts: at, ms: at - since, costUsd: a.costUsd, reply });
      }
      const { reply } = a;
      steps++;
      cost += a.costUsd;
      tokensIn += reply.usage.input;
      tokensOut += reply.usage.output;
      messages.push({
        role: 'assistant',
        content: reply.content,
        ...(reply.toolCalls.length ? { toolCalls: reply.toolCalls } : {}),
      });

      const action = parseReply(reply);
      if (!action.ok) {
        malformed++;
        const text = correction(action.error, tools, limits.format_errors - malformed);
        answer(reply, text);
        record('(malformed answer)', text, a, since);
        if (malformed >= limits.format_errors)
          return end('format_errors', `${malformed} malformed answers in a row (last: ${action.error})`);
        continue;
      }
      malformed = 0;

      if (action.command === SUBMIT) {
        const changed = await repoChanged(ws);
        const text = changed
          ? 'Submitted: your repository is committed as it is.'
          : 'Submitted, with no changes to your repository.';
        answer(reply, text);
        record(SUBMIT, text, a, since);
        return end(changed ? 'submitted' : 'unchanged', changed ? 'submitted' : 'submitted without changes');
      }

      const timeoutMs = Math.max(1000, Math.min(limits.command_timeout_seconds * 1000, deadline - Date.now()));
      // stderr joins stdout so the model sees them interleaved, as in a terminal.
      const r = await ws.exec(`exec 2>&1\n${action.command}`, { timeoutMs, maxOutputBytes: CAPTURE_BYTES });
      const text = observation(r, limits.output_chars, Math.round(timeoutMs / 1000));
      answer(reply, text);
      record(action.command, text, a, since);
    }
  } catch (e) {
    // A failure of ours (e.g. the workspace container died) after some steps: keep their tally.
    return end('crashed', `crashed: ${(e as Error).message}`);
  }
}

/** A step's model answer and what it cost when it was paid for. */
interface Answer {
  reply: ModelReply;
  costUsd: number;
  /** Taken from the record instead of a provider call. */
  replayed: boolean;
}
