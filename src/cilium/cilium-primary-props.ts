import type { ImagePullPolicy } from 'cdk8s-plus-28';
import { Preset } from '../common/preset';
import { CiliumVersion } from './cilium-version';
import { CiliumEncryption } from './encryption';
import { HubbleOptions } from './hubble-options';
import { HubbleTls } from './hubble-tls';
import { IpamMode } from './ipam-mode';
import { RoutingMode, TunnelProtocol } from './routing';

/**
 * Settings of the Cilium install. Every default but the release reproduces the seed's install (Helm chart
 * 1.16.7 with `ipam.mode=kubernetes`, `cni.exclusive=false`, `image.pullPolicy=IfNotPresent`, the rest
 * chart defaults, except Hubble TLS, see `hubbleTls`); the release is the newest, 1.20.0, unless
 * `preset` is `Preset.SEED`.
 */
export interface CiliumPrimaryProps {
  /**
   * Which release `version` defaults to: `Preset.CURRENT` (1.20.0) or `Preset.SEED` (1.16.7, the seed's;
   * end-of-life, synth warns). Ignored when `version` is given.
   * @default Preset.CURRENT
   */
  readonly preset?: Preset;

  /**
   * The Cilium release, rendered as its own chart renders it (config defaults, images, objects):
   * `CiliumVersion.V1_20_0`, `V1_19_6`, `V1_18_12` (supported lines) or `V1_16_7` (the seed's;
   * end-of-life, synth warns).
   * @default - the preset's: CiliumVersion.V1_20_0, or CiliumVersion.V1_16_7 with Preset.SEED
   */
  readonly version?: CiliumVersion;

  /**
   * How pods get addresses.
   * @default IpamMode.KUBERNETES (as in the seed)
   */
  readonly ipam?: IpamMode;

  /**
   * The cluster's pod ranges (kube-controller-manager `--cluster-cidr`, kind's `podSubnet`), one per
   * family, with `IpamMode.KUBERNETES`: nodes' `spec.podCIDR`s are cut from them. Registered in the
   * chart's AddressPlan as the primary pod ranges; their families are the families Cilium runs with
   * (IPv4, IPv6 or dual-stack). Not used with cluster-pool IPAM, whose pools take this role.
   * @default ['10.244.0.0/16'] (kind's podSubnet)
   */
  readonly podCidrs?: string[];

  /**
   * Whether the agent owns /etc/cni/net.d exclusively (`cni-exclusive`). Must stay false beside Multus:
   * with true the agent renames every other CNI config in the directory, Multus' `00-multus.conf`
   * included, to `*.cilium_bak`, so pods silently lose their secondary networks.
   * @default false (as in the seed; upstream's default is true)
   */
  readonly cniExclusive?: boolean;

  /**
   * How pod traffic crosses between nodes.
   * @default RoutingMode.TUNNEL
   */
  readonly routingMode?: RoutingMode;

  /**
   * Encapsulation (`tunnel-protocol`) of `RoutingMode.TUNNEL`; with native routing Cilium uses it only for
   * encapsulating features such as DSR dispatch (the 1.16 chart renders it then only when given, the 1.18+
   * charts render VXLAN). Geneve's default UDP port is 6081, also OVN-Kubernetes' default `encapPort`:
   * beside an `OvnSecondary` on 6081, give `tunnelPort` or move OVN's `encapPort` (checked at synth across
   * the App).
   * @default TunnelProtocol.VXLAN; with native routing on 1.16 not rendered
   */
  readonly tunnelProtocol?: TunnelProtocol;

  /**
   * UDP port of the tunnel (`tunnel-port`), bound on every node with tunnel routing. Checked at synth
   * against the `encapPort` of every `OvnSecondary` of the App: the same port is refused, as both tunnels
   * bind it in the nodes' host network namespace. Native routing binds no tunnel port.
   * @default - not rendered: the protocol's port, 8472 for VXLAN, 6081 for Geneve
   */
  readonly tunnelPort?: number;

  /**
   * The IPv4 range pods reach without masquerading (`ipv4-native-routing-cidr`); must contain the IPv4
   * pod ranges. Required by `RoutingMode.NATIVE` with IPv4.
   * @default - not rendered
   */
  readonly ipv4NativeRoutingCidr?: string;

  /**
   * The IPv6 range pods reach without masquerading (`ipv6-native-routing-cidr`); must contain the IPv6
   * pod ranges. Required by `RoutingMode.NATIVE` with IPv6.
   * @default - not rendered
   */
  readonly ipv6NativeRoutingCidr?: string;

  /**
   * Install routes to the other nodes' pod ranges directly on each node (`auto-direct-node-routes`), the
   * usual companion of `RoutingMode.NATIVE` when all nodes share one L2 network (kind, a flat LAN).
   * Needs native routing: the agent refuses it with tunneling.
   * @default false (as upstream)
   */
  readonly autoDirectNodeRoutes?: boolean;

  /**
   * Replace kube-proxy with Cilium's eBPF service handling (`kube-proxy-replacement`). Needs
   * `k8sServiceHost` and `k8sServicePort`: without kube-proxy the agent cannot reach the API server
   * through the `kubernetes` Service's ClusterIP.
   * @default false (the seed's kind cluster keeps kube-proxy)
   */
  readonly kubeProxyReplacement?: boolean;

  /**
   * Address (IP or DNS name) of the API server the agents, the operator and Envoy talk to directly
   * (`KUBERNETES_SERVICE_HOST`); set together with `k8sServicePort`.
   * @default - the in-cluster `kubernetes` Service
   */
  readonly k8sServiceHost?: string;

  /**
   * Port of `k8sServiceHost` (`KUBERNETES_SERVICE_PORT`); set together with `k8sServiceHost`.
   * @default - the in-cluster `kubernetes` Service
   */
  readonly k8sServicePort?: number;

  /**
   * Socket load-balancing only in the host namespace (`bpf-lb-sock-hostns-only`). Set true when pods
   * forward traffic on secondary interfaces (KubeVirt, bridges), so their service traffic is not
   * translated at the socket before it reaches the secondary network.
   * @default - not rendered (Cilium's built-in default, false)
   */
  readonly socketLbHostNamespaceOnly?: boolean;

  /**
   * Node devices Cilium attaches its host programs to (`devices`, space-joined), e.g. `['eth0']`. Pin
   * the node NIC when OVN-Kubernetes' bridge (breth0) shares its MAC address.
   * @default - not rendered (Cilium detects the devices)
   */
  readonly devices?: string[];

  /**
   * Cluster name (`cluster-name`): at most 32 lowercase alphanumerics and '-', starting and ending
   * with an alphanumeric.
   * @default 'default' (as upstream)
   */
  readonly clusterName?: string;

  /**
   * Cluster ID for Cluster Mesh (`cluster-id`), 0 to 255; 0 only with name 'default', and 'default'
   * only with 0.
   * @default 0 (as upstream)
   */
  readonly clusterId?: number;

  /**
   * Replicas of the `cilium-operator` Deployment (one per node at most: they repel each other).
   * @default 2 (as the chart; cilium-cli uses 1)
   */
  readonly operatorReplicas?: number;

  /**
   * Pull policy of every container.
   * @default ImagePullPolicy.IF_NOT_PRESENT (as in the seed)
   */
  readonly imagePullPolicy?: ImagePullPolicy;

  /**
   * Registry and organisation to pull every default image from instead of `quay.io/cilium`, e.g. an
   * air-gapped mirror `registry.example.com/cilium`. Names, tags and digests stay as upstream.
   * @default CiliumImages.DEFAULT_REGISTRY ('quay.io/cilium')
   */
  readonly imageRegistry?: string;

  /**
   * Agent image, overriding `imageRegistry`.
   * @default the release's agent image (`version.images.agent`) in `imageRegistry`
   */
  readonly agentImage?: string;

  /**
   * Operator image (generic flavour), overriding `imageRegistry`.
   * @default the release's operator image (`version.images.operator`) in `imageRegistry`
   */
  readonly operatorImage?: string;

  /**
   * Envoy image, overriding `imageRegistry`.
   * @default the release's Envoy image (`version.images.envoy`) in `imageRegistry`
   */
  readonly envoyImage?: string;

  /**
   * certgen image (used with `HubbleTls.CRON_JOB`), overriding `imageRegistry`.
   * @default the release's certgen image (`version.images.certgen`) in `imageRegistry`
   */
  readonly certgenImage?: string;

  /**
   * TLS of the Hubble server. The chart's default (TLS with keys generated at render time) would put
   * private keys into the manifests; this default keeps TLS on and has the keys generated inside the
   * cluster instead, so the output never holds key material.
   * @default HubbleTls.CRON_JOB
   */
  readonly hubbleTls?: HubbleTls;

  // Encryption, load balancing, routing and Gateway API (Cilium 1.18 and later; docs/cilium-features.md).

  /**
   * Transparent encryption of pod traffic between nodes (`enable-wireguard`). WireGuard binds UDP 51871
   * on every node (checked at synth against OVN-Kubernetes' `encapPort`). Cilium 1.18 and later.
   * @default CiliumEncryption.NONE (as upstream)
   */
  readonly encryption?: CiliumEncryption;

  /**
   * Encrypt node-to-node traffic too (`encrypt-node`), not only pod traffic: OVN-Kubernetes' Geneve
   * packets between nodes then pass through WireGuard as well, so OVN's `mtu` must leave room for both
   * headers (checked at synth). Needs `encryption`. Cilium 1.18 and later.
   * @default false (as upstream)
   */
  readonly nodeEncryption?: boolean;

  /**
   * The eBPF bandwidth manager (`enable-bandwidth-manager`): enforces pods' `kubernetes.io/egress-bandwidth`
   * annotation with EDT and fq queues on the node devices. Cilium 1.18 and later.
   * @default false (as upstream)
   */
  readonly bandwidthManager?: boolean;

  /**
   * BBR congestion control for pods (`enable-bbr`). Needs `bandwidthManager`, and BPF host routing, which
   * the agent only uses with `kubeProxyReplacement` and `bpfMasquerade`; kernel 5.18 or later on the
   * nodes. Cilium 1.18 and later.
   * @default false (as upstream)
   */
  readonly bbr?: boolean;

  /**
   * Masquerade in eBPF instead of iptables (`enable-bpf-masquerade`). Cilium 1.18 and later.
   * @default false (as upstream with kube-proxy)
   */
  readonly bpfMasquerade?: boolean;

  /**
   * The egress gateway (`enable-egress-gateway`): CiliumEgressGatewayPolicies send chosen pods' traffic
   * out through chosen nodes. Needs `bpfMasquerade` and IPv4. Cilium 1.18 and later.
   * @default false (as upstream)
   */
  readonly egressGateway?: boolean;

  /**
   * L2 announcements (`enable-l2-announcements`): agents answer ARP for LoadBalancer IPs chosen by
   * CiliumL2AnnouncementPolicies, holding one Lease per Service. Needs `kubeProxyReplacement`. Cilium
   * 1.18 and later.
   * @default false (as upstream)
   */
  readonly l2Announcements?: boolean;

  /**
   * The BGP control plane (`enable-bgp-control-plane`): agents peer as configured by CiliumBGPClusterConfig
   * and friends, reading peer passwords from Secrets in kube-system. Cilium 1.18 and later.
   * @default false (as upstream)
   */
  readonly bgpControlPlane?: boolean;

  /**
   * Gateway API (`enable-gateway-api`, with the GatewayClass `cilium` and its ValidatingAdmissionPolicy).
   * The Gateway API CRDs (`gateway.networking.k8s.io`) must be installed before Cilium; the GatewayClass
   * is written to `stage2/`. Needs `kubeProxyReplacement`. Cilium 1.18 and later.
   * @default false (as upstream)
   */
  readonly gatewayApi?: boolean;
  /**
   * Hubble Relay, Hubble UI and Hubble's flow metrics (Cilium 1.18.12, 1.19.6, 1.20.0; refused with
   * 1.16.7). See docs/cilium-features.md.
   * @default - none of them (as upstream)
   */
  readonly hubble?: HubbleOptions;

  /**
   * The agents' Prometheus metrics on every node's port 9962 (`prometheus.enabled`). The operator's
   * metrics (port 9963) are on in every version, as the chart's `operator.prometheus.enabled` default.
   * Cilium 1.18.12, 1.19.6, 1.20.0.
   * @default false (as upstream)
   */
  readonly prometheus?: boolean;

  /**
   * prometheus-operator ServiceMonitors for the agents, the operator and (with `hubble.metrics`) Hubble,
   * with the headless Services they select (`prometheus.serviceMonitor.enabled`,
   * `operator.prometheus.serviceMonitor.enabled`, `hubble.metrics.serviceMonitor.enabled`). They need the
   * prometheus-operator's CRDs, which this stack does not ship: synth writes them to
   * `optional/` of the output, which `kubectl apply -f dist/` does not read. Needs `prometheus`.
   * Cilium 1.18.12, 1.19.6, 1.20.0.
   * @default false (as upstream)
   */
  readonly serviceMonitors?: boolean;
}
