import { yaml } from '../../util/yaml';
import { RangeRole } from '../../addressing';
import { ObjectContext } from './found';

/**
 * kind's defaults (sigs.k8s.io/kind pkg/apis/config/v1alpha4/default.go, SetDefaultsCluster, read at
 * commit fed268827e21): per `networking.ipFamily` (`ipv4` when unset), each subnet that is not given.
 */
const KIND_DEFAULTS: Record<string, { pod: string; service: string }> = {
  ipv4: { pod: '10.244.0.0/16', service: '10.96.0.0/16' },
  ipv6: { pod: 'fd00:10:244::/56', service: 'fd00:10:96::/112' },
  dual: { pod: '10.244.0.0/16,fd00:10:244::/56', service: '10.96.0.0/16,fd00:10:96::/112' },
};

/** kubeadm's default `serviceSubnet` (k8s.io/kubernetes cmd/kubeadm/app/apis/kubeadm/v1beta3|v1beta4 defaults.go, DefaultServicesSubnet). */
const KUBEADM_DEFAULT_SERVICE_SUBNET = '10.96.0.0/12';

/** A kind cluster config (`kind.x-k8s.io/v1alpha4` Cluster). */
export function extractKindCluster(ctx: ObjectContext, o: any): void {
  const net = o.networking ?? {};
  const family = net.ipFamily ?? 'ipv4';
  const defaults = KIND_DEFAULTS[family];
  if (!defaults) {
    ctx.problem('malformed', `malformed: ${ctx.owner} networking.ipFamily: "${family}" is not one of ipv4, ipv6, dual`, ctx.line(['networking', 'ipFamily']));
    return;
  }
  for (const [key, role, fallback] of [['podSubnet', RangeRole.PRIMARY_POD, defaults.pod], ['serviceSubnet', RangeRole.SERVICE, defaults.service]] as const) {
    const given = net[key] !== undefined && net[key] !== '';
    ctx.addCidrs(ctx.out.ranges, given ? `kind ${key}` : `kind ${key} (kind's ${family} default)`, role, given ? net[key] : fallback,
      `networking.${key}`, given ? ['networking', key] : ['networking']);
  }
}

/** A kubeadm ClusterConfiguration (`kubeadm.k8s.io/*`): `networking.podSubnet` and `serviceSubnet`, comma-separated for dual-stack. */
export function extractKubeadmConfig(ctx: ObjectContext, config: any, inside: { path: string[]; field: string } | undefined): void {
  const net = config?.networking ?? {};
  const name = inside ? 'kubeadm-config ClusterConfiguration' : 'kubeadm ClusterConfiguration';
  const prefix = inside ? `${inside.field} ` : '';
  const path = (key: string) => (inside ? inside.path : ['networking', key]);
  const needles = (key: string) => (inside ? [key] : []);
  if (net.podSubnet !== undefined && net.podSubnet !== '') {
    ctx.addCidrs(ctx.out.ranges, `${name} podSubnet`, RangeRole.PRIMARY_POD, net.podSubnet, `${prefix}networking.podSubnet`, path('podSubnet'), { needles: needles('podSubnet') });
  }
  const service = net.serviceSubnet !== undefined && net.serviceSubnet !== '';
  ctx.addCidrs(ctx.out.ranges, service ? `${name} serviceSubnet` : `${name} serviceSubnet (kubeadm's default)`, RangeRole.SERVICE,
    service ? net.serviceSubnet : KUBEADM_DEFAULT_SERVICE_SUBNET, `${prefix}networking.serviceSubnet`, path('serviceSubnet'), { needles: service ? needles('serviceSubnet') : [] });
}

/** The `kubeadm-config` ConfigMap a kubeadm (or kind) cluster keeps in kube-system: its `ClusterConfiguration` is YAML text. */
export function extractKubeadmConfigMap(ctx: ObjectContext, o: any): void {
  const text = o.data?.ClusterConfiguration;
  if (typeof text !== 'string') return;
  let config: any;
  try {
    config = yaml.parse(text, { maxAliasCount: 100 });
  } catch (e) {
    ctx.problem('malformed', `malformed: ${ctx.owner} data.ClusterConfiguration is not YAML: ${(e as Error).message.split('\n')[0]}`, ctx.line(['data', 'ClusterConfiguration']));
    return;
  }
  extractKubeadmConfig(ctx, config, { path: ['data', 'ClusterConfiguration'], field: 'data.ClusterConfiguration' });
}
