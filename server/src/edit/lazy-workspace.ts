// The player's workspace container, opened only when the agent first asks for it (host-side
// agents never do) and always disposed at the end of the phase, opened or half-opened.
import type { Workspace, WorkspaceMount } from '@codearena/protocol';
import type { EditServices, WorkspaceBox } from './edit-services.ts';
import type { WorkspaceOptions } from './workspace.ts';

export interface LazyWorkspace {
  /** Opens the workspace on first call (with that call's extra mounts); later calls get the same one. */
  open(x?: { mounts?: WorkspaceMount[] }): Promise<Workspace>;
  /** The sandbox once open, else null (the quota watch and the health check need it). */
  box(): WorkspaceBox | null;
  /** Waits for an opening in flight, then disposes the sandbox if there is one. */
  close(): Promise<void>;
}

export function lazyWorkspace(services: Pick<EditServices, 'openWorkspace'>, o: WorkspaceOptions): LazyWorkspace {
  let box: WorkspaceBox | null = null;
  let opening: Promise<Workspace> | null = null;
  return {
    open: (x = {}) =>
      (opening ??= services.openWorkspace({ ...o, extraMounts: x.mounts ?? [] }).then((w) => {
        box = w.sandbox;
        return w.workspace;
      })),
    box: () => box,
    close: async () => {
      await opening?.catch(() => null);
      await box?.dispose();
    },
  };
}
