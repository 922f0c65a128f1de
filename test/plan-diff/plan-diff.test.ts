import { ChangeClass, PlanChange, planDiff } from '../../src/plan-diff';
import { ciliumVersionChange } from '../../src/plan-diff/component-rules';
import { objectOf, outputOf } from './support';

const SAFE = ChangeClass.SAFE;
const DISRUPTIVE = ChangeClass.DISRUPTIVE;
const NOT_IN_PLACE = ChangeClass.NOT_IN_PLACE;

const POOL = 'cilium:\n  loadBalancerPools:\n    - name: web\n      blocks: [{ cidr: 10.10.0.0/28 }]\n';
const L2 = 'cilium:\n  version: "1.20.0"\n  kubeProxyReplacement: true\n  k8sServiceHost: ovn-control-plane\n  k8sServicePort: 6443\n  l2Announcements: true\n'
  + '  loadBalancerPools:\n    - name: lan\n      blocks: [{ cidr: 172.18.255.0/28 }]\n'
  + '  l2AnnouncementPolicies:\n    - name: lan\n      loadBalancerIPs: true\n      interfaces: ["^eth[0-9]+"]\n';
const LOCALNET = (vlan: number) => `networks:\n  - name: phys\n    topology: localnet\n    subnets: [192.168.50.0/24]\n    vlanId: ${vlan}\ndemo:\n  enabled: false\n`;
const POLICY = (port: number) => `networks:\n  - name: ovn-stream-veth\n    subnets: [10.245.0.0/16/24]\n    policies:\n      - name: db\n        ingress: [{ ports: [{ port: ${port} }] }]\n`;
const CLUSTER_POOL = (cidrs: string) => `cilium:\n  ipam: cluster-pool\n  clusterPool:\n    podCidrs: [${cidrs}]\n`;

/** Each rule, from a pair of values files: [rule, before, after, class of that rule's change]. */
const CASES: Array<[string, string, string, ChangeClass]> = [
  ['node-pod-cidr', '', 'addressing:\n  primaryPodCidrs: [10.240.0.0/16]\n', NOT_IN_PLACE],
  ['cluster-pool-change', CLUSTER_POOL('10.200.0.0/16'), CLUSTER_POOL('10.202.0.0/16'), NOT_IN_PLACE],
  ['service-range', '', 'addressing:\n  serviceCidrs: [10.97.0.0/16]\n', NOT_IN_PLACE],
  ['service-range-second-family', '', 'addressing:\n  primaryPodCidrs: [10.244.0.0/16, "fd00:10:244::/56"]\n  serviceCidrs: [10.96.0.0/16, "fd00:10:96::/112"]\n  decoy: auto\n', DISRUPTIVE],
  ['decoy', '', 'addressing:\n  decoy: 10.253.0.0/16/24\n', NOT_IN_PLACE],
  ['ovn-join', '', 'addressing:\n  joinSubnets: [100.65.0.0/16]\n', NOT_IN_PLACE],
  ['ovn-transit', '', 'addressing:\n  transitSubnets: [100.89.0.0/16]\n', DISRUPTIVE],
  ['ovn-masquerade', '', 'addressing:\n  masqueradeSubnets: [169.254.128.0/17]\n', DISRUPTIVE],
  ['cilium-ipam-mode', '', CLUSTER_POOL('10.244.0.0/16'), NOT_IN_PLACE],
  ['cilium-cluster-pool-mask', CLUSTER_POOL('10.200.0.0/16'), `${CLUSTER_POOL('10.200.0.0/16')}    ipv4MaskSize: 25\n`, NOT_IN_PLACE],
  ['cilium-cluster-identity', '', 'cilium:\n  clusterName: east\n  clusterId: 3\n', NOT_IN_PLACE],
  ['cilium-routing', '', 'cilium:\n  routingMode: native\n  ipv4NativeRoutingCidr: 10.244.0.0/16\n  autoDirectNodeRoutes: true\n', DISRUPTIVE],
  ['cilium-encryption', '', 'cilium:\n  encryption: wireguard\n', DISRUPTIVE],
  ['cilium-kube-proxy-replacement', '', 'cilium:\n  kubeProxyReplacement: true\n  k8sServiceHost: ovn-control-plane\n  k8sServicePort: 6443\n', DISRUPTIVE],
  ['cilium-config', '', 'cilium:\n  bandwidthManager: true\n', DISRUPTIVE],
  ['cilium-minor-upgrade', 'cilium:\n  version: "1.19.6"\n', 'cilium:\n  version: "1.20.0"\n', DISRUPTIVE],
  ['cilium-minor-downgrade', 'cilium:\n  version: "1.20.0"\n', 'cilium:\n  version: "1.19.6"\n', DISRUPTIVE],
  ['cilium-minor-skip', 'cilium:\n  version: "1.18.12"\n', 'cilium:\n  version: "1.20.0"\n', NOT_IN_PLACE],
  ['multus-mode', '', 'multus:\n  mode: thick\n', DISRUPTIVE],
  ['multus-release', 'multus:\n  version: v4.2.4\n', 'multus:\n  version: v4.3.0\n', SAFE],
  ['ovn-mode', '', 'ovn:\n  mode: interconnect\n', NOT_IN_PLACE],
  ['ovn-image', '', 'ovn:\n  imageTag: v1.1.0\n', DISRUPTIVE],
  ['ovn-config', '', 'ovn:\n  mtu: 1350\n', DISRUPTIVE],
  ['network-added', '', 'networks:\n  - name: ovn-stream-veth\n    subnets: [10.245.0.0/16/24]\n  - name: storage\n    topology: layer2\n    subnets: [10.50.0.0/24]\n', SAFE],
  ['network-removed', 'networks:\n  - name: ovn-stream-veth\n    subnets: [10.245.0.0/16/24]\n  - name: storage\n    topology: layer2\n    subnets: [10.50.0.0/24]\n', '', DISRUPTIVE],
  ['network-topology', '', 'networks:\n  - name: ovn-stream-veth\n    topology: layer2\n    subnets: [10.245.0.0/16]\n', DISRUPTIVE],
  ['network-subnets', '', 'networks:\n  - name: ovn-stream-veth\n    subnets: [10.245.0.0/16/25]\n', DISRUPTIVE],
  ['network-mtu', '', 'networks:\n  - name: ovn-stream-veth\n    subnets: [10.245.0.0/16/24]\n    mtu: 1200\n', DISRUPTIVE],
  ['network-localnet', LOCALNET(10), LOCALNET(20), DISRUPTIVE],
  ['cilium-resource-added', '', POOL, SAFE],
  ['cilium-resource-removed', POOL, '', DISRUPTIVE],
  ['lb-pool-grows', POOL, POOL.replace('10.10.0.0/28', '10.10.0.0/27'), DISRUPTIVE],
  ['lb-pool-disabled', POOL, `${POOL}      disabled: true\n`, SAFE],
  ['lb-pool-shrinks', POOL, POOL.replace('10.10.0.0/28', '10.10.0.0/29'), DISRUPTIVE],
  ['cilium-resource-changed', L2, L2.replace('"^eth[0-9]+"', '"^ens[0-9]+"'), DISRUPTIVE],
  ['policy-added', '', POLICY(5432), SAFE],
  ['policy-changed', POLICY(5432), POLICY(5433), SAFE],
  ['policy-removed', POLICY(5432), '', SAFE],
];

function changesBetween(before: string, after: string): PlanChange[] {
  return planDiff(outputOf(before), outputOf(after)).changes;
}

describe('plan --diff: one test per rule, from pairs of values files', () => {
  test.each(CASES)('%s', (rule, before, after, classification) => {
    const changes = changesBetween(before, after);
    const own = changes.filter((c) => c.rule === rule);
    expect(own).toHaveLength(1);
    expect(own[0].classification).toBe(classification);
    expect(own[0].effect.length).toBeGreaterThan(20);
    expect(own[0].source).toMatch(/\S{8,}/);
    if (classification !== SAFE) expect(own[0].procedure).toBeDefined();
    // the reverse pair changes the same subject back (a rule that cannot see a change both ways is half a rule)
    expect(changesBetween(after, before).map((c) => c.subject)).toContain(own[0].subject);
  });

  test('every rule of the docs is exercised above or in the facts tests below', () => {
    const docs = require('fs').readFileSync(require('path').join(__dirname, '..', '..', 'docs', 'plan-diff.md'), 'utf8') as string;
    const documented = [...docs.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    const tested = new Set([...CASES.map((c) => c[0]), ...FACT_RULES]);
    expect(documented.length).toBeGreaterThan(30);
    expect(documented.filter((r) => !tested.has(r))).toEqual([]);
    expect([...tested].filter((r) => !documented.includes(r))).toEqual([]);
    // and every rule id the code can emit is documented (read from the source, so a new rule cannot hide)
    const dir = require('path').join(__dirname, '..', '..', 'src', 'plan-diff');
    const source = require('fs').readdirSync(dir).map((f: string) => require('fs').readFileSync(require('path').join(dir, f), 'utf8')).join('\n') as string;
    const emitted = new Set([...source.matchAll(/rule: '([a-z0-9-]+)'/g), ...source.matchAll(/'([a-z0-9]+(?:-[a-z0-9]+)+)'(?= : )/g)].map((m) => m[1]));
    for (const m of source.matchAll(/rule: [^,]*\? '([a-z0-9-]+)' : '([a-z0-9-]+)'/g)) emitted.add(m[1]).add(m[2]);
    expect([...emitted].filter((r) => !documented.includes(r) && !['ovn-join', 'ovn-transit', 'ovn-masquerade'].includes(r))).toEqual([]);
    expect(emitted.size).toBeGreaterThan(25);
  });

  test('the same values give no change at all', () => {
    expect(changesBetween('', '')).toEqual([]);
    expect(changesBetween(L2, L2)).toEqual([]);
  });

  test('a safe change is reported alone: adding a network touches nothing else', () => {
    const changes = changesBetween('', CASES.find((c) => c[0] === 'network-added')![2]);
    expect(changes.map((c) => [c.subject, c.classification])).toEqual([['network default/storage', SAFE]]);
  });

  test('a release change lists the other cilium-config keys as part of the upgrade (safe), not as restarts', () => {
    const changes = changesBetween('cilium:\n  version: "1.19.6"\n', 'cilium:\n  version: "1.20.0"\n');
    const config = changes.find((c) => c.rule === 'cilium-config')!;
    expect(config.classification).toBe(SAFE);
    expect(config.after).not.toMatch(/=/); // key names only
  });

  test('the primary pod range change names the values on both sides', () => {
    const [change] = changesBetween('', 'addressing:\n  primaryPodCidrs: [10.240.0.0/16]\n').filter((c) => c.rule === 'node-pod-cidr');
    expect(change).toMatchObject({ subject: 'primary pod range', before: '10.244.0.0/16', after: '10.240.0.0/16' });
    expect(change.effect).toMatch(/^\(owner: multicni\/addressing, multicni\/cilium\) /); // who states the range
  });
});

// Rules no pair of values files of this release can reach; their facts are made by editing an output.
const FACT_RULES = ['cluster-pool-append', 'network-config', 'cilium-patch', 'cilium-release-unknown', 'component-added', 'component-removed', 'other-range'];

describe('plan --diff: rules reached by editing an output', () => {
  const base = () => outputOf('');

  test('cilium-patch: a patch release of the same minor is disruptive (proxied traffic, pre-flight check)', () => {
    const after = base();
    const agent = objectOf(after, 'DaemonSet', 'cilium');
    agent.spec.template.spec.containers[0].image = 'quay.io/cilium/cilium:v1.20.1';
    const [change] = planDiff(base(), after).changes;
    expect(change).toMatchObject({ rule: 'cilium-patch', classification: DISRUPTIVE, before: '1.20.0', after: '1.20.1' });
    expect(change.procedure).toMatch(/cilium-pre-flight-check/);
    expect(ciliumVersionChange('1.19.1', '1.19.6').rule).toBe('cilium-patch');
    expect(ciliumVersionChange('1.16.7', '1.18.12')).toMatchObject({ rule: 'cilium-minor-skip', classification: NOT_IN_PLACE, procedure: 'go through 1.17 first, one minor per change' });
  });

  test('cluster-pool-append: pools added beside the existing ones (one per family is all synth writes; an output may hold more)', () => {
    const before = outputOf(CLUSTER_POOL('10.200.0.0/16'));
    const after = outputOf(CLUSTER_POOL('10.200.0.0/16'));
    objectOf(after, 'ConfigMap', 'multicni-address-plan').data.ranges += '{"cidr":"10.201.0.0/16","role":"primary pod","name":"primary pod range","owner":"x"}\n';
    expect(planDiff(before, after).changes).toEqual([expect.objectContaining({ rule: 'cluster-pool-append', classification: SAFE, before: '10.200.0.0/16', after: '10.200.0.0/16, 10.201.0.0/16' })]);
    // and taken away again, it is a change of the pool, not an append
    expect(planDiff(after, before).changes).toEqual([expect.objectContaining({ rule: 'cluster-pool-change', classification: NOT_IN_PLACE })]);
  });

  test('network-config: a part of the CNI config no other rule names', () => {
    const after = base();
    const nad = objectOf(after, 'NetworkAttachmentDefinition', 'ovn-stream-veth');
    nad.spec.config = nad.spec.config.replace('"cniVersion":"0.3.1"', '"cniVersion":"1.0.0"');
    expect(planDiff(base(), after).changes).toEqual([expect.objectContaining({ rule: 'network-config', subject: 'network default/ovn-stream-veth: other CNI config', before: 'cniVersion=0.3.1', after: 'cniVersion=1.0.0' })]);
  });

  test('cilium-release-unknown: an image without a release tag', () => {
    const after = base();
    objectOf(after, 'DaemonSet', 'cilium').spec.template.spec.containers[0].image = 'registry.example/cilium@sha256:0123';
    const [change] = planDiff(base(), after).changes;
    expect(change).toMatchObject({ rule: 'cilium-release-unknown', classification: DISRUPTIVE, before: '1.20.0' });
    expect(change.after).toBeUndefined();
  });

  test('component-added and component-removed: Multus on one side only', () => {
    const without = base().filter((o) => !(o.kind === 'DaemonSet' && o.metadata.name === 'kube-multus-ds'));
    expect(planDiff(without, base()).changes).toEqual([expect.objectContaining({ rule: 'component-added', subject: 'Multus', classification: DISRUPTIVE })]);
    expect(planDiff(base(), without).changes).toEqual([expect.objectContaining({ rule: 'component-removed', subject: 'Multus', classification: NOT_IN_PLACE })]);
  });

  test('other-range: a role of the record this version has no rule for', () => {
    const after = base();
    const record = objectOf(after, 'ConfigMap', 'multicni-address-plan');
    record.data.ranges += '{"cidr":"10.99.0.0/16","role":"future role","name":"x","owner":"y"}\n';
    expect(planDiff(base(), after).changes).toEqual([expect.objectContaining({ rule: 'other-range', subject: 'future role range', after: '10.99.0.0/16', classification: DISRUPTIVE })]);
  });

  test('a removed MultiNetworkPolicy: kubectl apply leaves it, the procedure deletes it', () => {
    const [change] = planDiff(outputOf(POLICY(5432)), base()).changes;
    expect(change).toMatchObject({ rule: 'policy-removed', subject: 'MultiNetworkPolicy default/db', procedure: 'kubectl delete multi-networkpolicies -n default db' });
    expect(change.effect).toMatch(/stays in force until deleted/);
  });

  test('a previous output without an address-plan record: the ranges are not compared, and a note says so', () => {
    const old = base().filter((o) => o.metadata?.name !== 'multicni-address-plan');
    const result = planDiff(old, base());
    expect(result.notes).toEqual([expect.stringMatching(/no address-plan record/)]);
  });
});
