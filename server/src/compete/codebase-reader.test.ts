// The host reads data bots' files itself: it must not be led out of the codebase.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostCodebaseReader } from './codebase-reader.ts';

const root = mkdtempSync(join(tmpdir(), 'reader-'));
const code = join(root, 'code');
mkdirSync(join(code, 'sub'), { recursive: true });
writeFileSync(join(code, 'warrior.red'), 'MOV 0, 1\n');
writeFileSync(join(root, 'outside.txt'), 'host secret');
symlinkSync(join(root, 'outside.txt'), join(code, 'link.red'));
symlinkSync(root, join(code, 'up'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const reader = hostCodebaseReader(code);

describe('hostCodebaseReader', () => {
  it('reads a regular file of the codebase', async () => {
    expect(await reader.readFile('warrior.red', 1000)).toBe('MOV 0, 1\n');
  });
  it('caps what it reads', async () => {
    expect(await reader.readFile('warrior.red', 3)).toBe('MOV');
  });
  it('refuses symlinks, paths leaving the codebase, directories and missing files', async () => {
    expect(await reader.readFile('link.red', 1000)).toBeNull();
    expect(await reader.readFile('up/outside.txt', 1000)).toBeNull();
    expect(await reader.readFile('../outside.txt', 1000)).toBeNull();
    expect(await reader.readFile('sub', 1000)).toBeNull();
    expect(await reader.readFile('nope.red', 1000)).toBeNull();
  });
});
