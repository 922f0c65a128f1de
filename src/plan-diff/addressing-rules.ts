import { ChangeArea, ChangeClass, PlanChange } from './change';
import { ClusterFacts } from './facts';
import * as S from './sources';

/** The plan record's roles, in the order they are reported, with what a change to each does. */
const ROLES: Array<{ role: string; subject: string; rule: (before: string[], after: string[], old: ClusterFacts) => Omit<PlanChange, 'area' | 'subject' | 'before' | 'after'> }> = [
  { role: 'primary pod', subject: 'primary pod range', rule: primaryPodRange },
  { role: 'service', subject: 'service range', rule: serviceRange },
  {
    role: 'decoy pod', subject: 'OVN-Kubernetes decoy (net_cidr)', rule: () => ({
      classification: ChangeClass.NOT_IN_PLACE, rule: 'decoy',
      effect: 'ovnkube-cluster-manager releases every node subnet outside the new net_cidr and writes another into the node\'s k8s.ovn.org/node-subnets under what runs there: OVN-Kubernetes renumbers its management ports and routes node by node, and nodes disagree until all are done',
      procedure: 'keep the old decoy (with decoy: auto, synth keeps it unless --redecoy is given), or rebuild the cluster',
      source: S.OVN_NODE_SUBNETS,
    }),
  },
  {
    role: 'ovn join', subject: 'OVN-Kubernetes join subnet', rule: () => ({
      classification: ChangeClass.NOT_IN_PLACE, rule: 'ovn-join',
      effect: 'every node\'s gateway router holds an address of the join subnet from the time its ovnkube started, and no upstream code or document moves it: nodes restarted with the new subnet cannot reach those still on the old one',
      procedure: 'keep the old subnet, or rebuild the cluster',
      source: S.OVN_JOIN,
    }),
  },
  {
    role: 'ovn transit', subject: 'OVN-Kubernetes transit subnet', rule: () => ({
      classification: ChangeClass.DISRUPTIVE, rule: 'ovn-transit',
      effect: 'interconnect mode\'s transit switch ports take addresses of the new subnet as each ovnkube restarts: zones on the old and the new subnet do not route to each other meanwhile (upstream states nothing about the change; OpenShift supports it)',
      procedure: 'apply stage 1 and restart ovnkube-control-plane, then ovnkube-node node by node (kubectl -n ovn-kubernetes rollout restart ds/ovnkube-node)',
      source: S.OVN_TRANSIT,
    }),
  },
  {
    role: 'ovn masquerade', subject: 'OVN-Kubernetes masquerade subnet', rule: () => ({
      classification: ChangeClass.DISRUPTIVE, rule: 'ovn-masquerade',
      effect: 'ovnkube-node removes the old masquerade addresses and routes and sets up the new ones when it restarts (a day-2 change it handles): host-to-service traffic of a node pauses while it does',
      procedure: 'apply stage 1 and restart ovnkube-node node by node (kubectl -n ovn-kubernetes rollout restart ds/ovnkube-node)',
      source: S.OVN_MASQUERADE,
    }),
  },
];

/** Changes to the cluster's ranges (the plan record: pods, services, decoy, join, transit, masquerade). */
export function addressingChanges(old: ClusterFacts, now: ClusterFacts): PlanChange[] {
  const changes: PlanChange[] = [];
  const known = new Set(ROLES.map((r) => r.role));
  const roles = [...ROLES, ...[...new Set([...old.ranges.keys(), ...now.ranges.keys()])].filter((r) => !known.has(r)).sort()
    .map((role) => ({ role, subject: `${role} range`, rule: otherRange }))];
  for (const { role, subject, rule } of roles) {
    const before = old.ranges.get(role) ?? [];
    const after = now.ranges.get(role) ?? [];
    if (same(before, after)) continue;
    const change = rule(before, after, old);
    // The owner (the construct that states the range) leads the effect, so a reviewer knows where to look.
    const owner = now.rangeOwners.get(role) ?? old.rangeOwners.get(role);
    changes.push({ area: ChangeArea.ADDRESSING, subject, before: shown(before), after: shown(after), ...change, effect: owner ? `(owner: ${owner}) ${change.effect}` : change.effect });
  }
  return changes;
}

/**
 * The primary pod range. With Cilium's kubernetes IPAM it is each Node's spec.podCIDR, which the API server
 * does not let change; with cluster-pool, Cilium's operator allocates from the pools and new pools may be
 * appended (nodes keep the CIDRs they hold).
 */
function primaryPodRange(before: string[], after: string[], old: ClusterFacts) {
  const clusterPool = old.cilium?.config.ipam === 'cluster-pool';
  if (clusterPool && before.every((c) => after.includes(c))) {
    return {
      classification: ChangeClass.SAFE, rule: 'cluster-pool-append',
      effect: `the operator allocates node CIDRs from the added pools (${after.filter((c) => !before.includes(c)).join(', ')}) once the existing ones are exhausted; nodes keep the CIDRs they hold`,
      procedure: 'restart the cilium-operator to read the new pool list (kubectl -n kube-system rollout restart deployment/cilium-operator)',
      source: S.CILIUM_CLUSTER_POOL,
    };
  }
  if (clusterPool) {
    return {
      classification: ChangeClass.NOT_IN_PLACE, rule: 'cluster-pool-change',
      effect: 'nodes keep the pod CIDRs they were given from the old pools (CiliumNode spec.ipam.podCIDRs) and their pods keep those addresses, which the new plan no longer reserves: the ranges the plan checks are not the ones in use',
      procedure: 'append pools instead of changing or removing one, or rebuild the cluster',
      source: S.CILIUM_CLUSTER_POOL,
    };
  }
  return {
    classification: ChangeClass.NOT_IN_PLACE, rule: 'node-pod-cidr',
    effect: 'every Node\'s spec.podCIDR is immutable (the API server refuses the update), and kube-controller-manager restarted with a --cluster-cidr that no longer holds them fails to start its node IPAM controller on every restart; Cilium (ipam: kubernetes) keeps using the old ranges on existing nodes',
    procedure: 'rebuild the cluster, or replace its nodes one by one (a deleted and re-registered Node gets a CIDR from the new range)',
    source: S.NODE_POD_CIDR_IMMUTABLE,
  };
}

/** The service range: a second family can be added to a running cluster; the primary range cannot be swapped. */
function serviceRange(before: string[], after: string[]) {
  const family = (c: string) => (c.includes(':') ? 'IPv6' : 'IPv4');
  const addedFamilyOnly = before.length > 0 && before.every((c) => after.includes(c)) && after.length === before.length + 1 && family(after.find((c) => !before.includes(c))!) !== family(before[0]);
  if (addedFamilyOnly) {
    return {
      classification: ChangeClass.DISRUPTIVE, rule: 'service-range-second-family',
      effect: 'kube-apiserver adds the second family to the default ServiceCIDR when restarted with it (the one change it follows); existing Services stay single-stack until their ipFamilyPolicy is changed',
      procedure: 'restart the control plane with the dual-stack flags, then apply; see Kubernetes\' "Validate IPv4/IPv6 dual-stack" and "Extend Service IP Ranges"',
      source: S.SERVICE_RANGE,
    };
  }
  return {
    classification: ChangeClass.NOT_IN_PLACE, rule: 'service-range',
    effect: 'kube-apiserver keeps the default ServiceCIDR it created from the old flag (it only warns, KubernetesDefaultServiceCIDRInconsistent), and no ClusterIP can change once set (the kubernetes Service\'s included, which kubeconfigs and certificates name): the range the plan reserves is not the one in use',
    procedure: 'add a range with a ServiceCIDR object instead (Kubernetes 1.33+), or rebuild the cluster',
    source: S.SERVICE_RANGE,
  };
}

/** A role this version does not know: reported, classified as the cautious default. */
function otherRange() {
  return {
    classification: ChangeClass.DISRUPTIVE, rule: 'other-range',
    effect: 'a range of the plan changed that no rule here covers',
    procedure: 'review by hand',
    source: 'docs/plan-diff.md',
  };
}

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function shown(list: string[]): string | undefined {
  return list.length === 0 ? undefined : list.join(', ');
}
