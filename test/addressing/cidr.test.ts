import { IPv4CidrRange, IPv6CidrRange } from 'ip-num';
import * as fc from 'fast-check';
import { Cidr, IpFamily } from '../../src/addressing';

describe('Cidr.parse', () => {
  test.each([
    ['10.244.0.0/16', '10.244.0.0/16', IpFamily.IPV4, 16],
    ['0.0.0.0/0', '0.0.0.0/0', IpFamily.IPV4, 0],
    ['192.168.1.7/32', '192.168.1.7/32', IpFamily.IPV4, 32],
    ['::/0', '::/0', IpFamily.IPV6, 0],
    ['FD00:10:244::/56', 'fd00:10:244::/56', IpFamily.IPV6, 56],
    ['fd00:0:0:0:0:0:0:0/8', 'fd00::/8', IpFamily.IPV6, 8],
    ['2001:db8::1/128', '2001:db8::1/128', IpFamily.IPV6, 128],
    ['1:0:0:1:0:0:0:0/128', '1:0:0:1::/128', IpFamily.IPV6, 128],
  ])('%s → %s', (text, canonical, family, prefix) => {
    const cidr = Cidr.parse(text);
    expect(cidr.toString()).toBe(canonical);
    expect(cidr.family).toBe(family);
    expect(cidr.prefix).toBe(prefix);
    expect(Cidr.parse(cidr.toString()).isSameNetwork(cidr)).toBe(true);
  });

  test.each([
    ['10.244.0.1/16', /host bits are set; the network address is 10\.244\.0\.0\/16/],
    ['fd00::1/64', /host bits are set; the network address is fd00::\/64/],
    ['10.0.0.0/33', /prefix length "33" must be an integer from 0 to 32/],
    ['fd00::/129', /prefix length "129" must be an integer from 0 to 128/],
    ['10.0.0.0/-1', /prefix length "-1"/],
    ['10.0.0.0/08', /prefix length "08"/],
    ['10.0.0.0', /expected exactly one "\/"/],
    ['10.0.0.0/8/24', /expected exactly one "\/"/],
    ['256.0.0.0/8', /invalid cidr "256\.0\.0\.0\/8": not a valid IPv4 address/],
    ['hello/8', /invalid cidr "hello\/8"/],
    [' 10.0.0.0/8', /without spaces/],
    ['', /invalid cidr ""/],
    ['fd00:::/8', /invalid cidr "fd00:::\/8"/],
  ])('rejects %j', (text, message) => {
    expect(() => Cidr.parse(text)).toThrow(message);
  });

  test('size is exact for every prefix', () => {
    expect(Cidr.parse('10.0.0.0/8').size).toBe(16777216);
    expect(Cidr.parse('0.0.0.0/0').size).toBe(2 ** 32);
    expect(Cidr.parse('10.0.0.1/32').size).toBe(1);
    expect(Cidr.parse('::/0').size).toBe(2 ** 128);
    expect(Cidr.parse('fd00::/64').size).toBe(2 ** 64);
    expect(Cidr.parse('::1/128').size).toBe(1);
  });

  test('parseList parses dual-stack lists and names the bad entry', () => {
    expect(Cidr.parseList('10.96.0.0/16,fd00:10:96::/112').map(String)).toEqual(['10.96.0.0/16', 'fd00:10:96::/112']);
    expect(() => Cidr.parseList('10.96.0.0/16,,fd00::/8')).toThrow(/empty entry between commas/);
    expect(() => Cidr.parseList('10.96.0.0/16,x/8')).toThrow(/invalid cidr "x\/8"/);
  });
});

describe('contains and overlaps', () => {
  const c = Cidr.parse;
  test('edge cases', () => {
    // adjacent but disjoint
    expect(c('10.0.0.0/25').overlaps(c('10.0.0.128/25'))).toBe(false);
    expect(c('10.0.0.0/24').overlaps(c('10.0.1.0/24'))).toBe(false);
    // equal
    expect(c('10.0.0.0/24').overlaps(c('10.0.0.0/24'))).toBe(true);
    expect(c('10.0.0.0/24').contains(c('10.0.0.0/24'))).toBe(true);
    // one inside another, both directions
    expect(c('10.0.0.0/8').contains(c('10.96.0.0/16'))).toBe(true);
    expect(c('10.96.0.0/16').contains(c('10.0.0.0/8'))).toBe(false);
    expect(c('10.96.0.0/16').overlaps(c('10.0.0.0/8'))).toBe(true);
    // /0 holds everything of its family, nothing of the other
    expect(c('0.0.0.0/0').contains(c('255.255.255.255/32'))).toBe(true);
    expect(c('0.0.0.0/0').overlaps(c('::/0'))).toBe(false);
    expect(c('::/0').contains(c('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128'))).toBe(true);
    // /32 and /128 single addresses
    expect(c('10.0.0.1/32').overlaps(c('10.0.0.2/32'))).toBe(false);
    expect(c('10.0.0.0/31').contains(c('10.0.0.1/32'))).toBe(true);
    expect(c('fd00::1/128').overlaps(c('fd00::/127'))).toBe(true);
    expect(c('fd00::2/128').overlaps(c('fd00::/127'))).toBe(false);
    // An IPv4-compatible (not mapped) IPv6 range stays IPv6 and does not overlap IPv4; a mapped one is IPv4 (Go's IP.To4)
    expect(c('::a00:0/104').overlaps(c('10.0.0.0/8'))).toBe(false);
    expect(c('::ffff:a00:0/104').overlaps(c('10.0.0.0/8'))).toBe(true);
  });
});

describe('property: agrees with ip-num and with a bitwise brute force', () => {
  const v4 = fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 }))
    .map(([addr, prefix]) => {
      const masked = prefix === 0 ? 0 : (addr >>> (32 - prefix)) * 2 ** (32 - prefix);
      return `${[24, 16, 8, 0].map((s) => Math.floor(masked / 2 ** s) % 256).join('.')}/${prefix}`;
    });
  const v6 = fc.tuple(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), fc.integer({ min: 0, max: 128 }))
    .map(([addr, prefix]) => {
      const masked = (addr >> BigInt(128 - prefix)) << BigInt(128 - prefix);
      const groups = [];
      for (let s = 112n; s >= 0n; s -= 16n) groups.push(((masked >> s) & 0xffffn).toString(16));
      return `${groups.join(':')}/${prefix}`;
    });

  // Independent oracle: compare the common leading bits as strings.
  function bits(text: string): string {
    const [addr, prefix] = text.split('/');
    const full = addr.includes(':')
      ? addr.split(':').map((g) => parseInt(g, 16).toString(2).padStart(16, '0')).join('')
      : addr.split('.').map((o) => Number(o).toString(2).padStart(8, '0')).join('');
    return full.slice(0, Number(prefix));
  }
  const bruteOverlaps = (a: string, b: string) => { const x = bits(a); const y = bits(b); return x.startsWith(y) || y.startsWith(x); };
  const bruteContains = (a: string, b: string) => bits(b).startsWith(bits(a));

  test('IPv4', () => {
    fc.assert(fc.property(v4, v4, (a, b) => {
      const [x, y] = [Cidr.parse(a), Cidr.parse(b)];
      const [ra, rb] = [IPv4CidrRange.fromCidr(a), IPv4CidrRange.fromCidr(b)];
      expect(x.overlaps(y)).toBe(bruteOverlaps(a, b));
      expect(x.overlaps(y)).toBe(ra.isOverlapping(rb));
      expect(x.contains(y)).toBe(bruteContains(a, b));
      expect(x.contains(y)).toBe(ra.contains(rb));
      expect(x.overlaps(y)).toBe(y.overlaps(x));
    }), { numRuns: 2000 });
  });

  test('IPv4 with nearby ranges (shared prefixes make overlaps likely)', () => {
    const near = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 8, max: 32 }))
      .map(([n, p]) => { const v = (10 * 2 ** 24) + n * 2 ** 16; const masked = Math.floor(v / 2 ** (32 - p)) * 2 ** (32 - p); return `${[24, 16, 8, 0].map((s) => Math.floor(masked / 2 ** s) % 256).join('.')}/${p}`; });
    fc.assert(fc.property(near, near, (a, b) => {
      expect(Cidr.parse(a).overlaps(Cidr.parse(b))).toBe(bruteOverlaps(a, b));
      expect(Cidr.parse(a).contains(Cidr.parse(b))).toBe(bruteContains(a, b));
    }), { numRuns: 2000 });
  });

  test('IPv6', () => {
    fc.assert(fc.property(v6, v6, (a, b) => {
      const [x, y] = [Cidr.parse(a), Cidr.parse(b)];
      const [ra, rb] = [IPv6CidrRange.fromCidr(a), IPv6CidrRange.fromCidr(b)];
      expect(x.overlaps(y)).toBe(bruteOverlaps(a, b));
      expect(x.overlaps(y)).toBe(ra.isOverlapping(rb));
      expect(x.contains(y)).toBe(bruteContains(a, b));
      expect(Cidr.parse(x.toString()).isSameNetwork(x)).toBe(true);
    }), { numRuns: 1000 });
  });
});

test('familiesOf lists the families present, IPv4 first', () => {
  expect(Cidr.familiesOf([Cidr.parse('fd00::/8'), Cidr.parse('10.0.0.0/8')])).toEqual([IpFamily.IPV4, IpFamily.IPV6]);
  expect(Cidr.familiesOf([Cidr.parse('fd00::/8')])).toEqual([IpFamily.IPV6]);
  expect(Cidr.familiesOf([])).toEqual([]);
});

describe('CIDR text as Go and Kubernetes read it', () => {
  test('an IPv4-mapped IPv6 cidr is IPv4 (Go IP.To4), so its overlap with an IPv4 range is found', () => {
    const mapped = Cidr.parse('::ffff:a0f4:0/112');
    expect([mapped.family, mapped.toString()]).toEqual(['IPv4', '160.244.0.0/16']);
    expect(Cidr.parse('::ffff:10.96.0.0/112').overlaps(Cidr.parse('10.96.0.0/12'))).toBe(true);
    expect(() => Cidr.parse('::ffff:0:0/90')).toThrow(/host bits are set|reaches into the ::ffff:0:0\/96 mapping/);
  });

  test('an IPv6 address ending in a dotted quad is accepted', () => {
    expect(Cidr.parse('::1.2.3.4/128').toString()).toBe('::102:304/128');
    expect(Cidr.parse('64:ff9b::/96').toString()).toBe('64:ff9b::/96');
    expect(() => Cidr.parse('::1.2.3.256/128')).toThrow(/invalid cidr "::1\.2\.3\.256\/128": "1\.2\.3\.256" is not a dotted-quad IPv4 address/);
  });

  test('a zone index is a clear error, not a library message', () => {
    expect(() => Cidr.parse('fe80::%eth0/64')).toThrow(/^invalid cidr "fe80::%eth0\/64": a zone index \("%eth0"\) is not allowed in a cidr; write the network without it/);
    expect(() => Cidr.parse('fe80::1::2/64')).toThrow(/^invalid cidr "fe80::1::2\/64": not a valid IPv6 address/);
  });
});
