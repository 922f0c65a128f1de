import { AddressPlan, Cidr, RangeRole, chooseDecoy } from '../../src/addressing';

function planWith(...cidrs: string[]): AddressPlan {
  const p = new AddressPlan();
  cidrs.forEach((c, i) => p.register({ name: `r${i}`, cidr: Cidr.parse(c), role: RangeRole.SECONDARY_NETWORK, owner: 'test' }));
  return p;
}

describe('chooseDecoy', () => {
  test('first free aligned block, skipping every registered range', () => {
    const p = planWith('10.0.0.0/16', '10.1.0.0/17', '10.3.0.0/24');
    expect(chooseDecoy(p, { prefix: 16, pool: [Cidr.parse('10.0.0.0/8')] }).toString()).toBe('10.2.0.0/16');
  });

  test('deterministic: same plan, same answer', () => {
    const a = chooseDecoy(planWith('10.0.0.0/9'), { prefix: 16, pool: [Cidr.parse('10.0.0.0/8')] });
    const b = chooseDecoy(planWith('10.0.0.0/9'), { prefix: 16, pool: [Cidr.parse('10.0.0.0/8')] });
    expect(a.toString()).toBe('10.128.0.0/16');
    expect(b.isSameNetwork(a)).toBe(true);
  });

  test('the result never overlaps the plan', () => {
    const p = planWith('10.0.0.0/9', '10.128.0.0/10', '10.192.0.0/16');
    const d = chooseDecoy(p, { prefix: 16, pool: [Cidr.parse('10.0.0.0/8')] });
    expect(p.ranges.some((r) => r.cidr.overlaps(d))).toBe(false);
    expect(d.toString()).toBe('10.193.0.0/16');
  });

  test('moves to the next pool when the first is full', () => {
    const d = chooseDecoy(planWith('10.0.0.0/8'), { prefix: 16, pool: [Cidr.parse('10.0.0.0/8'), Cidr.parse('172.16.0.0/12')] });
    expect(d.toString()).toBe('172.16.0.0/16');
  });

  test('large IPv6 pools are searched by skipping, not stepping', () => {
    const d = chooseDecoy(planWith('fd00::/9'), { prefix: 64, pool: [Cidr.parse('fd00::/8')] });
    expect(d.toString()).toBe('fd80::/64');
  });

  test('errors', () => {
    expect(() => chooseDecoy(planWith('10.0.0.0/8'), { prefix: 16, pool: [Cidr.parse('10.0.0.0/8')] }))
      .toThrow(/no free \/16 decoy block in pool 10\.0\.0\.0\/8/);
    expect(() => chooseDecoy(planWith(), { prefix: 4, pool: [Cidr.parse('10.0.0.0/8')] }))
      .toThrow(/invalid decoy prefix \/4: must be between the pool's \/8 \(10\.0\.0\.0\/8\) and \/32/);
    expect(() => chooseDecoy(planWith(), { prefix: 16, pool: [] })).toThrow(/invalid decoy pool \[\]/);
  });
});
