// The agent loop end to end against scripted OpenAI- and Anthropic-compatible servers on
// loopback, through the official SDKs; commands run for real (bash in a temporary git repo).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type EditOutcome, LlmAgentConfig } from '@codearena/protocol';
import { createLlmAgent } from './index.ts';
import { type HostContext, hostContext } from './test-support/host-context.ts';
import { scriptedAgent } from './test-support/scripted-agent.ts';
import { type Reply, type ScriptedServer, type Wire, startScriptedServer } from './test-support/scripted-server.ts';

let open: { server: ScriptedServer; host: HostContext }[] = [];
afterEach(async () => {
  for (const o of open) {
    await o.server.close();
    o.host.dispose();
  }
  open = [];
});

async function setup(
  wire: Wire,
  script: Reply[],
  over: Record<string, unknown> = {},
  ctx: Parameters<typeof hostContext>[0] = {},
) {
  const server = await startScriptedServer(wire, script);
  const host = hostContext(ctx);
  open.push({ server, host });
  const agent = scriptedAgent(server, over);
  return { server, host, run: (): Promise<EditOutcome> => agent.edit(host.ctx) };
}

const SET_SPEED = `python3 -c "import json; p=json.load(open('params.json')); p['speed']=7; json.dump(p, open('params.json','w'))"`;

/** The conversation a request carried, flattened to [role, text] whatever the wire format. */
function turns(wire: Wire, body: Record<string, unknown>): [string, string][] {
  const msgs = body.messages as Record<string, unknown>[];
  if (wire === 'openai') return msgs.map((m) => [m.role as string, String(m.content ?? JSON.stringify(m.tool_calls))]);
  return msgs.flatMap((m) =>
    typeof m.content === 'string'
      ? [[m.role as string, m.content]]
      : (m.content as Record<string, unknown>[]).map((b): [string, string] => [
          b.type === 'tool_result' ? 'tool' : (m.role as string),
          String(b.text ?? b.content ?? JSON.stringify(b.input)),
        ]),
  );
}

describe.each(['openai', 'anthropic'] as const)('llm agent over %s', (wire) => {
  it('runs one tool-call command per step in the workspace, shows the output, and submits', async () => {
    const { server, host, run } = await setup(wire, [
      { text: 'Let me read the parameters.', command: 'cat params.json' },
      { text: 'Raise the speed.', command: SET_SPEED },
      { command: 'submit', usage: { input: 3000, output: 50, cached: 2000 } },
    ]);
    const out = await run();
    expect(out.exit).toBe('submitted');
    expect(out.steps).toBe(3);
    expect(JSON.parse(readFileSync(join(host.repoDir, 'params.json'), 'utf8'))).toEqual({ speed: 7 });
    // Cost: two default replies, then 1000 fresh + 2000 cached input (cached at the input price here) and 50 out.
    expect(out.costUsd).toBeCloseTo(2 * 0.003 + (3000 * 2 + 50 * 10) / 1e6, 10);
    expect(out.summary).toMatch(/^submitted \(3 steps, 5.0k tokens in, 250 out, \$0\.01\d+\)$/);

    // The second request carries the first command's output as the tool result.
    const second = turns(wire, server.requests[1]!);
    expect(second.at(-1)).toEqual(['tool', 'Exit code 0.\n{"speed": 1}\n']);
    const tools = server.requests[0]!.tools as Record<string, unknown>[];
    expect(tools).toHaveLength(1);
    expect(JSON.stringify(tools[0])).toContain('"bash"');
    expect(server.requests[0]!.model).toBe(`scripted-${wire}`);

    // Steps as recorded (trajectory and events): command, output, tokens, cost, thought, new messages.
    expect(host.steps.map((s) => s.action)).toEqual(['cat params.json', SET_SPEED, 'submit']);
    expect(host.steps[0]).toMatchObject({
      output: 'Exit code 0.\n{"speed": 1}\n',
      tokens: { input: 1000, output: 100 },
      thought: 'Let me read the parameters.',
    });
    expect(host.steps[0]!.costUsd).toBeCloseTo(0.003, 10);
    expect((host.steps[0]!.messages as { role: string }[]).map((m) => m.role)).toEqual([
      'system',
      'user',
      'assistant',
      'tool',
    ]);
    expect((host.steps[1]!.messages as { role: string }[]).map((m) => m.role)).toEqual(['assistant', 'tool']);
  });

  it('accepts a plain-text answer with one fenced block, with or without tools offered', async () => {
    const { server, host, run } = await setup(
      wire,
      [{ text: `I will change it.\n\`\`\`bash\n${SET_SPEED}\n\`\`\`` }, { text: 'Done.\n```bash\nsubmit\n```' }],
      { tool_calls: false },
    );
    expect((await run()).exit).toBe('submitted');
    expect(server.requests[0]!.tools).toBeUndefined();
    expect(turns(wire, server.requests[1]!).at(-1)).toEqual(['user', 'Exit code 0.\n(no output)']);
    expect(String((server.requests[0]!.messages as unknown[]).length)).toBe(wire === 'openai' ? '2' : '1');
    expect(JSON.parse(readFileSync(join(host.repoDir, 'params.json'), 'utf8')).speed).toBe(7);

    const offered = await setup(wire, [{ text: '```sh\ntrue\n```' }, { command: 'submit' }]);
    expect((await offered.run()).exit).toBe('unchanged');
    expect(turns(wire, offered.server.requests[1]!).at(-1)).toEqual(['user', 'Exit code 0.\n(no output)']);
  });

  it('answers malformed answers with a correction and ends after too many in a row', async () => {
    const { server, host, run } = await setup(
      wire,
      [
        { text: 'I think I should look around.' },
        { command: 'ls', calls: 2 },
        { command: 'ignored', args: '{"cmd": "ls"}' },
      ],
      { limits: { format_errors: 3 } },
    );
    const out = await run();
    expect(out.exit).toBe('format_errors');
    expect(out.steps).toBe(3);
    expect(host.steps.map((s) => s.action)).toEqual(['(malformed answer)', '(malformed answer)', '(malformed answer)']);
    const second = turns(wire, server.requests[1]!);
    expect(second.at(-1)![0]).toBe('user');
    expect(second.at(-1)![1]).toMatch(/^Format error: the answer has no command\. .*2 more malformed answers/);
    // Both tool calls of the second answer get a result, as the APIs require.
    const third = turns(wire, server.requests[2]!);
    expect(third.slice(-2).map((t) => t[0])).toEqual(['tool', 'tool']);
    expect(third.at(-1)![1]).toContain('made 2 tool calls');
    expect(out.summary).toMatch(/3 malformed answers in a row \(last: the `bash` arguments are invalid/);
  });

  it('forgives malformed answers followed by a good one', async () => {
    const { run } = await setup(
      wire,
      [{ text: 'hmm' }, { text: 'hmm' }, { command: 'true' }, { text: 'hmm' }, { text: 'hmm' }, { command: 'submit' }],
      { limits: { format_errors: 3 } },
    );
    const out = await run();
    expect(out.exit).toBe('unchanged');
    expect(out.steps).toBe(6);
  });

  it('retries a 429 honouring Retry-After, and timeouts, then goes on', async () => {
    const { server, run } = await setup(
      wire,
      [
        { status: 429, headers: { 'retry-after': '0' } },
        { command: 'true' },
        { command: 'true', delayMs: 20_000 }, // past the request timeout: abandoned and retried
        { command: 'submit' },
      ],
      // Long enough that a prompt answer is never late on a busy machine.
      { request_timeout_seconds: 5 },
    );
    const out = await run();
    expect(out.exit).toBe('unchanged');
    expect(out.steps).toBe(2);
    expect(server.requests).toHaveLength(4);
  });

  it('ends as provider_error when retries run out (the edit phase, not the agent, puts the previous code back)', async () => {
    const { server, host, run } = await setup(
      wire,
      [
        { command: `${SET_SPEED} && echo new > extra.txt` },
        ...[1, 2, 3].map(() => ({ status: 500, message: 'upstream exploded' })),
      ],
      { retries: 2 },
    );
    const out = await run();
    expect(out.exit).toBe('provider_error');
    expect(out.summary).toMatch(/provider error: .*upstream exploded.*\(3 attempts\); the previous round's code plays/);
    expect(server.requests).toHaveLength(4);
    // The host never runs git on the agent's tree: the round's commit (in a repo box) restores it.
    expect(host.git('status', '--porcelain')).toBe(' M params.json\n?? extra.txt\n');
    expect(out.steps).toBe(1);
    expect(out.costUsd).toBeCloseTo(0.003, 10);
  });

  it('fails at once on a permanent error (bad key) and when every answer is too slow', async () => {
    const a = await setup(wire, [{ status: 401, message: 'invalid api key' }, { command: 'submit' }]);
    const out = await a.run();
    expect(out.exit).toBe('provider_error');
    expect(out.summary).toContain('invalid api key');
    expect(a.server.requests).toHaveLength(1);

    const b = await setup(
      wire,
      [1, 2].map(() => ({ command: 'true', delayMs: 1500 })),
      { request_timeout_seconds: 0.3, retries: 1 },
    );
    const slow = await b.run();
    expect(slow.exit).toBe('provider_error');
    expect(slow.summary).toMatch(/timed out \(2 attempts\)/);
  });
});

describe('llm agent limits', () => {
  it('stops at the step limit', async () => {
    const { run } = await setup(
      'openai',
      [1, 2, 3].map(() => ({ command: 'true' })),
      { limits: { steps: 2 } },
    );
    const out = await run();
    expect(out).toMatchObject({ exit: 'step_limit', steps: 2 });
  });

  it('stops at the cost limit, from the usage fields × the price', async () => {
    const { run } = await setup(
      'anthropic',
      [{ command: 'true', usage: { input: 100_000, output: 10_000 } }, { command: 'true' }],
      {
        limits: { cost_usd: 0.25 },
      },
    );
    const out = await run(); // step 1 costs 100k × $2/M + 10k × $10/M = $0.30
    expect(out).toMatchObject({ exit: 'cost_limit', steps: 1 });
    expect(out.costUsd).toBeCloseTo(0.3, 10);
  });

  it('stops at the wall-clock limit, also in the middle of a model call', async () => {
    const { host, run } = await setup('openai', [{ command: 'true', delayMs: 3000 }]);
    setTimeout(() => host.abort.abort(), 300);
    expect(await run()).toMatchObject({ exit: 'time_limit', steps: 0 });

    // Long enough for the first step on a busy machine; the second call outlasts it.
    const own = await setup('openai', [{ command: 'true' }, { command: 'true', delayMs: 20_000 }], {
      limits: { seconds: 5 },
    });
    expect(await own.run()).toMatchObject({ exit: 'time_limit', steps: 1 });
  });

  it('stops long commands at the per-command timeout and cuts long output in the middle', async () => {
    const { host, run } = await setup(
      'openai',
      // 5 s: `seq` finishes well within it on a busy machine; `sleep 60` never does.
      [{ command: 'echo start; sleep 60; echo never' }, { command: 'seq 1 20000' }, { command: 'submit' }],
      { limits: { command_timeout_seconds: 5, output_chars: 600 } },
    );
    await run();
    expect(host.steps[0]!.output).toBe(
      'The command was stopped after 5 s (time limit per command). Output so far:\nstart\n',
    );
    const long = host.steps[1]!.output;
    expect(long).toMatch(/^Exit code 0\.\n1\n2\n3\n/);
    expect(long).toMatch(/characters omitted/);
    expect(long).toMatch(/19999\n20000\n$/);
    expect(long.length).toBeLessThan(700);
  });

  it('builds the prompts from the brief, the round, the last results and the notes file', async () => {
    const { server, host, run } = await setup(
      'openai',
      [{ command: 'submit' }],
      {},
      {
        round: 2,
        files: { 'NOTES.md': 'round 1: raised speed; try food next\n', 'params.json': '{}' },
      },
    );
    const round = (r: number, simWins: Record<string, number>, ties: number, winner: string | null) => ({
      round: r,
      simWins,
      ties,
      sims: ties + Object.values(simWins).reduce((a, b) => a + b, 0),
      winner,
      ranks: {},
      forfeited: [],
      validations: {},
    });
    host.folder.writeRoundResults(round(1, { alice: 1, bob: 2 }, 1, 'bob'));
    // A replay without `turns` (older runs): the digest counts its frames.
    host.folder.writeReplay({
      arena: 'battlesnake',
      round: 1,
      sim: 0,
      seed: 1,
      players: ['alice', 'bob'],
      ranks: { bob: 1, alice: 2 },
      winner: 'bob',
      reason: 'alice hit a wall',
      frames: [{}, {}, {}],
    });
    // Damaged files are skipped, never fatal.
    writeFileSync(join(host.logsDir, '1', 'sims', '1.json'), '{"sim": 1, "win');
    host.folder.writeRoundResults(round(0, { alice: 0, bob: 0 }, 0, null));
    await run();
    const [system, task] = (server.requests[0]!.messages as { content: string }[]).map((m) => m.content);
    expect(system).toContain('# Brief\nWin the game.');
    expect(system).toContain('call the `bash` tool exactly once');
    expect(system).toContain('/logs/rounds/<round>/');
    expect(system).toContain('Budget for this round: 10 answers, $1 of model spend');
    expect(task).toContain('Round 2 of 3');
    expect(task).toContain('sim wins: alice (you) 1, bob 2; 1 tied');
    expect(task).toContain('- sim 0: bob won after 2 turns — alice hit a wall');
    expect(task).toContain('round 1: raised speed; try food next');
    expect(task).toContain('## Opponents\n\nbob (their code is not visible in this tournament).');
  });
});

describe('llm agent set-up', () => {
  it('refuses to start without its key or a price for an unknown model', () => {
    const c = LlmAgentConfig.parse({
      kind: 'llm',
      provider: 'openai',
      model: 'llama3.1:8b',
      base_url: 'http://127.0.0.1:1/v1',
    });
    expect(() => createLlmAgent(c, { env: {} })).toThrow(
      /OPENAI_API_KEY is not set.*no built-in price for model "llama3.1:8b"/,
    );
    const ok = LlmAgentConfig.parse({ ...c, price: { input: 0, output: 0 } });
    expect(createLlmAgent(ok, { env: { OPENAI_API_KEY: 'x' } })).toMatchObject({ id: 'llm', model: 'llama3.1:8b' });
  });
});
