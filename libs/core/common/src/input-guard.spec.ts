import { MAX_INPUT_DEPTH, scanInput } from './input-guard.js';

describe('scanInput', () => {
  const fields = (v: unknown) => scanInput(v).map((p) => [p.field, p.code]);

  it('names the JSON path of NUL characters and lone surrogates, and accepts surrogate pairs', () => {
    expect(fields({ content: { goals: [{ title: 'a\u0000b' }, { title: 'x\ud800' }] }, ok: 'smil 😀' })).toEqual([
      ['content.goals[0].title', 'nul-character'],
      ['content.goals[1].title', 'ill-formed-unicode'],
    ]);
  });

  it('refuses prototype keys as unknown fields (JSON.parse makes them own properties)', () => {
    expect(fields(JSON.parse('{"__proto__":{"a":1},"x":{"constructor":1}}'))).toEqual([
      ['__proto__', 'unknown-field'],
      ['x.constructor', 'unknown-field'],
    ]);
  });

  it('stops at the depth limit without recursing, however deep the input', () => {
    const deep = JSON.parse(`{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`) as unknown;
    expect(fields(deep)).toEqual([[`a${'[0]'.repeat(MAX_INPUT_DEPTH - 1)}`, 'too-deep']]);
    expect(fields({ a: [[{ b: 'fine' }]] })).toEqual([]);
  });
});
