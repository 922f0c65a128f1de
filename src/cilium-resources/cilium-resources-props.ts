import type { CiliumPrimary } from '../cilium';
import { LabelSelector } from '../common/label-selector';
import { LoadBalancerPoolBlock } from './pool-block';

/** A `CiliumLoadBalancerIPPool`: addresses Cilium's LB IPAM gives `type: LoadBalancer` Services. */
export interface LoadBalancerPoolProps {
  /** The pool's name (a DNS subdomain), unique among the pools. */
  readonly name: string;
  /** The pool's addresses: CIDRs or `start`–`stop` ranges, each one family. */
  readonly blocks: LoadBalancerPoolBlock[];
  /**
   * Services the pool serves.
   * @default - every LoadBalancer Service
   */
  readonly serviceSelector?: LabelSelector;
  /**
   * Hand out the first and last address of each CIDR too (`allowFirstLastIPs: "Yes"`).
   * @default - not rendered (Cilium reserves them, "No")
   */
  readonly allowFirstLastIPs?: boolean;
  /**
   * Keep the pool but allocate nothing new from it (`disabled`). Its blocks stay in the address plan:
   * addresses already given out remain in use.
   * @default false
   */
  readonly disabled?: boolean;
}

/** A `CiliumL2AnnouncementPolicy`: which nodes answer ARP/NDP for which Service addresses. */
export interface L2AnnouncementPolicyProps {
  /** The policy's name (a DNS subdomain), unique among the policies. */
  readonly name: string;
  /**
   * Regular expressions of the node interfaces to announce on, e.g. `['^eth[0-9]+']`.
   * @default - every interface the agent manages
   */
  readonly interfaces?: string[];
  /**
   * Announce Services' `externalIPs`.
   * @default false
   */
  readonly externalIPs?: boolean;
  /**
   * Announce Services' LoadBalancer addresses (from the pools).
   * @default false
   */
  readonly loadBalancerIPs?: boolean;
  /**
   * Services announced.
   * @default - every Service
   */
  readonly serviceSelector?: LabelSelector;
  /**
   * Nodes that may announce.
   * @default - every node
   */
  readonly nodeSelector?: LabelSelector;
}

/** A BGP neighbour of every selected node. */
export interface BgpPeerProps {
  /** The peer's name (unique among the peers). */
  readonly name: string;
  /** The peer's address, e.g. the top-of-rack router `172.18.0.1`. */
  readonly address: string;
  /** The peer's AS number, 1 to 4294967295. */
  readonly asn: number;
}

/** What the nodes advertise to their BGP peers. */
export interface BgpAdvertiseProps {
  /**
   * Each node's pod CIDR (`advertisementType: PodCIDR`).
   * @default false
   */
  readonly podCidrs?: boolean;
  /**
   * Services' LoadBalancer addresses (`Service`, `LoadBalancerIP`).
   * @default true
   */
  readonly loadBalancerIps?: boolean;
  /**
   * Services' ClusterIPs (`Service`, `ClusterIP`).
   * @default false
   */
  readonly clusterIps?: boolean;
  /**
   * Services' externalIPs (`Service`, `ExternalIP`).
   * @default false
   */
  readonly externalIps?: boolean;
  /**
   * Services whose addresses are advertised.
   * @default - every Service
   */
  readonly serviceSelector?: LabelSelector;
}

/** Cilium's BGP control plane (v2 API): one cluster config, one peer config, one advertisement. */
export interface BgpProps {
  /**
   * Name of the three objects (`CiliumBGPClusterConfig`, `CiliumBGPPeerConfig`, `CiliumBGPAdvertisement`).
   * @default 'multicni'
   */
  readonly name?: string;
  /** The nodes' own AS number, 1 to 4294967295. */
  readonly localAsn: number;
  /** The peers, at least one. */
  readonly peers: BgpPeerProps[];
  /**
   * What is advertised.
   * @default - LoadBalancer addresses only
   */
  readonly advertise?: BgpAdvertiseProps;
  /**
   * Nodes that run BGP.
   * @default - every node
   */
  readonly nodeSelector?: LabelSelector;
}

/** A `CiliumEgressGatewayPolicy`: traffic of selected pods to given destinations leaves through a gateway node. */
export interface EgressGatewayPolicyProps {
  /** The policy's name (a DNS subdomain), unique among the policies. */
  readonly name: string;
  /**
   * Pods whose traffic is redirected (with `namespaceSelector`: pods of those namespaces).
   * @default - every pod of the namespaces selected
   */
  readonly podSelector?: LabelSelector;
  /**
   * Namespaces of the pods.
   * @default - every namespace
   */
  readonly namespaceSelector?: LabelSelector;
  /** Destinations redirected, CIDRs. */
  readonly destinationCidrs: string[];
  /**
   * Destinations inside `destinationCidrs` that are not redirected.
   * @default - none
   */
  readonly excludedCidrs?: string[];
  /**
   * The source address on the gateway (IPv4; IPv6 too from Cilium 1.20); it must be an address
   * of a node interface, so it lies inside a node network. Not with `egressInterface`.
   * @default - the first address of `egressInterface`, or of the interface with the default route
   */
  readonly egressIp?: string;
  /**
   * The gateway interface whose first address is the source (`interface`). Not with `egressIp`.
   * @default - the interface with the default route
   */
  readonly egressInterface?: string;
  /** Nodes that act as the gateway. */
  readonly gatewayNodeSelector: LabelSelector;
}

/** The Cilium custom resources of a cluster, as values keys under `cilium`. */
export interface CiliumResourcesOptions {
  /**
   * LB IPAM pools (`CiliumLoadBalancerIPPool`). Their blocks join the address plan.
   * @default - none
   */
  readonly loadBalancerPools?: LoadBalancerPoolProps[];
  /**
   * L2 announcement policies (`CiliumL2AnnouncementPolicy`); need `l2Announcements`.
   * @default - none
   */
  readonly l2AnnouncementPolicies?: L2AnnouncementPolicyProps[];
  /**
   * The BGP control plane's peering and advertisements; needs `bgpControlPlane`.
   * @default - none
   */
  readonly bgp?: BgpProps;
  /**
   * Egress gateway policies (`CiliumEgressGatewayPolicy`); need `egressGateway`. Egress IPs join the plan.
   * @default - none
   */
  readonly egressGatewayPolicies?: EgressGatewayPolicyProps[];
}

/** Props of `CiliumResources`. */
export interface CiliumResourcesProps extends CiliumResourcesOptions {
  /** The Cilium install the resources are for: its release and features decide what is rendered. */
  readonly cilium: CiliumPrimary;
}
