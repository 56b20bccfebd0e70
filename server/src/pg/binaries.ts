// Where Debian's PostgreSQL binaries are, and which system user runs the server when we are root.
import { existsSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { UsageError } from '../cli/preflight.ts';

const PG_LIB = '/usr/lib/postgresql';

export interface PgBinaries {
  version: number;
  initdb: string;
  pgCtl: string;
}

const INSTALL_FIX =
  "Fix: run `npm run setup -- --for test` (installs Debian's postgresql as root), or `sudo apt-get install -y postgresql`.";

/** The newest /usr/lib/postgresql/<ver>/bin that has both initdb and pg_ctl. */
export function findPgBinaries(root = PG_LIB): PgBinaries {
  let versions: number[] = [];
  try {
    versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .map(Number)
      .sort((a, b) => b - a);
  } catch {
    /* no PostgreSQL installed at all */
  }
  for (const version of versions) {
    const bin = join(root, String(version), 'bin');
    const initdb = join(bin, 'initdb');
    const pgCtl = join(bin, 'pg_ctl');
    if (existsSync(initdb) && existsSync(pgCtl)) return { version, initdb, pgCtl };
  }
  throw new UsageError(`PostgreSQL server binaries not found (no ${root}/<version>/bin/initdb).\n${INSTALL_FIX}`, 3);
}

/** uid/gid of the account PostgreSQL runs as: ours, or `postgres` when we are root (it refuses root). */
export function serverAccount(): { uid: number; gid: number; name: string } {
  const uid = process.getuid?.() ?? 0;
  if (uid !== 0) return { uid, gid: process.getgid?.() ?? uid, name: 'the current user' };
  let line: string;
  try {
    line = execFileSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' });
  } catch {
    throw new UsageError(
      `running as root, but there is no \`postgres\` system user to run PostgreSQL as (it refuses to run as root).\n${INSTALL_FIX}`,
      3,
    );
  }
  const [, , u, g] = line.trim().split(':');
  return { uid: Number(u), gid: Number(g), name: 'postgres' };
}
