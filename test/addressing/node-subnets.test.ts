import { IpFamily, hostPrefixProblem, nodeSubnetCount, nodeSubnetsProblem } from '../../src/addressing';

describe('node subnet rules', () => {
  test('count', () => {
    expect(nodeSubnetCount(16, 24)).toBe(256);
    expect(nodeSubnetCount(24, 24)).toBe(1);
    expect(nodeSubnetCount(8, 128)).toBe(Number.MAX_SAFE_INTEGER);
  });

  test('host prefix must be longer than the range and fit the family', () => {
    expect(hostPrefixProblem('r', IpFamily.IPV4, 16, 24)).toBeUndefined();
    expect(hostPrefixProblem('r', IpFamily.IPV4, 16, 16)).toBe('host prefix: r has host prefix /16, which must be longer than /16 and at most /32');
    expect(hostPrefixProblem('r', IpFamily.IPV4, 16, 33)).toMatch(/at most \/32$/);
    expect(hostPrefixProblem('r', IpFamily.IPV6, 48, 64)).toBeUndefined();
  });

  test('every node needs a subnet', () => {
    expect(nodeSubnetsProblem('r', 23, 24, 2)).toBeUndefined();
    expect(nodeSubnetsProblem('r', 23, 24, 3)).toBe('node subnets: r splits into 2 node subnets of /24, fewer than the 3 nodes; use a shorter cluster prefix or a longer host prefix');
    expect(nodeSubnetsProblem('r', 23, 24, 3, 'nodes read')).toMatch(/fewer than the 3 nodes read;/);
  });
});
