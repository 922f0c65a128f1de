import { ClusterSubnet, IpFamily } from '../../src/addressing';

describe('ClusterSubnet', () => {
  test('parses and prints OVN syntax exactly', () => {
    const s = ClusterSubnet.parse('10.254.0.0/16/24');
    expect(s.cidr.toString()).toBe('10.254.0.0/16');
    expect(s.hostPrefix).toBe(24);
    expect(s.nodeSubnetCount).toBe(256);
    expect(s.toString()).toBe('10.254.0.0/16/24');
  });

  test('bare cidr keeps its bare form and gets OVN default host prefix', () => {
    expect(ClusterSubnet.parse('10.128.0.0/14').toString()).toBe('10.128.0.0/14');
    expect(ClusterSubnet.parse('10.128.0.0/14').hostPrefix).toBe(24);
    expect(ClusterSubnet.parse('fd00:10:128::/48').hostPrefix).toBe(64);
    expect(ClusterSubnet.defaultHostPrefix(IpFamily.IPV6)).toBe(64);
  });

  test('dual-stack lists round-trip', () => {
    const text = '10.254.0.0/16/24,fd00:10:254::/48/64';
    const list = ClusterSubnet.parseList(text);
    expect(list.map((s) => s.cidr.family)).toEqual([IpFamily.IPV4, IpFamily.IPV6]);
    expect(ClusterSubnet.formatList(list)).toBe(text);
  });

  test('huge IPv6 splits are capped, not overflowing', () => {
    expect(ClusterSubnet.parse('fd00::/8/64').nodeSubnetCount).toBe(Number.MAX_SAFE_INTEGER);
    expect(ClusterSubnet.parse('fd00:10:254::/48/64').nodeSubnetCount).toBe(65536);
  });

  test.each([
    ['10.254.0.0/16/16', /host prefix 16 must be longer than the cluster prefix 16 and at most 32/],
    ['10.254.0.0/24/16', /host prefix 16 must be longer than the cluster prefix 24/],
    ['10.254.0.0/16/33', /at most 32/],
    ['fd00::/48/129', /at most 128/],
    ['fd00::/48/56', /OVN-Kubernetes supports only \/64 host subnets for IPv6, got \/56/],
    ['10.254.0.0/16/x', /host prefix "x" must be an integer/],
    ['10.254.0.1/16/24', /invalid cluster subnet "10\.254\.0\.1\/16\/24": invalid cidr "10\.254\.0\.1\/16": host bits are set/],
    ['10.254.0.0/16/24/8', /expected "cidr\/hostPrefix"/],
    ['10.254.0.0', /invalid cluster subnet "10\.254\.0\.0": expected "cidr\/hostPrefix"/],
  ])('rejects %j', (text, message) => {
    expect(() => ClusterSubnet.parse(text)).toThrow(message);
  });

  test('list errors name the entry', () => {
    expect(() => ClusterSubnet.parseList('10.254.0.0/16/24,')).toThrow(/empty entry between commas/);
    expect(() => ClusterSubnet.parseList('10.254.0.0/16/24,fd00::/48/200')).toThrow(/fd00::\/48\/200/);
  });
});
