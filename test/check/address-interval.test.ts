import * as fc from 'fast-check';
import { Cidr, IpFamily, parseIpAddress } from '../../src';
import { coveringBlock, formatInterval, parseLooseCidr, subtract } from '../../src/check/address-interval';
import { cidrText } from '../support/address-text';

const v4 = (first: number, last: number) => ({ family: IpFamily.IPV4, first: BigInt(first), last: BigInt(last) });

test('subtract agrees with removing addresses one by one (small IPv4 space)', () => {
  const interval = fc.tuple(fc.integer({ min: 0, max: 63 }), fc.integer({ min: 0, max: 63 })).map(([a, b]) => v4(Math.min(a, b), Math.max(a, b)));
  fc.assert(fc.property(interval, fc.array(interval, { maxLength: 5 }), (base, holes) => {
    const expected: number[] = [];
    for (let a = Number(base.first); a <= Number(base.last); a++) {
      if (!holes.some((h) => BigInt(a) >= h.first && BigInt(a) <= h.last)) expected.push(a);
    }
    const got = subtract(base, holes).flatMap((i) => Array.from({ length: Number(i.last - i.first) + 1 }, (_, k) => Number(i.first) + k));
    expect(got).toEqual(expected);
    // disjoint, sorted, and not touching (maximal runs)
    const pieces = subtract(base, holes);
    for (let k = 1; k < pieces.length; k++) expect(pieces[k].first > pieces[k - 1].last + 1n).toBe(true);
  }), { numRuns: 300 });
});

test('parseLooseCidr masks host bits as Go net.ParseCIDR does and names bad input', () => {
  const r = parseLooseCidr('192.168.2.225/28');
  expect(r.cidr.toString()).toBe('192.168.2.224/28');
  expect(r.address).toBe(parseIpAddress('192.168.2.225').value);
  expect(parseLooseCidr('abcd::1/64').cidr.toString()).toBe('abcd::/64');
  expect(() => parseLooseCidr('10.0.0.0')).toThrow(/invalid cidr "10\.0\.0\.0": expected exactly one "\/"/);
  expect(() => parseLooseCidr('10.0.0.0/40')).toThrow(/prefix length "40" must be an integer from 0 to 32/);
  expect(() => parseLooseCidr(42)).toThrow(/invalid cidr 42: expected a string/);
});

test('parseLooseCidr reads an IPv6 address with a dotted-quad tail; an IPv4-mapped block is the IPv4 block (Go IP.To4)', () => {
  const mapped = parseLooseCidr('::ffff:192.168.2.225/124');
  expect([mapped.cidr.family, mapped.cidr.toString(), mapped.address]).toEqual([IpFamily.IPV4, '192.168.2.224/28', parseIpAddress('192.168.2.225').value]);
  const compatible = parseLooseCidr('::192.168.2.225/124'); // IPv4-compatible, not mapped: IPv6
  expect([compatible.cidr.family, compatible.cidr.toString()]).toEqual([IpFamily.IPV6, '::c0a8:2e0/124']);
  // a mapped address in a block reaching past ::ffff:0:0/96 is an IPv6 address of that IPv6 block
  const wide = parseLooseCidr('::ffff:10.0.0.1/64');
  expect([wide.cidr.family, wide.cidr.toString(), wide.address]).toEqual([IpFamily.IPV6, '::/64', 0xffff0a000001n]);
  expect(() => parseLooseCidr('::ffff:10.0.0.01/120')).toThrow('invalid cidr "::ffff:10.0.0.01/120": "10.0.0.01" is not a dotted-quad IPv4 address at the end of an IPv6 address');
  expect(() => parseLooseCidr('fe80::1%eth0/64')).toThrow(/a zone index \("%eth0"\) is not allowed in a cidr/);
});

describe('property: check\'s parser and Cidr.parse read every text alike', () => {
  const outcome = (f: () => Cidr) => {
    try {
      const c = f();
      return `${c.family} ${c.toString()} ${c._first} ${c.prefix}`;
    } catch (e) {
      return `error ${(e as Error).message}`;
    }
  };

  test('on random IPv4 and IPv6 cidrs: compressed forms, dotted-quad tails, leading zeros, host bits, invalid texts', () => {
    const seen = { same: 0, hostBits: 0, invalid: 0 };
    fc.assert(fc.property(cidrText, (text) => {
      const strict = outcome(() => Cidr.parse(text));
      const hostBits = /^error invalid cidr ".*": host bits are set; the network address is (\S+)$/.exec(strict);
      if (strict.startsWith('error') && !hostBits) {
        // a text Cidr.parse refuses for any reason but host bits, check refuses with the same message
        seen.invalid++;
        expect([text, outcome(() => parseLooseCidr(text).cidr)]).toEqual([text, strict]);
        return;
      }
      const loose = parseLooseCidr(text);
      if (hostBits) {
        // check masks the host bits off: the network Cidr.parse names (in the notation written, so a mapped
        // network is named in IPv6 and read as IPv4), and the address as written
        seen.hostBits++;
        expect([text, outcome(() => Cidr.parse(hostBits[1]))]).toEqual([text, outcome(() => loose.cidr)]);
        expect(loose.address > loose.cidr._first && loose.address <= loose.cidr._last).toBe(true);
        expect(outcome(() => Cidr.parse(loose.cidr.toString()))).toBe(outcome(() => loose.cidr));
      } else {
        seen.same++;
        expect([text, outcome(() => loose.cidr)]).toEqual([text, strict]);
        expect(loose.address).toBe(loose.cidr._first);
      }
      // the address part alone, read by check, is the same address in the same family when the block is a host
      const address = text.slice(0, text.indexOf('/'));
      if (loose.cidr.prefix === Cidr.addressBits(loose.cidr.family)) {
        expect(parseIpAddress(address)).toEqual({ family: loose.cidr.family, value: loose.address });
      }
    }), { numRuns: 5000 });
    expect(seen.same).toBeGreaterThan(1500);
    expect(seen.hostBits).toBeGreaterThan(200);
    expect(seen.invalid).toBeGreaterThan(500);
  });
});

test('coveringBlock is the smallest block holding an interval', () => {
  expect(coveringBlock(v4(0x0a000064, 0x0a0000c8)).toString()).toBe('10.0.0.0/24');
  expect(coveringBlock(v4(0x0a000005, 0x0a000005)).toString()).toBe('10.0.0.5/32');
  expect(coveringBlock(v4(0x0a0000ff, 0x0a000100)).toString()).toBe('10.0.0.0/23');
  expect(coveringBlock(v4(0, 0xffffffff)).toString()).toBe('0.0.0.0/0');
  const c = Cidr.parse('fd00::/120');
  expect(formatInterval({ family: IpFamily.IPV6, first: c._first, last: c._last })).toBe('fd00::-fd00::ff');
});
