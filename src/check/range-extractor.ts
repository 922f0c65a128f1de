import { Cidr, ClusterSubnet, RangeRole } from '../addressing';
import { CNI_PLUGIN_TYPE } from '../ovn/names';
import { ManifestDocument } from './manifest-reader';

/** A range found in a manifest. */
export interface FoundRange {
  /** What it is, e.g. `cilium-config cluster-pool-ipv4-cidr` or the NAD's network name. */
  readonly name: string;
  /** What the range is used for. */
  readonly role: RangeRole;
  /** Where it is: `dist/x.yaml#3 ConfigMap kube-system/cilium-config`. */
  readonly owner: string;
  /** The range. */
  readonly cidr: Cidr;
  /**
   * Per-node subnet length, for ranges written `cidr/hostPrefix`.
   * @default - not split per node
   */
  readonly hostPrefix?: number;
}

/** What a set of manifests says about addresses. */
export interface ExtractedRanges {
  /** Ranges that claim addresses; they must be pairwise disjoint. */
  readonly ranges: FoundRange[];
  /** Cilium native-routing ranges: they must contain the primary pod ranges, and may contain others. */
  readonly nativeRouting: FoundRange[];
  /** Values that could not be read as ranges, and other per-object problems. */
  readonly problems: string[];
}

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

const WORKLOAD_KINDS = ['Pod', 'Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet', 'Job', 'CronJob'];

/**
 * Extracts every range that matters for the CNI stack: cilium-config pools and native-routing ranges,
 * ovn-config `net_cidr`/`svc_cidr`, OVN env vars, NetworkAttachmentDefinition subnets (and checks their
 * excludeSubnets), and kind's podSubnet/serviceSubnet.
 */
export function extractRanges(docs: ManifestDocument[]): ExtractedRanges {
  const out = { ranges: [] as FoundRange[], nativeRouting: [] as FoundRange[], problems: [] as string[] };
  // Env vars may take their value from a ConfigMap of the same manifests (`valueFrom.configMapKeyRef`).
  const configMaps = new Map<string, Record<string, string>>();
  for (const { object: o } of docs) {
    if (o?.kind === 'ConfigMap' && o.metadata?.name) configMaps.set(`${o.metadata.namespace ?? ''}/${o.metadata.name}`, o.data ?? {});
  }
  const envValue = (env: any, namespace: string): unknown => {
    const ref = env?.valueFrom?.configMapKeyRef;
    return ref ? configMaps.get(`${namespace}/${ref.name}`)?.[ref.key] : env?.value;
  };
  for (const doc of docs) {
    const o = doc.object;
    if (!o || typeof o !== 'object') continue;
    const owner = `${doc.source} ${o.kind ?? '?'} ${o.metadata?.namespace ? o.metadata.namespace + '/' : ''}${o.metadata?.name ?? '?'}`;
    const add = (into: FoundRange[], name: string, role: RangeRole, text: unknown, cluster: boolean, hostPrefix?: number) => {
      for (const item of splitRanges(text)) {
        try {
          if (cluster) {
            const s = ClusterSubnet.parse(item);
            into.push({ name, role, owner, cidr: s.cidr, hostPrefix: hostPrefix ?? s.hostPrefix });
          } else {
            into.push({ name, role, owner, cidr: Cidr.parse(item), hostPrefix });
          }
        } catch (e) {
          out.problems.push(`malformed: ${owner} ${name}: ${(e as Error).message}`);
        }
      }
    };

    if (o.kind === 'ConfigMap' && o.metadata?.name === 'cilium-config' && o.data) {
      const d = o.data;
      // The pool keys only count in cluster-pool IPAM (the default when `ipam` is unset).
      if (d.ipam === undefined || d.ipam === 'cluster-pool') {
        for (const v of ['4', '6']) {
          const mask = d[`cluster-pool-ipv${v}-mask-size`];
          add(out.ranges, `cilium-config cluster-pool-ipv${v}-cidr`, RangeRole.PRIMARY_POD, d[`cluster-pool-ipv${v}-cidr`], false,
            mask === undefined ? undefined : Number(mask));
        }
      }
      add(out.nativeRouting, 'cilium-config ipv4-native-routing-cidr', RangeRole.custom('native routing'), d['ipv4-native-routing-cidr'], false);
      add(out.nativeRouting, 'cilium-config ipv6-native-routing-cidr', RangeRole.custom('native routing'), d['ipv6-native-routing-cidr'], false);
    }

    if (o.kind === 'ConfigMap' && o.metadata?.name === 'ovn-config' && o.data) {
      add(out.ranges, 'ovn-config net_cidr', RangeRole.DECOY_POD, o.data.net_cidr, true);
      add(out.ranges, 'ovn-config svc_cidr', RangeRole.SERVICE, o.data.svc_cidr, false);
    }

    if (WORKLOAD_KINDS.includes(o.kind)) {
      for (const c of containersOf(o)) {
        for (const env of c.env ?? []) {
          const role = OVN_ENV[env?.name];
          const value = envValue(env, o.metadata?.namespace ?? '');
          if (role && typeof value === 'string' && value !== '') {
            add(out.ranges, `env ${env.name}`, role, value, false);
          }
        }
      }
    }

    if (o.kind === 'NetworkAttachmentDefinition') {
      extractNad(o, owner, out, add);
    }

    if (o.kind === 'Cluster' && typeof o.apiVersion === 'string' && o.apiVersion.startsWith('kind.x-k8s.io/')) {
      add(out.ranges, 'kind podSubnet', RangeRole.PRIMARY_POD, o.networking?.podSubnet ?? '10.244.0.0/16', false);
      add(out.ranges, 'kind serviceSubnet', RangeRole.SERVICE, o.networking?.serviceSubnet ?? '10.96.0.0/16', false);
    }
  }
  return out;
}

type Add = (into: FoundRange[], name: string, role: RangeRole, text: unknown, cluster: boolean, hostPrefix?: number) => void;

function extractNad(o: any, owner: string, out: ExtractedRanges, add: Add): void {
  const text = o.spec?.config;
  if (typeof text !== 'string' || text.trim() === '') return; // a NAD without config points at a file on the node
  let config: any;
  try {
    config = JSON.parse(text);
  } catch (e) {
    out.problems.push(`malformed: ${owner} spec.config is not JSON: ${(e as Error).message}`);
    return;
  }
  const network = typeof config.name === 'string' ? config.name : owner;
  const plugins: any[] = Array.isArray(config.plugins) ? config.plugins : [config];
  for (const plugin of plugins) {
    if (plugin?.type === CNI_PLUGIN_TYPE) {
      const before = out.ranges.length;
      add(out.ranges, network, RangeRole.SECONDARY_NETWORK, plugin.subnets, plugin.topology === 'layer3');
      const subnets = out.ranges.slice(before).map((r) => r.cidr);
      const excludes: FoundRange[] = [];
      add(excludes, `${network} excludeSubnets`, RangeRole.SECONDARY_NETWORK, plugin.excludeSubnets, false);
      for (const ex of excludes) {
        if (!subnets.some((s) => s.contains(ex.cidr))) {
          out.problems.push(`exclude: ${owner} excludeSubnets entry ${ex.cidr} is not inside any of the network's subnets (${subnets.join(', ') || 'none'})`);
        }
      }
    }
    const ipam = plugin?.ipam;
    if (ipam && typeof ipam === 'object') {
      add(out.ranges, network, RangeRole.SECONDARY_NETWORK, ipam.subnet, false);
      add(out.ranges, network, RangeRole.SECONDARY_NETWORK, ipam.range, false);
      for (const set of Array.isArray(ipam.ranges) ? ipam.ranges : []) {
        for (const r of Array.isArray(set) ? set : []) add(out.ranges, network, RangeRole.SECONDARY_NETWORK, r?.subnet, false);
      }
    }
  }
}

function containersOf(o: any): any[] {
  const spec = o.kind === 'Pod' ? o.spec
    : o.kind === 'CronJob' ? o.spec?.jobTemplate?.spec?.template?.spec
      : o.spec?.template?.spec;
  return [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
}

/** Splits a value that may hold several ranges: comma-, space- or list-separated. */
function splitRanges(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.flatMap((v) => splitRanges(v));
  return String(value).split(/[\s,]+/).filter((s) => s.length > 0);
}
