// Reply lines a hostile bot can write that are valid (or nearly valid) JSON under the 64 KB line
// cap and used to crash the host while being checked or described: nesting deep enough to
// overflow a recursive JSON.stringify/String, own `__proto__` keys, objects whose `toString` is
// not a function, huge numbers, strings and key lists, terminal escapes. `key` is the arena's
// reply key (BattleSnake "move", poker "action"), so the hostile value reaches the arena's own
// field checks and not only the shape check. Each must become a bad_output / invalid_move fault
// with a short detail; none may throw.
import { type Arena, type PlayerId, createRng } from '@codearena/protocol';

/** Under the bot client's default 64 KiB line cap (the line itself, without its newline). */
const LINE_BUDGET = 64_000;

const deepArrays = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const deepObjects = (n: number, inner = '1') => `${'{"a":'.repeat(n)}${inner}${'}'.repeat(n)}`;

export interface HostileReply {
  label: string;
  /** The reply line exactly as the bot writes it (no newline). */
  line: string;
}

export function hostileReplies(key: string): HostileReply[] {
  const k = JSON.stringify(key);
  const replies: HostileReply[] = [
    { label: '32,000 nested arrays', line: deepArrays(32_000) },
    { label: `32,000 nested arrays as ${k}`, line: `{${k}:${deepArrays(31_990)}}` },
    { label: `9,000 nested objects as ${k}`, line: `{${k}:${deepObjects(9_000)}}` },
    { label: 'deep objects whose toString is not a function', line: `{"toString":1,"a":${deepObjects(9_000)}}` },
    {
      label: `deep objects whose toString is not a function as ${k}`,
      line: `{${k}:{"toString":1,"valueOf":1,"a":${deepObjects(9_000)}}}`,
    },
    { label: 'an own __proto__ key', line: `{"__proto__":{${k}:"x","polluted":true},${k}:"x"}` },
    { label: `__proto__ inside ${k}`, line: `{${k}:{"__proto__":{"toString":1}}}` },
    { label: `1e999 as ${k}`, line: `{${k}:1e999}` },
    { label: `a 60,000-digit number as ${k}`, line: `{${k}:${'9'.repeat(60_000)}}` },
    { label: `a 60,000-character string as ${k}`, line: `{${k}:"${'x'.repeat(60_000)}"}` },
    { label: '6,000 unknown keys', line: `{${Array.from({ length: 6000 }, (_, i) => `"k${i}":0`).join(',')}}` },
    { label: 'a 60,000-character unknown key', line: `{"${'k'.repeat(60_000)}":0}` },
    {
      label: `terminal escapes as ${k}`,
      line: `{${k}:"\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\r✓ all bots validated"}`,
    },
  ];
  for (const r of replies)
    if (Buffer.byteLength(r.line) > LINE_BUDGET + 100) throw new Error(`${r.label}: line too long for the cap`);
  return replies;
}

/** Longest fault detail a hostile reply may produce (what the match and validation keep). */
export const MAX_DETAIL = 500;

/** The key a move reply carries (BattleSnake "move", poker "action"), read off the arena's own
 *  sampleMove so hostile values reach its field checks; "move" for arenas that ask no one. */
export function replyKey(arena: Arena, state: unknown, players: readonly PlayerId[]): string {
  for (const p of players) {
    const obs = arena.observe(state, p);
    if (obs === null) continue;
    const sample = arena.sampleMove(obs, createRng('reply-key'));
    const first = sample && typeof sample === 'object' ? Object.keys(sample)[0] : undefined;
    if (first) return first;
  }
  return 'move';
}
