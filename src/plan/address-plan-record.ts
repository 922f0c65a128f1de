import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { RangeRole } from '../addressing';
import { ChartAddressPlan } from './chart-address-plan';
import { AUTOMATIC_DECOY_KIND } from './members';

/** The ConfigMap that records the address plan in the output: `kube-system/multicni-address-plan`. */
export const PLAN_RECORD_NAME = 'multicni-address-plan';
export const PLAN_RECORD_NAMESPACE = 'kube-system';
/** ConfigMap keys of the record. */
export const PLAN_RECORD_KEYS = {
  /** One JSON object per line: `{"cidr","role","name","owner"}` (the decoy's `cidr` as `cidr/hostPrefix`). */
  ranges: 'ranges',
  /** OVN-Kubernetes' `net_cidr` as rendered. */
  decoy: 'decoy',
  /** `auto` when `decoy: auto` chose it (now or in an earlier synth, kept since), else `given`. */
  decoyChoice: 'decoy-choice',
} as const;

/**
 * The App's address plan as a ConfigMap in the output, so `multicni check dist/` (and a cluster, once
 * applied) sees every range synth planned, those no other object states (the primary pod range with Cilium's
 * `ipam: kubernetes`, the node networks) included, and the next synth can read back an automatic decoy.
 * Secondary networks are left out: their NetworkAttachmentDefinitions state them, and a copy would go
 * stale when one is edited. Its data is produced at synth, when every range is registered.
 */
export class AddressPlanRecord extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const produce = (what: 'ranges' | 'decoy' | 'choice') => Lazy.any({
      produce: () => {
        ChartAddressPlan._settle(this);
        const plan = ChartAddressPlan.of(this);
        if (what === 'choice') return ChartAddressPlan._membersOf(this, AUTOMATIC_DECOY_KIND).length > 0 ? 'auto' : 'given';
        // Left out: secondary networks, LoadBalancer pools and egress IPs, which their own objects state (check reads those; a copy would go stale), and the node networks, which those pools and egress IPs are meant to lie in (a relation the plan checks at synth and the record cannot carry).
        const ranges = plan.ranges.filter((r) => r.role !== RangeRole.SECONDARY_NETWORK && r.role !== RangeRole.LOAD_BALANCER && r.role !== RangeRole.EGRESS_IP && r.role !== RangeRole.NODE_NETWORK);
        if (what === 'decoy') {
          const decoys = ranges.filter((r) => r.role === RangeRole.DECOY_POD);
          return decoys.map((r) => (r.hostPrefix === undefined ? String(r.cidr) : `${r.cidr}/${r.hostPrefix}`)).join(',');
        }
        return ranges.map((r) => `${JSON.stringify({
          // OVN's `cidr/hostPrefix` for the decoy (as net_cidr states it); other ranges as plain CIDRs
          cidr: r.hostPrefix === undefined || r.role !== RangeRole.DECOY_POD ? String(r.cidr) : `${r.cidr}/${r.hostPrefix}`,
          role: r.role.name,
          name: r.name,
          owner: r.owners.join(', '),
        })}\n`).join('');
      },
    });
    new ApiObject(this, 'ConfigMap', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: PLAN_RECORD_NAME, namespace: PLAN_RECORD_NAMESPACE },
      data: {
        [PLAN_RECORD_KEYS.decoy]: produce('decoy'),
        [PLAN_RECORD_KEYS.decoyChoice]: produce('choice'),
        [PLAN_RECORD_KEYS.ranges]: produce('ranges'),
      },
    });
  }
}
