// Shared by the edit phase's tests: one player's phase in a fresh run folder, an event-capturing
// bus, and services whose clock, workspace, quota and commit are fakes unless a test passes
// real ones.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Agent, type Event, type EventOf, LimitsConfig } from '@codearena/protocol';
import { getArena } from '../arenas.ts';
import { EventBus } from '../bus/event-bus.ts';
import { sandboxLimitsFrom } from '../sandbox/limits.ts';
import { RunFolder } from '../store/run-folder.ts';
import { type EditInput, editPhase } from './edit-phase.ts';
import { type EditServices, editServices } from './edit-services.ts';
import type { RoundCommit } from './git.ts';
import { repoQuotaFrom } from './repo-quota.ts';

export interface EditFixture {
  layout: RunFolder;
  bus: EventBus;
  events: Event[];
  of<T extends Event['type']>(t: T): EventOf<T>[];
  /** Every commitRound call's options. */
  commits: { round: number; message: string; restore: boolean }[];
  run(agent: Agent, over?: Partial<EditInput>, services?: Partial<EditServices>): ReturnType<typeof editPhase>;
  dispose(): void;
}

export const fakeCommit = (files = 1): RoundCommit => ({
  commit: 'c0ffee',
  diff: files ? 'diff --git a/x b/x\n' : '',
  truncated: false,
  stat: { files, insertions: files, deletions: 0 },
  removed: [],
  failed: null,
});

/** Services with no Docker: a fixed clock, a repo always within quota, a commit that records. */
export function editFixture(runId = `edit-test-${process.pid}`): EditFixture {
  const dir = mkdtempSync(join(tmpdir(), 'codearena-edit-'));
  const layout = new RunFolder(join(dir, runId));
  const bus = new EventBus(runId);
  const events: Event[] = [];
  bus.subscribe((e) => events.push(e));
  const commits: EditFixture['commits'] = [];
  const limits = LimitsConfig.parse({});
  const fakes: EditServices = {
    ...editServices,
    now: () => 1_000_000,
    openWorkspace: () => Promise.reject(new Error('no workspace in this test')),
    checkRepoQuota: () => ({ ok: true, files: 0, bytes: 0 }),
    commitRound: async (_dir, round, message, o) => {
      commits.push({ round, message, restore: o.restore ?? false });
      return fakeCommit();
    },
  };
  return {
    layout,
    bus,
    events,
    of: <T extends Event['type']>(t: T) => events.filter((e): e is EventOf<T> => e.type === t),
    commits,
    run: (agent, over = {}, services = {}) =>
      editPhase(
        {
          round: 1,
          rounds: 1,
          player: 'p',
          agent,
          arena: getArena('battlesnake').arena,
          arenaArgs: {},
          brief: 'brief',
          seed: 1,
          editSeconds: 60,
          opponents: [],
          seats: 2,
          mode: 'docker',
          limits: sandboxLimitsFrom(limits),
          quota: repoQuotaFrom(limits),
          deadlineMs: 1000,
          bus,
          layout,
          signal: new AbortController().signal,
          ...over,
        },
        { ...fakes, ...services },
      ),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
