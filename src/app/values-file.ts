import { ClusterPoolOptions } from '../cilium';
import type { CiliumChartProps, NetworkChartProps } from '../chart';
import { Preset } from '../common/preset';
import { NetworkCrdsProps } from '../crds';
import { AutomaticDecoyOptions, DeceptiveNetworkConfigProps } from '../deception';
import { DemoPodPlacement } from '../demo';
import { GitopsOptions } from '../gitops';
import { MultusProps } from '../multus';
import { OvnSecondaryOptions } from '../ovn';

/*
 * The values file, as types: the props of each component, except where YAML says a thing differently
 * (a decoy as text, IPAM as a name plus its options, the demo as one section). `npm run schema` turns
 * `ValuesFile` into values.schema.json; keys typed with an enum-like class are listed in values-enums.ts.
 * A key added to a props interface is a values key without a line here.
 */

/** `addressing`: the address plan. */
export interface AddressingValues extends Omit<DeceptiveNetworkConfigProps, 'decoy' | 'podRangesFromNodes' | 'cilium'> {
  /**
   * OVN `net_cidr`: `cidr/hostPrefix`, comma-separated for dual-stack, or `auto` (the first free block,
   * chosen when every other range, networks included, is known).
   * @default 10.254.0.0/16/24
   */
  readonly decoy?: string;
  /**
   * Where `decoy: auto` searches; only valid with `decoy: auto`.
   * @default - the private ranges: 10/8, 172.16/12, 192.168/16; fd00::/8
   */
  readonly decoySearch?: AutomaticDecoyOptions;
}

/** `cilium`: the primary CNI (the file's one `preset` key chooses the release defaults of every component). */
export interface CiliumValues extends Omit<CiliumChartProps, 'ipam' | 'preset'> {
  /**
   * How the agent gets pod addresses: `kubernetes` (the node's `spec.podCIDR`) or `cluster-pool`
   * (with `clusterPool.podCidrs`).
   * @default kubernetes
   */
  readonly ipam?: 'kubernetes' | 'cluster-pool';
  /**
   * Cilium's own pool; only valid (and then required) with `ipam: cluster-pool`.
   * @default - none
   */
  readonly clusterPool?: ClusterPoolOptions;
}

/** `multus` (the file's one `preset` key chooses the release defaults of every component). */
export interface MultusValues extends Omit<MultusProps, 'preset'> {
}

/** One of `networks`: a NetworkAttachmentDefinition and its MultiNetworkPolicies. */
export interface NetworkValues extends Omit<NetworkChartProps, 'nodeCount'> {
  // nodeCount: the chart gives every network `addressing.nodeCount`; one cluster has one node count.
}

/** `demo`: the seed's demo pods. */
export interface DemoValues {
  /**
   * Render the demo pods on the first network.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * The demo pods.
   * @default - tinypod on ovn-worker, tinypod2 on ovn-worker2
   */
  readonly pods?: DemoPodPlacement[];
}

/** A values file for `npm run synth -- --values FILE`. Every key is optional. */
export interface ValuesFile {
  /**
   * Which releases are installed where no `version` is given: `current` (Cilium 1.20.0, Multus v4.3.0)
   * or `seed` (the seed's deployment exactly: Cilium 1.16.7, end-of-life, synth warns; Multus v4.1.3).
   * Every other default is the seed's with both; `cilium.version` and `multus.version` win over it.
   * @default current
   */
  readonly preset?: Preset;
  /**
   * The real kube-apiserver for OVN-Kubernetes, `https://host:port`.
   * @default https://ovn-control-plane:6443
   */
  readonly apiServer?: string;
  /** The address plan. */
  readonly addressing?: AddressingValues;
  /** Cilium, the primary CNI. */
  readonly cilium?: CiliumValues;
  /** Multus; its default network is pinned to Cilium's CNI config file. */
  readonly multus?: MultusValues;
  /** Which k8s.cni.cncf.io CRDs to ship. */
  readonly networkCrds?: NetworkCrdsProps;
  /** OVN-Kubernetes, the secondary CNI. */
  readonly ovn?: OvnSecondaryOptions;
  /**
   * Secondary networks (NetworkAttachmentDefinitions).
   * @default - the seed's default/ovn-stream-veth: layer3, 10.245.0.0/16/24, MTU 1300
   */
  readonly networks?: NetworkValues[];
  /** The seed's demo pods. */
  readonly demo?: DemoValues;
  /**
   * Delivery by a GitOps engine (Argo CD or Flux) from the Git repository the output is committed to:
   * the output then also holds what the engine needs (docs/gitops.md).
   * @default - none: the staged layout only
   */
  readonly gitops?: GitopsOptions;
}
