import { Construct } from 'constructs';
import { ChartAddressPlan } from '../plan';
import { BgpControlPlane } from './bgp-control-plane';
import { CiliumResourcesProps } from './cilium-resources-props';
import { EgressGatewayPolicy } from './egress-gateway-policy';
import { L2AnnouncementPolicy } from './l2-announcement-policy';
import { LoadBalancerIpPool } from './load-balancer-ip-pool';
import { bgpPeerProblems, registerCiliumRanges } from './plan-rules';

/**
 * The Cilium custom resources of a cluster: LB IPAM pools, L2 announcement policies, the BGP control
 * plane's peering, egress gateway policies. Cilium's operator registers their CRDs when it starts, so they
 * are applied after it is up (`StagedOutput` puts them in `stage3/`). Pool blocks and egress IPs join the
 * App's address plan (see plan-rules.ts for the rules).
 */
export class CiliumResources extends Construct {
  /** The LB IPAM pools. */
  public readonly loadBalancerPools: LoadBalancerIpPool[];
  /** The L2 announcement policies. */
  public readonly l2AnnouncementPolicies: L2AnnouncementPolicy[];
  /** The BGP peering and advertisements; undefined without `bgp`. */
  public readonly bgp?: BgpControlPlane;
  /** The egress gateway policies. */
  public readonly egressGatewayPolicies: EgressGatewayPolicy[];

  constructor(scope: Construct, id: string, props: CiliumResourcesProps) {
    super(scope, id);
    const cilium = props.cilium;
    this.loadBalancerPools = each('loadBalancerPools', 'pool', props.loadBalancerPools, (p) => new LoadBalancerIpPool(this, `pool-${p.name}`, { ...p, cilium }));
    this.l2AnnouncementPolicies = each('l2AnnouncementPolicies', 'policy', props.l2AnnouncementPolicies, (p) => new L2AnnouncementPolicy(this, `l2-${p.name}`, { ...p, cilium }));
    if (props.bgp !== undefined) this.bgp = nested('bgp', () => new BgpControlPlane(this, 'bgp', { ...props.bgp!, cilium }));
    this.egressGatewayPolicies = each('egressGatewayPolicies', 'policy', props.egressGatewayPolicies, (p) => new EgressGatewayPolicy(this, `egress-${p.name}`, { ...p, cilium }));

    const plan = ChartAddressPlan.of(this);
    // A step, not now: which pools L2 announces is known once every policy exists, and an automatic decoy
    // (a last step) must see the pools.
    ChartAddressPlan._beforeCheck(this, () => registerCiliumRanges(plan, this.loadBalancerPools, this.l2AnnouncementPolicies, this.egressGatewayPolicies));
    const bgp = this.bgp;
    if (bgp) ChartAddressPlan._addCheck(this, () => bgpPeerProblems(plan, bgp));
  }
}

/** Builds one construct per item, errors keyed `field[i]…`; names unique among the items (they are object names). */
function each<P extends { name: string }, T>(field: string, what: string, items: P[] | undefined, build: (item: P) => T): T[] {
  const seen = new Map<string, number>();
  return (items ?? []).map((item, i) => nested(`${field}[${i}]`, () => {
    const first = seen.get(item?.name);
    if (first !== undefined) {
      throw new Error(`name: invalid value ${JSON.stringify(item.name)}: expected a name no other ${what} has (${field}[${first}] has it; it is the object's name)`);
    }
    seen.set(item?.name, i);
    return build(item);
  }));
}

/** Runs `build`; an error keyed by a sub-key (`name: …`, `blocks[0].cidr: …`) gets `field.` before the key, any other `field: `. */
function nested<T>(field: string, build: () => T): T {
  try {
    return build();
  } catch (e) {
    const message = (e as Error).message;
    throw new Error(/^[A-Za-z][A-Za-z0-9]*(\[\d+\])?(\.[A-Za-z][A-Za-z0-9]*(\[\d+\])?)*: /.test(message) ? `${field}.${message}` : `${field}: ${message}`);
  }
}
