// Reads a file of an untrusted codebase on the host without following it anywhere else: a
// codebase may hold a symlink `warrior.red -> /etc/shadow`, and the host reads as its own user.
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { CodebaseReader } from '@codearena/protocol';

export function hostCodebaseReader(dir: string): CodebaseReader {
  const root = resolve(dir);
  return {
    async readFile(path, maxBytes) {
      const full = resolve(root, path);
      if (!full.startsWith(root + sep)) return null;
      let fh;
      try {
        // O_NOFOLLOW refuses a symlink as the last component; intermediate ones are checked by
        // requiring the real path to stay inside the codebase.
        fh = await open(full, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
        const st = await fh.stat();
        if (!st.isFile()) return null;
        if (!(await realpath(full)).startsWith((await realpath(root)) + sep)) return null;
        const buf = Buffer.alloc(Math.min(st.size, maxBytes));
        const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
        return buf.subarray(0, bytesRead).toString('utf8');
      } catch {
        return null;
      } finally {
        await fh?.close();
      }
    },
  };
}
