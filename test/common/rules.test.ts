import { IpFamily } from '../../src/addressing';
import { parseCidrList } from '../../src/common/cidr-list';
import { checkMtu } from '../../src/common/mtu';

describe('the MTU rule', () => {
  test.each([
    [576, false, true], [575, false, false], [1279, true, false], [1280, true, true], [65535, false, true], [65536, false, false], [1400.5, false, false], ['1400', false, false],
  ])('%p (IPv6: %p) allowed: %p', (mtu, ipv6, ok) => {
    const check = () => checkMtu('mtu', mtu, ipv6 as boolean);
    if (ok) expect(check()).toBe(mtu); else expect(check).toThrow(new RegExp(`^mtu: invalid value ${JSON.stringify(mtu).replace('.', '\\.')}: expected a whole number from ${ipv6 ? 1280 : 576} to 65535`));
  });
});

describe('the CIDR-list parser', () => {
  test('parses each entry at its index and checks the list', () => {
    expect(parseCidrList('x', ['10.0.0.0/8', 'fd00::/8'], { perFamily: true }).map((c) => c.family)).toEqual([IpFamily.IPV4, IpFamily.IPV6]);
    expect(() => parseCidrList('x', ['10.0.0.0/8', '10.0.0.1/8'])).toThrow(/^x\[1\]: /);
    expect(() => parseCidrList('x', '10.0.0.0/8')).toThrow(/^x: invalid value "10\.0\.0\.0\/8": expected a list of cidrs/);
    expect(() => parseCidrList('x', [], { perFamily: true })).toThrow(/^x: invalid value \[\]: expected one cidr per family/);
    expect(() => parseCidrList('x', [], { nonEmpty: true })).toThrow(/^x: invalid value \[\]: expected at least one cidr/);
    expect(parseCidrList('x', [])).toEqual([]);
    expect(() => parseCidrList('x', ['10.0.0.0/8', '11.0.0.0/8'], { perFamily: true })).toThrow(/got two IPv4 ranges/);
  });
});
