import { parseIpAddress } from '../addressing';
import { checkManifestObjects } from '../check';
import { ChangeArea, ChangeClass, PlanChange } from './change';
import { ClusterFacts } from './facts';
import * as S from './sources';

const NOT_PRUNED = 'kubectl apply leaves objects that are no longer in the files as they are (unless --prune is given; Argo CD and Flux prune them)';

/** NetworkAttachmentDefinitions: added, removed, and each changed part of their config. */
export function networkChanges(old: ClusterFacts, now: ClusterFacts): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const key of unionKeys(old.networks, now.networks)) {
    const a = old.networks.get(key);
    const b = now.networks.get(key);
    const subject = `network ${key}`;
    if (!a) {
      changes.push({
        area: ChangeArea.NETWORKS, subject, after: describeNetwork(b!), classification: ChangeClass.SAFE, rule: 'network-added',
        effect: 'a new NetworkAttachmentDefinition: OVN-Kubernetes starts its controller; only pods that name it are attached', source: S.OVN_NAD_CHANGE,
      });
      continue;
    }
    if (!b) {
      changes.push({
        area: ChangeArea.NETWORKS, subject, before: describeNetwork(a), classification: ChangeClass.DISRUPTIVE, rule: 'network-removed',
        effect: `${NOT_PRUNED}; once it is deleted, OVN-Kubernetes removes the network's logical switches (its pods keep an interface that carries nothing) and new pods that name it fail to start`,
        procedure: `move or delete the pods that name it, then kubectl delete network-attachment-definitions -n ${key.split('/')[0]} ${key.split('/')[1]}`,
        source: S.OVN_NAD_CHANGE,
      });
      continue;
    }
    // The rest of the config: the keys no part names that differ (netAttachDefName is the NAD's own name).
    const named = new Set(['netAttachDefName', ...NETWORK_PARTS.flatMap((p) => p.keys)]);
    const otherKeys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !named.has(k) && JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
    for (const part of [...NETWORK_PARTS, { ...OTHER_CONFIG, keys: otherKeys }]) {
      const before = shownParts(a, part.keys);
      const after = shownParts(b, part.keys);
      if (before === after) continue;
      changes.push({
        area: ChangeArea.NETWORKS, subject: `${subject}: ${part.what}`, before, after, classification: ChangeClass.DISRUPTIVE, rule: part.rule,
        effect: part.effect, procedure: `recreate every pod attached to ${key} after the apply (kubectl get pods -A -o json | jq the k8s.v1.cni.cncf.io/networks annotation to find them)`,
        source: S.OVN_NAD_CHANGE,
      });
    }
  }
  return changes;
}

/** Parts of a NAD's CNI config, each reported on its own. */
const NETWORK_PARTS = [
  { what: 'topology, role or network name', keys: ['topology', 'role', 'name'], rule: 'network-topology',
    effect: 'a change OVN-Kubernetes cannot reconcile: it disposes of the network\'s controller and creates it anew from the new config while the pods run; pods created before hold ports of the old network: they lose connectivity on it until recreated' },
  { what: 'subnets', keys: ['subnets', 'excludeSubnets'], rule: 'network-subnets',
    effect: 'OVN-Kubernetes disposes of the network\'s controller and recreates it (only added layer3 subnets are reconciled in place); pods created before keep what they were given, outside what the plan now reserves, until recreated' },
  { what: 'mtu', keys: ['mtu'], rule: 'network-mtu',
    effect: 'the MTU is set on a pod\'s interface when the pod is created: pods created before keep the old one, and pods with different MTUs on one network drop large packets between them' },
  { what: 'VLAN, physical network or persistent IPs', keys: ['vlanID', 'physicalNetworkName', 'allowPersistentIPs'], rule: 'network-localnet',
    effect: 'read when a pod is attached: pods created before keep the old setting' },
];

/** Any other key of the CNI config. */
const OTHER_CONFIG = { what: 'other CNI config', rule: 'network-config', effect: 'read when a pod is attached: pods created before keep the old setting' };

/** Cilium's custom resources: LB IPAM pools by what addresses they keep, the rest by kind. */
export function ciliumResourceChanges(old: ClusterFacts, now: ClusterFacts): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const key of unionKeys(old.ciliumResources, now.ciliumResources)) {
    const a = old.ciliumResources.get(key);
    const b = now.ciliumResources.get(key);
    if (a && b && JSON.stringify(a.spec) === JSON.stringify(b.spec)) continue;
    const kind = (a ?? b).kind as string;
    const base = { area: ChangeArea.CILIUM_RESOURCES, subject: key, before: a && JSON.stringify(a.spec), after: b && JSON.stringify(b.spec) };
    if (!a) {
      // Synth refused the pool had it overlapped a range of the plan.
      changes.push({ ...base, classification: ChangeClass.SAFE, rule: 'cilium-resource-added', effect: `a new ${kind}, reconciled by Cilium in place${kind === 'CiliumLoadBalancerIPPool' ? '; synth checked its blocks against every range of the plan' : ''}`, source: kind === 'CiliumLoadBalancerIPPool' ? S.CILIUM_LB_IPAM : S.CILIUM_RECONCILED });
    } else if (!b) {
      changes.push({
        ...base, classification: ChangeClass.DISRUPTIVE, rule: 'cilium-resource-removed',
        effect: `${NOT_PRUNED}; once deleted, ${REMOVED_EFFECT[kind] ?? 'Cilium stops doing what it asked for'}`,
        procedure: `kubectl delete ${kind.toLowerCase()} ${a.metadata?.name}`,
        source: kind === 'CiliumLoadBalancerIPPool' ? S.CILIUM_LB_IPAM : S.CILIUM_RECONCILED,
      });
    } else if (kind === 'CiliumLoadBalancerIPPool') {
      changes.push({ ...base, ...poolChange(a, b), source: S.CILIUM_LB_IPAM });
    } else {
      changes.push({
        ...base, classification: ChangeClass.DISRUPTIVE, rule: 'cilium-resource-changed',
        effect: CHANGED_EFFECT[kind] ?? 'Cilium reconciles the change in place; what it selects or announces changes at once', source: S.CILIUM_RECONCILED,
        procedure: 'apply when a short gap for the Services or pods it covers is acceptable, then check the result on a node (cilium-dbg bgp peers, cilium-dbg service list, or the lease of the L2 announcement)',
      });
    }
  }
  return changes;
}

const REMOVED_EFFECT: Record<string, string> = {
  CiliumLoadBalancerIPPool: 'the Services holding its addresses lose them (their status.loadBalancer empties) and get none, unless another pool selects them',
  CiliumL2AnnouncementPolicy: 'the nodes stop answering ARP/NDP for the addresses it announced: those Services become unreachable from the LAN',
  CiliumBGPClusterConfig: 'the BGP sessions it configured close and their routes are withdrawn',
  CiliumBGPPeerConfig: 'sessions that use it fail to configure',
  CiliumBGPAdvertisement: 'the prefixes it advertised are withdrawn',
  CiliumEgressGatewayPolicy: 'traffic it steered leaves from each pod\'s own node again; connections through the gateway are reset',
};

const CHANGED_EFFECT: Record<string, string> = {
  CiliumL2AnnouncementPolicy: 'the announcing nodes and addresses are re-elected (leases move): a Service may be unreachable for a few seconds',
  CiliumBGPClusterConfig: 'sessions whose peers or local ASN changed are reset: routes are withdrawn and re-advertised',
  CiliumBGPPeerConfig: 'sessions using it are reset with the new settings',
  CiliumBGPAdvertisement: 'the advertised prefixes change at once',
  CiliumEgressGatewayPolicy: 'the gateway, egress IP or selected traffic changes at once: connections through the old gateway are reset',
};

/**
 * A pool whose addresses are all still allocatable, with the same Service selector and not newly disabled,
 * changes nothing for a running Service; anything else re-addresses some.
 */
function poolChange(oldPool: any, newPool: any): Pick<PlanChange, 'classification' | 'rule' | 'effect' | 'procedure'> {
  const before = poolIntervals(oldPool);
  const after = poolIntervals(newPool);
  const [a, b] = [oldPool.spec ?? {}, newPool.spec ?? {}];
  const kept = before !== undefined && after !== undefined && before.every((i) => after.some((j) => j.family === i.family && j.first <= i.first && i.last <= j.last));
  const sameSelector = JSON.stringify(a.serviceSelector ?? null) === JSON.stringify(b.serviceSelector ?? null);
  const disabled = !a.disabled && b.disabled === true;
  const sameBlocks = JSON.stringify(a.blocks ?? a.cidrs ?? null) === JSON.stringify(b.blocks ?? b.cidrs ?? null);
  if (disabled && sameBlocks && sameSelector) {
    return { classification: ChangeClass.SAFE, rule: 'lb-pool-disabled', effect: 'a disabled pool hands out no new addresses and keeps the ones it gave: Services keep their IPs' };
  }
  if (kept && sameSelector && !disabled) {
    return {
      classification: ChangeClass.DISRUPTIVE, rule: 'lb-pool-grows',
      effect: 'every address of the pool stays in it, but Cilium\'s docs warn that updating a pool can reassign Services\' addresses (cilium#40358)',
      procedure: 'check the Services\' external IPs after the apply; give a Service a fixed address with lbipam.cilium.io/ips to keep it',
    };
  }
  const why = [!kept ? 'addresses leave the pool' : '', !sameSelector ? 'its Service selector changed' : '', disabled ? 'it is disabled' : ''].filter(Boolean).join(', ');
  return {
    classification: ChangeClass.DISRUPTIVE, rule: 'lb-pool-shrinks',
    effect: `${why}: LB IPAM takes the addresses no longer allowed to them from the Services that hold them and gives them new ones (their external IP changes)`,
    procedure: 'update DNS and firewall rules that name the Services\' external IPs; give a Service a fixed address with lbipam.cilium.io/ips to keep it',
  };
}

/**
 * The addresses a pool holds, as `multicni check` reads them (blocks or the older cidrs, `{start, stop}`
 * ranges); undefined when a block cannot be read.
 */
function poolIntervals(pool: any): Array<{ family: string; first: bigint; last: bigint }> | undefined {
  const result = checkManifestObjects([pool]);
  if (result.problems.some((p) => p.kind === 'malformed')) return undefined;
  return result.ranges.flatMap((r) => r.intervals.map((i) => ({ family: r.family, first: parseIpAddress(i.first).value, last: parseIpAddress(i.last).value })));
}

/** MultiNetworkPolicies: OVN-Kubernetes turns them into ACLs in place. */
export function policyChanges(old: ClusterFacts, now: ClusterFacts): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const key of unionKeys(old.policies, now.policies)) {
    const a = old.policies.get(key);
    const b = now.policies.get(key);
    const shown = (o: any) => o && JSON.stringify({ annotations: o.metadata?.annotations ?? {}, spec: o.spec });
    if (shown(a) === shown(b)) continue;
    changes.push({
      area: ChangeArea.POLICIES, subject: `MultiNetworkPolicy ${key}`, before: shown(a), after: shown(b),
      classification: ChangeClass.SAFE, rule: !a ? 'policy-added' : !b ? 'policy-removed' : 'policy-changed',
      effect: !b
        ? `${NOT_PRUNED}: the policy stays in force until deleted`
        : 'OVN-Kubernetes rewrites the network\'s ACLs in place: the traffic it allows or denies changes at once, connections it now denies are dropped',
      procedure: !b ? `kubectl delete multi-networkpolicies -n ${key.split('/')[0]} ${key.split('/')[1]}` : undefined,
      source: S.OVN_MULTI_POLICY,
    });
  }
  return changes;
}

function unionKeys<V>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, V>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].sort();
}

function describeNetwork(config: Record<string, unknown>): string {
  return ['topology', 'subnets', 'mtu', 'role'].filter((k) => config[k] !== undefined).map((k) => `${k}=${shownValue(config[k])}`).join(', ');
}

/** `key=value, …` of the keys a config sets; undefined when it sets none. */
function shownParts(config: Record<string, unknown>, keys: string[]): string | undefined {
  const set = keys.filter((k) => config[k] !== undefined);
  return set.length === 0 ? undefined : set.map((k) => `${k}=${shownValue(config[k])}`).join(', ');
}

function shownValue(v: unknown): string {
  return v === undefined ? '-' : typeof v === 'string' ? v : JSON.stringify(v);
}
