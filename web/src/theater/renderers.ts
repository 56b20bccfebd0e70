// Renderer plug-ins, one per arena that ships arenas/<id>/renderer/index.ts. Arenas without one
// get the generic JSON frame view.
import type { ArenaRenderer } from './renderer-types.ts';

const modules = import.meta.glob<{ renderer: ArenaRenderer }>('../../../arenas/*/renderer/index.ts', { eager: true });

const registry = new Map<string, ArenaRenderer>();
for (const m of Object.values(modules)) registry.set(m.renderer.arena, m.renderer);

export const rendererFor = (arena: string | undefined): ArenaRenderer | null =>
  arena ? (registry.get(arena) ?? null) : null;
