import { ApiObject } from 'cdk8s';
import { IConstruct, Node } from 'constructs';
import { Cidr } from '../addressing';
import { MemberKind } from '../common/member-kind';

/** What the App's address configuration (DeceptiveNetworkConfig) offers to App-wide readers. */
export interface AddressConfigMember {
  /** The cluster's node count. */
  readonly nodeCount: number;
  /** The cluster's pod ranges. */
  readonly primaryPodCidrs: Cidr[];
  /** Its place in the tree, for messages. */
  readonly node: Node;
}

/** What the App's primary CNI (CiliumPrimary) offers to App-wide checks. */
export interface PrimaryCniMember {
  /** The ranges it allocates pod addresses from. */
  readonly podCidrs: Cidr[];
  /** Whether it renames every other CNI config on the node (Cilium's `cni-exclusive`). */
  readonly cniExclusive: boolean;
  /** Its place in the tree, for messages. */
  readonly node: Node;
}

/** The App's address configuration: one per App (DeceptiveNetworkConfig joins; clusterNodeCount reads it). */
export const ADDRESS_CONFIG_KIND = new MemberKind<AddressConfigMember>('DeceptiveNetworkConfig');
/** The App's primary CNI (CiliumPrimary joins; Multus and DeceptiveNetworkConfig check against it at synth). */
export const PRIMARY_CNI_KIND = new MemberKind<PrimaryCniMember>('CiliumPrimary');
/** The App's Namespace objects (ensureNamespace): each name rendered once. */
export const NAMESPACE_KIND = new MemberKind<ApiObject>('Namespace');
/** An App whose decoy was chosen automatically (by this synth or kept from an earlier one). */
export const AUTOMATIC_DECOY_KIND = new MemberKind<IConstruct>('AutomaticDecoy');
