// validate() against real codebases run as host processes, through the server's own runtime and bot client.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateFixture } from '@codearena/server/compete/validate.fixture.ts';
import battlesnake from './index.ts';

const ARENA = join(dirname(fileURLToPath(import.meta.url)), '..');
const { hostContext, codebase } = validateFixture(battlesnake);

describe('validate', () => {
  it.each([['starter'], ['bots/reference-js'], ['bots/random']])('accepts %s', async (dir) => {
    const v = await battlesnake.validate(await hostContext(join(ARENA, dir)));
    expect(v.detail).toMatch(/answered \{"move":"(up|down|left|right)"\}/);
    expect(v.ok).toBe(true);
  });

  it('explains a missing run file', async () => {
    const v = await battlesnake.validate(await hostContext(codebase('missing', null)));
    expect(v).toMatchObject({ ok: false, detail: expect.stringMatching(/no executable `run` file/) });
  });

  it('explains a run file that is not executable', async () => {
    const v = await battlesnake.validate(
      await hostContext(codebase('noexec', '#!/bin/sh\necho \'{"move":"up"}\'\n', false)),
    );
    expect(v).toMatchObject({ ok: false, detail: expect.stringMatching(/chmod \+x run/) });
  });

  it('reports an invalid reply with the bot stderr', async () => {
    const dir = codebase(
      'garbage',
      '#!/bin/bash\necho "thinking..." >&2\nwhile read -r line; do echo \'{"move":"north"}\'; done\n',
    );
    const v = await battlesnake.validate(await hostContext(dir));
    expect(v.ok).toBe(false);
    expect(v.detail).toMatch(/invalid_move/);
    expect(v.detail).toMatch(/thinking\.\.\./);
  });

  it('reports a bot that dies, with its stderr, and never throws', async () => {
    const dir = codebase('crash', '#!/bin/bash\necho "Traceback: boom" >&2\nexit 3\n');
    const v = await battlesnake.validate(await hostContext(dir));
    expect(v.ok).toBe(false);
    expect(v.detail).toMatch(/crash/);
    expect(v.detail).toMatch(/boom/);
    const throwing = {
      codeDir: dir,
      args: battlesnake.parseArgs({}),
      readFile: async () => null,
      exec: async () => {
        throw new Error('sandbox gone');
      },
      startBot: async () => {
        throw new Error('unreachable');
      },
    };
    await expect(battlesnake.validate(throwing)).resolves.toMatchObject({
      ok: false,
      detail: expect.stringMatching(/sandbox gone/),
    });
  });
});
