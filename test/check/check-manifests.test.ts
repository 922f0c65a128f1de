import * as path from 'path';
import { RangeRole, checkManifestDocuments, checkManifestFiles, checkManifestObjects, parseManifestText, readManifests } from '../../src';

const fixtures = path.join(__dirname, 'fixtures');
const messages = (r: { problems: Array<{ message: string }> }) => r.problems.map((p) => p.message);

describe('checkManifestFiles', () => {
  test('clean manifests: every range is found, none overlap', () => {
    const result = checkManifestFiles([path.join(fixtures, 'clean')]);
    expect(result.problems).toEqual([]);
    const found = result.ranges.map((r) => `${r.role}|${r.name}|${r.cidr}${r.hostPrefix !== undefined ? '/' + r.hostPrefix : ''}`);
    expect(found).toContain('native routing|cilium-config ipv4-native-routing-cidr|10.244.0.0/16');
    expect(found).toEqual(expect.arrayContaining([
      'primary pod|cilium-config cluster-pool-ipv4-cidr|10.244.0.0/16/24',
      'decoy pod|ovn-config net_cidr|10.254.0.0/16/24',
      'service|ovn-config svc_cidr|10.96.0.0/16',
      'ovn join|env OVN_V4_JOIN_SUBNET|100.64.0.0/16',
      'ovn masquerade|env OVN_V4_MASQUERADE_SUBNET|169.254.0.0/17',
      'secondary network|ovn-stream-veth|10.245.0.0/16/24',
      'secondary network|macvlan-conf|192.168.50.0/24',
    ]));
  });

  test('planted overlaps are each reported with both ranges, roles and owners', () => {
    const problems = messages(checkManifestFiles([path.join(fixtures, 'overlap')]));
    const text = problems.join('\n');
    expect(text).toMatch(/overlap: primary pod "cilium-config cluster-pool-ipv4-cidr" 10\.0\.0\.0\/8\/24 \(owner: .*cilium-config\.yaml#1 ConfigMap kube-system\/cilium-config\) overlaps service "ovn-config svc_cidr" 10\.96\.0\.0\/16 \(owner: .*ovn\.yaml#1 ConfigMap ovn-kubernetes\/ovn-config\)/);
    expect(text).toMatch(/overlaps decoy pod "ovn-config net_cidr" 10\.254\.0\.0\/16\/24/);
    expect(text).toMatch(/ovn join "env OVN_V4_JOIN_SUBNET" 100\.64\.0\.0\/16 .* overlaps secondary network "tenant-a-l2" 100\.64\.10\.0\/24 \(owner: .*NetworkAttachmentDefinition tenant-a\/l2-net\)/);
    expect(text).toMatch(/exclude: .*excludeSubnets entry 100\.64\.20\.0\/28 is not inside any of the network's subnets \(100\.64\.10\.0\/24\)/);
    expect(text).toMatch(/native routing: cilium-config ipv4-native-routing-cidr 10\.244\.0\.0\/16 .* does not contain primary pod range/);
    expect(problems).toHaveLength(5);
  });

  test('malformed values are problems, not crashes', () => {
    const problems = messages(checkManifestObjects([
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ovn-config' }, data: { net_cidr: '10.254.0.0/16/8', svc_cidr: '10.96.0.1/16' } },
      { apiVersion: 'k8s.cni.cncf.io/v1', kind: 'NetworkAttachmentDefinition', metadata: { name: 'n', namespace: 'd' }, spec: { config: '{not json' } },
    ]));
    expect(problems.join('\n')).toMatch(/malformed: input#1 ConfigMap ovn-config ovn-config net_cidr: invalid cluster subnet "10\.254\.0\.0\/16\/8"/);
    expect(problems.join('\n')).toMatch(/malformed: input#1 ConfigMap ovn-config ovn-config svc_cidr: invalid cidr "10\.96\.0\.1\/16": host bits are set/);
    expect(problems.join('\n')).toMatch(/malformed: input#2 NetworkAttachmentDefinition d\/n spec.config is not JSON/);
  });

  test('cilium pool keys are ignored in kubernetes IPAM mode, where Cilium does not use them', () => {
    const { ranges } = checkManifestObjects([{ kind: 'ConfigMap', metadata: { name: 'cilium-config' }, data: { 'ipam': 'kubernetes', 'cluster-pool-ipv4-cidr': '10.0.0.0/8' } }]);
    expect(ranges).toEqual([]);
  });

  test('kind cluster config gives the real pod and service ranges', () => {
    const { ranges } = checkManifestObjects([{ apiVersion: 'kind.x-k8s.io/v1alpha4', kind: 'Cluster', networking: { podSubnet: '10.244.0.0/16,fd00:10:244::/56', serviceSubnet: '10.96.0.0/16' } }]);
    expect(ranges.map((r) => `${r.role === RangeRole.PRIMARY_POD.name ? 'pod' : 'svc'} ${r.cidr}`)).toEqual(['pod 10.244.0.0/16', 'pod fd00:10:244::/56', 'svc 10.96.0.0/16']);
  });

  test('unreadable input raises ManifestReadError naming the path', () => {
    expect(() => checkManifestFiles([path.join(fixtures, 'nope')])).toThrow(/cannot read ".*nope": no such file or directory/);
    expect(() => readManifests([path.join(fixtures, 'broken')])).toThrow(/cannot parse ".*bad\.yaml" document 1/);
    const notes: string[] = [];
    expect(parseManifestText('- a\n- b\n', 'x.yaml', notes)).toEqual([]);
    expect(notes).toEqual(['skipped x.yaml:1 (document 1): not a Kubernetes object (a list)']);
    expect(() => readManifests([])).toThrow(/no input/);
  });
});

test('env values from a ConfigMap of the same manifests are resolved', () => {
  const { ranges } = checkManifestObjects([
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ovn-config', namespace: 'ovn' }, data: { v4_join_subnet: '100.64.0.0/16' } },
    { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'n', namespace: 'ovn' }, spec: { template: { spec: { containers: [{ name: 'c', env: [
      { name: 'OVN_V4_JOIN_SUBNET', valueFrom: { configMapKeyRef: { name: 'ovn-config', key: 'v4_join_subnet' } } },
      { name: 'OVN_V4_MASQUERADE_SUBNET', valueFrom: { configMapKeyRef: { name: 'elsewhere', key: 'x' } } },
    ] }] } } } },
  ]);
  expect(ranges.map((r) => `${r.name}=${r.cidr}`)).toEqual(['env OVN_V4_JOIN_SUBNET=100.64.0.0/16']);
});

test('ManifestChecker gives the same verdicts as the functions', () => {
  const { ManifestChecker } = require('../../src');
  expect(ManifestChecker.checkFiles([path.join(fixtures, 'overlap')])).toEqual(checkManifestFiles([path.join(fixtures, 'overlap')]));
  expect(ManifestChecker.checkObjects([{ kind: 'ConfigMap', metadata: { name: 'ovn-config' }, data: { net_cidr: '10.0.0.0/8', svc_cidr: '10.96.0.0/16' } }]).problems.map((p: any) => p.message))
    .toEqual([expect.stringMatching(/overlap: decoy pod "ovn-config net_cidr" 10\.0\.0\.0\/8\/24 .* overlaps service "ovn-config svc_cidr" 10\.96\.0\.0\/16/)]);
});

test('readManifestInputs reads what it can and names every unreadable input', () => {
  const { readManifestInputs } = require('../../src/check/manifest-reader');
  const r = readManifestInputs([path.join(fixtures, 'clean'), path.join(fixtures, 'nope'), path.join(fixtures, 'broken')], () => Buffer.from('apiVersion: v1\nkind: ConfigMap\n'));
  expect(r.documents.map((d: any) => d.source.replace(fixtures, ''))).toEqual([
    '/clean/cilium-config.yaml#1', '/clean/nads.json#1.items[0]', '/clean/nads.json#1.items[1]', '/clean/ovn.yaml#1', '/clean/ovn.yaml#2',
  ]);
  expect(r.errors).toEqual([
    expect.stringMatching(/^cannot read ".*nope": no such file or directory$/),
    expect.stringMatching(/^cannot parse ".*bad\.yaml" document 1/),
  ]);
  expect(r.documents[1]).toMatchObject({ line: 5 }); // the first item's "{" in nads.json
});

describe('yaml-type: what kubectl would read as another type', () => {
  const check = (text: string) => checkManifestDocuments(parseManifestText(text, 'm.yaml'));

  test('a plain name, namespace, ConfigMap data key or value that kubectl reads as a bool, number or null', () => {
    const text = [
      'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: no', '  namespace: 0o7', 'data:',
      '  enabled: yes', '  count: 1_000', '  ratio: .5', '  nothing: ~', '  on: x', '  quoted: "yes"', '  text: plain words', '',
    ].join('\n');
    const problems = check(text).problems;
    expect(problems.map((p) => [p.kind, p.line])).toEqual([
      ['yaml-type', 4], ['yaml-type', 5], ['yaml-type', 7], ['yaml-type', 8], ['yaml-type', 9], ['yaml-type', 10], ['yaml-type', 11],
    ]);
    expect(problems.every((p) => p.file === 'm.yaml' && p.ranges.length === 0)).toBe(true);
    expect(problems[0].message).toBe('yaml type: ConfigMap 0o7/no metadata.name: the value no is written plain, which kubectl (YAML 1.1) reads as a boolean, not a string; quote it');
    expect(problems[1].message).toMatch(/metadata\.namespace: the value 0o7 is written plain, which kubectl \(YAML 1\.1\) reads as a number/);
    expect(problems[2].message).toMatch(/ data\.enabled: the value yes .* as a boolean/);
    expect(problems[3].message).toMatch(/ data\.count: the value 1_000 .* as a number/);
    expect(problems[5].message).toMatch(/ data\.nothing: the value ~ .* as null/);
    expect(problems[6].message).toMatch(/ data key on: the key on .* as a boolean/);
  });

  test('quoted scalars, other kinds\' data, and objects not read from YAML text are not reported', () => {
    expect(check('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: "no", namespace: \'on\' }\ndata: { a: "1e3", "y": "~" }\n').problems).toEqual([]);
    expect(check('apiVersion: v1\nkind: Secret\nmetadata: { name: a }\nstringData: { a: yes }\n').problems).toEqual([]);
    expect(checkManifestObjects([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'no' }, data: { a: 'yes' } }]).problems).toEqual([]);
  });

  test('items of a List are checked at their own lines', () => {
    const problems = check('apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: { name: a }\n    data:\n      b: off\n').problems;
    expect(problems.map((p) => [p.line, p.message])).toEqual([[8, 'yaml type: ConfigMap a data.b: the value off is written plain, which kubectl (YAML 1.1) reads as a boolean, not a string; quote it']]);
  });
});
