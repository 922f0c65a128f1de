import { AddressPlan, RangeRole } from '../addressing';
import { NetworkCrd, NetworkCrds } from '../crds';
import type { OvnNetwork } from '../networks';
import { CheckedIpBlock } from './ip-block';

/**
 * Roles of the cluster's own ranges: Cilium's pods, Services, OVN-Kubernetes' decoy and internal ranges,
 * other networks' pods. None of their addresses is seen on a secondary network's interface.
 */
const CLUSTER_OWN = [
  RangeRole.PRIMARY_POD, RangeRole.SERVICE, RangeRole.DECOY_POD, RangeRole.OVN_JOIN, RangeRole.OVN_TRANSIT,
  RangeRole.OVN_MASQUERADE, RangeRole.SECONDARY_NETWORK,
];

/**
 * Warnings for the ipBlocks that lie outside the network's subnets where that is allowed (localnet, or a
 * network without subnets, see checkIpBlock) but inside one of the cluster's own ranges of the plan: the
 * rule probably names the wrong network's addresses. Warned, not refused: on such networks the pods'
 * and their peers' addresses are not all in the plan.
 */
export function ipBlockWarnings(plan: AddressPlan, policy: string, network: OvnNetwork, blocks: CheckedIpBlock[]): string[] {
  const ranges = plan.ranges.filter((r) => CLUSTER_OWN.includes(r.role) && !r.owners.includes(network.node.path));
  return blocks.filter((b) => !b.meetsSubnets).flatMap((b) => ranges
    .filter((r) => r.cidr.contains(b.cidr))
    .map((r) => `policy ${policy}: ${b.field}.cidr ${b.cidr} lies inside ${r.role} "${r.name}" ${r.cidr} (owner: ${r.owners.join(', ')}); `
      + `those addresses are the cluster's own and never appear on network ${network.qualifiedName}'s interface, so the rule probably matches nothing there`));
}

/**
 * The App's NetworkCrds leaves out the MultiNetworkPolicy CRD: the objects could not be applied. Without a
 * NetworkCrds in the App, the CRD is installed some other way and nothing is checked.
 */
export function missingCrdProblem(crds: NetworkCrds[], policy: string): string | undefined {
  if (crds.length === 0 || crds.some((c) => c.crds.includes(NetworkCrd.MULTI_NETWORK_POLICIES))) return undefined;
  return `policy ${policy}: networkCrds.multiNetworkPolicies is false, so the App ships no ${NetworkCrd.MULTI_NETWORK_POLICIES.name} CRD and the policy cannot be applied; set it to true or remove the policy`;
}
