import { AddressPlan, RangeRole, parseIpAddress } from '../addressing';
import type { BgpControlPlane } from './bgp-control-plane';
import type { EgressGatewayPolicy } from './egress-gateway-policy';
import type { L2AnnouncementPolicy } from './l2-announcement-policy';
import { selectorsMayMeet } from '../common/label-selector';
import type { LoadBalancerIpPool } from './load-balancer-ip-pool';

/**
 * The ranges of the Cilium custom resources in the App's plan, with the relationships that are meant:
 *
 * - A pool's blocks are `load balancer` ranges. Overlapping another pool: Cilium's LB IPAM marks both
 *   conflicting and allocates from neither (`settleConflicts`, operator/pkg/lbipam/lbipam.go); overlapping
 *   pods, Services, OVN's ranges or a secondary network: two owners of one address (the plan's own rule).
 * - A pool announced via L2 (an L2 policy with `loadBalancerIPs` whose Service selector may meet the pool's)
 *   must lie inside a node network: the L2 announcer (pkg/l2announcer/l2announcer.go) answers ARP/NDP for
 *   the address on the node's link, which reaches only hosts that hold the address on-link. Cilium does
 *   not check the placement; the rule is ours.
 * - A pool reached only via BGP (or not announced) may share no address with a node network: the peer
 *   would have a connected route and a BGP route for the same addresses. Ours, not Cilium's (its BGP
 *   control plane advertises what it is given).
 * - An egress IP must lie inside a node network: the egress gateway manager looks it up among the gateway
 *   node's interface addresses (`deriveFromPolicyGatewayConfig`, pkg/egressgateway/policy.go).
 */
export function registerCiliumRanges(plan: AddressPlan, pools: LoadBalancerIpPool[], l2: L2AnnouncementPolicy[], egress: EgressGatewayPolicy[]): void {
  for (const pool of pools) {
    const announcer = l2.find((p) => p.loadBalancerIPs && selectorsMayMeet(p.serviceSelector, pool.serviceSelector));
    for (const block of pool.blocks) {
      for (const cidr of block.cidrs) {
        plan.register({
          name: `CiliumLoadBalancerIPPool ${pool.name}`,
          cidr,
          role: RangeRole.LOAD_BALANCER,
          owner: pool.node.path,
          ...(announcer ? {
            within: RangeRole.NODE_NETWORK,
            withinReason: `it is announced by CiliumL2AnnouncementPolicy ${announcer.name}, and the agent answers ARP/NDP for its addresses on the node's link`,
          } : {}),
        });
      }
    }
  }
  for (const policy of egress) {
    if (policy.egressIp === undefined) continue;
    plan.register({
      name: `CiliumEgressGatewayPolicy ${policy.name} egressIP`,
      cidr: policy.egressIp,
      role: RangeRole.EGRESS_IP,
      owner: policy.node.path,
      within: RangeRole.NODE_NETWORK,
      withinReason: 'the gateway node must hold it on an interface, where Cilium\'s egress gateway manager looks it up',
    });
  }
}

/** Roles a BGP peer's address may not lie in: the cluster's own virtual ranges. */
const NOT_A_PEER = [
  RangeRole.PRIMARY_POD, RangeRole.SERVICE, RangeRole.LOAD_BALANCER, RangeRole.EGRESS_IP, RangeRole.DECOY_POD,
  RangeRole.OVN_JOIN, RangeRole.OVN_TRANSIT, RangeRole.OVN_MASQUERADE, RangeRole.SECONDARY_NETWORK,
];

/**
 * A BGP peer is a router outside the cluster: an address in a pod, Service, pool or OVN range is the
 * cluster's own, and the node would route the session into it (to a pod, a Service's backends, OVN's
 * gateway router) instead of to the router. Ours: Cilium's BGP control plane dials whatever it is given.
 */
export function bgpPeerProblems(plan: AddressPlan, bgp: BgpControlPlane): string[] {
  const problems: string[] = [];
  const ranges = plan.ranges.filter((r) => NOT_A_PEER.includes(r.role));
  for (const peer of bgp.peers) {
    const address = parseIpAddress(peer.address);
    for (const r of ranges) {
      if (r.cidr.family !== address.family || address.value < r.cidr._first || address.value > r.cidr._last) continue;
      problems.push(`plan: bgp peer "${peer.name}" ${peer.address} (owner: ${bgp.node.path}) lies inside ${r.role} "${r.name}" ${r.cidr} (owner: ${r.owners.join(', ')}); a BGP peer is a router outside the cluster's pod, Service, pool and OVN ranges`);
    }
  }
  return problems;
}
