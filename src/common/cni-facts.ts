// Facts that cross components: one component defines the thing, another must not collide with it or
// must name it. Each is fixed upstream; the source is given beside it.

/** UDP port of OVN-Kubernetes' Geneve tunnel (`OVN_ENCAP_PORT`, ovnkube.sh default; also Geneve's IANA port). */
export const OVN_GENEVE_PORT = 6081;
/** UDP port of Cilium's VXLAN tunnel (`tunnel-port` default for vxlan: cilium/cilium pkg/defaults TunnelPortVXLAN). */
export const CILIUM_VXLAN_PORT = 8472;
/** UDP port of Cilium's Geneve tunnel (`tunnel-port` default for geneve: cilium/cilium pkg/defaults TunnelPortGeneve). */
export const CILIUM_GENEVE_PORT = 6081;

/** The CNI config file the Cilium agent writes into /etc/cni/net.d (Helm `cni.confFileName`'s default). */
export const CILIUM_CNI_CONF_FILE = '05-cilium.conflist';
/** The CNI config `ovnkube-node` writes into /etc/cni/net.d. */
export const OVN_CNI_CONF_FILE = '10-ovn-kubernetes.conf';
/** The CNI plugin binary `ovnkube-node` copies into /opt/cni/bin; NetworkAttachmentDefinitions name it as `type`. */
export const OVN_CNI_PLUGIN_TYPE = 'ovn-k8s-cni-overlay';

/** The pod annotation Multus reads to attach extra networks (Network Plumbing WG multi-net spec). */
export const MULTUS_NETWORKS_ANNOTATION = 'k8s.v1.cni.cncf.io/networks';

/** UDP port of Cilium's WireGuard device `cilium_wg0` (cilium/cilium pkg/wireguard/types ListenPort; fixed). */
export const CILIUM_WIREGUARD_PORT = 51871;
/**
 * Bytes WireGuard adds to each packet as Cilium reckons it (cilium/cilium pkg/mtu/mtu.go WireguardOverhead,
 * 1.19 and 1.20: 95; its comment itemises 80, the constant keeps a margin).
 */
export const CILIUM_WIREGUARD_OVERHEAD = 95;

/**
 * The MultiNetworkPolicy annotation naming the NetworkAttachmentDefinitions a policy applies to: a
 * comma-separated list of `namespace/name` or `name` (the policy's namespace); spaces are dropped
 * (OVN-Kubernetes' `PolicyForAnnotation` and `shouldApplyMultiPolicy`,
 * go-controller/pkg/ovn/base_network_controller_multipolicy.go).
 */
export const POLICY_FOR_ANNOTATION = 'k8s.v1.cni.cncf.io/policy-for';
