import { canonicalJson } from './instrument-registry.service.js';

/** How a declared instrument is compared with its published version (jsonb reorders keys; arrays keep order). */
describe('canonicalJson', () => {
  it('is the same for the same content in another key order, at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'x' } })).toBe(canonicalJson({ a: { c: 'x', d: [1, { x: 1, y: 2 }] }, b: 1 }));
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('differs when a value, an array order or a key differs; an undefined key counts as absent', () => {
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
    expect(canonicalJson({ a: 'Hvor tit?' })).not.toBe(canonicalJson({ a: 'Hvor ofte?' }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 1, b: null }));
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });
});
