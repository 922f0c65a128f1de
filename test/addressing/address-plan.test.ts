import * as fc from 'fast-check';
import { AddressPlan, Cidr, RangeRole } from '../../src/addressing';

function plan(...ranges: Array<[string, string, RangeRole, string?, number?, number?]>): AddressPlan {
  const p = new AddressPlan();
  for (const [name, cidr, role, owner, hostPrefix, nodeCount] of ranges) {
    p.register({ name, cidr: Cidr.parse(cidr), role, owner: owner ?? 'test', hostPrefix, nodeCount });
  }
  return p;
}

const SEED: Array<[string, string, RangeRole, string?, number?, number?]> = [
  ['node network', '172.18.0.0/16', RangeRole.NODE_NETWORK],
  ['service', '10.96.0.0/16', RangeRole.SERVICE],
  ['primary pod', '10.244.0.0/16', RangeRole.PRIMARY_POD, 'cilium'],
  ['net_cidr', '10.254.0.0/16', RangeRole.DECOY_POD, 'deception', 24, 3],
  ['join', '100.64.0.0/16', RangeRole.OVN_JOIN],
  ['transit', '100.88.0.0/16', RangeRole.OVN_TRANSIT],
  ['masquerade', '169.254.0.0/17', RangeRole.OVN_MASQUERADE],
  ['default/ovn-stream-veth', '10.245.0.0/16', RangeRole.SECONDARY_NETWORK, 'nad', 24, 3],
];

describe('AddressPlan', () => {
  test('the seed plan is sound', () => {
    expect(plan(...SEED).check()).toEqual([]);
  });

  // Each bad plan names both ranges, their roles and owners.
  test.each([
    ['decoy inside primary pod range', ['decoy', '10.244.128.0/17', RangeRole.DECOY_POD, 'deception', 24],
      /overlap: primary pod "primary pod" 10\.244\.0\.0\/16 \(owner: cilium\) overlaps decoy pod "decoy" 10\.244\.128\.0\/17\/24 \(owner: deception\)/],
    ['service equal to primary pods', ['svc2', '10.244.0.0/16', RangeRole.SERVICE, 'cluster'],
      /overlap: .*primary pod "primary pod" 10\.244\.0\.0\/16 \(owner: cilium\).*service "svc2" 10\.244\.0\.0\/16 \(owner: cluster\)/],
    ['join in the node network', ['join2', '172.18.5.0/24', RangeRole.OVN_JOIN, 'ovn'],
      /overlap: node network "node network" 172\.18\.0\.0\/16 \(owner: test\) overlaps ovn join "join2" 172\.18\.5\.0\/24 \(owner: ovn\)/],
    ['masquerade covering transit', ['masq2', '100.0.0.0/8', RangeRole.OVN_MASQUERADE, 'ovn'],
      /ovn masquerade "masq2" 100\.0\.0\.0\/8 \(owner: ovn\) overlaps ovn join "join" 100\.64\.0\.0\/16/],
    ['secondary network on the service range', ['nad2', '10.96.0.0/24', RangeRole.SECONDARY_NETWORK, 'nad2'],
      /service "service" 10\.96\.0\.0\/16 \(owner: test\) overlaps secondary network "nad2" 10\.96\.0\.0\/24 \(owner: nad2\)/],
    ['secondary networks overlap each other', ['nad3', '10.245.3.0/24', RangeRole.SECONDARY_NETWORK, 'nad3'],
      /secondary network "default\/ovn-stream-veth" 10\.245\.0\.0\/16\/24 \(owner: nad\) overlaps secondary network "nad3" 10\.245\.3\.0\/24 \(owner: nad3\)/],
    ['too few node subnets', ['small', '10.250.0.0/24', RangeRole.SECONDARY_NETWORK, 'nad4', 26, 5],
      /node subnets: secondary network "small" 10\.250\.0\.0\/24\/26 \(owner: nad4\) splits into 4 node subnets of \/26, fewer than the 5 nodes/],
    ['host prefix not longer than cluster prefix', ['hp', '10.251.0.0/24', RangeRole.SECONDARY_NETWORK, 'nad5', 24],
      /host prefix: secondary network "hp" 10\.251\.0\.0\/24\/24 \(owner: nad5\) has host prefix \/24, which must be longer than \/24 and at most \/32/],
    ['wrong family', ['v6 service', 'fd00:10:96::/112', RangeRole.SERVICE, 'cluster'],
      /family: primary pod ranges are IPv4 but service ranges are IPv4\+IPv6; all cluster ranges need the same families/],
    ['transit in primary pods', ['transit2', '10.244.7.0/24', RangeRole.OVN_TRANSIT, 'ovn'],
      /primary pod "primary pod" 10\.244\.0\.0\/16 \(owner: cilium\) overlaps ovn transit "transit2" 10\.244\.7\.0\/24 \(owner: ovn\)/],
  ] as Array<[string, [string, string, RangeRole, string?, number?, number?], RegExp]>)('%s', (_what, bad, message) => {
    const problems = plan(...SEED, bad).check();
    expect(problems.join('\n')).toMatch(message);
  });

  test('every overlapping pair is reported, once each', () => {
    const p = plan(
      ['a', '10.0.0.0/8', RangeRole.PRIMARY_POD],
      ['b', '10.1.0.0/16', RangeRole.SECONDARY_NETWORK],
      ['c', '10.1.2.0/24', RangeRole.SECONDARY_NETWORK],
      ['d', '10.2.0.0/16', RangeRole.SECONDARY_NETWORK],
      ['e', '192.168.0.0/16', RangeRole.SECONDARY_NETWORK],
    );
    const overlaps = p.overlaps();
    expect(overlaps).toHaveLength(4); // a-b, a-c, b-c, a-d
    expect(overlaps.join('\n')).toMatch(/"a".*"b"/);
    expect(overlaps.join('\n')).toMatch(/"b".*"c"/);
    expect(overlaps.join('\n')).toMatch(/"a".*"c"/);
    expect(overlaps.join('\n')).toMatch(/"a".*"d"/);
  });

  test('the same range and role from two owners is one range with both owners', () => {
    const p = plan(['pods', '10.244.0.0/16', RangeRole.PRIMARY_POD, 'cilium'], ['pods', '10.244.0.0/16', RangeRole.PRIMARY_POD, 'deception']);
    expect(p.check()).toEqual([]);
    expect(p.ranges).toHaveLength(1);
    expect(p.ranges[0].owners).toEqual(['cilium', 'deception']);
  });

  test('IPv4 and IPv6 ranges never overlap each other', () => {
    expect(plan(['a', '0.0.0.0/0', RangeRole.PRIMARY_POD], ['b', '::/0', RangeRole.PRIMARY_POD]).overlaps()).toEqual([]);
  });

  test('property: the sweep finds exactly the pairs a brute-force all-pairs check finds', () => {
    const cidr = fc.tuple(fc.integer({ min: 0, max: 63 }), fc.integer({ min: 2, max: 8 }))
      .map(([n, p]) => { const block = Math.floor(n / 2 ** (8 - p)) * 2 ** (8 - p) * 4; return `10.${block}.0.0/${p + 8}`; });
    fc.assert(fc.property(fc.array(cidr, { minLength: 0, maxLength: 25 }), (texts) => {
      const p = new AddressPlan();
      texts.forEach((t, i) => p.register({ name: `r${i}`, cidr: Cidr.parse(t), role: RangeRole.SECONDARY_NETWORK, owner: `o${i}` }));
      const ranges = p.ranges;
      let expected = 0;
      for (let i = 0; i < ranges.length; i++) {
        for (let j = i + 1; j < ranges.length; j++) {
          if (ranges[i].cidr.overlaps(ranges[j].cidr)) expected++;
        }
      }
      expect(p.overlapPairs()).toHaveLength(expected);
      if (expected <= AddressPlan.MAX_LISTED_OVERLAPS) expect(p.overlaps()).toHaveLength(expected);
      else {
        const lines = p.overlaps();
        expect(lines.length).toBeLessThanOrEqual(AddressPlan.MAX_LISTED_OVERLAPS);
        // each grouped line's count is that range's own number of overlapping ranges
        for (const line of lines.slice(0, -1)) {
          const [, name, count] = /^overlap: secondary network "(r\d+)" .* overlaps ([\d,]+) other ranges, first: /.exec(line)!;
          const self = ranges.find((r) => r.name === name)!;
          expect(Number(count.replace(/,/g, ''))).toBe(ranges.filter((r) => r !== self && r.cidr.overlaps(self.cidr)).length);
        }
        expect(lines[lines.length - 1]).toMatch(new RegExp(`^overlap: ${expected.toLocaleString('en-US')} overlapping pairs among `));
      }
    }), { numRuns: 500 });
  });

  test('register rejects a cidr given as text', () => {
    expect(() => new AddressPlan().register({ name: 'x', cidr: '10.0.0.0/8' as unknown as Cidr, role: RangeRole.SERVICE, owner: 'me' }))
      .toThrow(/invalid range "x": cidr must be a Cidr \(use Cidr.parse\), got "10.0.0.0\/8"/);
  });
});

test('two secondary networks with identical subnets are two claims; one network seen twice is one', () => {
  const p = new AddressPlan();
  const cidr = Cidr.parse('10.245.0.0/16');
  p.register({ name: 'blue', cidr, role: RangeRole.SECONDARY_NETWORK, owner: 'ns1/blue' });
  p.register({ name: 'blue', cidr, role: RangeRole.SECONDARY_NETWORK, owner: 'ns2/blue' });
  expect(p.check()).toEqual([]);
  p.register({ name: 'red', cidr, role: RangeRole.SECONDARY_NETWORK, owner: 'ns1/red' });
  expect(p.check()).toEqual([
    'overlap: secondary network "blue" 10.245.0.0/16 (owner: ns1/blue, ns2/blue) overlaps secondary network "red" 10.245.0.0/16 (owner: ns1/red)',
  ]);
});
