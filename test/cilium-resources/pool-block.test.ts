import * as fc from 'fast-check';
import { IpFamily } from '../../src';
import { rangeCidrs } from '../../src/cilium-resources/pool-block';
import { SelectorOperator, selectorsMayMeet } from '../../src/common/label-selector';

test('a start-stop range becomes the fewest aligned CIDRs holding exactly its addresses', () => {
  expect(rangeCidrs(IpFamily.IPV4, 0x0a00000an, 0x0a000014n).map(String)).toEqual(['10.0.0.10/31', '10.0.0.12/30', '10.0.0.16/30', '10.0.0.20/32']);
  expect(rangeCidrs(IpFamily.IPV4, 0n, 0xffffffffn).map(String)).toEqual(['0.0.0.0/0']);
  fc.assert(fc.property(fc.bigInt({ min: 0n, max: 0xffffffffn }), fc.bigInt({ min: 0n, max: 0xffffn }), (first, span) => {
    const last = first + span > 0xffffffffn ? 0xffffffffn : first + span;
    const cidrs = rangeCidrs(IpFamily.IPV4, first, last);
    // contiguous, in order, covering first..last exactly, each aligned
    let at = first;
    for (const c of cidrs) {
      expect(c._first).toBe(at);
      at = c._last + 1n;
    }
    expect(at).toBe(last + 1n);
    expect(cidrs.length).toBeLessThanOrEqual(62);
  }), { numRuns: 300 });
});

test.each<[string, object | undefined, object | undefined, boolean]>([
  ['no selectors', undefined, undefined, true],
  ['one side unset', { matchLabels: { a: '1' } }, undefined, true],
  ['the same label', { matchLabels: { a: '1' } }, { matchLabels: { a: '1' } }, true],
  ['different values of one key', { matchLabels: { a: '1' } }, { matchLabels: { a: '2' } }, false],
  ['different keys', { matchLabels: { a: '1' } }, { matchLabels: { b: '2' } }, true],
  ['In without the label value', { matchLabels: { a: '1' } }, { matchExpressions: [{ key: 'a', operator: SelectorOperator.IN, values: ['2', '3'] }] }, false],
  ['In with it', { matchLabels: { a: '1' } }, { matchExpressions: [{ key: 'a', operator: SelectorOperator.IN, values: ['1', '3'] }] }, true],
  ['NotIn the label value', { matchLabels: { a: '1' } }, { matchExpressions: [{ key: 'a', operator: SelectorOperator.NOT_IN, values: ['1'] }] }, false],
  ['DoesNotExist against a label', { matchLabels: { a: '1' } }, { matchExpressions: [{ key: 'a', operator: SelectorOperator.DOES_NOT_EXIST }] }, false],
  ['DoesNotExist against Exists', { matchExpressions: [{ key: 'a', operator: SelectorOperator.EXISTS }] }, { matchExpressions: [{ key: 'a', operator: SelectorOperator.DOES_NOT_EXIST }] }, false],
  ['NotIn another value', { matchLabels: { a: '1' } }, { matchExpressions: [{ key: 'a', operator: SelectorOperator.NOT_IN, values: ['2'] }] }, true],
])('selectors may meet: %s', (_what, a, b, expected) => {
  expect(selectorsMayMeet(a, b)).toBe(expected);
  expect(selectorsMayMeet(b, a)).toBe(expected);
});
