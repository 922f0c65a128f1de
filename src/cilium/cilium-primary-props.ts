import type { ImagePullPolicy } from 'cdk8s-plus-28';
import { CiliumVersion } from './cilium-version';
import { HubbleTls } from './hubble-tls';
import { IpamMode } from './ipam-mode';
import { RoutingMode, TunnelProtocol } from './routing';

/**
 * Settings of the Cilium install. Every default reproduces the seed's install: Helm chart 1.16.7 with
 * `ipam.mode=kubernetes`, `cni.exclusive=false`, `image.pullPolicy=IfNotPresent`, the rest chart
 * defaults (except Hubble TLS, see `hubbleTls`).
 */
export interface CiliumPrimaryProps {
  /**
   * The Cilium release, rendered as its own chart renders it (config defaults, images, objects).
   * 1.16.7 is end-of-life and the default only because the seed installs it; choose
   * `CiliumVersion.V1_18_12`, `V1_19_6` or `V1_20_0` for a supported release.
   * @default CiliumVersion.V1_16_7 (as in the seed)
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
   * Encapsulation (`tunnel-protocol`) of `RoutingMode.TUNNEL`; with native routing Cilium uses it for
   * encapsulating features such as DSR dispatch, and binds no tunnel port. Geneve's default
   * UDP port is 6081, also OVN-Kubernetes' default `encapPort`: beside an `OvnSecondary` on 6081, give
   * `tunnelPort` or move OVN's `encapPort` (checked at synth across the App).
   * @default TunnelProtocol.VXLAN with tunnel routing; with native routing VXLAN from 1.18 (as their charts
   * render it), not rendered by 1.16.7
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
}
