// A hostile "model" on loopback drives an llm player through the real tournament: real workspace
// containers, real git, real sims. Everything it writes into its repo is an attack on the host's
// handling of that repo (issue 10, findings 1, 2 and 6): a nested repository whose config runs a
// command when the host looks at it, links to host files the host would read into the next
// prompt, and files over the repo quota. The host must run none of it, read none of it and stay
// bounded; the tournament must finish.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Event, type EventOf, TournamentConfig } from '@codearena/protocol';
import { listContainers } from '@codearena/server/sandbox/cleanup.ts';
import { RunFolder } from '@codearena/server/store/run-folder.ts';
import { type TournamentOutcome, runTournament } from '@codearena/server/tournament/tournament.ts';
import { type ScriptedServer, startScriptedServer } from './test-support/scripted-server.ts';

const KEY_ENV = 'CODEARENA_TEST_HOSTILE_KEY';
/** The host's environment as /proc/self/environ shows it (set before this process started): it
 *  must never reach the model, a file or an event. */
const CANARY = `PATH=${process.env.PATH}`;
/** Where the planted commands would leave their mark on the host, if the host ran them. */
const MARK = join(tmpdir(), `codearena-pwned-${process.pid}-${Date.now().toString(36)}`);

const NESTED_REPO = [
  'mkdir -p sub && cd sub && git init -q && echo x > f',
  'git -c user.name=a -c user.email=a@b add f && git -c user.name=a -c user.email=a@b commit -q -m x',
  `git config core.fsmonitor 'touch ${MARK}-fsmonitor-1; false' && echo z >> f`,
  'cd .. && ln -sf /proc/self/environ NOTES.md && ln -sf /etc/shadow shadow.txt && echo planted',
].join(' && ');
// The nested repo was committed as a gitlink in round 1 (by a host that honours nested repos);
// now its config names commands that a host-side `git status` / `git add` (which look into
// submodules) would run. Where its .git is gone, it is made again, armed the same way.
const ARM = [
  `[ -d sub/.git ] || (cd sub && git init -q)`,
  `git -C sub config core.fsmonitor 'touch ${MARK}-fsmonitor; false'`,
  `git -C sub config core.hooksPath /repo/sub/hooks`,
  `mkdir -p sub/hooks && printf '#!/bin/sh\\ntouch ${MARK}-hook\\n' > sub/hooks/post-index-change && chmod +x sub/hooks/post-index-change`,
  `printf '[submodule "sub"]\\n\\tpath = sub\\n\\turl = ext::sh -c touch% ${MARK}-ext\\n\\tupdate = !touch ${MARK}-update\\n' > .gitmodules`,
  `printf '* filter=evil diff=evil merge=evil\\n' > .gitattributes`,
  `echo y >> sub/f; echo armed`,
].join('; ');
// Over the quota (limits.repo_mb: 1): a 2 GiB sparse file, then a loop writing 600 MiB over 30 s
// or more (bounded, so a broken watch cannot fill the test machine's disk).
const FILL =
  'truncate -s 2G sparse.bin; for i in $(seq 1 600); do head -c 1048576 /dev/zero > fill-$i.bin; sleep 0.05; done; echo filled';

let runsDir: string;
let model: ScriptedServer;
let summary: TournamentOutcome;
let events: Event[];
const of = <T extends Event['type']>(t: T) => events.filter((e): e is EventOf<T> => e.type === t);

beforeAll(async () => {
  runsDir = mkdtempSync(join(tmpdir(), 'codearena-hostile-runs-'));
  process.env[KEY_ENV] = 'test-key';
  model = await startScriptedServer('openai', [
    { command: NESTED_REPO },
    { command: 'submit' },
    { command: ARM },
    { command: FILL },
    { command: 'submit' }, // never asked for: the phase is stopped during FILL
  ]);
  const config = TournamentConfig.parse({
    tournament: { rounds: 2, sims_per_round: 1, sim_concurrency: 1, seed: 5 },
    arena: { id: 'battlesnake' },
    players: [
      {
        name: 'mallory',
        agent: {
          kind: 'llm',
          provider: 'openai',
          model: 'gpt-4o-mini',
          base_url: model.baseURL,
          api_key_env: KEY_ENV,
          retries: 0,
          limits: { steps: 5, command_timeout_seconds: 600 },
        },
      },
      { name: 'control', agent: { kind: 'noop' } },
    ],
    limits: { edit_seconds: 120, repo_mb: 1 },
  });
  summary = await runTournament({ config, rawConfig: '# hostile test\n', runsDir });
  events = new RunFolder(summary.runDir).readEvents();
});

afterAll(async () => {
  delete process.env[KEY_ENV];
  await model?.close();
  for (const f of readdirSync(tmpdir()))
    if (f.startsWith(MARK.split('/').pop()!)) rmSync(join(tmpdir(), f), { force: true });
  if (!process.env.KEEP_RUNS) rmSync(runsDir, { recursive: true, force: true });
});

describe('a hostile llm player', () => {
  it('cannot make the host run a command through its repo', () => {
    expect(summary.status).toBe('finished');
    const marks = readdirSync(tmpdir()).filter((f) => f.startsWith(MARK.split('/').pop()!));
    expect(marks).toEqual([]);
  });

  it('cannot make the host read a file through a link: the host environment never reaches the model, a file or an event', () => {
    const round2 = JSON.stringify(model.requests[2]);
    expect(round2).not.toContain(CANARY);
    expect(round2).not.toContain('root:');
    const everything = [
      JSON.stringify(events),
      ...walk(summary.runDir)
        .filter((f) => !f.includes('/repo/'))
        .map((f) => readFileSync(f, 'latin1')),
    ];
    for (const text of everything) {
      expect(text).not.toContain(CANARY);
      expect(text).not.toMatch(/^root:[^:]*:\d+:/m);
    }
  });

  it('never has a nested repository honoured: its files are committed as plain files, its .git is not', () => {
    const r1 = of('edit.finished').find((e) => e.round === 1 && e.player === 'mallory')!;
    expect(r1.exit).toBe('submitted');
    const diff = readFileSync(join(summary.runDir, 'players', 'mallory', 'diffs', 'round-1.diff'), 'utf8');
    expect(diff).toContain('+++ b/sub/f');
    expect(diff).not.toMatch(/Subproject commit/);
    expect(diff).not.toContain('sub/.git');
  });

  it("is stopped at the repo quota while it writes: a clear fault, and the previous round's code plays", () => {
    const r2 = of('edit.finished').find((e) => e.round === 2 && e.player === 'mallory')!;
    expect(model.left()).toBe(1); // stopped during FILL: the model was never asked again
    expect(r2.exit).toBe('over_quota');
    expect(r2.summary).toMatch(/sparse\.bin/);
    expect(r2.diff.files).toBe(0);
    const fault = of('fault').find((f) => f.scope === 'agent' && f.round === 2 && f.player === 'mallory')!;
    expect(fault.fault.detail).toMatch(/sparse\.bin is 2\.0 GiB, over limits\.repo_file_mb/);
    expect(existsSync(join(summary.runDir, 'players', 'mallory', 'repo', 'sparse.bin'))).toBe(false);
    expect(existsSync(join(summary.runDir, 'players', 'mallory', 'repo', 'fill-1.bin'))).toBe(false);
    expect(
      of('validation')
        .filter((v) => v.round === 2)
        .every((v) => v.ok),
    ).toBe(true);
  });

  it('leaves no containers behind', async () => {
    expect(await listContainers(summary.id)).toEqual([]);
  });
});

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}
