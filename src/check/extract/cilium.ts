import { RangeRole, parseIpAddress } from '../../addressing';
import { AddressInterval, coveringBlock } from '../address-interval';
import { LOAD_BALANCER, NATIVE_ROUTING, ObjectContext } from './found';

/**
 * cilium-config: the cluster-pool ranges (they count only in cluster-pool IPAM, the default when `ipam` is
 * unset) and the native-routing ranges, including the legacy IPv4 key `native-routing-cidr` (Cilium
 * before 1.11).
 */
export function extractCiliumConfig(ctx: ObjectContext, o: any): void {
  const d = o.data;
  if (!d || typeof d !== 'object') return;
  if (d.ipam === undefined || d.ipam === 'cluster-pool') {
    for (const v of ['4', '6']) {
      const key = `cluster-pool-ipv${v}-cidr`;
      const mask = d[`cluster-pool-ipv${v}-mask-size`];
      ctx.addCidrs(ctx.out.ranges, `cilium-config ${key}`, RangeRole.PRIMARY_POD, d[key], `data.${key}`, ['data', key],
        { hostPrefix: mask === undefined ? undefined : Number(mask) });
    }
  }
  for (const key of ['ipv4-native-routing-cidr', 'ipv6-native-routing-cidr', 'native-routing-cidr']) {
    ctx.addCidrs(ctx.out.nativeRouting, `cilium-config ${key}`, NATIVE_ROUTING, d[key], `data.${key}`, ['data', key]);
  }
}

/**
 * CiliumPodIPPool (multi-pool IPAM): `spec.ipv4|ipv6.cidrs` split into per-node blocks of `maskSize`.
 * Items are CIDR strings; `{cidr: …}` objects are read too.
 */
export function extractCiliumPodIpPool(ctx: ObjectContext, o: any): void {
  for (const family of ['ipv4', 'ipv6']) {
    const spec = o.spec?.[family];
    if (!spec || typeof spec !== 'object') continue;
    const cidrs = (Array.isArray(spec.cidrs) ? spec.cidrs : [spec.cidrs]).map((c: any) => (c && typeof c === 'object' ? c.cidr : c));
    ctx.addCidrs(ctx.out.ranges, `CiliumPodIPPool ${o.metadata?.name ?? '?'}`, RangeRole.PRIMARY_POD, cidrs, `spec.${family}.cidrs`, ['spec', family, 'cidrs'],
      { hostPrefix: spec.maskSize === undefined ? undefined : Number(spec.maskSize) });
  }
}

/**
 * CiliumLoadBalancerIPPool: `spec.blocks` (Cilium 1.15+) or the older `spec.cidrs`, each `{cidr}` or
 * `{start, stop}` (`stop` omitted: the single address `start`).
 */
export function extractCiliumLbPool(ctx: ObjectContext, o: any): void {
  const name = `CiliumLoadBalancerIPPool ${o.metadata?.name ?? '?'}`;
  for (const key of ['blocks', 'cidrs']) {
    const blocks = o.spec?.[key];
    if (!Array.isArray(blocks)) continue;
    blocks.forEach((b: any, i: number) => {
      const path = ['spec', key, i];
      if (b?.cidr !== undefined) {
        ctx.addCidrs(ctx.out.ranges, name, LOAD_BALANCER, b.cidr, `spec.${key}[${i}].cidr`, [...path, 'cidr']);
        return;
      }
      const line = ctx.line(path);
      try {
        const start = parseIpAddress(b?.start);
        const stop = b?.stop === undefined ? start : parseIpAddress(b.stop);
        if (stop.family !== start.family || stop.value < start.value) {
          throw new Error(`stop "${b.stop}" must be an address of the same family at or after start "${b.start}"`);
        }
        const interval: AddressInterval = { family: start.family, first: start.value, last: stop.value };
        const text = b?.stop === undefined ? String(b.start) : `${b.start}-${b.stop}`;
        ctx.push(ctx.out.ranges, { name, role: LOAD_BALANCER, line, field: `spec.${key}[${i}]`, text, block: coveringBlock(interval), intervals: [interval] });
      } catch (e) {
        ctx.problem('malformed', `malformed: ${ctx.owner} ${name} spec.${key}[${i}]: ${(e as Error).message}`, line);
      }
    });
  }
}

/**
 * MetalLB IPAddressPool (`metallb.io/v1beta1`): `spec.addresses`, each a CIDR or `first-last` (MetalLB's
 * documented range form). Same role as Cilium's LB pools: LB addresses over pods, services or nodes break them.
 */
export function extractMetallbPool(ctx: ObjectContext, o: any): void {
  const name = `IPAddressPool ${o.metadata?.namespace ? o.metadata.namespace + '/' : ''}${o.metadata?.name ?? '?'}`;
  (Array.isArray(o.spec?.addresses) ? o.spec.addresses : []).forEach((a: unknown, i: number) => {
    const path = ['spec', 'addresses', i];
    if (typeof a === 'string' && a.includes('-')) {
      const line = ctx.line(path);
      try {
        const [from, to] = a.split('-').map((x) => parseIpAddress(x.trim()));
        if (to === undefined || from.family !== to.family || to.value < from.value) throw new Error(`range "${a}" must be "first-last" with first <= last, one family`);
        const interval: AddressInterval = { family: from.family, first: from.value, last: to.value };
        ctx.push(ctx.out.ranges, { name, role: LOAD_BALANCER, line, field: `spec.addresses[${i}]`, text: a, block: coveringBlock(interval), intervals: [interval] });
      } catch (e) {
        ctx.problem('malformed', `malformed: ${ctx.owner} ${name} spec.addresses[${i}]: ${(e as Error).message}`, line);
      }
    } else {
      ctx.addCidrs(ctx.out.ranges, name, LOAD_BALANCER, a, `spec.addresses[${i}]`, path);
    }
  });
}

/**
 * CiliumEgressGatewayPolicy: the egress IP of `spec.egressGateway` and of each `spec.egressGateways[]`, an
 * address of a gateway node's interface (Cilium's egress gateway manager, pkg/egressgateway/policy.go), so a
 * range of one address that no pod, Service or pool range may hold.
 */
export function extractCiliumEgressPolicy(ctx: ObjectContext, o: any): void {
  const name = `CiliumEgressGatewayPolicy ${o.metadata?.name ?? '?'} egressIP`;
  const gateways: Array<[any, Array<string | number>]> = [[o.spec?.egressGateway, ['spec', 'egressGateway']]];
  (Array.isArray(o.spec?.egressGateways) ? o.spec.egressGateways : []).forEach((g: any, i: number) => gateways.push([g, ['spec', 'egressGateways', i]]));
  for (const [gateway, path] of gateways) {
    const ip = gateway?.egressIP;
    if (ip === undefined || ip === '') continue;
    const field = `${path.slice(1).map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').slice(1)}.egressIP`;
    const line = ctx.line([...path, 'egressIP']);
    try {
      const address = parseIpAddress(ip);
      const interval: AddressInterval = { family: address.family, first: address.value, last: address.value };
      ctx.push(ctx.out.ranges, { name, role: RangeRole.EGRESS_IP, line, field: `spec.${field}`, text: String(ip), block: coveringBlock(interval), intervals: [interval] });
    } catch (e) {
      ctx.problem('malformed', `malformed: ${ctx.owner} ${name}: ${(e as Error).message}`, line);
    }
  }
}
