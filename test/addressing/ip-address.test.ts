import * as fc from 'fast-check';
import { Cidr, IpFamily, formatIpAddress, ipAddressFamily, parseIpAddress } from '../../src/addressing';
import { readIpAddress } from '../../src/addressing/ip-address';
import { addressText, oracleAddress, oracleIpv6Text } from '../support/address-text';

describe('parseIpAddress', () => {
  test.each([
    ['10.0.0.1', IpFamily.IPV4, 0x0a000001n],
    ['0.0.0.0', IpFamily.IPV4, 0n],
    ['fd00::1', IpFamily.IPV6, (0xfd00n << 112n) | 1n],
    ['FD00:0:0:0:0:0:0:0001', IpFamily.IPV6, (0xfd00n << 112n) | 1n],
    ['::1.2.3.4', IpFamily.IPV6, 0x01020304n], // IPv4-compatible: stays IPv6, as for Go
    ['64:ff9b::192.0.2.33', IpFamily.IPV6, (0x64ff9bn << 96n) | 0xc0000221n],
    // IPv4-mapped: IPv4 to Go's IP.To4, so to Kubernetes; written with a dotted quad or in hex
    ['::ffff:10.0.0.1', IpFamily.IPV4, 0x0a000001n],
    ['::FFFF:a00:1', IpFamily.IPV4, 0x0a000001n],
    ['0:0:0:0:0:ffff:10.0.0.1', IpFamily.IPV4, 0x0a000001n],
  ])('%s → %s %s', (text, family, value) => {
    expect(parseIpAddress(text)).toEqual({ family, value });
  });

  test.each([
    ['10.0.0.256', 'invalid address "10.0.0.256": not a valid IPv4 address'],
    ['010.0.0.1', 'invalid address "010.0.0.1": not a valid IPv4 address'],
    ['::ffff:10.0.0.01', 'invalid address "::ffff:10.0.0.01": "10.0.0.01" is not a dotted-quad IPv4 address at the end of an IPv6 address'],
    ['::ffff:10.0.0', 'invalid address "::ffff:10.0.0": "10.0.0" is not a dotted-quad IPv4 address at the end of an IPv6 address'],
    ['1:2:3:4:5:6:7:1.2.3.4', 'invalid address "1:2:3:4:5:6:7:1.2.3.4": not a valid IPv6 address'],
    ['fe80::1%eth0', 'invalid address "fe80::1%eth0": a zone index ("%eth0") is not allowed'],
    ['fd00::1::2', 'invalid address "fd00::1::2": not a valid IPv6 address'],
    ['12345::', 'invalid address "12345::": not a valid IPv6 address'],
    [' 10.0.0.1', 'invalid address " 10.0.0.1": not a valid IPv4 address'],
    ['', 'invalid address "": expected an address such as "192.168.2.10" or "fd00::10"'],
    [42, 'invalid address 42: expected an address such as "192.168.2.10" or "fd00::10"'],
  ])('rejects %j', (text, message) => {
    expect(() => parseIpAddress(text)).toThrow(message);
  });
});

test('ipAddressFamily is the family an address is written in, undefined for anything else', () => {
  expect(['10.0.0.1', 'fd00::1', '::ffff:10.0.0.1', '::ffff:a00:1', 'fe80::1%eth0', '[::1]', 'example.com', '1.2.3'].map(ipAddressFamily))
    .toEqual([IpFamily.IPV4, IpFamily.IPV6, IpFamily.IPV6, IpFamily.IPV6, undefined, undefined, undefined, undefined]);
});

test('formatIpAddress writes canonical text', () => {
  expect(formatIpAddress(IpFamily.IPV4, 0x0a000001n)).toBe('10.0.0.1');
  expect(formatIpAddress(IpFamily.IPV6, (0xfd00n << 112n) | 1n)).toBe('fd00::1');
  expect(formatIpAddress(IpFamily.IPV6, (1n << 112n) | (1n << 64n))).toBe('1:0:0:1::'); // the longer zero run
  expect(formatIpAddress(IpFamily.IPV6, 0xffff0a000001n)).toBe('::ffff:a00:1');
});

test('Cidr.addressBits is 32 for IPv4 and 128 for IPv6', () => {
  expect([Cidr.addressBits(IpFamily.IPV4), Cidr.addressBits(IpFamily.IPV6)]).toEqual([32, 128]);
});

describe('property: the reader agrees with an independent oracle (Node net.isIPv4, the WHATWG URL parser)', () => {
  test('on random texts: compressed forms, dotted-quad tails, leading zeros, case, invalid forms', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(fc.property(addressText, (text) => {
      const ours = readIpAddress(text);
      const oracle = oracleAddress(text);
      if (oracle === undefined) {
        rejected++;
        expect([text, typeof ours]).toEqual([text, 'string']);
        expect(ipAddressFamily(text)).toBeUndefined();
        expect(() => parseIpAddress(text)).toThrow(`invalid address ${JSON.stringify(text)}: `);
      } else {
        accepted++;
        expect([text, ours]).toEqual([text, { family: oracle.family, value: oracle.value }]);
        const mapped = oracle.family === 'IPv6' && oracle.value >> 32n === 0xffffn;
        expect(parseIpAddress(text)).toEqual(mapped ? { family: IpFamily.IPV4, value: oracle.value & 0xffffffffn } : { family: oracle.family, value: oracle.value });
      }
    }), { numRuns: 5000 });
    // both sides of the oracle are exercised (a generator that only made valid or only invalid texts proves little)
    expect(accepted).toBeGreaterThan(1500);
    expect(rejected).toBeGreaterThan(1000);
  });

  test('formatIpAddress writes IPv6 as the URL serializer does (RFC 5952) and reads back to the same value', () => {
    const value = fc.oneof(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
      fc.array(fc.constantFrom<bigint>(0n, 0n, 1n, 0xabcdn), { minLength: 8, maxLength: 8 }).map((g) => g.reduce((v, x) => (v << 16n) + x, 0n)));
    fc.assert(fc.property(value, (v) => {
      const text = formatIpAddress(IpFamily.IPV6, v);
      expect(text).toBe(oracleIpv6Text(v));
      expect(readIpAddress(text)).toEqual({ family: IpFamily.IPV6, value: v });
    }), { numRuns: 2000 });
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 0xffffffffn }), (v) => {
      expect(readIpAddress(formatIpAddress(IpFamily.IPV4, v))).toEqual({ family: IpFamily.IPV4, value: v });
    }), { numRuns: 500 });
  });
});
