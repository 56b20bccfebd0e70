// The arena registry: one line per arena. Everything else (CLI, tournament, conformance
// suite) finds arenas here.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Arena } from '@codearena/protocol';
import { battlesnake } from '@codearena/arena-battlesnake';
import { corewar } from '@codearena/arena-corewar';
import { halite } from '@codearena/arena-halite';
import { poker } from '@codearena/arena-poker';
import { robocode } from '@codearena/arena-robocode';
import { robotrumble } from '@codearena/arena-robotrumble';
import { arenaDir } from './paths.ts';

// Each arena has its own state and move types; the registry hands them out to code that only
// passes one arena's values back to the same arena, which `any` here expresses and `unknown` cannot
// (the hooks take State as a parameter).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const registry: Record<string, Arena<any, any>> = {
  battlesnake,
  corewar,
  halite,
  poker,
  robocode,
  robotrumble,
};

export interface ArenaEntry {
  arena: Arena;
  dir: string;
  starter: string;
  brief: string;
  /** Reference bots shipped with the arena: name → codebase directory. */
  bots: Record<string, string>;
}

export const arenaIds = (): string[] => Object.keys(registry);

export function getArena(id: string): ArenaEntry {
  const arena = registry[id];
  if (!arena) throw new Error(`unknown arena "${id}"; known arenas: ${arenaIds().join(', ')}`);
  const dir = arenaDir(id);
  const botsDir = join(dir, 'bots');
  const bots: Record<string, string> = {};
  if (existsSync(botsDir)) {
    for (const name of readdir(botsDir)) bots[name] = join(botsDir, name);
  }
  return { arena: arena as Arena, dir, starter: join(dir, 'starter'), brief: join(dir, 'BRIEF.md'), bots };
}

function readdir(d: string): string[] {
  return readdirSync(d, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}
