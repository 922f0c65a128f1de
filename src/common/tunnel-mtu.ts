import { MemberKind } from './member-kind';
// The MTUs that ride OVN-Kubernetes' Geneve tunnel, against an encryption of Cilium that wraps that tunnel too.
//
// Why: with WireGuard node encryption (`encrypt-node`) the Cilium agent sends traffic between nodes' own
// addresses through `cilium_wg0`, and OVN-Kubernetes' Geneve packets are such traffic (ovs-vswitchd sends
// them from the host network namespace to the other node's address). Each packet of an OVN pod interface
// then carries the Geneve headers and WireGuard's on top: the interface's MTU plus both must fit the node
// network's MTU, or full-size packets are dropped (OVS sets DF on its tunnel packets).
// - Geneve over IPv4 as OVN uses it: outer IPv4 20 + UDP 8 + Geneve 8 + OVN's 8-byte metadata option + the
//   inner Ethernet header 14 = 58 bytes (computed from RFC 8926 and OVN's one option; OVN-Kubernetes' own
//   default mtu 1400 leaves 100 on a 1500-byte network).
// - WireGuard: Cilium's own figure (cni-facts CILIUM_WIREGUARD_OVERHEAD).
// The nodes' MTU is not known to the stack (Cilium and OVS detect it on the node), so an MTU that would not
// fit a 1500-byte Ethernet network is a warning, not a refusal: jumbo-frame networks are fine.

/** Bytes OVN's Geneve encapsulation adds over an IPv4 node network (see above). */
export const OVN_GENEVE_OVERHEAD_IPV4 = 58;
/** The node MTU the warning assumes: plain Ethernet, as on kind's Docker network. */
export const ETHERNET_MTU = 1500;

/** An MTU of an OVN-Kubernetes interface whose traffic crosses nodes through Geneve. */
export interface TunnelMtuMember {
  /** The setting, for the message: `ovn mtu`, `network default/n1: mtu`. */
  readonly field: string;
  readonly mtu: number;
  readonly node: { readonly path: string };
}

/** The `ChartAddressPlan._join` kind of the MTUs of OVN's Geneve tunnel. */
export const TUNNEL_MTU_KIND = new MemberKind<TunnelMtuMember>('GeneveMtu');

/** A warning for each member whose MTU, Geneve and the encryption's `overhead` exceed a 1500-byte node MTU. */
export function tunnelMtuWarnings(members: TunnelMtuMember[], encryption: { readonly what: string; readonly overhead: number; readonly path: string }): string[] {
  const limit = ETHERNET_MTU - OVN_GENEVE_OVERHEAD_IPV4 - encryption.overhead;
  return members.filter((m) => m.mtu > limit).map((m) =>
    `${m.field} ${m.mtu} (${m.node.path}) + ${OVN_GENEVE_OVERHEAD_IPV4} (Geneve over IPv4) + ${encryption.overhead} (${encryption.what}; ${encryption.path}) = `
    + `${m.mtu + OVN_GENEVE_OVERHEAD_IPV4 + encryption.overhead} exceeds a ${ETHERNET_MTU}-byte node MTU: with node encryption OVN-Kubernetes' Geneve packets go through WireGuard too; `
    + `on a ${ETHERNET_MTU}-byte node network set ${m.field} to at most ${limit} (a warning: the stack does not know the nodes' MTU)`);
}
