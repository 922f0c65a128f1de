import { App } from 'cdk8s';
import { AddressPlan, Cidr, MultiCniChart, RangeRole } from '../../src';
import { valuesToProps } from '../../src/app/values';
import { addressPlanMarkdown, addressPlanSvg } from '../../src/plan/plan-report';

function defaultPlan(): AddressPlan {
  return new MultiCniChart(new App(), 'multicni', valuesToProps({})).plan;
}

describe('address plan report', () => {
  test('the markdown lists every range of the default stack with role, owner and size', () => {
    const plan = defaultPlan();
    const md = addressPlanMarkdown(plan);
    expect(plan.ranges.length).toBe(8);
    for (const r of plan.ranges) {
      const text = r.hostPrefix === undefined ? r.cidr.toString() : `${r.cidr.toString()}/${r.hostPrefix}`;
      const row = md.split('\n').find((l) => l.startsWith(`| \`${text}\` |`));
      expect(row).toBeDefined();
      expect(row).toContain(`| ${r.role.name} |`);
      expect(row).toContain(r.owners[0]);
    }
    expect(md).toContain('| `10.245.0.0/16/24` | IPv4 | secondary network | ovn-stream-veth | multicni/networks/default.ovn-stream-veth | 65,536 | 256 subnets of /24 for 3 nodes |');
    // 7 × /16 + one /17 = 491,520 addresses; the rest of 2^32 is free
    expect(md).toContain('| IPv4 | 8 | 491,520 | 4,294,475,776 |');
    expect(md).toContain('No problems');
  });

  test('an overlap is listed in the markdown and drawn in red in the svg', () => {
    const plan = new AddressPlan();
    plan.register({ name: 'pods', cidr: Cidr.parse('10.0.0.0/16'), role: RangeRole.PRIMARY_POD, owner: 'a' });
    plan.register({ name: 'net', cidr: Cidr.parse('10.0.128.0/24'), role: RangeRole.SECONDARY_NETWORK, owner: 'b' });
    plan.register({ name: 'v6', cidr: Cidr.parse('fd00::/64'), role: RangeRole.SERVICE, owner: 'c' });
    const md = addressPlanMarkdown(plan);
    expect(md).toContain('## 2 problems'); // the overlap and the IPv4 pod / IPv6 service family mismatch
    expect(md).toMatch(/overlap: primary pod "pods" 10.0.0.0\/16 \(owner: a\) overlaps secondary network "net"/);
    expect(md).toContain('| IPv6 | 1 | 2^64 | ~2^127 |');
    const svg = addressPlanSvg(plan);
    expect(svg).toContain('fill="#dc2626" fill-opacity="0.45"');
    expect(svg).toContain('overlap (1)');
    expect(svg).toContain('>IPv6 (1 range)<');
    expect(addressPlanSvg(defaultPlan())).not.toContain('fill-opacity="0.45"');
  });

  test('the same plan gives byte-identical files', () => {
    expect(addressPlanSvg(defaultPlan())).toBe(addressPlanSvg(defaultPlan()));
    expect(addressPlanMarkdown(defaultPlan())).toBe(addressPlanMarkdown(defaultPlan()));
  });
});
