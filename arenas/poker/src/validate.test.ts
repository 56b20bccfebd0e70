// validate() against real codebases run as host processes, through the server's own runtime and bot client.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateFixture } from '@codearena/server/compete/validate.fixture.ts';
import poker from './index.ts';

const ARENA = join(dirname(fileURLToPath(import.meta.url)), '..');
const { hostContext, codebase } = validateFixture(poker);

describe('validate', () => {
  const shipped = ['starter', ...readdirSync(join(ARENA, 'bots')).map((b) => `bots/${b}`)];
  it.each(shipped)('accepts %s', async (dir) => {
    const v = await poker.validate(await hostContext(join(ARENA, dir)));
    expect(v.detail).toMatch(/preflop: \{"action":"\w+".*flop: \{"action":"\w+"/);
    expect(v.ok).toBe(true);
  });

  it('explains a missing or non-executable run file', async () => {
    expect(await poker.validate(await hostContext(codebase('missing', null)))).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/no executable `run` file/),
    });
    expect(await poker.validate(await hostContext(codebase('noexec', '#!/bin/sh\n', false)))).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/chmod \+x run/),
    });
  });

  it('rejects an illegal action, with the bot stderr', async () => {
    const dir = codebase(
      'raiser',
      '#!/bin/bash\necho "thinking..." >&2\nwhile read -r line; do case "$line" in *\'"act"\'*) echo \'{"action":"raise","amount":1}\';; esac; done\n',
    );
    const v = await poker.validate(await hostContext(dir));
    expect(v.ok).toBe(false);
    expect(v.detail).toMatch(/invalid_move.*outside/);
    expect(v.detail).toMatch(/thinking\.\.\./);
  });

  it('reports a bot that dies, with its stderr, and never throws', async () => {
    const v = await poker.validate(
      await hostContext(codebase('crash', '#!/bin/bash\necho "Traceback: boom" >&2\nexit 3\n')),
    );
    expect(v.ok).toBe(false);
    expect(v.detail).toMatch(/boom/);
    const throwing = {
      ...(await hostContext(codebase('throwing', null))),
      exec: async () => {
        throw new Error('sandbox gone');
      },
    };
    expect(await poker.validate(throwing)).toMatchObject({ ok: false, detail: expect.stringMatching(/sandbox gone/) });
  });
});
