import { chmodSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../paths.ts';
import { ConfigError, checkArena, formatIssue, loadConfig, parseConfigText } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'codearena-config-'));
mkdirSync(join(dir, 'bots', 'alice'), { recursive: true });
mkdirSync(join(dir, 'bots', 'bob'), { recursive: true });
writeFileSync(join(dir, 'bots', 'README.md'), 'not a directory');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GOOD = `
tournament:
  name: smoke
arena:
  id: battlesnake
players:
  - name: alice
    agent: { kind: noop }
    codebase: bots/alice
  - name: bob
    agent: { kind: search }
`;

/** The error's issues as the CLI prints them (one per line, without the header). */
function problems(text: string): string[] {
  try {
    parseConfigText(text, dir, 'test.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).issues.map(formatIssue);
  }
  throw new Error('config was accepted');
}

/** A valid config with one line replaced, so each case shows only the problem under test. */
const variant = (from: string, to: string): string => {
  expect(GOOD).toContain(from);
  return GOOD.replace(from, to);
};

describe('parseConfigText: valid configs', () => {
  it('fills in every default and makes codebases absolute', () => {
    const config = parseConfigText(GOOD, dir, 'good.yaml');
    expect(config).toEqual({
      tournament: { name: 'smoke', rounds: 3, sims_per_round: 10, sim_concurrency: 2, transparent: false, seed: 1 },
      arena: { id: 'battlesnake', args: {} },
      players: [
        { name: 'alice', agent: { kind: 'noop' }, codebase: join(dir, 'bots', 'alice') },
        { name: 'bob', agent: { kind: 'search', candidates: 4, sims_per_candidate: 6, step: 0.25 } },
      ],
      limits: {
        edit_seconds: 300,
        memory_mb: 512,
        cpus: 1,
        pids: 128,
        repo_mb: 128,
        repo_files: 20_000,
        repo_file_mb: 32,
      },
    });
  });

  it('keeps explicit values and arena args; x- keys hold anchors', () => {
    const config = parseConfigText(
      `
tournament: { rounds: 7, sims_per_round: 50, sim_concurrency: 4, transparent: true, seed: 42 }
arena: { id: battlesnake, args: { width: 11, height: 11 } }
x-tuned: &tuned { kind: search, candidates: 8, step: 0.1 }
players:
  - { name: a, agent: *tuned }
  - { name: b, agent: *tuned, codebase: ${join(dir, 'bots', 'bob')} }
limits: { edit_seconds: 60, memory_mb: 256, cpus: 0.5, pids: 64, turn_deadline_ms: 500 }
`,
      dir,
      'explicit.yaml',
    );
    expect(config.tournament).toEqual({
      rounds: 7,
      sims_per_round: 50,
      sim_concurrency: 4,
      transparent: true,
      seed: 42,
    });
    expect(config.arena.args).toEqual({ width: 11, height: 11 });
    expect(config.limits).toEqual({
      edit_seconds: 60,
      memory_mb: 256,
      cpus: 0.5,
      pids: 64,
      turn_deadline_ms: 500,
      repo_mb: 128,
      repo_files: 20_000,
      repo_file_mb: 32,
    });
    expect(config.players[1]?.codebase).toBe(join(dir, 'bots', 'bob'));
  });
});

describe('parseConfigText: bad configs name the field, the problem and the fix', () => {
  it('unknown agent kind', () => {
    expect(problems(variant('agent: { kind: search }', 'agent: { kind: gpt }'))).toEqual([
      'line 11: players[1].agent.kind: "gpt" is not an agent kind; use one of: noop, search, llm, cli',
    ]);
  });

  it('misspelt agent kind gets a suggestion', () => {
    expect(problems(variant('agent: { kind: search }', 'agent: { kind: serch }'))).toEqual([
      'line 11: players[1].agent.kind: "serch" is not an agent kind; use one of: noop, search, llm, cli (did you mean "search"?)',
    ]);
  });

  it('missing agent kind', () => {
    expect(problems(variant('agent: { kind: search }', 'agent: { candidates: 3 }'))).toEqual([
      'line 11: players[1].agent.kind: required field is missing; use one of: noop, search, llm, cli',
    ]);
  });

  it('a word where a whole number belongs', () => {
    expect(problems(variant('  name: smoke', '  rounds: three'))).toEqual([
      'line 3: tournament.rounds: expected a whole number from 1 to 1000, got "three"',
    ]);
  });

  it('out-of-range and fractional numbers state the full range', () => {
    expect(problems(variant('  name: smoke', '  rounds: 0\n  seed: 1.5\nlimits: { cpus: 0 }'))).toEqual([
      'line 3: tournament.rounds: expected a whole number from 1 to 1000, got 0',
      'line 4: tournament.seed: expected a whole number from 0 to 2147483647, got 1.5',
      'line 5: limits.cpus: expected a number > 0 and ≤ 64, got 0',
    ]);
  });

  it('quoted numbers and yes/no booleans say how to write them', () => {
    expect(problems(variant('  name: smoke', '  seed: "12"\n  transparent: yes'))).toEqual([
      'line 3: tournament.seed: expected a whole number from 0 to 2147483647, got "12"; remove the quotes',
      'line 4: tournament.transparent: expected true or false, got "yes"; write true or false, without quotes',
    ]);
  });

  it('a number where text belongs', () => {
    expect(problems(variant('id: battlesnake', 'id: 3'))).toEqual([
      'line 5: arena.id: expected text, got 3; put it in quotes: "3"',
    ]);
  });

  it('misspelt top-level section: suggestion, and no redundant "missing" error', () => {
    expect(problems(variant('tournament:', 'tournamnet:'))).toEqual([
      'line 2: unknown field `tournamnet`; did you mean `tournament`?',
    ]);
  });

  it('camelCase field name suggests the snake_case one', () => {
    expect(problems(variant('  name: smoke', '  simsPerRound: 5'))).toEqual([
      'line 3: tournament: unknown field `simsPerRound`; did you mean `sims_per_round`?',
    ]);
  });

  it('a field put in the wrong section says where it belongs', () => {
    expect(problems(`${GOOD}limits:\n  transparent: true\n`)).toEqual([
      'line 13: limits: unknown field `transparent`; it belongs under `tournament`, move it there',
    ]);
  });

  it('an unknown field with no near match lists the allowed ones', () => {
    expect(problems(variant('agent: { kind: search }', 'agent: { kind: search, temperature: 0.2 }'))).toEqual([
      'line 11: players[1].agent: unknown field `temperature`; remove it, or use one of: kind, candidates, sims_per_candidate, step',
    ]);
  });

  it('duplicate player names point at the second one', () => {
    expect(problems(variant('- name: bob', '- name: alice'))).toEqual([
      'line 10: players[1].name: "alice" is also the name of players[0]; player names must be unique, rename one of them',
    ]);
  });

  it('invalid player name explains the allowed characters', () => {
    expect(problems(variant('- name: bob', '- name: "bob smith"'))).toEqual([
      'line 10: players[1].name: "bob smith" is not a valid name; use 1–40 letters, digits, "_", "." or "-", starting with a letter or digit',
    ]);
  });

  it('too few players', () => {
    const one = GOOD.slice(0, GOOD.indexOf('  - name: bob'));
    expect(problems(one)).toEqual(['line 6: players: needs at least 2 players, got 1; add 1 more']);
  });

  it('missing codebase directory, with a typo suggestion and the base directory', () => {
    expect(problems(variant('codebase: bots/alice', 'codebase: bots/alcie'))).toEqual([
      `line 9: players[0].codebase: directory ${join(dir, 'bots', 'alcie')} does not exist (did you mean "bots/alice"?); ` +
        `relative paths start at the config file's directory, ${dir}`,
    ]);
  });

  it('codebase that is a file', () => {
    expect(problems(variant('codebase: bots/alice', 'codebase: bots/README.md'))).toEqual([
      `line 9: players[0].codebase: ${join(dir, 'bots', 'README.md')} is a file; a codebase must be a directory (the bot's repository)`,
    ]);
  });

  it('missing required section says what to add', () => {
    expect(problems(GOOD.replace('arena:\n  id: battlesnake\n', ''))).toEqual([
      'line 2: arena: required section is missing; add `arena:` with fields id, args',
    ]);
    expect(problems(GOOD.replace('tournament:\n  name: smoke\n', ''))).toEqual([
      'line 2: tournament: required section is missing; add `tournament: {}` to use the defaults',
    ]);
  });

  it('empty values say what to write or that the line can go', () => {
    expect(problems(variant('  name: smoke', '  name:\n  rounds:'))).toEqual([
      'line 3: tournament.name: is empty; expected text, or remove the line to leave it unset',
      'line 4: tournament.rounds: is empty; expected a whole number from 1 to 1000, or remove the line to use the default (3)',
    ]);
    expect(problems(variant('tournament:\n  name: smoke', 'tournament:'))).toEqual([
      'line 2: tournament: is empty; expected a mapping (indented "key: value" lines); write `tournament: {}` or remove the line to use the defaults',
    ]);
  });

  it('YAML syntax errors give line and column and show the text', () => {
    const [first, ...rest] = problems('tournament:\n  rounds: [1, 2\narena: x\n');
    expect(first).toMatch(
      /^line 3, column 1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a \]/,
    );
    expect(first).toContain('    arena: x');
    expect(rest).toEqual([]);
  });

  it('duplicate YAML keys are a syntax error', () => {
    expect(problems(variant('  name: smoke', '  name: smoke\n  name: again'))).toEqual([
      expect.stringMatching(/^line 4, column 3: YAML syntax error: Map keys must be unique/),
    ]);
  });

  it('an empty file or a non-mapping document', () => {
    expect(problems('# nothing yet\n')).toEqual([
      'the file is empty; it needs tournament, arena and players sections (configs/demo.yaml is an example)',
    ]);
    expect(problems('- a\n- b\n')).toEqual([
      'line 1: the file must be a mapping with tournament, arena and players sections, got a list',
    ]);
  });

  it('lists every problem, one per line, typos first and filesystem last', () => {
    const text = `
tournament: { rounds: three }
arena: { idd: battlesnake }
players:
  - { name: alice, agent: { kind: gpt }, codebase: nowhere }
  - { name: alice, agent: { kind: noop } }
`;
    expect(problems(text)).toEqual([
      'line 3: arena: unknown field `idd`; did you mean `id`?',
      'line 2: tournament.rounds: expected a whole number from 1 to 1000, got "three"',
      'line 5: players[0].agent.kind: "gpt" is not an agent kind; use one of: noop, search, llm, cli',
      'line 6: players[1].name: "alice" is also the name of players[0]; player names must be unique, rename one of them',
      `line 5: players[0].codebase: directory ${join(dir, 'nowhere')} does not exist; relative paths start at the config file's directory, ${dir}`,
    ]);
  });
});

describe('ConfigError', () => {
  it('has exit code 2 and a message naming the source, one problem per line', () => {
    let caught: unknown;
    try {
      parseConfigText(variant('agent: { kind: search }', 'agent: { kind: gpt }\n    extra: 1'), dir, 'request body');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(Error);
    const err = caught as ConfigError;
    expect(err.exitCode).toBe(2);
    expect(err.name).toBe('ConfigError');
    expect(err.message).toBe(
      [
        'request body has 2 problems:',
        '  line 11: players[1].agent.kind: "gpt" is not an agent kind; use one of: noop, search, llm, cli',
        '  line 12: players[1]: unknown field `extra`; remove it, or use one of: name, agent, codebase',
      ].join('\n'),
    );
  });
});

describe('loadConfig', () => {
  it('reads a file and resolves codebases against its directory', () => {
    const file = join(dir, 'good.yaml');
    writeFileSync(file, GOOD);
    const loaded = loadConfig(file);
    expect(loaded.path).toBe(file);
    expect(loaded.baseDir).toBe(dir);
    expect(loaded.raw).toBe(GOOD);
    expect(loaded.config.players[0]?.codebase).toBe(join(dir, 'bots', 'alice'));
  });

  it('a missing file is a ConfigError that names it', () => {
    const file = join(dir, 'nope.yaml');
    expect(() => loadConfig(file)).toThrow(ConfigError);
    expect(() => loadConfig(file)).toThrow(
      `${file} has 1 problem:\n  file not found (looked for ${file}); check the path, e.g. configs/demo.yaml`,
    );
  });

  it('a directory instead of a file lists the YAML files inside', () => {
    const sub = join(dir, 'configs');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'demo.yaml'), GOOD);
    expect(() => loadConfig(sub)).toThrow(`${sub} is a directory; pass the YAML file itself; it holds demo.yaml`);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable file says so', () => {
    const file = join(dir, 'secret.yaml');
    writeFileSync(file, GOOD);
    chmodSync(file, 0o000);
    expect(() => loadConfig(file)).toThrow('cannot be read (permission denied)');
  });
});

describe('loadConfig: files too big to be a config are refused before they are read', () => {
  // A 60 MB YAML took 51 s and 2.2 GB before it was rejected; nothing of an oversized file is
  // read now, so these are immediate whatever the size.
  it('a config file over 1 MiB names its size and the limit', () => {
    const file = join(dir, 'huge.yaml');
    writeFileSync(file, GOOD + `# ${'x'.repeat(98)}\n`.repeat(21_000)); // valid YAML, about 2 MiB
    expect(() => loadConfig(file)).toThrow(
      `${file} has 1 problem:\n  ${file} is 2.0 MiB; a config file is at most 1 MiB (configs/demo.yaml is about 1 KiB); pass the tournament config itself`,
    );
  });

  it('a sparse 64 MiB file is refused as fast, by its size (nothing of it is read)', () => {
    const file = join(dir, 'sparse.yaml');
    writeFileSync(file, '');
    truncateSync(file, 64 * 1024 ** 2);
    expect(() => loadConfig(file)).toThrow(`${file} is 64.0 MiB; a config file is at most 1 MiB`);
  });

  it('a FIFO is refused without waiting for a writer (`codearena run` exits 2 at once)', () => {
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    // A child process, so that a reader blocked on the FIFO (the old behaviour) fails the test
    // by its generous timeout instead of hanging the test worker.
    const r = spawnSync('node', [join(ROOT, 'server', 'bin', 'codearena.js'), 'run', fifo], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain(`${fifo} is not a regular file (a pipe, socket or device); pass the YAML file itself`);
  });

  it('config text over 1 MiB (not from a file) is refused before it is parsed', () => {
    expect(problems(GOOD + `# ${'x'.repeat(98)}\n`.repeat(21_000))).toEqual([
      'the config is 2.0 MiB; a config is at most 1 MiB (configs/demo.yaml is about 1 KiB); shorten it',
    ]);
  });

  it('a YAML alias bomb (billion laughs) is refused without expanding it', () => {
    const bomb = [`a0: &a0 [${Array(10).fill('"lol"').join(',')}]`];
    for (let i = 1; i < 10; i++)
      bomb.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(',')}]`,
      );
    const text = variant('arena:', `x-bomb: ${bomb.map((l) => `\n  ${l}`).join('')}\narena:`).replace(
      'x-bomb: ',
      'x-bomb:',
    );
    expect(problems(text)).toEqual([
      'YAML error: Excessive alias count indicates a resource exhaustion attack; a config never needs that many aliases (*name), write the values out',
    ]);
  });
});

describe('checkArena', () => {
  const config = parseConfigText(variant('id: battlesnake', 'id: battlesnak'), dir, 'x.yaml');

  it('passes a known arena', () => {
    expect(() => checkArena(parseConfigText(GOOD, dir), ['battlesnake', 'corewar'])).not.toThrow();
  });

  it('names arena.id and the known ids, suggesting the closest', () => {
    expect(() => checkArena(config, ['corewar', 'battlesnake'], 'x.yaml')).toThrow(
      'x.yaml has 1 problem:\n  arena.id: "battlesnak" is not a known arena; use one of: battlesnake, corewar (did you mean "battlesnake"?)',
    );
    const err = (() => {
      try {
        checkArena(config, []);
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('unknown arena accepted');
    })();
    expect(err.exitCode).toBe(2);
    expect(err.issues).toEqual([
      { path: 'arena.id', message: '"battlesnak" is not a known arena; no arenas are installed (see arenas/)' },
    ]);
  });
});
