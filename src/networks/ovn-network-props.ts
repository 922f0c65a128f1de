import { NetworkRole, OvnTopology } from './ovn-topology';

/** An OVN-Kubernetes secondary network, rendered as a NetworkAttachmentDefinition. */
export interface OvnNetworkProps {
  /** The NetworkAttachmentDefinition's name (what pods list in `k8s.v1.cni.cncf.io/networks`). */
  readonly name: string;
  /**
   * The NAD's namespace.
   * @default 'default'
   */
  readonly namespace?: string;
  /**
   * The cluster-wide network name (config `name`); NADs in several namespaces may share one network.
   * @default - the NAD name
   */
  readonly networkName?: string;
  /**
   * The topology.
   * @default OvnTopology.LAYER3
   */
  readonly topology?: OvnTopology;
  /**
   * Subnets, one per family. layer3: `cidr/hostPrefix` (required); layer2 and localnet: plain CIDRs,
   * or none for a network without IP management.
   * @default [] (layer3 requires at least one)
   */
  readonly subnets?: string[];
  /**
   * Ranges inside `subnets` that OVN-Kubernetes must not hand out.
   * @default []
   */
  readonly excludeSubnets?: string[];
  /**
   * MTU of the pods' interface on this network.
   * @default 1300 (the seed's network and OVN-Kubernetes' multi-homing tests)
   */
  readonly mtu?: number;
  /**
   * The network's role for its pods.
   * @default NetworkRole.SECONDARY
   */
  readonly role?: NetworkRole;
  /**
   * Keep a VM's addresses across restarts and migration (IPAMClaims). layer2 and localnet only.
   * @default false
   */
  readonly allowPersistentIps?: boolean;
  /**
   * VLAN tag on the physical network. localnet only; 1-4094.
   * @default - untagged
   */
  readonly vlanId?: number;
  /**
   * The physical network (the key of `ovn-bridge-mappings` on each node). localnet only.
   * @default - the network name
   */
  readonly physicalNetworkName?: string;
  /**
   * Nodes that each need a subnet (layer3), checked against `hostPrefix`.
   * @default - the cluster's node count (`clusterNodeCount`: the App's DeceptiveNetworkConfig's nodeCount, else 3)
   */
  readonly nodeCount?: number;
}
