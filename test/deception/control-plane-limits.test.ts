import { Testing } from 'cdk8s';
import { IpFamily } from '../../src/addressing';
import { DeceptiveNetworkConfig, DeceptiveNetworkConfigProps, DecoyNetwork } from '../../src/deception';
import { ChartAddressPlan } from '../../src/plan';

// An IPv6-only cluster needs an IPv6 decoy (the default is IPv4): the limits here are not about the decoy.
const make = (props: DeceptiveNetworkConfigProps) => new DeceptiveNetworkConfig(Testing.chart(), 'd',
  props.primaryPodCidrs?.every((c) => c.includes(':')) && props.decoy === undefined ? { ...props, decoy: DecoyNetwork.fixed('fd00:10:254::/48/64') } : props);
const v6 = { primaryPodCidrs: ['fd00:10:244::/56'], serviceCidrs: ['fd00:10:96::/112'], nodeNetworks: ['fc00::/64'], decoy: undefined };

describe('limits of the real control plane', () => {
  test.each([
    // kube-controller-manager: node ranges of /24 (IPv4) and /64 (IPv6) by default
    [{ primaryPodCidrs: ['10.244.0.0/25'] }, /primaryPodCidrs\[0\]: 10\.244\.0\.0\/25 is smaller than one node range of \/24 \(nodeMaskSizeIpv4, kube-controller-manager's default\)/],
    [{ primaryPodCidrs: ['10.244.0.0/23'] }, /primaryPodCidrs\[0\]: 10\.244\.0\.0\/23 holds 2 node ranges of \/24 .*fewer than the 3 nodes.*use a pod range of \/22 or shorter/],
    [{ ...v6, primaryPodCidrs: ['fd00::/32'] }, /primaryPodCidrs\[0\]: fd00::\/32 with node ranges of \/64 .* 32 bits apart; kube-controller-manager \(cidrset\.NewCIDRSet\) refuses/],
    [{ ...v6, primaryPodCidrs: ['fd00::/48'], nodeMaskSizeIpv6: 80 }, /fd00::\/48 with node ranges of \/80 \(nodeMaskSizeIpv6\) is 32 bits apart/],
    [{ primaryPodCidrs: ['10.244.0.0/16'], nodeMaskSize: 15 }, /10\.244\.0\.0\/16 is smaller than one node range of \/15 \(nodeMaskSize\)/],
    [{ primaryPodCidrs: ['10.244.0.0/16', 'fd00::/56'], serviceCidrs: ['10.96.0.0/16', 'fd00:96::/112'], nodeMaskSize: 24 }, /^nodeMaskSize: invalid value 24: expected no nodeMaskSize with dual-stack pod ranges .*; nodeMaskSizeIpv4 and nodeMaskSizeIpv6 instead$/],
    [{ nodeMaskSizeIpv6: 64 }, /^nodeMaskSizeIpv6: invalid value 64: expected no nodeMaskSizeIpv6 in a single-stack IPv4 cluster .*; nodeMaskSizeIpv4 or nodeMaskSize$/],
    [{ nodeMaskSize: 24, nodeMaskSizeIpv4: 24 }, /^nodeMaskSize: invalid value 24: expected no nodeMaskSize beside nodeMaskSizeIpv4 or nodeMaskSizeIpv6/],
    [{ nodeMaskSizeIpv4: 0 }, /nodeMaskSizeIpv4: invalid value 0/],
    [{ ...v6, nodeMaskSizeIpv4: 24 }, /^nodeMaskSizeIpv4: invalid value 24: expected no nodeMaskSizeIpv4 in a single-stack IPv6 cluster .*; nodeMaskSizeIpv6 or nodeMaskSize$/],
    // kube-apiserver: at most 20 host bits in a Service range
    [{ serviceCidrs: ['10.0.0.0/11'], primaryPodCidrs: ['172.20.0.0/16'] }, /serviceCidrs\[0\]: 10\.0\.0\.0\/11 is too large for kube-apiserver \(validateMaxCIDRRange: for 32-bit addresses the mask must be >= 12\)/],
    [{ ...v6, serviceCidrs: ['fd00:10:96::/107'] }, /serviceCidrs\[0\]: fd00:10:96::\/107 is too large for kube-apiserver \(validateMaxCIDRRange: for 128-bit addresses the mask must be >= 108\)/],
    // OVN-Kubernetes: base+nodeID (IDs from 2) in join and transit; .1-.5 in masquerade
    [{ joinSubnets: ['100.64.0.0/30'], nodeCount: 3 }, /joinSubnets\[0\]: 100\.64\.0\.0\/30 has 4 addresses, .* needs 5; use a \/29 or larger subnet/],
    [{ transitSubnets: ['100.88.0.0/29'], nodeCount: 7 }, /transitSubnets\[0\]: 100\.88\.0\.0\/29 has 8 addresses, .* needs 9/],
    [{ masqueradeSubnets: ['169.254.0.0/30'] }, /masqueradeSubnets\[0\]: 169\.254\.0\.0\/30 is too small: OVN-Kubernetes takes the masquerade addresses network\+1 to network\+5 \(AllocateV4MasqueradeIPs\).*\/29/],
    [{ ...v6, masqueradeSubnets: ['fd69::/126'] }, /masqueradeSubnets\[0\]: fd69::\/126 is too small.*AllocateV6MasqueradeIPs.*\/125/],
  ] as Array<[DeceptiveNetworkConfigProps, RegExp]>)('refuses %j', (props, message) => {
    expect(() => make(props)).toThrow(message);
  });

  test.each([
    [{ primaryPodCidrs: ['10.244.0.0/24'], nodeCount: 1 }],
    [{ primaryPodCidrs: ['10.0.0.0/8'], nodeMaskSizeIpv4: 28, serviceCidrs: ['172.16.0.0/12'], nodeNetworks: ['192.168.0.0/24'] }], // IPv4 has no 16-bit limit in kube-controller-manager 1.32
    [{ ...v6, primaryPodCidrs: ['fd00::/48'] }],
    [{ serviceCidrs: ['10.96.0.0/12'] }],
    [{ ...v6, serviceCidrs: ['fd00:10:96::/108'] }],
    [{ joinSubnets: ['100.64.0.0/29'], transitSubnets: ['100.88.0.0/29'], masqueradeSubnets: ['169.254.0.0/29'], nodeCount: 6 }],
    [{ ...v6, masqueradeSubnets: ['fd69::/125'] }],
  ] as Array<[DeceptiveNetworkConfigProps]>)('accepts %j', (props) => {
    expect(() => make(props)).not.toThrow();
  });

  test('counts in messages read as the plan report writes them: thousands separators, never a capped count', () => {
    const nodes = 10_000_000_000;
    // 0.0.0.0/0 cut into /32: 2^32 node ranges, the largest count an IPv4 message can give.
    const whole = { primaryPodCidrs: ['0.0.0.0/0'], nodeMaskSizeIpv4: 32, serviceCidrs: ['10.96.0.0/16'], nodeCount: nodes };
    expect(() => make(whole)).toThrow(/^primaryPodCidrs\[0\]: 0\.0\.0\.0\/0 holds 4,294,967,296 node ranges of \/32 \(nodeMaskSizeIpv4\), fewer than the 10,000,000,000 nodes;/);
    expect(() => make({ nodeCount: nodes })).toThrow(/holds 256 node ranges of \/24 .*fewer than the 10,000,000,000 nodes/);
    // A pod range with room for 2^20 nodes, so the join subnet is the first limit: 65,536 addresses for 100,000 nodes.
    const wide = { primaryPodCidrs: ['10.0.0.0/8'], nodeMaskSizeIpv4: 28, serviceCidrs: ['172.16.0.0/12'], nodeNetworks: ['192.168.0.0/24'], nodeCount: 100_000 };
    expect(() => make(wide)).toThrow(/^joinSubnets\[0\]: 100\.64\.0\.0\/16 has 65,536 addresses, but OVN-Kubernetes gives each of the 100,000 nodes .* so it needs 100,002;/);
    expect(() => make({ ...wide, nodeCount: 1_000_000 })).toThrow(/each of the 1,000,000 nodes .* needs 1,000,002;/);
    for (const props of [whole, wide, { nodeCount: nodes }]) {
      const message = (() => {
        try {
          make(props);
        } catch (e) {
          return (e as Error).message;
        }
        return 'no error';
      })();
      expect(message).toMatch(/nodes/);
      expect(message).not.toMatch(/\d{5}/); // no long run of digits: every count is grouped
    }
  });

  test('an IPv4 node mask more than 16 bits longer than the pod range is a warning (kube-controller-manager v1.32 limits IPv6 only)', () => {
    const d = make({ primaryPodCidrs: ['10.0.0.0/8'], nodeMaskSizeIpv4: 28, serviceCidrs: ['172.16.0.0/12'], nodeNetworks: ['192.168.0.0/24'] });
    expect(ChartAddressPlan.warningsOf(d)).toEqual([expect.stringMatching(/^primaryPodCidrs\[0\]: 10\.0\.0\.0\/8 with node ranges of \/28 \(nodeMaskSizeIpv4\) is 20 bits apart/)]);
    expect(ChartAddressPlan.warningsOf(make({ primaryPodCidrs: ['10.0.0.0/8'] }))).toEqual([]);
  });

  test('a pod range kube-controller-manager cannot split is only a warning when the nodes\' podCIDRs are unused (cluster-pool)', () => {
    const d = make({ primaryPodCidrs: ['10.244.0.0/25'], podRangesFromNodes: false });
    expect(ChartAddressPlan.warningsOf(d)).toEqual([expect.stringMatching(/^primaryPodCidrs\[0\]: 10\.244\.0\.0\/25 is smaller than one node range .*\(a warning: the primary CNI does not use the nodes' podCIDRs/)]);
    expect(d.nodeMaskSize(IpFamily.IPV4)).toBe(24);
  });
});
