// `codearena leaderboard` as users run it: the real binary over an index built from event logs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CampaignLeaderboardPayload } from '@codearena/protocol';
import { ROOT } from '../paths.ts';
import { studyEvents } from '../rating/campaign-events.fixture.ts';
import { StoreIndex } from '../store/index-db.ts';

const BIN = join(ROOT, 'server', 'bin', 'codearena.js');
let runs: string;
const cli = (...args: string[]) =>
  spawnSync('node', [BIN, 'leaderboard', '--runs', runs, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
  });

beforeAll(() => {
  runs = mkdtempSync(join(tmpdir(), 'codearena-lb-cli-'));
  const store = new StoreIndex(join(runs, 'codearena.sqlite'));
  store.ingestMany(studyEvents(runs));
  store.close();
});
afterAll(() => rmSync(runs, { recursive: true, force: true }));

describe('codearena leaderboard --campaign', () => {
  it('prints per-arena tables, the unified table with spend, and the split with the pairing to play', () => {
    const r = cli('--campaign', 'study');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).toContain('Campaign study');
    expect(out).toMatch(/Arena battlesnake[^\n]*2 rounds/);
    expect(out).toMatch(/Arena corewar[^\n]*4 rounds/);
    expect(out).toMatch(/Unified[^\n]*battlesnake ×1\.50, corewar ×0\.75/);
    expect(out).toMatch(/rating\/\$/);
    expect(out).toMatch(/warning:.*2 components/);
    expect(out).toContain('part 1: alice, bob');
    expect(out).toContain('part 2: carol, dave');
    expect(out).toMatch(/alice vs carol\s+\(joins part 1 and part 2\)/);
    expect(out).toMatch(/Spend per model[\s\S]*search:scripted-1\s+\$0\.0750\s+6/);
    expect(out).not.toContain('zed'); // not in the campaign
  });

  it('prints the same as JSON, grouped by agent, for one arena', () => {
    const r = cli('--campaign', 'study', '--by', 'agent', '--arena', 'corewar', '--json');
    expect(r.status).toBe(0);
    const lb = CampaignLeaderboardPayload.parse(JSON.parse(r.stdout));
    expect(lb).toMatchObject({ campaign: 'study', by: 'agent', arena: 'corewar', tournaments: 2 });
    expect(lb.arenas.map((a) => a.arena)).toEqual(['corewar']);
    expect(lb.unified.graph.components).toEqual([['noop', 'search:scripted-1']]);
    expect(lb.unified.rows.find((x) => x.id === 'search:scripted-1')?.spendUsd).toBeCloseTo(0.05, 12);
  });

  it('names the known campaigns for an unknown one, exit 2', () => {
    const r = cli('--campaign', 'nope');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--campaign: no campaign "nope"');
    expect(r.stderr).toContain('known campaigns: study');
    expect(r.stdout).toBe('');
  });
});

describe('codearena leaderboard (whole store)', () => {
  it('still rates every tournament, and warns that the graph is split', () => {
    const r = cli();
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Leaderboard[^\n]*8 rounds/);
    expect(r.stdout).toMatch(/\bzed\b/);
    expect(r.stdout).toContain('part 1: alice, bob, zed');
    expect(r.stdout).toMatch(/bob vs carol|alice vs carol/);
  });
});
