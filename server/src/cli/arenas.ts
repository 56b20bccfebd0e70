// `codearena arenas`
import { arenaIds, getArena } from '../arenas.ts';
import { table } from './format.ts';

export function arenasCommand(o: { json?: boolean }): void {
  const list = arenaIds().map((id) => getArena(id));
  if (o.json) {
    process.stdout.write(
      `${JSON.stringify(list.map((e) => ({ ...e.arena.manifest, starter: e.starter, bots: e.bots })))}\n`,
    );
    return;
  }
  const rows = list.map(({ arena: { manifest: m }, bots }) => [
    m.id,
    m.name,
    `${m.players.min}–${m.players.max}`,
    m.botKind,
    // An engine keeps its own time (RoboCode's per-turn budget): no host deadline per turn.
    m.botKind === 'engine' ? '–' : `${m.turnDeadlineMs} ms`,
    Object.keys(bots).join(', '),
    m.description,
  ]);
  process.stdout.write(
    `${table(['id', 'name', 'players', 'bot kind', 'deadline', 'reference bots', 'description'], rows)}\n`,
  );
}
