import { Testing } from 'cdk8s';
import { ChartAddressPlan, CiliumPrimary, DeceptiveNetworkConfig, DeceptiveNetworkConfigProps, DecoyNetwork, IpFamily, IpamMode, RangeRole, RoutingMode } from '../../src';

describe('DeceptiveNetworkConfig', () => {
  test('seed defaults come out exactly', () => {
    const chart = Testing.chart();
    const d = new DeceptiveNetworkConfig(chart, 'deception');
    expect(d.netCidr).toBe('10.254.0.0/16/24');
    expect(d.svcCidr).toBe('10.96.0.0/16');
    expect(d.primaryPodCidrs.map(String)).toEqual(['10.244.0.0/16']);
    expect(d.joinSubnet(IpFamily.IPV4)).toBe('100.64.0.0/16');
    expect(d.transitSubnet(IpFamily.IPV4)).toBe('100.88.0.0/16');
    expect(d.masqueradeSubnet(IpFamily.IPV4)).toBe('169.254.0.0/17');
    expect(d.joinSubnet(IpFamily.IPV6)).toBeUndefined();
    expect(d.secondaryCni).toBe(true);
    const plan = ChartAddressPlan.of(chart);
    expect(plan.check()).toEqual([]);
    expect(plan.ranges.map((r) => `${r.role}=${r.cidr}${r.hostPrefix ? '/' + r.hostPrefix : ''}`)).toEqual([
      'node network=172.18.0.0/16', 'service=10.96.0.0/16', 'primary pod=10.244.0.0/16', 'ovn join=100.64.0.0/16',
      'ovn transit=100.88.0.0/16', 'ovn masquerade=169.254.0.0/17', 'decoy pod=10.254.0.0/16/24',
    ]);
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('dual-stack or IPv6 without a decoy: says which key to set and how (auto, or one cluster subnet per family)', () => {
    const dual = { primaryPodCidrs: ['10.244.0.0/16', 'fd00:10:244::/56'], serviceCidrs: ['10.96.0.0/16', 'fd00:10:96::/112'] };
    expect(() => new DeceptiveNetworkConfig(Testing.chart(), 'd', dual)).toThrow(
      'decoy: not set, and its default 10.254.0.0/16/24 is IPv4 only while the primary pod ranges are IPv4+IPv6: set decoy to auto (a free block per family; DecoyNetwork.automatic()) or to one cluster subnet per family, e.g. "10.254.0.0/16/24,fd00:10:254::/48/64" (DecoyNetwork.fixed(...))');
    expect(() => new DeceptiveNetworkConfig(Testing.chart(), 'd', { primaryPodCidrs: ['fd00:10:244::/56'], serviceCidrs: ['fd00:10:96::/112'] }))
      .toThrow(/primary pod ranges are IPv6: .* e\.g\. "fd00:10:254::\/48\/64"/);
    // both suggestions work as written
    for (const decoy of [DecoyNetwork.automatic(), DecoyNetwork.fixed('10.254.0.0/16/24,fd00:10:254::/48/64')]) {
      const chart = Testing.chart();
      new DeceptiveNetworkConfig(chart, 'd', { ...dual, decoy });
      expect(ChartAddressPlan.of(chart).check()).toEqual([]);
      expect(() => Testing.synth(chart)).not.toThrow();
    }
  });

  test('every prop reaches the settings', () => {
    const chart = Testing.chart();
    const props: Required<Omit<DeceptiveNetworkConfigProps, 'nodeMaskSize' | 'cilium'>> = {
      primaryPodCidrs: ['10.0.0.0/16', 'fd00:10:0::/56'],
      serviceCidrs: ['10.1.0.0/16', 'fd00:10:1::/112'],
      nodeNetworks: ['192.168.0.0/24', 'fc00:f853:ccd:e793::/64'],
      nodeCount: 10,
      decoy: DecoyNetwork.fixed('10.2.0.0/16/24,fd00:10:2::/48/64'),
      joinSubnets: ['100.65.0.0/16', 'fd98:1::/64'],
      transitSubnets: ['100.89.0.0/16', 'fd97:1::/64'],
      masqueradeSubnets: ['169.254.128.0/17', 'fd69:1::/112'],
      secondaryCni: false,
      nodeMaskSizeIpv4: 26,
      nodeMaskSizeIpv6: 64,
      podRangesFromNodes: true,
    };
    const d = new DeceptiveNetworkConfig(chart, 'd', props);
    expect(d.families).toEqual([IpFamily.IPV4, IpFamily.IPV6]);
    expect(d.netCidr).toBe('10.2.0.0/16/24,fd00:10:2::/48/64');
    expect(d.svcCidr).toBe('10.1.0.0/16,fd00:10:1::/112');
    expect(d.nodeNetworks.map(String)).toEqual(props.nodeNetworks);
    expect(d.nodeCount).toBe(10);
    expect([d.nodeMaskSize(IpFamily.IPV4), d.nodeMaskSize(IpFamily.IPV6)]).toEqual([26, 64]);
    expect(d.joinSubnet(IpFamily.IPV6)).toBe('fd98:1::/64');
    expect(d.transitSubnet(IpFamily.IPV4)).toBe('100.89.0.0/16');
    expect(d.masqueradeSubnet(IpFamily.IPV6)).toBe('fd69:1::/112');
    expect(d.secondaryCni).toBe(false);
    expect(ChartAddressPlan.of(chart).check()).toEqual([]);
  });

  test('dual-stack defaults for the OVN internal subnets', () => {
    const d = new DeceptiveNetworkConfig(Testing.chart(), 'd', {
      primaryPodCidrs: ['10.244.0.0/16', 'fd00:10:244::/56'], serviceCidrs: ['10.96.0.0/16', 'fd00:10:96::/112'],
      decoy: DecoyNetwork.fixed('10.254.0.0/16/24,fd00:10:254::/48/64'),
    });
    expect([d.joinSubnet(IpFamily.IPV6), d.transitSubnet(IpFamily.IPV6), d.masqueradeSubnet(IpFamily.IPV6)]).toEqual(['fd98::/64', 'fd97::/64', 'fd69::/112']);
  });

  test('automatic decoy avoids every range and is deterministic', () => {
    const make = () => {
      const chart = Testing.chart();
      const config = new DeceptiveNetworkConfig(chart, 'd', { primaryPodCidrs: ['10.0.0.0/9'], serviceCidrs: ['10.128.0.0/16'], decoy: DecoyNetwork.automatic() });
      // A getter never chooses: before the App is checked the automatic decoy is not there to read.
      expect(() => config.netCidr).toThrow(/^decoy: the automatic decoy of test\/d is chosen when the App is checked/);
      expect(ChartAddressPlan.problemsOf(chart)).toEqual([]);
      return config.netCidr;
    };
    expect(make()).toBe('10.129.0.0/16/24');
    expect(make()).toBe(make());
  });

  test('a decoy on Cilium\'s range fails at synth, naming both ranges and owners', () => {
    const chart = Testing.chart();
    new DeceptiveNetworkConfig(chart, 'deception', { decoy: DecoyNetwork.fixed('10.244.0.0/16/24') });
    expect(() => Testing.synth(chart)).toThrow(
      /overlap: primary pod "primary pod range" 10\.244\.0\.0\/16 \(owner: test\/deception\) overlaps decoy pod "ovn net_cidr \(decoy\)" 10\.244\.0\.0\/16\/24 \(owner: test\/deception\)/,
    );
  });

  test('too few node subnets in the decoy fails at synth', () => {
    const chart = Testing.chart();
    new DeceptiveNetworkConfig(chart, 'd', { decoy: DecoyNetwork.fixed('10.254.0.0/24/26'), nodeCount: 5 });
    expect(() => Testing.synth(chart)).toThrow(/splits into 4 node subnets of \/26, fewer than the 5 nodes/);
  });

  test.each([
    [{ primaryPodCidrs: ['10.244.0.1/16'] }, /primaryPodCidrs\[0\]: invalid cidr "10\.244\.0\.1\/16": host bits are set/],
    [{ serviceCidrs: [] }, /serviceCidrs: invalid value \[\]: expected one cidr per family \(1 or 2 entries\)/],
    [{ serviceCidrs: ['10.96.0.0/16', '10.97.0.0/16'] }, /serviceCidrs: invalid value .*: expected one IPv4 and one IPv6 range for dual-stack, got two IPv4 ranges/],
    [{ nodeNetworks: ['nope'] }, /nodeNetworks\[0\]: invalid cidr "nope"/],
    [{ nodeCount: 0 }, /nodeCount: invalid value 0: expected a whole number of nodes, at least 1/],
    [{ joinSubnets: ['fd98::/64'] }, /^joinSubnets: invalid value \["fd98::\/64"\]: expected one subnet per family of the primary pod ranges \(IPv4\), not IPv6$/],
    [{ masqueradeSubnets: ['169.254.0.0/33'] }, /masqueradeSubnets\[0\]: invalid cidr "169\.254\.0\.0\/33"/],
    [{ decoy: undefined, transitSubnets: ['x'] }, /transitSubnets\[0\]: invalid cidr "x"/],
  ] as Array<[DeceptiveNetworkConfigProps, RegExp]>)('rejects %j', (props, message) => {
    expect(() => new DeceptiveNetworkConfig(Testing.chart(), 'd', props)).toThrow(message);
  });

  test('bad decoy text is rejected when the decoy is made', () => {
    expect(() => DecoyNetwork.fixed('10.254.0.0/16/8')).toThrow(/decoy: invalid cluster subnet "10\.254\.0\.0\/16\/8": host prefix 8 must be longer than the cluster prefix 16/);
    expect(() => new DeceptiveNetworkConfig(Testing.chart(), 'd', { decoy: DecoyNetwork.automatic({ ipv4Pool: ['10.200.0.0/16', 'fd00::/8'] }) }))
      .toThrow(/^decoy\.ipv4Pool\[1\]: invalid value "fd00::\/8": expected an IPv4 range$/);
  });

  test.each([
    [{ ipv4Pool: [] }, /^decoy\.ipv4Pool: invalid value \[\]: expected at least one candidate IPv4 cidr$/],
    [{ ipv6Pool: [] }, /^decoy\.ipv6Pool: invalid value \[\]: expected at least one candidate IPv6 cidr$/],
    [{ ipv4Prefix: 33 }, /^decoy\.ipv4Prefix: invalid value 33: expected a prefix length from 1 to 32$/],
    [{ ipv6Prefix: 0 }, /^decoy\.ipv6Prefix: invalid value 0: expected a prefix length from 1 to 128$/],
    [{ ipv4Pool: ['10.200.0.0/24'] }, /^decoy\.ipv4Prefix: invalid value 16: expected a prefix of 24 or longer, as the pool entry 10\.200\.0\.0\/24 is smaller than one \/16 block/],
  ])('an automatic decoy refuses search options %j, naming the field, the value and what is valid', (options, message) => {
    expect(() => DecoyNetwork.automatic(options)).toThrow(message);
  });

  test('roles of the registered ranges', () => {
    const chart = Testing.chart();
    new DeceptiveNetworkConfig(chart, 'd');
    const plan = ChartAddressPlan.of(chart);
    expect(plan.rangesOf(RangeRole.DECOY_POD)[0].nodeCount).toBe(3);
  });
});

describe('the pod ranges stated once (typed references between DeceptiveNetworkConfig and CiliumPrimary)', () => {
  const dual = ['10.244.0.0/16', 'fd00:10:244::/56'];
  const services = ['10.96.0.0/16', 'fd00:10:96::/112'];
  const decoy = DecoyNetwork.automatic();

  test('DeceptiveNetworkConfig first: CiliumPrimary takes its ranges through props (no App lookup, so the order does not matter)', () => {
    const chart = Testing.chart();
    const config = new DeceptiveNetworkConfig(chart, 'addressing', { primaryPodCidrs: dual, serviceCidrs: services, decoy });
    const cilium = new CiliumPrimary(chart, 'cilium', { podCidrs: config.primaryPodCidrs.map(String), routingMode: RoutingMode.NATIVE, ipv4NativeRoutingCidr: '10.244.0.0/16', ipv6NativeRoutingCidr: 'fd00:10:244::/56' });
    expect(cilium.podCidrs.map(String)).toEqual(dual);
    expect(cilium.families).toEqual([IpFamily.IPV4, IpFamily.IPV6]);
    expect(ChartAddressPlan.of(chart).check()).toEqual([]);
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('CiliumPrimary first: DeceptiveNetworkConfig({ cilium }) reads its pod ranges (and cluster-pool IPAM)', () => {
    const chart = Testing.chart();
    const cilium = new CiliumPrimary(chart, 'cilium', { ipam: IpamMode.clusterPool({ podCidrs: ['10.42.0.0/16', 'fd00:42::/56'] }) });
    const config = new DeceptiveNetworkConfig(chart, 'addressing', { cilium, serviceCidrs: services, decoy });
    expect(config.primaryPodCidrs.map(String)).toEqual(['10.42.0.0/16', 'fd00:42::/56']);
    expect(config.families).toEqual([IpFamily.IPV4, IpFamily.IPV6]);
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('CiliumPrimary without podCidrs beside a dual-stack DeceptiveNetworkConfig: refused at synth in either order', () => {
    for (const configFirst of [true, false]) {
      const chart = Testing.chart();
      if (configFirst) new DeceptiveNetworkConfig(chart, 'addressing', { primaryPodCidrs: dual, serviceCidrs: services, decoy });
      new CiliumPrimary(chart, 'cilium');
      if (!configFirst) new DeceptiveNetworkConfig(chart, 'addressing', { primaryPodCidrs: dual, serviceCidrs: services, decoy });
      expect(ChartAddressPlan.problemsOf(chart).filter((p) => p.startsWith('plan: primary pod ranges differ'))).toEqual([
        expect.stringContaining('CiliumPrimary test/cilium allocates pod addresses from [10.244.0.0/16] but DeceptiveNetworkConfig test/addressing has primaryPodCidrs [10.244.0.0/16, fd00:10:244::/56]'),
      ]);
    }
  });

  test('cilium and a different primaryPodCidrs: refused at once, naming both constructs', () => {
    const chart = Testing.chart();
    const cilium = new CiliumPrimary(chart, 'cilium');
    expect(() => new DeceptiveNetworkConfig(chart, 'addressing', { cilium, primaryPodCidrs: dual, serviceCidrs: services, decoy }))
      .toThrow(/^primaryPodCidrs: invalid value \["10\.244\.0\.0\/16","fd00:10:244::\/56"\]: expected the pod ranges of CiliumPrimary test\/cilium given as cilium \(\[10\.244\.0\.0\/16\]\), or no primaryPodCidrs \(test\/addressing reads Cilium's\)$/);
    // the same ranges written differently are one statement
    expect(() => new DeceptiveNetworkConfig(Testing.chart(), 'a', { cilium, primaryPodCidrs: ['10.244.0.0/16'] })).not.toThrow();
  });
});
