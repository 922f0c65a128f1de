import { atField, atKeyPath, fieldPath, invalidValue, showValue } from '../../src/common/field-error';

describe('the error grammar', () => {
  test('a value is shown as JSON, a long string cut with its length, an instance by its class', () => {
    expect(showValue('a')).toBe('"a"');
    expect(showValue([1, 2])).toBe('[1,2]');
    expect(showValue(undefined)).toBe('undefined');
    expect(showValue('x'.repeat(100))).toBe(`"${'x'.repeat(60)}…" (100 characters)`);
    expect(showValue(new (class Thing {})())).toBe('Thing');
    expect(showValue({ a: 'y'.repeat(200) })).toMatch(/^\{"a":"y+… \(208 characters\)$/);
  });

  test('paths, invalid values and prefixed errors', () => {
    expect(fieldPath('', 'ovn')).toBe('ovn');
    expect(fieldPath(fieldPath('networks', 0), 'mtu')).toBe('networks[0].mtu');
    expect(invalidValue('ovn.mtu', '1400', 'an integer').message).toBe('ovn.mtu: invalid value "1400": expected an integer');
    expect(() => atField('addressing.decoySearch', () => { throw new Error('no free block'); })).toThrow(/^addressing\.decoySearch: no free block$/);
  });
});

describe('atKeyPath', () => {
  test('joins a message that starts with a key path with a dot, any other with a colon', () => {
    expect(() => atKeyPath('networks[0].policies[1]', () => { throw new Error('ingress[0].from[0].ipBlock.except[0]: invalid value "x": expected y'); }))
      .toThrow('networks[0].policies[1].ingress[0].from[0].ipBlock.except[0]: invalid value "x": expected y');
    expect(() => atKeyPath('networks[0].policies[1]', () => { throw new Error('policy default/p: no CRD'); }))
      .toThrow('networks[0].policies[1]: policy default/p: no CRD');
    expect(atKeyPath('a', () => 1)).toBe(1);
  });
});
