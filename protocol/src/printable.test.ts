// The helpers every fault detail and terminal line goes through: bounded, escaped, never throw.
import { describe, expect, it } from 'vitest';
import { clip, clipStart, escapeControls, preview } from './printable.ts';
import { jsonTooDeep, parseReplyLine, valueTooDeep } from './reply-guard.ts';

// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

describe('escapeControls', () => {
  it('writes controls, C1 and bidi overrides out visibly and leaves other text alone', () => {
    expect(escapeControls('\x1b]0;t\x07\r\t\x7f\u009b\u202e\u2066ok ✓ é')).toBe(
      '\\x1b]0;t\\x07\\r\\t\\x7f\\x9b\\u202e\\u2066ok ✓ é',
    );
    expect(escapeControls('a\nb')).toBe('a\\nb');
    expect(escapeControls('a\nb\r', true)).toBe('a\nb\\r');
  });
});

describe('clip', () => {
  it('keeps at most max characters and never halves a surrogate pair', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abc', 4)).toBe('abc');
    expect(clip('ab😀cd', 4)).toBe('ab…');
    expect(clipStart('abcdef', 4)).toBe('…def');
    expect(clipStart('ab😀cd', 4)).toBe('…cd');
  });
});

describe('preview', () => {
  it('renders JSON-like, bounded, escaped', () => {
    expect(preview({ move: 'up', n: [1, 2] })).toBe('{"move":"up","n":[1,2]}');
    expect(preview('top-level text')).toBe('top-level text');
    expect(preview(Infinity)).toBe('Infinity');
    expect(preview('x'.repeat(10_000)).length).toBeLessThanOrEqual(121);
    expect(preview({ ['\x1b]0;k']: '\u009b\u202e' })).not.toMatch(RAW);
  });

  it('describes any value without recursion, getters, toString or traps running', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(preview(deep)).toBe('[[[[[…]]]]]');
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(preview(cyclic)).toBe('{"a":1,"self":{"a":1,"self":{"a":1,"self":{"a":1,"self":{…}}}}}');
    const getter = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get: () => {
        throw new Error('ran');
      },
    });
    expect(preview(getter)).toBe('{"boom":undefined}');
    expect(preview({ toString: 1, valueOf: 1 })).toBe('{"toString":1,"valueOf":1}');
    const trap = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('trap');
        },
      },
    );
    expect(preview(trap)).toBe('(a value that cannot be shown)');
    expect(preview(JSON.parse('{"__proto__":{"x":1}}'))).toBe('{"__proto__":{"x":1}}');
  });
});

describe('reply limits', () => {
  it('counts nesting in JSON text, not brackets inside strings', () => {
    expect(jsonTooDeep('[[[]]]', 3)).toBe(false);
    expect(jsonTooDeep('[[[[]]]]', 3)).toBe(true);
    expect(jsonTooDeep(`{"a":"${'['.repeat(100)}\\"${'{'.repeat(100)}"}`, 3)).toBe(false);
    expect(jsonTooDeep('['.repeat(32_000) + ']'.repeat(32_000))).toBe(true);
  });

  it('checks a parsed value iteratively, cycles and huge values included', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(valueTooDeep(deep)).toBe(true);
    expect(valueTooDeep({ a: [1, { b: 2 }] })).toBe(false);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(valueTooDeep(cyclic)).toBe(true);
  });

  it('parses a reply line or says briefly what is wrong', () => {
    expect(parseReplyLine('{"move":"up"}')).toEqual({ ok: true, value: { move: 'up' } });
    const bad = parseReplyLine(`\x1b]0;x\x07${'y'.repeat(10_000)}`);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.detail.length).toBeLessThan(160);
      expect(bad.detail).not.toMatch(RAW);
    }
    expect(parseReplyLine('['.repeat(100) + ']'.repeat(100))).toMatchObject({
      ok: false,
      detail: expect.stringContaining('64 levels'),
    });
  });
});
