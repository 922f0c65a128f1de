import { PLAN_RECORD_KEYS, PLAN_RECORD_NAME, PLAN_RECORD_NAMESPACE } from '../plan';

/**
 * What one output states about the cluster, read from its objects alone (never from the values that made
 * it), so that a previous `dist/`, a git revision of it and a fresh synth are compared the same way.
 */
export interface ClusterFacts {
  /** The plan record's ranges by role name (`primary pod`, `service`, `decoy pod`, `ovn join` …), each list sorted. */
  readonly ranges: ReadonlyMap<string, string[]>;
  /** The owners (construct paths) the record names for each role's ranges. */
  readonly rangeOwners: ReadonlyMap<string, string>;
  /** `auto` when the decoy was chosen by `decoy: auto`, `given` otherwise; undefined without a record. */
  readonly decoyChoice?: string;
  /** The decoy as the record states it (`net_cidr`'s text). */
  readonly decoy?: string;
  readonly cilium?: CiliumFacts;
  readonly multus?: MultusFacts;
  readonly ovn?: OvnFacts;
  /** NetworkAttachmentDefinitions by `namespace/name`: their CNI config, parsed (the text when it is not JSON). */
  readonly networks: ReadonlyMap<string, Record<string, unknown>>;
  /** Cilium's custom resources (group cilium.io) by `Kind/name`. */
  readonly ciliumResources: ReadonlyMap<string, any>;
  /** MultiNetworkPolicies by `namespace/name`. */
  readonly policies: ReadonlyMap<string, any>;
}

export interface CiliumFacts {
  /** The agent's release, from its image (`1.20.0`); undefined when the image names none. */
  readonly version?: string;
  /** `cilium-config`'s data. */
  readonly config: Readonly<Record<string, string>>;
}

export interface MultusFacts {
  /** The image tag without `-thick` (`v4.3.0`). */
  readonly version?: string;
  /** `thick` (the daemon's ConfigMap or a `-thick` image) or `thin`. */
  readonly mode: string;
}

export interface OvnFacts {
  /** `central` (an ovnkube-master Deployment) or `interconnect` (ovnkube-control-plane). */
  readonly mode: string;
  /** The ovnkube-node image. */
  readonly image?: string;
  /** `ovn-config`'s data. */
  readonly config: Readonly<Record<string, string>>;
}

/** The facts of an output's objects. */
export function factsOf(objects: readonly any[]): ClusterFacts {
  const find = (kind: string, namespace: string, name: string) => objects.find((o) => o?.kind === kind && o.metadata?.name === name && (o.metadata?.namespace ?? '') === namespace);
  const record = find('ConfigMap', PLAN_RECORD_NAMESPACE, PLAN_RECORD_NAME);
  const ranges = new Map<string, string[]>();
  const rangeOwners = new Map<string, string>();
  for (const [i, line] of String(record?.data?.[PLAN_RECORD_KEYS.ranges] ?? '').split('\n').entries()) {
    if (line.trim() === '') continue;
    let entry: { cidr: string; role: string; owner?: string };
    try {
      entry = JSON.parse(line);
    } catch {
      throw new Error(`ConfigMap ${PLAN_RECORD_NAMESPACE}/${PLAN_RECORD_NAME}: data.${PLAN_RECORD_KEYS.ranges} line ${i + 1} is not a JSON object: ${JSON.stringify(line)}`);
    }
    ranges.set(entry.role, [...(ranges.get(entry.role) ?? []), entry.cidr].sort());
    if (entry.owner) rangeOwners.set(entry.role, [...new Set([...(rangeOwners.get(entry.role)?.split(', ') ?? []), ...entry.owner.split(', ')])].join(', '));
  }

  const ciliumAgent = find('DaemonSet', 'kube-system', 'cilium');
  const ciliumConfig = find('ConfigMap', 'kube-system', 'cilium-config');
  const cilium = ciliumAgent || ciliumConfig ? {
    version: /:v(\d+\.\d+\.\d+)(@|$)/.exec(containerImage(ciliumAgent, 'cilium-agent') ?? '')?.[1],
    config: { ...(ciliumConfig?.data ?? {}) },
  } : undefined;

  const multusDs = find('DaemonSet', 'kube-system', 'kube-multus-ds');
  const multusImage = containerImage(multusDs) ?? '';
  const multus = multusDs ? {
    version: /:(v[^@:]+?)(-thick)?(@|$)/.exec(multusImage)?.[1],
    mode: find('ConfigMap', 'kube-system', 'multus-daemon-config') || multusImage.includes('-thick') ? 'thick' : 'thin',
  } : undefined;

  const ovnNode = find('DaemonSet', 'ovn-kubernetes', 'ovnkube-node');
  const central = find('Deployment', 'ovn-kubernetes', 'ovnkube-master');
  const interconnect = find('Deployment', 'ovn-kubernetes', 'ovnkube-control-plane');
  const ovn = ovnNode || central || interconnect ? {
    mode: central ? 'central' : interconnect ? 'interconnect' : 'unknown',
    image: containerImage(ovnNode),
    config: { ...(find('ConfigMap', 'ovn-kubernetes', 'ovn-config')?.data ?? {}) },
  } : undefined;

  const byKey = (match: (o: any) => boolean, key: (o: any) => string) => new Map<string, any>(objects.filter(match).map((o) => [key(o), o]));
  const qualified = (o: any) => `${o.metadata?.namespace ?? 'default'}/${o.metadata?.name}`;
  const nads = byKey((o) => o?.kind === 'NetworkAttachmentDefinition', qualified);
  const networks = new Map<string, Record<string, unknown>>();
  for (const [key, nad] of nads) networks.set(key, cniConfigOf(nad.spec?.config));

  return {
    ranges,
    rangeOwners,
    decoyChoice: record?.data?.[PLAN_RECORD_KEYS.decoyChoice],
    decoy: record?.data?.[PLAN_RECORD_KEYS.decoy],
    cilium,
    multus,
    ovn,
    networks,
    ciliumResources: byKey((o) => String(o?.apiVersion ?? '').startsWith('cilium.io/') && o.kind !== 'CustomResourceDefinition', (o) => `${o.kind}/${o.metadata?.name}`),
    policies: byKey((o) => o?.kind === 'MultiNetworkPolicy', qualified),
  };
}

/** The image of a workload's container (the named one, else the first). */
function containerImage(workload: any, name?: string): string | undefined {
  const containers: any[] = workload?.spec?.template?.spec?.containers ?? [];
  return (containers.find((c) => c?.name === name) ?? containers[0])?.image;
}

function cniConfigOf(text: unknown): Record<string, unknown> {
  if (typeof text !== 'string') return { config: text };
  try {
    const parsed = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : { config: text };
  } catch {
    return { config: text };
  }
}
