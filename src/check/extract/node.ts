import { Cidr, IpFamily, RangeRole } from '../../addressing';
import { intervalOf } from '../address-interval';
import { NODE_POD_RANGE, ObjectContext } from './found';

/**
 * A Node: `spec.podCIDRs` (or the older single `spec.podCIDR`), which kube-controller-manager allocates
 * from the cluster's pod range, and its InternalIP addresses (an LB pool or a network holding one
 * breaks the node).
 */
export function extractNode(ctx: ObjectContext, o: any): void {
  ctx.out.nodeCount++;
  const name = `node ${o.metadata?.name ?? '?'}`;
  const cidrs = Array.isArray(o.spec?.podCIDRs) && o.spec.podCIDRs.length > 0 ? o.spec.podCIDRs : o.spec?.podCIDR;
  const key = Array.isArray(o.spec?.podCIDRs) && o.spec.podCIDRs.length > 0 ? 'podCIDRs' : 'podCIDR';
  ctx.addCidrs(ctx.out.nodePodRanges, `${name} ${key}`, NODE_POD_RANGE, cidrs, `spec.${key}`, ['spec', key]);
  (Array.isArray(o.status?.addresses) ? o.status.addresses : []).forEach((a: any, i: number) => {
    if (a?.type !== 'InternalIP' || typeof a.address !== 'string') return;
    const host = `${a.address}/${Cidr.addressBits(a.address.includes(':') ? IpFamily.IPV6 : IpFamily.IPV4)}`;
    for (const f of ctx.addCidrs([], `${name} InternalIP`, RangeRole.NODE_NETWORK, host, `status.addresses[${i}]`, ['status', 'addresses', i])) {
      ctx.push(ctx.out.ranges, { ...f, text: a.address, intervals: [intervalOf(f.block)] });
    }
  });
}
