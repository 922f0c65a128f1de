import * as fc from 'fast-check';
import { AddressPlan, AddressRange, AddressRangeOptions, Cidr, RangeRole, chooseDecoy } from '../../src/addressing';
import { compareCidrs } from '../../src/addressing/cidr';
import { IpFamily, addressBits } from '../../src/addressing/ip-family';

/**
 * The plan as it was before registration used a map and the sweep learnt to count (a scan per
 * registration, every pair listed): the oracle the faster plan must agree with, range for range and line
 * for line, while there are at most MAX_LISTED_OVERLAPS pairs.
 */
function oracle(registrations: AddressRangeOptions[]): { ranges: AddressRange[]; lines: string[] } {
  const entries: AddressRange[] = [];
  for (const o of registrations) {
    const index = entries.findIndex((e) => e.role === o.role && e.cidr.isSameNetwork(o.cidr)
      && (e.hostPrefix === o.hostPrefix || e.hostPrefix === undefined || o.hostPrefix === undefined)
      && (!o.role.perNetwork || e.name === o.name));
    if (index >= 0) {
      const same = entries[index];
      entries[index] = {
        ...same,
        owners: same.owners.includes(o.owner) ? same.owners : [...same.owners, o.owner],
        hostPrefix: same.hostPrefix ?? o.hostPrefix,
        nodeCount: same.nodeCount ?? o.nodeCount,
      };
    } else {
      entries.push({ ...o, owners: [o.owner] });
    }
  }
  const sorted = [...entries].sort((a, b) => compareCidrs(a.cidr, b.cidr));
  const lines: string[] = [];
  for (let j = 0; j < sorted.length; j++) {
    for (let i = j - 1; i >= 0; i--) {
      if (sorted[i].cidr.overlaps(sorted[j].cidr)) lines.push(`${i}<${j}`);
    }
  }
  return { ranges: entries, lines };
}

const ROLES = [RangeRole.SECONDARY_NETWORK, RangeRole.SERVICE, RangeRole.PRIMARY_POD];
const registration = fc.record({
  a: fc.integer({ min: 0, max: 3 }),
  b: fc.integer({ min: 0, max: 3 }),
  prefix: fc.integer({ min: 14, max: 18 }),
  hostPrefix: fc.option(fc.integer({ min: 20, max: 24 }), { nil: undefined }),
  role: fc.integer({ min: 0, max: 2 }),
  name: fc.integer({ min: 0, max: 2 }),
  owner: fc.integer({ min: 0, max: 2 }),
  nodeCount: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
}).map((r) => {
  const cidr = Cidr.parse(`10.${r.a * 64}.0.0/${r.prefix}`);
  return { name: `n${r.name}`, cidr, role: ROLES[r.role], owner: `o${r.owner}`, hostPrefix: r.hostPrefix, nodeCount: r.nodeCount, b: r.b };
});

describe('AddressPlan at scale', () => {
  test('registration with the map merges exactly as the scan did, and the sweep finds the same pairs', () => {
    fc.assert(fc.property(fc.array(registration, { maxLength: 30 }), (regs) => {
      const options: AddressRangeOptions[] = regs.map(({ b: _b, ...o }) => o);
      const plan = new AddressPlan();
      options.forEach((o) => plan.register(o));
      const expected = oracle(options);
      expect(plan.ranges).toEqual(expected.ranges);
      expect(plan.overlapPairs()).toHaveLength(expected.lines.length);
      if (expected.lines.length <= AddressPlan.MAX_LISTED_OVERLAPS) expect(plan.overlaps()).toHaveLength(expected.lines.length);
    }), { numRuns: 300 });
  });

  test('thousands of mutually overlapping networks are reported in at most MAX_LISTED_OVERLAPS lines, with the totals', () => {
    const plan = new AddressPlan();
    const n = 3000;
    for (let i = 0; i < n; i++) {
      plan.register({ name: `net${i}`, cidr: Cidr.parse('10.60.0.0/16'), role: RangeRole.SECONDARY_NETWORK, owner: `chart/net${i}` });
    }
    plan.register({ name: 'clean', cidr: Cidr.parse('10.61.0.0/16'), role: RangeRole.SECONDARY_NETWORK, owner: 'chart/clean' });
    const lines = plan.overlaps();
    expect(lines).toHaveLength(AddressPlan.MAX_LISTED_OVERLAPS);
    expect(lines[0]).toMatch(/^overlap: secondary network "net0" 10\.60\.0\.0\/16 \(owner: chart\/net0\) overlaps 2,999 other ranges, first: secondary network "net1" /);
    expect(lines[lines.length - 1]).toBe(`overlap: ${(n * (n - 1) / 2).toLocaleString('en-US')} overlapping pairs among 3,000 ranges (2,951 more ranges not shown); AddressPlan.overlapPairs() and \`multicni check --format json\` list every pair`);
    expect(lines.join('\n')).not.toMatch(/"clean"/);
    expect(plan.check().length).toBeLessThanOrEqual(AddressPlan.MAX_LISTED_OVERLAPS);
  });

  test('at the limit every pair is still listed one per line', () => {
    const plan = new AddressPlan();
    // 10 identical ranges: 45 pairs, under the limit of 50
    for (let i = 0; i < 10; i++) plan.register({ name: `n${i}`, cidr: Cidr.parse('10.0.0.0/24'), role: RangeRole.SECONDARY_NETWORK, owner: `o${i}` });
    expect(plan.overlaps()).toHaveLength(45);
    expect(plan.overlaps().every((l) => / overlaps secondary network "n\d" /.test(l))).toBe(true);
  });
});

/** The decoy search as it was: every registered range tested against each candidate block. */
function decoyOracle(plan: AddressPlan, prefix: number, pools: Cidr[]): string {
  for (const pool of pools) {
    const step = 1n << BigInt(addressBits(pool.family) - prefix);
    const taken = plan.ranges.map((r) => r.cidr).filter((c) => c.family === pool.family);
    let first = pool._first;
    while (first + step - 1n <= pool._last) {
      const candidate = Cidr._fromFirst(pool.family, first, prefix);
      const conflicts = taken.filter((c) => c.overlaps(candidate));
      if (conflicts.length === 0) return candidate.toString();
      const end = conflicts.reduce((max, c) => (c._last > max ? c._last : max), 0n) + 1n;
      first = ((end + step - 1n) / step) * step;
    }
  }
  return 'none';
}

test('the one-pass decoy search picks the block the per-candidate scan picked', () => {
  // random networks inside 10.0.0.0/8, /6 (wider than the pool) to /20
  const range = fc.record({ offset: fc.integer({ min: 0, max: 2 ** 24 - 1 }), prefix: fc.integer({ min: 6, max: 20 }) })
    .map(({ offset, prefix }) => {
      const hostBits = BigInt(32 - prefix);
      return Cidr._fromFirst(IpFamily.IPV4, (((10n << 24n) + BigInt(offset)) >> hostBits) << hostBits, prefix);
    });
  fc.assert(fc.property(fc.array(range, { maxLength: 25 }), fc.integer({ min: 12, max: 20 }), (cidrs, prefix) => {
    const plan = new AddressPlan();
    cidrs.forEach((c, i) => plan.register({ name: `r${i}`, cidr: c, role: RangeRole.SECONDARY_NETWORK, owner: `o${i}` }));
    const pools = [Cidr.parse('10.0.0.0/8'), Cidr.parse('172.16.0.0/12')];
    let chosen: string;
    try {
      chosen = chooseDecoy(plan, { prefix, pool: pools }).toString();
    } catch {
      chosen = 'none';
    }
    expect(chosen).toBe(decoyOracle(plan, prefix, pools));
  }), { numRuns: 500 });
});
