import { RangeRole } from '../../addressing';
import { AddressInterval, intervalOf, subtract } from '../address-interval';
import { Found, ObjectContext, ValueSyntax } from './found';

/** OVN-Kubernetes container env vars that hold internal subnets (`…_TRANSIT_SWITCH_…` before release-1.2). */
const OVN_ENV: Record<string, RangeRole> = {
  OVN_V4_JOIN_SUBNET: RangeRole.OVN_JOIN,
  OVN_V6_JOIN_SUBNET: RangeRole.OVN_JOIN,
  OVN_V4_MASQUERADE_SUBNET: RangeRole.OVN_MASQUERADE,
  OVN_V6_MASQUERADE_SUBNET: RangeRole.OVN_MASQUERADE,
  OVN_V4_TRANSIT_SUBNET: RangeRole.OVN_TRANSIT,
  OVN_V6_TRANSIT_SUBNET: RangeRole.OVN_TRANSIT,
  OVN_V4_TRANSIT_SWITCH_SUBNET: RangeRole.OVN_TRANSIT,
  OVN_V6_TRANSIT_SWITCH_SUBNET: RangeRole.OVN_TRANSIT,
};

export const WORKLOAD_KINDS = ['Pod', 'Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet', 'Job', 'CronJob'];

/** ovn-config: `net_cidr` (the decoy, `cidr/hostPrefix`) and `svc_cidr`. */
export function extractOvnConfig(ctx: ObjectContext, o: any): void {
  if (!o.data || typeof o.data !== 'object') return;
  ctx.addCidrs(ctx.out.ranges, 'ovn-config net_cidr', RangeRole.DECOY_POD, o.data.net_cidr, 'data.net_cidr', ['data', 'net_cidr'], { syntax: ValueSyntax.CLUSTER_SUBNET });
  ctx.addCidrs(ctx.out.ranges, 'ovn-config svc_cidr', RangeRole.SERVICE, o.data.svc_cidr, 'data.svc_cidr', ['data', 'svc_cidr']);
}

/** OVN env vars of a workload's containers, literal or from a ConfigMap of the same input. */
export function extractOvnEnv(ctx: ObjectContext, o: any, configMaps: Map<string, Record<string, string>>): void {
  const spec = o.kind === 'Pod' ? o.spec
    : o.kind === 'CronJob' ? o.spec?.jobTemplate?.spec?.template?.spec
      : o.spec?.template?.spec;
  const base = o.kind === 'Pod' ? ['spec'] : o.kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template', 'spec'] : ['spec', 'template', 'spec'];
  for (const list of ['initContainers', 'containers']) {
    const containers = Array.isArray(spec?.[list]) ? spec[list] : [];
    containers.forEach((c: any, ci: number) => {
      (Array.isArray(c?.env) ? c.env : []).forEach((env: any, ei: number) => {
        const role = OVN_ENV[env?.name];
        if (!role) return;
        const ref = env.valueFrom?.configMapKeyRef;
        const value = ref ? configMaps.get(`${o.metadata?.namespace ?? ''}/${ref.name}`)?.[ref.key] : env.value;
        if (typeof value !== 'string' || value === '') return;
        ctx.addCidrs(ctx.out.ranges, `env ${env.name}`, role, value, `${base.join('.')}.${list}[${ci}].env[${ei}]`, [...base, list, ci, 'env', ei]);
      });
    });
  }
}

/**
 * UserDefinedNetwork (`spec`) and ClusterUserDefinedNetwork (`spec.network`), k8s.ovn.org/v1: layer3
 * `subnets: [{cidr, hostSubnet}]`, layer2 and localnet `subnets: [cidr]`, minus `excludeSubnets`.
 */
export function extractUserDefinedNetwork(ctx: ObjectContext, o: any): void {
  const cluster = o.kind === 'ClusterUserDefinedNetwork';
  const spec = cluster ? o.spec?.network : o.spec;
  const base = cluster ? ['spec', 'network'] : ['spec'];
  if (!spec || typeof spec !== 'object') return;
  const name = cluster ? String(o.metadata?.name ?? '?') : `${o.metadata?.namespace ?? 'default'}/${o.metadata?.name ?? '?'}`;
  for (const topology of ['layer3', 'layer2', 'localnet']) {
    const t = spec[topology];
    if (!t || typeof t !== 'object' || !Array.isArray(t.subnets)) continue;
    const added: Found[] = [];
    t.subnets.forEach((s: any, i: number) => {
      const field = `${base.join('.')}.${topology}.subnets[${i}]`;
      if (topology === 'layer3') {
        added.push(...ctx.addCidrs([], name, RangeRole.SECONDARY_NETWORK, s?.cidr, `${field}.cidr`, [...base, topology, 'subnets', i, 'cidr'],
          { hostPrefix: s?.hostSubnet === undefined ? undefined : Number(s.hostSubnet) }));
      } else {
        added.push(...ctx.addCidrs([], name, RangeRole.SECONDARY_NETWORK, s, field, [...base, topology, 'subnets', i]));
      }
    });
    const excludes = ctx.addCidrs([], `${name} excludeSubnets`, RangeRole.SECONDARY_NETWORK, t.excludeSubnets,
      `${base.join('.')}.${topology}.excludeSubnets`, [...base, topology, 'excludeSubnets']);
    pushExcluded(ctx, added, excludes);
  }
}

/**
 * Adds `subnets` narrowed by `excludes` (addresses OVN-Kubernetes never hands out); an exclude outside
 * every subnet is a problem (OVN-Kubernetes rejects it).
 */
export function pushExcluded(ctx: ObjectContext, subnets: Found[], excludes: Found[]): void {
  for (const ex of excludes) {
    if (!subnets.some((s) => s.block.contains(ex.block))) {
      ctx.problem('exclude', `exclude: ${ctx.owner} excludeSubnets entry ${ex.block} is not inside any of the network's subnets (${subnets.map((s) => s.block.toString()).join(', ') || 'none'})`, ex.line);
    }
  }
  const holes: AddressInterval[] = excludes.map((e) => intervalOf(e.block));
  for (const s of subnets) {
    ctx.push(ctx.out.ranges, { ...s, intervals: holes.length > 0 ? subtract(intervalOf(s.block), holes) : s.intervals });
  }
}
