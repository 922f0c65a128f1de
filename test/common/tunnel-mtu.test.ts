import { TunnelMtuMember, tunnelMtuWarnings } from '../../src/common/tunnel-mtu';

const member = (field: string, mtu: number): TunnelMtuMember => ({ field, mtu, node: { path: 'p' } });
const WIREGUARD = { what: 'WireGuard', overhead: 95, path: 'c' };

describe('the Geneve MTU rule under node encryption', () => {
  test('an MTU is fine up to 1500 - 58 (Geneve over IPv4) - the encryption\'s overhead, and warned about one byte above', () => {
    expect(tunnelMtuWarnings([member('ovn mtu', 1347)], WIREGUARD)).toEqual([]);
    expect(tunnelMtuWarnings([member('ovn mtu', 1348)], WIREGUARD)).toEqual([
      'ovn mtu 1348 (p) + 58 (Geneve over IPv4) + 95 (WireGuard; c) = 1501 exceeds a 1500-byte node MTU: with node encryption '
      + "OVN-Kubernetes' Geneve packets go through WireGuard too; on a 1500-byte node network set ovn mtu to at most 1347 "
      + "(a warning: the stack does not know the nodes' MTU)",
    ]);
  });

  test('each member is judged alone; no member, no warning', () => {
    expect(tunnelMtuWarnings([member('a', 1300), member('b', 1400), member('c', 9000)], WIREGUARD).map((w) => w.split(' ')[0])).toEqual(['b', 'c']);
    expect(tunnelMtuWarnings([], WIREGUARD)).toEqual([]);
  });
});
