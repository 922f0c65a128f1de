import * as fc from 'fast-check';
import { IPv4, Validator } from 'ip-num';
import { dottedQuadValue, ipNum } from '../../src/util/ip-num';

const isDottedQuadIpv4 = (text: string) => dottedQuadValue(text) !== undefined;

describe('dottedQuadValue: which texts are dotted quads', () => {
  test.each([
    ['1.2.3.4', true], ['0.0.0.0', true], ['255.255.255.255', true], ['172.18.0.2', true],
    ['256.1.1.1', false], ['010.1.1.1', false], ['1.2.3.04', false], ['00.0.0.0', false], ['1.2.3', false],
    ['1.2.3.4 ', false], ['+1.2.3.4', false], ['1e2.1.1.1', false], ['1.2.3.4.5', false], ['', false], ['::1', false],
  ])('%p → %p', (text, valid) => {
    expect(isDottedQuadIpv4(text)).toBe(valid);
  });

  test('accepts exactly what ip-num accepts, on random dotted texts', () => {
    const octet = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.stringMatching(/^[0-9]{1,4}$/));
    fc.assert(fc.property(fc.array(octet, { minLength: 3, maxLength: 5 }), (parts) => {
      const text = parts.join('.');
      expect(isDottedQuadIpv4(text)).toBe(Validator.isValidIPv4String(text)[0]);
    }), { numRuns: 2000 });
  });
});

test('ipNum() is the ip-num module', () => {
  expect(ipNum().Validator).toBe(Validator);
});

test('dottedQuadValue is ip-num\'s value of every address it accepts', () => {
  fc.assert(fc.property(fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)), (octets) => {
    const text = octets.join('.');
    expect(BigInt(dottedQuadValue(text)!)).toBe(IPv4.fromString(text).getValue());
  }), { numRuns: 2000 });
  expect(dottedQuadValue('255.255.255.255')).toBe(2 ** 32 - 1);
  expect(dottedQuadValue('01.2.3.4')).toBeUndefined();
});
