import * as fc from 'fast-check';
import { Cidr, IpFamily } from '../../src';
import { coveringBlock, formatInterval, parseAddress, parseLooseCidr, subtract } from '../../src/check/address-interval';

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

test('parseLooseCidr masks host bits as Go net.ParseCIDR does; parseAddress names bad input', () => {
  const r = parseLooseCidr('192.168.2.225/28');
  expect(r.cidr.toString()).toBe('192.168.2.224/28');
  expect(r.address).toBe(parseAddress('192.168.2.225').value);
  expect(parseLooseCidr('abcd::1/64').cidr.toString()).toBe('abcd::/64');
  expect(() => parseLooseCidr('10.0.0.0')).toThrow(/invalid cidr "10\.0\.0\.0": expected "address\/prefix"/);
  expect(() => parseLooseCidr('10.0.0.0/40')).toThrow(/prefix length "40" must be an integer from 0 to 32/);
  expect(() => parseAddress('10.0.0.256')).toThrow(/invalid address "10\.0\.0\.256": not a valid IPv4 address/);
  expect(() => parseAddress(42)).toThrow(/invalid address 42/);
});

test('coveringBlock is the smallest block holding an interval', () => {
  expect(coveringBlock(v4(0x0a000064, 0x0a0000c8)).toString()).toBe('10.0.0.0/24');
  expect(coveringBlock(v4(0x0a000005, 0x0a000005)).toString()).toBe('10.0.0.5/32');
  expect(coveringBlock(v4(0x0a0000ff, 0x0a000100)).toString()).toBe('10.0.0.0/23');
  expect(coveringBlock(v4(0, 0xffffffff)).toString()).toBe('0.0.0.0/0');
  const c = Cidr.parse('fd00::/120');
  expect(formatInterval({ family: IpFamily.IPV6, first: c._first, last: c._last })).toBe('fd00::-fd00::ff');
});
