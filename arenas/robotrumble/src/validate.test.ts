// validate() against real codebases run as host processes, through the server's own runtime and bot client.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateFixture } from '@codearena/server/compete/validate.fixture.ts';
import robotrumble from './index.ts';

const ARENA = join(dirname(fileURLToPath(import.meta.url)), '..');
const { hostContext, codebase } = validateFixture(robotrumble);

describe('validate', () => {
  it.each([['starter'], ['bots/random'], ['bots/hunter']])('accepts %s', async (dir) => {
    const v = await robotrumble.validate(await hostContext(join(ARENA, dir)));
    expect(v.detail).toMatch(/bot gave \d+ action\(s\)/);
    expect(v.ok).toBe(true);
  });

  it('explains a missing run file', async () => {
    const v = await robotrumble.validate(await hostContext(codebase('missing', null)));
    expect(v).toMatchObject({ ok: false, detail: expect.stringMatching(/no executable `run` file/) });
  });

  it('reports a malformed reply with the bot stderr', async () => {
    const dir = codebase(
      'garbage',
      '#!/bin/bash\necho "thinking..." >&2\nwhile read -r line; do echo \'{"actions":{"114":"north"}}\'; done\n',
    );
    const v = await robotrumble.validate(await hostContext(dir));
    expect(v.ok).toBe(false);
    expect(v.detail).toMatch(/bad_output/);
    expect(v.detail).toMatch(/thinking\.\.\./);
  });
});
