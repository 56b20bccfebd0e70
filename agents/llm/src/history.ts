// A short account of the previous round for the task prompt, read on the host from the round
// logs the workspace also mounts (results.json and the sims' replay files). Missing or odd
// files make it shorter, never fail.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

interface Results {
  simWins?: Record<string, number>;
  ties?: number;
  sims?: number;
  winner?: string | null;
  forfeited?: string[];
  validations?: Record<string, { ok: boolean; detail: string }>;
}

interface SimHeader {
  sim?: number;
  winner?: string | null;
  reason?: string;
  frames?: unknown[];
  turns?: number;
  faults?: { player: string; kind: string; count: number; detail: string }[];
}

const MAX_SIMS = 12;

export function lastRoundDigest(logsDir: string, round: number, player: string): string | null {
  const prev = round - 1;
  const dir = join(logsDir, String(prev));
  const results = readJson<Results>(join(dir, 'results.json'));
  if (!results) return null;
  const lines: string[] = [];
  const wins = results.simWins ?? {};
  const label = prev === 0 ? `Round 0 (the starting codebases)` : `Round ${prev}`;
  const score = Object.entries(wins).map(([p, w]) => `${p === player ? `${p} (you)` : p} ${w}`).join(', ');
  lines.push(`${label}: ${results.sims ?? '?'} sims; sim wins: ${score}${results.ties ? `; ${results.ties} tied` : ''}.`);
  lines.push(results.winner ? `Round winner: ${results.winner === player ? 'you' : results.winner}.` : 'The round was a tie.');
  const v = results.validations?.[player];
  if (v && !v.ok) lines.push(`Your codebase FAILED validation and forfeited the round: ${v.detail}`);
  for (const f of results.forfeited ?? []) if (f !== player) lines.push(`${f} forfeited (invalid codebase).`);

  const simsDir = join(dir, 'sims');
  const files = existsSync(simsDir) ? readdirSync(simsDir).filter((f) => f.endsWith('.json')).sort((a, b) => parseInt(a) - parseInt(b)) : [];
  for (const f of files.slice(0, MAX_SIMS)) {
    const s = readJson<SimHeader>(join(simsDir, f));
    if (!s) continue;
    const turns = s.turns ?? (s.frames ? s.frames.length - 1 : undefined);
    const mine = (s.faults ?? []).filter((x) => x.player === player);
    const faults = mine.length ? `; your faults: ${mine.map((x) => `${x.count}× ${x.kind} (${x.detail})`).join(', ')}` : '';
    const after = turns !== undefined && !/\bturns?\b/.test(s.reason ?? '') ? ` after ${turns} turns` : '';
    lines.push(`- sim ${s.sim ?? f}: ${s.winner ? `${s.winner === player ? 'you' : s.winner} won` : 'tie'}${after}${s.reason ? ` — ${s.reason}` : ''}${faults}`);
  }
  if (files.length > MAX_SIMS) lines.push(`- … ${files.length - MAX_SIMS} more sims in the logs`);
  return lines.join('\n');
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** The tournament's player names, from round 0's results (every player is listed there). */
export function playersOf(logsDir: string): string[] {
  return Object.keys(readJson<Results>(join(logsDir, '0', 'results.json'))?.simWins ?? {});
}
