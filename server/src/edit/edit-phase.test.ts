// The edit phase's steps with fake services (no Docker): how each way an agent can end becomes
// an exit status, what is recorded, and what the round commit is asked to do.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import type { Agent, EditContext, EditOutcome, Workspace } from '@codearena/protocol';
import { isInfraError } from '../sandbox/infra-error.ts';
import { type EditFixture, editFixture, fakeCommit } from './edit-phase.fixture.ts';
import type { WorkspaceBox } from './edit-services.ts';

const agent = (edit: (ctx: EditContext) => Promise<EditOutcome>): Agent => ({ id: 'test', model: null, edit });
const outcome = (exit: EditOutcome['exit'], summary: string = exit): EditOutcome => ({
  exit,
  steps: 0,
  costUsd: 0.5,
  summary,
});
/** Settles when the signal aborts (at once if it already has). */
const aborted = (signal: AbortSignal) =>
  new Promise<void>((resolve) =>
    signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true }),
  );

/** A workspace service that counts disposals and reports `health`. */
const fakeWorkspace = (health: string | null = null) => {
  const box = { disposed: 0 };
  const sandbox: WorkspaceBox = { health: async () => health, dispose: async () => void box.disposed++ };
  const workspace: Workspace = {
    repoPath: '/repo',
    user: { uid: 1, gid: 1 },
    exec: () => Promise.reject(new Error('not here')),
  };
  return { box, openWorkspace: async () => ({ workspace, sandbox }) };
};

let f: EditFixture;
beforeEach(() => {
  f = editFixture();
});
afterEach(() => f.dispose());

describe('edit phase', () => {
  it('records every step to the trajectory (with messages) and the bus (without)', async () => {
    const res = await f.run(
      agent(async (ctx) => {
        ctx.step('look', 'x'.repeat(30_000), { messages: [{ role: 'user' }], costUsd: 0.1 });
        ctx.step('write', 'done');
        return outcome('submitted', 'changed it');
      }),
    );
    expect(res).toEqual({ exit: 'submitted', commit: 'c0ffee' });
    const lines = readFileSync(f.layout.trajectory('p', 1), 'utf8').trim().split('\n');
    const steps = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(steps.map((s) => [s.step, s.action])).toEqual([
      [1, 'look'],
      [2, 'write'],
    ]);
    expect(steps[0]!.messages).toEqual([{ role: 'user' }]);
    expect(steps[0]!.output).toHaveLength(30_000);
    const shown = f.of('edit.step');
    expect(shown.map((e) => [e.step, e.action])).toEqual([
      [1, 'look'],
      [2, 'write'],
    ]);
    expect(shown[0]).not.toHaveProperty('messages');
    expect(shown[0]!.output).toHaveLength(20_000);
    expect(shown[0]!.costUsd).toBe(0.1);
    const [fin] = f.of('edit.finished');
    expect(fin).toMatchObject({ exit: 'submitted', steps: 2, costUsd: 0.5, summary: 'changed it', ms: 0 });
    expect(readFileSync(f.layout.diff('p', 1), 'utf8')).toBe(fakeCommit().diff);
    expect(f.commits).toEqual([{ round: 1, message: 'changed it', restore: false }]);
    expect(existsSync(f.layout.scratch('p', 1))).toBe(false);
  });

  it('ends an agent that ignores its deadline as time_limit once the grace period is over', async () => {
    let stopped = false;
    const res = await f.run(
      agent(async (ctx) => {
        await aborted(ctx.signal);
        stopped = true;
        return new Promise<EditOutcome>(() => {}); // never finishes
      }),
      { editSeconds: 0 },
      { graceMs: 1 },
    );
    expect(stopped).toBe(true);
    expect(res.exit).toBe('time_limit');
    expect(f.of('edit.finished')[0]!.summary).toBe('did not finish within 0 s');
    expect(f.commits[0]!.restore).toBe(false);
  });

  it('lets an agent that stops within the grace period end as it says', async () => {
    const res = await f.run(
      agent(async (ctx) => {
        await aborted(ctx.signal);
        return outcome('submitted', 'stopped at the deadline');
      }),
      { editSeconds: 0 },
      { graceMs: 600_000 },
    );
    expect(res.exit).toBe('submitted');
    expect(f.of('edit.finished')[0]!.summary).toBe('stopped at the deadline');
  });

  it('passes the deadline from the injected clock', async () => {
    let deadline = 0;
    await f.run(
      agent(async (ctx) => {
        deadline = ctx.deadline;
        return outcome('unchanged');
      }),
      { editSeconds: 7 },
    );
    expect(deadline).toBe(1_000_000 + 7_000);
  });

  it.each([
    [
      'throws at once',
      (): Promise<EditOutcome> => {
        throw new Error('boom');
      },
    ],
    ['rejects', () => Promise.reject(new Error('boom'))],
  ])('ends an agent that %s as crashed, with a fault', async (_name, edit) => {
    const res = await f.run(agent(edit));
    expect(res.exit).toBe('crashed');
    expect(f.of('fault')).toMatchObject([
      { scope: 'agent', round: 1, player: 'p', fault: { kind: 'crash', detail: 'agent crashed: boom' } },
    ]);
    expect(f.of('edit.finished')[0]).toMatchObject({ exit: 'crashed', summary: 'agent crashed: boom' });
    expect(f.commits[0]!.restore).toBe(false);
  });

  it('commits the previous code after a provider error', async () => {
    const res = await f.run(agent(async () => outcome('provider_error', 'the API said 500')));
    expect(res.exit).toBe('provider_error');
    expect(f.commits).toEqual([{ round: 1, message: 'the API said 500', restore: true }]);
  });

  it('commits the previous code, with a fault, when the repo is over its quota', async () => {
    const res = await f.run(
      agent(async () => outcome('submitted')),
      {},
      {
        checkRepoQuota: () => ({ ok: false, problem: 'the repo holds 9 GB' }),
      },
    );
    expect(res.exit).toBe('over_quota');
    const summary = "the repo holds 9 GB; the previous round's code plays";
    expect(f.of('fault')).toMatchObject([{ fault: { kind: 'output_limit', detail: summary } }]);
    expect(f.commits).toEqual([{ round: 1, message: summary, restore: true }]);
  });

  it('stops an agent whose workspace writes past the quota, and does not blame the infrastructure', async () => {
    const ws = fakeWorkspace('the container is gone');
    let within = true;
    const res = await f.run(
      agent(async (ctx) => {
        await ctx.workspace();
        within = false; // the agent's command fills the disk
        await aborted(ctx.signal);
        return outcome('crashed', 'its container went away');
      }),
      {},
      {
        openWorkspace: ws.openWorkspace,
        quotaWatchMs: 1,
        checkRepoQuota: () => (within ? { ok: true, files: 0, bytes: 0 } : { ok: false, problem: 'too big' }),
      },
    );
    expect(res.exit).toBe('over_quota');
    expect(ws.box.disposed).toBeGreaterThanOrEqual(1);
    expect(f.commits[0]!.restore).toBe(true);
  });

  it('turns a crash whose workspace went down into an infrastructure error, and still cleans up', async () => {
    const ws = fakeWorkspace('the container is gone');
    const run = f.run(
      agent(async (ctx) => {
        await ctx.workspace();
        return outcome('crashed', 'exec failed');
      }),
      {},
      { openWorkspace: ws.openWorkspace },
    );
    const err: unknown = await run.catch((e: unknown) => e);
    expect(isInfraError(err)).toBe(true);
    expect((err as Error).message).toBe('the workspace of p failed: the container is gone');
    expect(ws.box.disposed).toBe(1);
    expect(existsSync(f.layout.scratch('p', 1))).toBe(false);
    expect(f.commits).toEqual([]);
    expect(f.of('edit.finished')).toEqual([]);
  });

  it('keeps a crash with a healthy workspace the agent’s own', async () => {
    const ws = fakeWorkspace(null);
    const res = await f.run(
      agent(async (ctx) => {
        await ctx.workspace();
        return outcome('crashed', 'its tool failed');
      }),
      {},
      { openWorkspace: ws.openWorkspace },
    );
    expect(res.exit).toBe('crashed');
    expect(ws.box.disposed).toBe(1);
  });

  it('calls an edit that changed nothing unchanged, whatever the agent said', async () => {
    const res = await f.run(
      agent(async () => outcome('submitted')),
      {},
      { commitRound: async () => fakeCommit(0) },
    );
    expect(res.exit).toBe('unchanged');
  });

  it('stops the agent when the tournament stops', async () => {
    const stop = new AbortController();
    const res = await f.run(
      agent(async (ctx) => {
        stop.abort();
        await aborted(ctx.signal);
        return outcome('submitted', 'interrupted');
      }),
      { signal: stop.signal },
    );
    expect(res.exit).toBe('submitted');
  });
});
