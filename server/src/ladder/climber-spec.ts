// player.yaml for `ladder climb`: one tournament player entry ({ name, agent, codebase? }), with
// the config loader's YAML, zod and placing machinery, so every problem comes with its line and fix.
import { dirname, resolve } from 'node:path';
import { PlayerConfig } from '@codearena/protocol';
import { ConfigError } from '../config/config-error.ts';
import { type YamlKind, parseYaml, place, readYamlFile } from '../config/load-config.ts';
import { codebaseIssues, resolveCodebase } from '../config/player-checks.ts';
import { isRecord } from '../config/schema-walk.ts';
import { fromZodIssues } from '../config/zod-issues.ts';

const PLAYER: YamlKind = {
  noun: 'player file',
  title: 'player file',
  example: 'README "Ladders"',
  sections: 'name and agent (codebase optional)',
};

/** The climber, its codebase (when given) made absolute against the file's directory. */
export function loadClimber(path: string): PlayerConfig {
  const abs = resolve(path);
  return parseClimberText(readYamlFile(path, abs, PLAYER), dirname(abs), path);
}

export function parseClimberText(text: string, baseDir: string, label = 'player file'): PlayerConfig {
  const { doc, lines, data } = parseYaml(text, label, PLAYER);
  if (!isRecord(data))
    throw new ConfigError(label, [
      {
        path: '',
        message: `the file must be a mapping with ${PLAYER.sections}, e.g. { name: me, agent: { kind: noop } }`,
      },
    ]);
  const parsed = PlayerConfig.safeParse(data, { reportInput: true });
  const drafts = [
    ...(parsed.success ? [] : fromZodIssues(parsed.error.issues, PlayerConfig, data)),
    // The tournament config's directory check, its player path mapped to the file's top level.
    ...codebaseIssues({ players: [data] }, baseDir).map((d) => ({ ...d, path: d.path.slice(2) })),
  ];
  if (!parsed.success || drafts.length > 0) throw new ConfigError(label, place(drafts, doc, lines));
  const p = parsed.data;
  return p.codebase === undefined ? p : { ...p, codebase: resolveCodebase(p.codebase, baseDir) };
}
