// No model answer paid twice: the loop against scripted servers that count what they answer,
// with the real answers ledger in a temporary run folder and commands run for real (bash in a
// temporary git repo). An interrupted phase restarts from the round's starting commit, as the
// tournament restarts it, and must be served its recorded answers before any provider call.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EditContext, EditOutcome, ModelAnswer, ModelAnswers } from '@codearena/protocol';
import { type HostContext, type RecordedStep, hostContext } from './test-support/host-context.ts';
import { scriptedAgent } from './test-support/scripted-agent.ts';
import { type Reply, type ScriptedServer, type Wire, startScriptedServer } from './test-support/scripted-server.ts';

let servers: ScriptedServer[] = [];
let hosts: HostContext[] = [];
afterEach(async () => {
  for (const s of servers) await s.close();
  for (const h of hosts) h.dispose();
  servers = [];
  hosts = [];
});

async function server(wire: Wire, script: Reply[]): Promise<ScriptedServer> {
  const s = await startScriptedServer(wire, script);
  servers.push(s);
  return s;
}
function host(): HostContext {
  const h = hostContext();
  hosts.push(h);
  return h;
}

/** Each command appends to a file and shows it: a command run twice, or skipped, shows in the
 *  repo and in every later output the model is sent. */
const SCRIPT: Reply[] = [
  { text: 'Look first.', command: 'cat params.json' },
  { command: 'echo one >> log.txt; cat log.txt' },
  { text: 'Nothing to run here.' }, // malformed: a correction, and the format-error count goes up
  { command: 'echo two >> log.txt; cat log.txt' },
  { command: 'echo three >> log.txt; wc -l log.txt' },
  { command: 'submit' },
];
const commandOf = (a: ModelAnswer) =>
  a.reply.toolCalls.length ? (JSON.parse(a.reply.toolCalls[0]!.arguments) as { command: string }).command : null;
/** Request `i`'s messages as sent, with the run's temporary repo path made neutral. */
const conversation = (s: ScriptedServer, i: number, h: HostContext) =>
  JSON.stringify(s.requests[i]!.messages).replaceAll(h.repoDir, '<repo>');
const file = (h: HostContext, f: string) => readFileSync(join(h.repoDir, f), 'utf8');

/** The phase as the tournament restarts it: the repo back at the round's starting commit, a new
 *  trajectory, the answers ledger opened anew on the same run folder. */
function restart(h: HostContext): { ctx: EditContext; steps: RecordedStep[] } {
  h.git('reset', '-q', '--hard');
  h.git('clean', '-qfdx');
  return phase(h, h.folder.openAnswers(h.ctx.player, h.ctx.round));
}

/** `h`'s context with these answers and a new list of steps. */
function phase(h: HostContext, answers: ModelAnswers): { ctx: EditContext; steps: RecordedStep[] } {
  const steps: RecordedStep[] = [];
  const step: EditContext['step'] = (action, output, extra = {}) =>
    void steps.push({ step: steps.length + 1, action, output, ...extra });
  return { ctx: { ...h.ctx, step, answers }, steps };
}

/** The uninterrupted phase, for comparison. */
async function reference(wire: Wire, script: Reply[], over: Record<string, unknown> = {}) {
  const s = await server(wire, script);
  const h = host();
  const out = await scriptedAgent(s, over).edit(h.ctx);
  return { s, h, out };
}

describe.each(['openai', 'anthropic'] as const)('answers ledger over %s', (wire) => {
  it('a restarted phase replays the recorded answers with no provider call, then goes on live', async () => {
    const ref = await reference(wire, SCRIPT);
    expect(ref.out.exit).toBe('submitted');

    for (const k of [1, 3, 4]) {
      // The first attempt: the provider answers k times, then fails for good.
      const first = await server(wire, [...SCRIPT.slice(0, k), { status: 401, message: 'key revoked' }]);
      const h = host();
      const cut = await scriptedAgent(first, {}).edit(h.ctx);
      expect(cut).toMatchObject({ exit: 'provider_error', steps: k });
      expect(first.answered()).toBe(k);

      const again = await server(wire, SCRIPT.slice(k));
      const { ctx, steps } = restart(h);
      const out: EditOutcome = await scriptedAgent(again, {}).edit(ctx);
      // Paid once: the second attempt asked only for what the first never got.
      expect(again.answered()).toBe(SCRIPT.length - k);
      expect(again.left()).toBe(0);
      expect(steps.map((s) => s.replayed ?? false)).toEqual(SCRIPT.map((_, i) => i < k));
      // The recorded commands ran again, once each: the repo and the outcome are the uninterrupted run's.
      expect(file(h, 'log.txt')).toBe(file(ref.h, 'log.txt'));
      expect(out).toEqual(ref.out);
      expect(steps.map((s) => [s.action, s.output])).toEqual(ref.h.steps.map((s) => [s.action, s.output]));
      // The live continuation is the same conversation: its first request is the reference's (k+1)-th.
      expect(conversation(again, 0, h)).toEqual(conversation(ref.s, k, ref.h));
      // Every answer once, in order, numbered across both attempts.
      const ledger = h.folder.readAnswers(h.ctx.player, h.ctx.round);
      expect(ledger.map((a) => a.call)).toEqual(SCRIPT.map((_, i) => i + 1));
      expect(ledger.map(commandOf)).toEqual(SCRIPT.map((r) => ('command' in r ? r.command : null)));
    }
  });
});

describe('answers ledger', () => {
  it('cuts a last answer torn by a kill, asks for it again, and goes on', async () => {
    const ref = await reference('openai', SCRIPT);
    const first = await server('openai', [...SCRIPT.slice(0, 2), { status: 401 }]);
    const h = host();
    await scriptedAgent(first, {}).edit(h.ctx);
    const ledger = h.folder.answers(h.ctx.player, h.ctx.round);
    // The kill came while the second answer was being written: half a line, no newline.
    const [whole, second] = readFileSync(ledger, 'utf8').split('\n');
    writeFileSync(ledger, `${whole}\n${second!.slice(0, 40)}`);

    const again = await server('openai', SCRIPT.slice(1));
    const { ctx, steps } = restart(h);
    const out = await scriptedAgent(again, {}).edit(ctx);
    expect(again.answered()).toBe(SCRIPT.length - 1); // the torn answer was never acted on: asked again
    expect(steps.map((s) => s.replayed ?? false)).toEqual(SCRIPT.map((_, i) => i < 1));
    expect(out).toEqual(ref.out);
    expect(file(h, 'log.txt')).toBe(file(ref.h, 'log.txt'));
    const lines = readFileSync(ledger, 'utf8').split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((l) => (JSON.parse(l) as ModelAnswer).call)).toEqual(SCRIPT.map((_, i) => i + 1));
  });

  it('refuses an answer the ledger could not read back (fractional token counts) as a provider error', async () => {
    const s = await server('openai', [SCRIPT[1]!, { command: 'echo two >> log.txt', usage: { input: 1.5 } }]);
    const h = host();
    const out = await scriptedAgent(s, {}).edit(h.ctx);
    expect(out).toMatchObject({ exit: 'provider_error', steps: 1 });
    expect(out.summary).toContain("the provider's answer is malformed at usage.input");
    expect(h.folder.readAnswers(h.ctx.player, h.ctx.round).map(commandOf)).toEqual([
      'echo one >> log.txt; cat log.txt',
    ]);
    expect(file(h, 'log.txt')).toBe('one\n');
  });

  describe('offline (replay): recorded answers only, no key, no provider call', () => {
    /** Replays `ref`'s recorded answers in a fresh run folder with an agent that has no key and a
     *  counting server it must never reach. */
    async function replay(ref: { h: HostContext; out: EditOutcome }, over: Record<string, unknown> = {}) {
      const recorded = ref.h.folder.readAnswers(ref.h.ctx.player, ref.h.ctx.round);
      const never = await server('openai', [{ command: 'echo never' }]);
      const h = host();
      const { ctx, steps } = phase(
        h,
        h.folder.openAnswers(h.ctx.player, h.ctx.round, { recorded, offline: ref.out.exit }),
      );
      const out = await scriptedAgent(never, over, { env: {}, offline: true }).edit(ctx);
      expect(never.requests).toHaveLength(0);
      // The replay's own ledger is the recorded one, answer for answer.
      expect(h.folder.readAnswers(h.ctx.player, h.ctx.round)).toEqual(recorded);
      return { h, out, steps };
    }

    it('stops at the step, cost and format-error limits at the same step as the original', async () => {
      const cases: [Reply[], Record<string, unknown>, string][] = [
        [SCRIPT, { limits: { steps: 4 } }, 'step_limit'],
        [
          [
            SCRIPT[0]!,
            SCRIPT[1]!,
            { command: 'echo big >> log.txt', usage: { input: 100_000, output: 10_000 } },
            ...SCRIPT.slice(3),
          ],
          { limits: { cost_usd: 0.25 } },
          'cost_limit',
        ],
        [[SCRIPT[1]!, { text: 'hmm' }, { text: 'hmm' }, SCRIPT[3]!], { limits: { format_errors: 2 } }, 'format_errors'],
      ];
      for (const [script, over, exit] of cases) {
        const ref = await reference('openai', script, over);
        expect(ref.out.exit).toBe(exit);
        const r = await replay(ref, over);
        expect(r.out).toEqual(ref.out);
        expect(r.steps.every((s) => s.replayed)).toBe(true);
        expect(r.steps.map((s) => [s.action, s.output])).toEqual(ref.h.steps.map((s) => [s.action, s.output]));
        expect(file(r.h, 'log.txt')).toBe(file(ref.h, 'log.txt'));
      }
    });

    it('reproduces a submitted phase, and ends with the recorded exit where the record ends', async () => {
      const done = await reference('openai', SCRIPT);
      const r = await replay(done);
      expect(r.out).toEqual(done.out);
      expect(file(r.h, 'log.txt')).toBe('one\ntwo\nthree\n');

      const failed = await reference('openai', [...SCRIPT.slice(0, 2), { status: 401, message: 'key revoked' }]);
      expect(failed.out).toMatchObject({ exit: 'provider_error', steps: 2 });
      const cut = await replay(failed);
      expect(cut.out).toMatchObject({ exit: 'provider_error', steps: 2, costUsd: failed.out.costUsd });
      expect(cut.out.summary).toMatch(
        /^the recorded answers end here \(the recorded phase ended provider_error\) \(2 steps/,
      );
      expect(file(cut.h, 'log.txt')).toBe('one\n');
    });

    it('an offline agent needs no key; its provider, if ever called, says it is switched off', async () => {
      const never = await server('openai', []);
      const h = host();
      // Answers that are not offline (a bug of the caller): the provider is reached and refuses.
      const out = await scriptedAgent(never, {}, { env: {}, offline: true }).edit(h.ctx);
      expect(out.exit).toBe('provider_error');
      expect(out.summary).toContain('provider switched off (replay)');
      expect(never.requests).toHaveLength(0);
    });
  });
});
