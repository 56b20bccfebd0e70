// `codearena match` as users run it, against a bot that writes terminal escape sequences (window
// title, OSC 52 clipboard write, clear screen, C1 CSI, a fake "✓ all bots validated" line via
// \r and cursor movement, a bidi override) in its replies and on stderr, then crashes: the
// report shows what it wrote, visibly escaped, and no raw control character reaches the terminal.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, arenaDir } from '../paths.ts';
import { HOSTILE_TEXT, RAW_CONTROL } from './hostile-text.fixture.ts';

const BIN = join(ROOT, 'server', 'bin', 'codearena.js');
let dir: string;
let bot: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'codearena-escapes-'));
  bot = join(dir, 'escaper');
  mkdirSync(bot);
  // The first move request gets the hostile text as its move; the second, the same text on
  // stderr and an exit (code 3), so the stderr tail lands in the crash fault's detail.
  writeFileSync(
    join(bot, 'bot.py'),
    [
      'import json, sys',
      `ESC = ${JSON.stringify(HOSTILE_TEXT)}`,
      'moves = 0',
      'for line in sys.stdin:',
      '    if json.loads(line).get("type") != "move": continue',
      '    moves += 1',
      '    sys.stderr.buffer.write((ESC + "\\n").encode()); sys.stderr.flush()',
      '    if moves == 2: sys.exit(3)',
      '    sys.stdout.write(json.dumps({"move": ESC + "up"}) + "\\n"); sys.stdout.flush()',
      '',
    ].join('\n'),
  );
  writeFileSync(join(bot, 'run'), '#!/bin/sh\nexec python3 -u "$(dirname "$0")/bot.py"\n');
  chmodSync(join(bot, 'run'), 0o755);
  chmodSync(join(bot, 'bot.py'), 0o644);
  chmodSync(bot, 0o755);
  chmodSync(dir, 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('codearena match with a bot that writes terminal escapes', () => {
  it('prints its faults escaped: no raw ESC, C1, \\r or bidi override on stdout or stderr', () => {
    const starter = join(arenaDir('battlesnake'), 'starter');
    const r = spawnSync('node', [BIN, 'match', 'battlesnake', bot, starter, '--sims', '1'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 300_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Faults');
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    // What the bot tried is there to read, visibly escaped: its reply and its stderr (crash).
    expect(r.stdout).toMatch(/invalid_move — .*\\x1b\]0;pwned/);
    expect(r.stdout).toMatch(/crash — exited with code 3: .*\\x1b\]52;c;/);
  });
});
