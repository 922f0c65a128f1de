import { ChangeArea, ChangeClass, PlanChange } from './change';
import { ClusterFacts } from './facts';
import * as S from './sources';

/** cilium-config keys a rule of its own covers (the rest: a restart of the agents). */
const CILIUM_KEYS: Array<{ keys: string[]; subject: string; change: Omit<PlanChange, 'area' | 'subject' | 'before' | 'after'> }> = [
  {
    keys: ['ipam'], subject: 'Cilium IPAM mode', change: {
      classification: ChangeClass.NOT_IN_PLACE, rule: 'cilium-ipam-mode',
      effect: 'agents restarted in the new mode allocate pod addresses from other ranges than the running pods hold, and the operator\'s CiliumNode allocations do not carry over: pods of restarted nodes lose connectivity to the rest',
      procedure: 'rebuild the cluster (Cilium has no migration between IPAM modes)',
      source: S.CILIUM_IPAM_MODE,
    },
  },
  {
    keys: ['cluster-pool-ipv4-mask-size', 'cluster-pool-ipv6-mask-size'], subject: 'Cilium cluster-pool mask size', change: {
      classification: ChangeClass.NOT_IN_PLACE, rule: 'cilium-cluster-pool-mask',
      effect: 'the operator has cut the pools into node CIDRs of the old size; CiliumNodes keep theirs, and a pool cannot be re-cut under them',
      procedure: 'keep the mask size, or rebuild the cluster',
      source: S.CILIUM_CLUSTER_POOL,
    },
  },
  {
    keys: ['cluster-name', 'cluster-id'], subject: 'Cilium cluster identity', change: {
      classification: ChangeClass.NOT_IN_PLACE, rule: 'cilium-cluster-identity',
      effect: 'the cluster ID is the top bits of every security identity and the name keys ClusterMesh state: existing identities are not recreated (their labels did not change), so policies drop traffic until every workload is restarted, and meshed clusters no longer recognise this one',
      procedure: 'keep the identity; otherwise restart every workload (Cilium\'s ClusterMesh docs), and on a meshed cluster rebuild it',
      source: S.CILIUM_CLUSTER_ID,
    },
  },
  {
    keys: ['routing-mode', 'tunnel-protocol', 'tunnel-port', 'auto-direct-node-routes', 'ipv4-native-routing-cidr', 'ipv6-native-routing-cidr'], subject: 'Cilium routing', change: {
      classification: ChangeClass.DISRUPTIVE, rule: 'cilium-routing',
      effect: 'each agent programs its node\'s datapath for the mode it starts with: during the rollout, pods on nodes in the new mode cannot reach pods on nodes still in the old one',
      procedure: 'restart the agents in a maintenance window (kubectl -n kube-system rollout restart ds/cilium), then check connectivity (cilium connectivity test)',
      source: S.CILIUM_ROUTING,
    },
  },
  {
    keys: ['enable-wireguard', 'enable-ipsec', 'encrypt-node', 'enable-ipsec-key-watcher'], subject: 'Cilium encryption', change: {
      classification: ChangeClass.DISRUPTIVE, rule: 'cilium-encryption',
      effect: 'nodes with and without encryption do not exchange pod traffic until every agent has restarted with the same setting: packets between them are dropped during the rollout',
      procedure: 'restart the agents in a maintenance window (kubectl -n kube-system rollout restart ds/cilium); with WireGuard, check cilium-dbg encrypt status on each node',
      source: S.CILIUM_ENCRYPTION,
    },
  },
  {
    keys: ['kube-proxy-replacement'], subject: 'Cilium kube-proxy replacement', change: {
      classification: ChangeClass.DISRUPTIVE, rule: 'cilium-kube-proxy-replacement',
      effect: 'Service load balancing moves between kube-proxy and Cilium: until the agents restart, and kube-proxy is removed (or re-installed), both or neither serve Services',
      procedure: 'restart the agents, then delete (or deploy) kube-proxy and flush its iptables rules on every node',
      source: S.CILIUM_KPR,
    },
  },
];

/** Keys the address rules already report (the pools are the primary pod range). */
const CILIUM_RANGE_KEYS = new Set(['cluster-pool-ipv4-cidr', 'cluster-pool-ipv6-cidr']);

/** Changes to Cilium's release and settings. */
export function ciliumChanges(old: ClusterFacts, now: ClusterFacts): PlanChange[] {
  const a = old.cilium;
  const b = now.cilium;
  if (!a || !b) return presence(ChangeArea.CILIUM, 'Cilium', a, b);
  const changes: PlanChange[] = [];
  const versionChanged = a.version !== b.version;
  if (versionChanged) changes.push(ciliumVersionChange(a.version, b.version));
  const covered = new Set<string>(CILIUM_RANGE_KEYS);
  for (const { keys, subject, change } of CILIUM_KEYS) {
    keys.forEach((k) => covered.add(k));
    const differ = keys.filter((k) => a.config[k] !== b.config[k]);
    if (differ.length === 0) continue;
    changes.push({ area: ChangeArea.CILIUM, subject, before: keyValues(a.config, differ), after: keyValues(b.config, differ), ...change });
  }
  const rest = changedKeys(a.config, b.config).filter((k) => !covered.has(k));
  if (rest.length > 0) {
    changes.push({
      area: ChangeArea.CILIUM, subject: `cilium-config (${rest.length} other key${rest.length === 1 ? '' : 's'})`,
      // With a new release the keys are many: their names only (the YAML diff has the values).
      before: versionChanged ? keyNames(a.config, rest) : keyValues(a.config, rest),
      after: versionChanged ? keyNames(b.config, rest) : keyValues(b.config, rest),
      // With the release changing, the upgrade restarts every agent anyway.
      classification: versionChanged ? ChangeClass.SAFE : ChangeClass.DISRUPTIVE, rule: 'cilium-config',
      effect: versionChanged
        ? 'settings of the new release; they take effect as the upgrade restarts the agents and the operator'
        : 'the agents and the operator read cilium-config at start: nothing changes until they restart, and each agent\'s restart briefly stops policy and service updates on its node (forwarding goes on)',
      procedure: versionChanged ? undefined : 'kubectl -n kube-system rollout restart ds/cilium deployment/cilium-operator',
      source: S.CILIUM_CONFIG_AT_START,
    });
  }
  return changes;
}

/** Cilium's release: patch releases in place, one minor with the pre-flight check, more minors not at all. */
export function ciliumVersionChange(before: string | undefined, after: string | undefined): PlanChange {
  const base = { area: ChangeArea.CILIUM, subject: 'Cilium release', before, after, source: S.CILIUM_UPGRADE };
  const minor = (v: string | undefined) => (v === undefined ? undefined : Number(v.split('.')[1]));
  const [from, to] = [minor(before), minor(after)];
  if (from === undefined || to === undefined) {
    return { ...base, classification: ChangeClass.DISRUPTIVE, rule: 'cilium-release-unknown', effect: 'the agent image names no release this tool can compare', procedure: 'follow Cilium\'s upgrade guide by hand' };
  }
  const steps = Math.abs(to - from);
  if (steps === 0) {
    return {
      ...base, classification: ChangeClass.DISRUPTIVE, rule: 'cilium-patch',
      effect: 'a patch release of the same minor: the agents restart node by node; the datapath keeps forwarding, but traffic through the agents\' proxies (L7 policy, Ingress, Gateway API) is interrupted during the upgrade',
      procedure: `deploy the pre-flight check (cilium-pre-flight-check) for ${after} — Cilium's guide makes no exception for patch releases — then apply stage 1 and wait for kubectl -n kube-system rollout status ds/cilium`,
    };
  }
  if (steps === 1) {
    return {
      ...base, classification: ChangeClass.DISRUPTIVE, rule: to > from ? 'cilium-minor-upgrade' : 'cilium-minor-downgrade',
      effect: `a ${to > from ? 'minor upgrade' : 'rollback to the previous minor'}: agents restart node by node with the new release's datapath and CRDs; traffic through the agents' proxies (L7 policy, Ingress, Gateway API) is interrupted, and new pods may wait while a node's agent restarts`,
      procedure: `be on the newest patch of ${before} first; deploy Cilium's pre-flight check (cilium-pre-flight-check) for ${after} and wait until it is ready, apply stage 1, wait for the agents' rollout (kubectl -n kube-system rollout status ds/cilium), then the later stages; read the release's version notes${to < from ? ' (features of the newer minor already in use must be turned off before a rollback)' : ''}`,
    };
  }
  const skipped = Array.from({ length: steps - 1 }, (_, i) => `1.${Math.min(from, to) + i + 1}`).join(', ');
  return {
    ...base, classification: ChangeClass.NOT_IN_PLACE, rule: 'cilium-minor-skip',
    effect: `skips ${skipped}: the only upgrade and rollback path Cilium tests is between consecutive minor releases; agents two minors apart are not tested together, and the CRD and state migrations of the skipped release never run`,
    procedure: `go through ${skipped} first, one minor per change`,
  };
}

/** Changes to Multus' release and mode. */
export function multusChanges(old: ClusterFacts, now: ClusterFacts): PlanChange[] {
  const a = old.multus;
  const b = now.multus;
  if (!a || !b) return presence(ChangeArea.MULTUS, 'Multus', a, b);
  const changes: PlanChange[] = [];
  if (a.mode !== b.mode) {
    changes.push({
      area: ChangeArea.MULTUS, subject: 'Multus mode', before: a.mode, after: b.mode,
      classification: ChangeClass.DISRUPTIVE, rule: 'multus-mode',
      effect: `the same DaemonSet kube-multus-ds (same name and selector) rolls to the ${b.mode} form node by node; while a node's pod restarts, pod sandboxes there fail and kubelet retries them; running pods keep their interfaces`,
      procedure: b.mode === 'thick'
        ? 'apply stage 1, wait for kubectl -n kube-system rollout status ds/kube-multus-ds, then check that a new pod on each node gets its secondary interfaces'
        : 'apply stage 1 and wait for the rollout; the thick daemon\'s ConfigMap multus-daemon-config is left behind: delete it (kubectl -n kube-system delete configmap multus-daemon-config)',
      source: S.MULTUS_DAEMONSET,
    });
  }
  if (a.version !== b.version) {
    changes.push({
      area: ChangeArea.MULTUS, subject: 'Multus release', before: a.version, after: b.version,
      classification: ChangeClass.SAFE, rule: 'multus-release',
      effect: 'the DaemonSet rolls node by node; running pods keep their interfaces, and a pod created on a node while its Multus pod restarts is retried by kubelet',
      source: S.MULTUS_DAEMONSET,
    });
  }
  return changes;
}

/** ovn-config keys the address rules already report. */
const OVN_RANGE_KEYS = new Set(['net_cidr', 'svc_cidr', 'v4_join_subnet', 'v6_join_subnet', 'v4_masquerade_subnet', 'v6_masquerade_subnet', 'v4_transit_switch_subnet', 'v6_transit_switch_subnet']);

/** Changes to OVN-Kubernetes' mode, image and settings. */
export function ovnChanges(old: ClusterFacts, now: ClusterFacts): PlanChange[] {
  const a = old.ovn;
  const b = now.ovn;
  if (!a || !b) return presence(ChangeArea.OVN, 'OVN-Kubernetes', a, b);
  const changes: PlanChange[] = [];
  if (a.mode !== b.mode) {
    changes.push({
      area: ChangeArea.OVN, subject: 'OVN-Kubernetes mode', before: a.mode, after: b.mode,
      classification: ChangeClass.NOT_IN_PLACE, rule: 'ovn-mode',
      effect: 'central mode keeps the cluster\'s logical network in one NB/SB database (ovnkube-db); interconnect keeps one per node zone: applying the other mode starts empty databases beside the old ones, the secondary networks lose connectivity until every zone is rebuilt, and the old Deployments stay (apply does not remove them); upstream has no in-place migration',
      procedure: 'rebuild the cluster (or drain the secondary networks and reinstall OVN-Kubernetes in the new mode)',
      source: S.OVN_INTERCONNECT,
    });
  }
  if (a.image !== b.image) {
    changes.push({
      area: ChangeArea.OVN, subject: 'OVN-Kubernetes image', before: a.image, after: b.image,
      classification: ChangeClass.DISRUPTIVE, rule: 'ovn-image',
      effect: 'ovnkube and ovs-node pods restart; secondary-network traffic of a node pauses while its ovs-node and ovnkube-node restart (the primary network, Cilium\'s, is not affected)',
      procedure: 'apply stage 1 and wait for kubectl -n ovn-kubernetes rollout status ds/ovnkube-node ds/ovs-node',
      source: S.OVN_CONFIG_AT_START,
    });
  }
  const rest = changedKeys(a.config, b.config).filter((k) => !OVN_RANGE_KEYS.has(k));
  if (rest.length > 0) {
    changes.push({
      area: ChangeArea.OVN, subject: `ovn-config (${rest.join(', ')})`, before: keyValues(a.config, rest), after: keyValues(b.config, rest),
      classification: ChangeClass.DISRUPTIVE, rule: 'ovn-config',
      effect: 'ovnkube reads ovn-config into its environment at start: nothing changes until its pods restart, and secondary-network traffic of a node pauses while they do',
      procedure: 'kubectl -n ovn-kubernetes rollout restart ds/ovnkube-node, and the control-plane Deployment(s)',
      source: S.OVN_CONFIG_AT_START,
    });
  }
  return changes;
}

/** A component on one side only. */
function presence(area: ChangeArea, what: string, a: unknown, b: unknown): PlanChange[] {
  if (a === undefined && b === undefined) return [];
  return [{
    area, subject: what, before: a ? 'installed' : undefined, after: b ? 'installed' : undefined,
    classification: a ? ChangeClass.NOT_IN_PLACE : ChangeClass.DISRUPTIVE, rule: a ? 'component-removed' : 'component-added',
    effect: a ? `${what} is no longer in the output, but kubectl apply never deletes what it does not see: the running ${what} stays, unplanned` : `${what} is installed on a running cluster: its pods start beside what runs`,
    procedure: a ? `delete ${what}'s objects by hand and restart the pods that used it` : 'apply in a maintenance window',
    source: 'kubectl apply (objects absent from the files are left as they are, unless --prune is given)',
  }];
}

function changedKeys(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();
}

function keyNames(config: Readonly<Record<string, string>>, keys: string[]): string | undefined {
  const set = keys.filter((k) => config[k] !== undefined);
  return set.length === 0 ? undefined : set.join(', ');
}

function keyValues(config: Readonly<Record<string, string>>, keys: string[]): string | undefined {
  const set = keys.filter((k) => config[k] !== undefined);
  return set.length === 0 ? undefined : set.map((k) => `${k}=${config[k]}`).join(', ');
}
