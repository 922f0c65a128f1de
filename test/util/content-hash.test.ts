import { createHash } from 'crypto';
import { canonicalJson, contentHash } from '../../src/util/content-hash';

describe('contentHash', () => {
  test('is the first 10 hex digits of the SHA-256 of the canonical JSON', () => {
    const value = { b: 1, a: [{ d: 'x', c: null }] };
    expect(canonicalJson(value)).toBe('{"a":[{"c":null,"d":"x"}],"b":1}');
    expect(contentHash(value)).toBe(createHash('sha256').update('{"a":[{"c":null,"d":"x"}],"b":1}').digest('hex').slice(0, 10));
    expect(contentHash(value)).toMatch(/^[0-9a-f]{10}$/);
  });

  test('ignores the order keys were set in and undefined members, not list order or values', () => {
    expect(contentHash({ a: 1, b: { c: 2, d: 3 } })).toBe(contentHash({ b: { d: 3, c: 2 }, a: 1 }));
    expect(contentHash({ a: 1, gone: undefined })).toBe(contentHash({ a: 1 }));
    expect(contentHash({ a: [1, 2] })).not.toBe(contentHash({ a: [2, 1] }));
    expect(contentHash({ a: '1' })).not.toBe(contentHash({ a: 1 }));
  });
});
