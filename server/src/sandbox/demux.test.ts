import { describe, expect, it } from 'vitest';
import { Demuxer, frame } from './demux.ts';

function collect() {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const d = new Demuxer(
    (b) => out.push(b),
    (b) => err.push(b),
  );
  return { d, out: () => Buffer.concat(out).toString(), err: () => Buffer.concat(err).toString() };
}

describe('Demuxer', () => {
  it('splits interleaved stdout and stderr frames', () => {
    const c = collect();
    c.d.push(Buffer.concat([frame(1, 'hello '), frame(2, 'oops'), frame(1, 'world\n')]));
    expect(c.out()).toBe('hello world\n');
    expect(c.err()).toBe('oops');
    expect(c.d.buffered).toBe(0);
  });

  it('reassembles frames cut at every possible byte, headers included', () => {
    const stream = Buffer.concat([frame(1, '{"move":"up"}\n'), frame(2, 'debug line\n'), frame(1, 'x'.repeat(300))]);
    for (let cut = 1; cut < stream.length; cut++) {
      const c = collect();
      c.d.push(stream.subarray(0, cut));
      c.d.push(stream.subarray(cut));
      expect(c.out()).toBe('{"move":"up"}\n' + 'x'.repeat(300));
      expect(c.err()).toBe('debug line\n');
    }
  });

  it('handles byte-by-byte delivery and empty frames', () => {
    const c = collect();
    const stream = Buffer.concat([frame(1, ''), frame(1, 'ab'), frame(2, 'c')]);
    for (const byte of stream) c.d.push(Buffer.from([byte]));
    expect(c.out()).toBe('ab');
    expect(c.err()).toBe('c');
  });

  it('holds an incomplete frame until the rest arrives', () => {
    const c = collect();
    const f = frame(1, 'abcdef');
    c.d.push(f.subarray(0, 10));
    expect(c.out()).toBe('');
    expect(c.d.buffered).toBe(10);
    c.d.push(f.subarray(10));
    expect(c.out()).toBe('abcdef');
  });
});
