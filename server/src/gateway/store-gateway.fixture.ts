// A real gateway on loopback over a SQLite index the test fills first (from event logs), and a
// JSON GET against it: the set-up the API tests share.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreIndex } from '../store/index-db.ts';
import { type Gateway, startGateway } from './server.ts';

export interface StoreGateway {
  dir: string;
  gw: Gateway;
  get(path: string): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export async function storeGateway(
  prefix: string,
  fill: (store: StoreIndex, dir: string) => void,
): Promise<StoreGateway> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const store = new StoreIndex(join(dir, 'codearena.sqlite'));
  fill(store, dir);
  const gw = await startGateway({ store, port: 0, webDist: dir });
  return {
    dir,
    gw,
    async get(path) {
      const res = await fetch(new URL(path, gw.url));
      return { status: res.status, body: (await res.json()) as unknown };
    },
    async close() {
      await gw.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
