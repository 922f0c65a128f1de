import { TunnelPortMember, tunnelPortConflicts } from '../../src/common/tunnel-ports';

const member = (component: 'cilium' | 'ovn', port: number | undefined, path: string): TunnelPortMember =>
  ({ component, port, source: port === undefined ? 'native routing, no tunnel' : 'set', node: { path } });

describe('the tunnel-port rule', () => {
  test('the same resolved port on a Cilium and an OVN-Kubernetes member is one problem naming both fields, the port and the fix', () => {
    expect(tunnelPortConflicts([member('cilium', 7000, 'a/cilium'), member('ovn', 7000, 'b/ovn')])).toEqual([
      'plan: udp port 7000 is both ovn encapPort (set; b/ovn) and cilium tunnelPort (set; a/cilium): both tunnels bind their port in every '
      + 'node\'s host network namespace, so the second to start fails with "address already in use"; choose another port for one of them: '
      + 'ovn encapPort or cilium tunnelPort',
    ]);
  });

  test('different ports, a Cilium without a tunnel, or one side missing are no problem', () => {
    expect(tunnelPortConflicts([member('cilium', 8472, 'c'), member('ovn', 6081, 'o')])).toEqual([]);
    expect(tunnelPortConflicts([member('cilium', undefined, 'c'), member('ovn', 6081, 'o')])).toEqual([]);
    expect(tunnelPortConflicts([member('cilium', 6081, 'c')])).toEqual([]);
    expect(tunnelPortConflicts([member('ovn', 6081, 'o')])).toEqual([]);
    expect(tunnelPortConflicts([])).toEqual([]);
  });

  test('two members of one component on one port are not this rule\'s business; each conflicting pair is reported once', () => {
    expect(tunnelPortConflicts([member('ovn', 6081, 'o1'), member('ovn', 6081, 'o2')])).toEqual([]);
    const problems = tunnelPortConflicts([member('cilium', 6081, 'c'), member('ovn', 6081, 'o1'), member('ovn', 6081, 'o2'), member('ovn', 7000, 'o3')]);
    expect(problems.map((p) => /\(set; (o\d)\)/.exec(p)![1])).toEqual(['o1', 'o2']);
  });
});

describe('a fixed Cilium port (WireGuard) in the tunnel-port rule', () => {
  test('names the setting and asks to move only the OVN side', () => {
    const wireguard: TunnelPortMember = { component: 'cilium', port: 51871, source: 'fixed by the agent', setting: 'WireGuard port', fixed: true, node: { path: 'c' } };
    expect(tunnelPortConflicts([wireguard, member('ovn', 51871, 'o')])).toEqual([
      'plan: udp port 51871 is both ovn encapPort (set; o) and cilium WireGuard port (fixed by the agent; c): both tunnels bind their port in every '
      + 'node\'s host network namespace, so the second to start fails with "address already in use"; choose another ovn encapPort (cilium\'s WireGuard port is fixed)',
    ]);
    // Cilium's tunnel and its WireGuard device are two members of one component: each is checked against OVN alone.
    expect(tunnelPortConflicts([wireguard, member('cilium', 8472, 'c'), member('ovn', 6081, 'o')])).toEqual([]);
  });
});
