import { MemberKind } from './member-kind';
// The nodes' UDP tunnel ports, checked across the App (one App is one cluster): Cilium's tunnel and
// OVN-Kubernetes' Geneve must not take the same port.
//
// Why it is a real conflict: both tunnels are kernel UDP tunnel devices that bind their port in every
// node's host network namespace (the Cilium agent and ovs-node both run with hostNetwork).
// - Cilium: the agent creates `cilium_vxlan` or `cilium_geneve` (flow-based) on `tunnel-port`, default
//   8472 for VXLAN and 6081 for Geneve (cilium/cilium pkg/defaults: TunnelPortVXLAN, TunnelPortGeneve;
//   pkg/datapath/loader: setupTunnelDevice). With the port taken it fails to start: "setting up device
//   cilium_vxlan: address already in use" (reported where flannel already held 8472, e.g.
//   canonical/k8s-snap's troubleshooting page "address-in-use").
// - Cilium creates no tunnel device unless a feature asks for one (pkg/datapath/tunnel: newConfig returns
//   Disabled without an enabler): routing-mode tunnel does; beside native routing so would e.g. egress
//   gateway, VTEP or DSR with Geneve dispatch, none of which CiliumPrimary enables. So native routing
//   binds no port here.
// - OVN-Kubernetes: ovnkube-node's `--encap-port` (OVN_ENCAP_PORT) becomes the chassis' Encap
//   `options:dst_port`; ovn-controller then adds Geneve tunnel ports to br-int, and the OVS kernel datapath
//   backs them with one `genev_sys_<port>` device (openvswitch lib/netdev-vport.c: the "genev_sys" dpif
//   name plus the port) in the host network namespace of ovs-vswitchd.
// - Cilium's WireGuard (`encryption: wireguard`): the agent's `cilium_wg0` device listens on UDP 51871 in the
//   host network namespace (cilium/cilium pkg/wireguard/types: ListenPort; no option changes it), so OVN's
//   encapPort must not be 51871 either. Of the ports OVN-Kubernetes' and Multus' host-network pods bind, the
//   Geneve port is the only UDP one (the databases, metrics and health endpoints are TCP), so it is the one
//   a UDP port of Cilium can clash with.
// Not verified here: the kernel's refusal of the second device was read from those reports, not from the
// kernel source.

/** What one component binds: the resolved port and how it was reached. */
export interface TunnelPortMember {
  /** Whose port: Cilium's tunnel or OVN-Kubernetes' Geneve. */
  readonly component: 'cilium' | 'ovn';
  /** The resolved UDP port; undefined when the component binds none (Cilium with native routing). */
  readonly port?: number;
  /** How the port was reached, for the message: `set`, `the default`, `the vxlan default`. */
  readonly source: string;
  readonly node: { readonly path: string };
  /**
   * What binds it, for the message: Cilium's `tunnelPort` (the default) or its `WireGuard port`; OVN's is
   * always `encapPort`.
   */
  readonly setting?: string;
  /** Whether the port is fixed by the component (no setting can move it). */
  readonly fixed?: boolean;
}

/** The `ChartAddressPlan._join` kind of the tunnel ports. */
export const TUNNEL_PORT_KIND = new MemberKind<TunnelPortMember>('TunnelPort');

/** Every Cilium tunnel and OVN-Kubernetes Geneve of the App that bind the same UDP port. */
export function tunnelPortConflicts(members: TunnelPortMember[]): string[] {
  const bound = members.filter((m) => m.port !== undefined);
  const cilia = bound.filter((m) => m.component === 'cilium');
  return bound.filter((m) => m.component === 'ovn').flatMap((ovn) => cilia.filter((c) => c.port === ovn.port).map((cilium) =>
    `plan: udp port ${ovn.port} is both ovn encapPort (${ovn.source}; ${ovn.node.path}) and cilium ${cilium.setting ?? 'tunnelPort'} (${cilium.source}; ${cilium.node.path}): `
    + 'both tunnels bind their port in every node\'s host network namespace, so the second to start fails with "address already in use"; '
    + (cilium.fixed ? `choose another ovn encapPort (cilium's ${cilium.setting} is fixed)` : `choose another port for one of them: ovn encapPort or cilium ${cilium.setting ?? 'tunnelPort'}`)));
}
