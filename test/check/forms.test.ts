import * as path from 'path';
import { CheckedRange, ManifestCheckResult, checkManifestDocuments, checkManifestFiles, checkManifestObjects, parseManifestText } from '../../src';

// Each fixture in fixtures/forms/ is written from the upstream project's own documented example
// (named in the file's comment); the expectations are worked out from the upstream semantics by hand.
const forms = path.join(__dirname, 'fixtures', 'forms');
const check = (...files: string[]) => checkManifestFiles(files.map((f) => path.join(forms, f)));
const messages = (r: ManifestCheckResult) => r.problems.map((p) => p.message);
const row = (r: CheckedRange) => `${r.role}|${r.name}|${r.cidr}${r.hostPrefix === undefined ? '' : '/' + r.hostPrefix}|${r.intervals.map((i) => `${i.first}-${i.last}`).join(',')}`;

describe('whereabouts', () => {
  test('README example: start address inside the block, excludes remove whole blocks', () => {
    const r = check('whereabouts-readme.yaml');
    expect(messages(r)).toEqual([]);
    // usable .225-.238 of 192.168.2.224/28, minus 192.168.2.228/30 and .236
    expect(r.ranges.map(row)).toEqual(['secondary network|whereaboutsexample|192.168.2.224/28|192.168.2.225-192.168.2.227,192.168.2.232-192.168.2.235,192.168.2.237-192.168.2.238']);
    expect(r.ranges[0]).toMatchObject({ text: '192.168.2.225/28', field: 'spec.config ipam.range', line: 18 });
  });

  test('range_start/range_end halves of one /24 do not overlap; start-end/prefix is read', () => {
    const r = check('whereabouts-split.yaml');
    expect(messages(r)).toEqual([]);
    expect(r.ranges.map(row)).toEqual([
      'secondary network|lower|192.168.10.0/24|192.168.10.1-192.168.10.127',
      'secondary network|upper|192.168.10.0/24|192.168.10.128-192.168.10.254',
      'secondary network|short|192.168.2.224/28|192.168.2.225-192.168.2.230',
    ]);
  });

  test('ranges that really share addresses are reported with the shared intervals shown', () => {
    const nad = (name: string, ipam: object) => ({ apiVersion: 'k8s.cni.cncf.io/v1', kind: 'NetworkAttachmentDefinition', metadata: { name, namespace: 'd' },
      spec: { config: JSON.stringify({ cniVersion: '0.3.0', name, type: 'macvlan', ipam: { type: 'whereabouts', ...ipam } }) } });
    const r = checkManifestObjects([
      nad('a', { range: '192.168.10.0/24', range_end: '192.168.10.130' }),
      nad('b', { range: '192.168.10.0/24', range_start: '192.168.10.128' }),
      nad('c', { range: '192.168.20.0/24', exclude: ['192.168.20.0/25'] }),
      nad('d', { range: '192.168.20.0/25' }), // entirely inside c's exclude: no overlap
      nad('e', { range: '192.168.30.0/30', exclude: ['192.168.30.1'] }), // a bare address excludes itself: .2 is left
      nad('f', { range: '192.168.30.0/31', range_end: '192.168.30.1' }), // no usable address: malformed, not an overlap
    ]);
    expect(r.ranges.find((x) => x.name === 'e')!.intervals).toEqual([{ first: '192.168.30.2', last: '192.168.30.2' }]);
    expect(messages(r)).toEqual([
      expect.stringMatching(/^malformed: input#6 NetworkAttachmentDefinition d\/f f: range "192\.168\.30\.0\/31" has no usable addresses/),
      'overlap: secondary network "a" 192.168.10.1-192.168.10.130 (in 192.168.10.0/24) (owner: input#1 NetworkAttachmentDefinition d/a) overlaps secondary network "b" 192.168.10.128-192.168.10.254 (in 192.168.10.0/24) (owner: input#2 NetworkAttachmentDefinition d/b)',
    ]);
    expect(r.problems[1].ranges.map((x) => x.name)).toEqual(['a', 'b']);
  });

  test('an IPv6 text with a dotted-quad tail is read; an IPv4-mapped range is the IPv4 range it is to Go (IP.To4)', () => {
    const nad = (name: string, ipam: object) => ({ apiVersion: 'k8s.cni.cncf.io/v1', kind: 'NetworkAttachmentDefinition', metadata: { name, namespace: 'd' },
      spec: { config: JSON.stringify({ cniVersion: '0.3.0', name, type: 'macvlan', ipam: { type: 'whereabouts', ...ipam } }) } });
    const r = checkManifestObjects([
      nad('mapped', { range: '::ffff:192.168.10.0/120', range_start: '::ffff:192.168.10.100', exclude: ['::ffff:192.168.10.128/121'] }),
      nad('plain', { range: '192.168.10.0/24', range_end: '192.168.10.110' }),
      nad('nat64', { range: '64:ff9b::192.168.10.0/120' }), // an IPv6 range: no overlap with IPv4
      nad('zoned', { range: 'fd00::/120', range_start: 'fd00::10%eth0' }), // Go's net.ParseIP refuses a zone
    ]);
    expect(r.ranges.map(row)).toEqual([
      'secondary network|mapped|192.168.10.0/24|192.168.10.100-192.168.10.127',
      'secondary network|plain|192.168.10.0/24|192.168.10.1-192.168.10.110',
      'secondary network|nat64|64:ff9b::c0a8:a00/120|64:ff9b::c0a8:a01-64:ff9b::c0a8:afe',
    ]);
    expect(messages(r)).toEqual([
      'malformed: input#4 NetworkAttachmentDefinition d/zoned zoned: invalid address "fd00::10%eth0": a zone index ("%eth0") is not allowed',
      'overlap: secondary network "plain" 192.168.10.1-192.168.10.110 (in 192.168.10.0/24) (owner: input#2 NetworkAttachmentDefinition d/plain) overlaps secondary network "mapped" 192.168.10.100-192.168.10.127 (in 192.168.10.0/24) (owner: input#1 NetworkAttachmentDefinition d/mapped)',
    ]);
  });

  test('ipRanges: every entry, both families', () => {
    const r = check('whereabouts-ipranges.yaml');
    expect(messages(r)).toEqual([]);
    expect(r.ranges.map(row)).toEqual([
      'secondary network|whereaboutsexample|192.168.10.0/24|192.168.10.1-192.168.10.254',
      'secondary network|whereaboutsexample|abcd::/64|abcd::1-abcd::ffff:ffff:ffff:fffe',
    ]);
    expect(r.ranges.map((x) => x.line)).toEqual([16, 18]);
  });

  test('malformed ranges are problems naming the value', () => {
    const r = checkManifestObjects([{ apiVersion: 'k8s.cni.cncf.io/v1', kind: 'NetworkAttachmentDefinition', metadata: { name: 'n', namespace: 'd' },
      spec: { config: JSON.stringify({ name: 'n', type: 'macvlan', ipam: { type: 'whereabouts', ipRanges: [{ range: '10.0.0.0/33' }, { range: '10.1.0.9-10.2.0.1/24' }, { range: '10.3.0.0/31' }] } }) } }]);
    expect(messages(r)).toEqual([
      expect.stringMatching(/malformed: .* n: invalid cidr "10\.0\.0\.0\/33": prefix length "33"/),
      expect.stringMatching(/malformed: .* n: invalid range "10\.1\.0\.9-10\.2\.0\.1\/24": start 10\.1\.0\.9 is not inside 10\.2\.0\.0\/24/),
      expect.stringMatching(/malformed: .* n: range "10\.3\.0\.0\/31" has no usable addresses/),
    ]);
  });
});

describe('cluster configs', () => {
  test("kind ipFamily ipv6 and dual take kind's defaults", () => {
    expect(check('kind-ipv6.yaml').ranges.map(row)).toEqual([
      "primary pod|kind podSubnet (kind's ipv6 default)|fd00:10:244::/56|fd00:10:244::-fd00:10:244:ff:ffff:ffff:ffff:ffff",
      "service|kind serviceSubnet (kind's ipv6 default)|fd00:10:96::/112|fd00:10:96::-fd00:10:96::ffff",
    ]);
    expect(check('kind-dual.yaml').ranges.map((x) => `${x.role} ${x.cidr}`)).toEqual([
      'primary pod 10.244.0.0/16', 'primary pod fd00:10:244::/56', 'service 10.96.0.0/16', 'service fd00:10:96::/112',
    ]);
    expect(messages(check('kind-dual.yaml'))).toEqual([]);
  });

  test('kubeadm ClusterConfiguration, dual-stack, and the kubeadm-config ConfigMap of a live cluster', () => {
    const r = check('kubeadm.yaml');
    expect(r.ranges.map((x) => `${x.role} ${x.cidr} line ${x.line}`)).toEqual([
      'primary pod 10.244.0.0/16 line 5', 'primary pod 2001:db8:42::/56 line 5', 'service 10.96.0.0/16 line 6', 'service 2001:db8:42:1::/112 line 6',
    ]);
    const cm = check('kubeadm-config-configmap.yaml');
    expect(cm.ranges.map((x) => `${x.name}|${x.cidr}|${x.line}|${x.field}`)).toEqual([
      'kubeadm-config ClusterConfiguration podSubnet|10.244.0.0/16|17|data.ClusterConfiguration networking.podSubnet',
      'kubeadm-config ClusterConfiguration serviceSubnet|10.96.0.0/16|18|data.ClusterConfiguration networking.serviceSubnet',
    ]);
  });

  test("kubeadm's default service subnet applies when none is written, and overlaps are caught", () => {
    const r = checkManifestObjects([{ apiVersion: 'kubeadm.k8s.io/v1beta4', kind: 'ClusterConfiguration', networking: { podSubnet: '10.100.0.0/16' } }]);
    expect(messages(r)).toEqual([expect.stringMatching(/^overlap: service "kubeadm ClusterConfiguration serviceSubnet \(kubeadm's default\)" 10\.96\.0\.0\/12 .* overlaps primary pod "kubeadm ClusterConfiguration podSubnet" 10\.100\.0\.0\/16/)]);
  });
});

describe('Cilium', () => {
  test('legacy native-routing-cidr must contain the pod range', () => {
    const r = check('cilium-legacy.yaml');
    expect(r.ranges.map((x) => `${x.role}|${x.name}|${x.cidr}`)).toContain('native routing|cilium-config native-routing-cidr|10.0.0.0/9');
    expect(messages(r)).toEqual([expect.stringMatching(/^native routing: cilium-config native-routing-cidr 10\.0\.0\.0\/9 .* does not contain primary pod range cilium-config cluster-pool-ipv4-cidr 10\.0\.0\.0\/8/)]);
    expect(r.problems[0]).toMatchObject({ kind: 'native-routing', line: 12 });
  });

  test('CiliumPodIPPool and CiliumLoadBalancerIPPool from the Cilium docs', () => {
    const r = check('cilium-pools.yaml');
    expect(messages(r)).toEqual([]);
    expect(r.ranges.map(row)).toEqual([
      'primary pod|CiliumPodIPPool green-pool|10.20.0.0/16/24|10.20.0.0-10.20.255.255',
      'primary pod|CiliumPodIPPool green-pool|10.30.0.0/16/24|10.30.0.0-10.30.255.255',
      'primary pod|CiliumPodIPPool green-pool|fd00::/104/120|fd00::-fd00::ff:ffff',
      'load balancer|CiliumLoadBalancerIPPool blue-pool|10.0.10.0/24|10.0.10.0-10.0.10.255',
      'load balancer|CiliumLoadBalancerIPPool blue-pool|2004::/64|2004::-2004::ffff:ffff:ffff:ffff',
      'load balancer|CiliumLoadBalancerIPPool blue-pool|20.0.20.0/24|20.0.20.100-20.0.20.200',
      'load balancer|CiliumLoadBalancerIPPool blue-pool|1.2.3.4/32|1.2.3.4-1.2.3.4',
    ]);
  });

  test('an LB pool over pods, services or a node address is reported', () => {
    const lb = { apiVersion: 'cilium.io/v2alpha1', kind: 'CiliumLoadBalancerIPPool', metadata: { name: 'lb' }, spec: { blocks: [{ cidr: '10.244.5.0/24' }, { start: '10.96.0.10', stop: '10.96.0.20' }, { start: '172.18.0.2', stop: '172.18.0.9' }] } };
    const kind = { apiVersion: 'kind.x-k8s.io/v1alpha4', kind: 'Cluster' };
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'w' }, spec: { podCIDRs: ['10.244.1.0/24'] }, status: { addresses: [{ type: 'InternalIP', address: '172.18.0.3' }] } };
    const text = messages(checkManifestObjects([lb, kind, node])).join('\n');
    expect(text).toMatch(/primary pod "kind podSubnet \(kind's ipv4 default\)" 10\.244\.0\.0\/16 .* overlaps load balancer "CiliumLoadBalancerIPPool lb" 10\.244\.5\.0\/24/);
    expect(text).toMatch(/service "kind serviceSubnet .* 10\.96\.0\.0\/16 .* overlaps load balancer "CiliumLoadBalancerIPPool lb" 10\.96\.0\.10-10\.96\.0\.20 \(in 10\.96\.0\.0\/27\)/);
    expect(text).toMatch(/load balancer "CiliumLoadBalancerIPPool lb" 172\.18\.0\.2-172\.18\.0\.9 .* overlaps node network "node w InternalIP" 172\.18\.0\.3\/32/);
    expect(text.split('\n')).toHaveLength(3);
  });
});

describe('OVN-Kubernetes user-defined networks', () => {
  test('UDN layer3 and CUDN layer2 subnets', () => {
    const r = check('udn.yaml');
    expect(messages(r)).toEqual([]);
    expect(r.ranges.map(row)).toEqual([
      'secondary network|blue/udn-1|10.20.0.0/16/24|10.20.0.0-10.20.255.255',
      'secondary network|tenant-l2|10.100.0.0/16|10.100.0.0-10.100.255.255',
    ]);
    expect(r.ranges.map((x) => x.line)).toEqual([13, 29]);
  });

  test('a UDN on top of the Cilium pool from the docs is an overlap', () => {
    const r = check('udn.yaml', 'cilium-pools.yaml');
    expect(messages(r)).toEqual([expect.stringMatching(/^overlap: secondary network "blue\/udn-1" 10\.20\.0\.0\/16\/24 .* overlaps primary pod "CiliumPodIPPool green-pool" 10\.20\.0\.0\/16\/24/)]);
    // both /16: reported at the one read later, cilium-pools.yaml after udn.yaml
    expect(r.problems[0]).toMatchObject({ file: path.join(forms, 'cilium-pools.yaml'), line: 9 });
  });
});

describe('Nodes', () => {
  test('node pod ranges inside the pod range and disjoint are clean', () => {
    const r = check('nodes.yaml', 'kind-dual.yaml');
    expect(messages(r)).toEqual([]);
    expect(r.ranges.filter((x) => x.role === 'node pod range').map((x) => `${x.name} ${x.cidr}`)).toEqual(['node ovn-control-plane podCIDRs 10.244.0.0/24', 'node ovn-worker podCIDRs 10.244.1.0/24']);
  });

  test('a node range outside the pod range, and two nodes sharing one, are reported', () => {
    const node = (name: string, cidr: string) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: { podCIDRs: [cidr] } });
    const r = checkManifestObjects([{ apiVersion: 'kind.x-k8s.io/v1alpha4', kind: 'Cluster' }, node('a', '10.244.1.0/24'), node('b', '10.244.1.0/24'), node('c', '10.250.0.0/24')]);
    expect(messages(r)).toEqual([
      expect.stringMatching(/^overlap: node pod range "node a podCIDRs" 10\.244\.1\.0\/24 .* overlaps node pod range "node b podCIDRs" 10\.244\.1\.0\/24/),
      expect.stringMatching(/^node pod range: node pod range "node c podCIDRs" 10\.250\.0\.0\/24 .* is not inside any primary pod range \(10\.244\.0\.0\/16 from kind podSubnet/),
    ]);
  });

  test('the node count checks the per-node splits', () => {
    const nodes = Array.from({ length: 5 }, (_, i) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: `n${i}` } }));
    const r = checkManifestObjects([...nodes, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ovn-config' }, data: { net_cidr: '10.254.0.0/22/24' } }]);
    expect(messages(r)).toEqual([expect.stringMatching(/^node subnets: decoy pod "ovn-config net_cidr" 10\.254\.0\.0\/22\/24 .* splits into 4 node subnets of \/24, fewer than the 5 nodes read/)]);
  });
});

test('results are plain data: JSON round-trips them unchanged', () => {
  const r = check('whereabouts-readme.yaml', 'cilium-pools.yaml', 'udn.yaml', 'nodes.yaml', 'kind-dual.yaml');
  expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  expect(r.problems.length).toBeGreaterThan(0);
});

test('MetalLB IPAddressPool (MetalLB docs: a CIDR and a first-last range) is a load-balancer range', () => {
  const pool = { apiVersion: 'metallb.io/v1beta1', kind: 'IPAddressPool', metadata: { name: 'first-pool', namespace: 'metallb-system' },
    spec: { addresses: ['192.168.10.0/24', '192.168.9.1-192.168.9.5', 'fc00:f853:0ccd:e799::/124'] } };
  const r = checkManifestObjects([pool, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.9.3' }] } }]);
  expect(r.ranges.filter((x) => x.role === 'load balancer').map(row)).toEqual([
    'load balancer|IPAddressPool metallb-system/first-pool|192.168.10.0/24|192.168.10.0-192.168.10.255',
    'load balancer|IPAddressPool metallb-system/first-pool|192.168.9.0/29|192.168.9.1-192.168.9.5',
    'load balancer|IPAddressPool metallb-system/first-pool|fc00:f853:ccd:e799::/124|fc00:f853:ccd:e799::-fc00:f853:ccd:e799::f',
  ]);
  expect(messages(r)).toEqual([expect.stringMatching(/^overlap: load balancer "IPAddressPool metallb-system\/first-pool" 192\.168\.9\.1-192\.168\.9\.5 .* overlaps node network "node n InternalIP" 192\.168\.9\.3\/32/)]);
});

test('YAML merge keys are applied, as Kubernetes does', () => {
  const text = [
    'apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: ovn-config, namespace: ovn }',
    'data:', '  <<: &defaults { net_cidr: 10.254.0.0/16/24 }', '  svc_cidr: 10.96.0.0/16', '',
  ].join('\n');
  const r = checkManifestDocuments(parseManifestText(text, 'merge.yaml'));
  expect(r.ranges.map((x) => `${x.name} ${x.cidr} line ${x.line}`)).toEqual(['ovn-config net_cidr 10.254.0.0/16 line 5', 'ovn-config svc_cidr 10.96.0.0/16 line 6']);
});

test('whereabouts ignores range_start/range_end outside the usable addresses, as its GetIPRange does', () => {
  const r = checkManifestObjects([{ apiVersion: 'k8s.cni.cncf.io/v1', kind: 'NetworkAttachmentDefinition', metadata: { name: 'n', namespace: 'd' },
    spec: { config: JSON.stringify({ name: 'n', type: 'macvlan', ipam: { type: 'whereabouts', range: '10.0.0.0/24', range_start: '10.0.1.5', range_end: '10.0.0.255' } }) } }]);
  expect(messages(r)).toEqual([]);
  expect(r.ranges.map(row)).toEqual(['secondary network|n|10.0.0.0/24|10.0.0.1-10.0.0.254']);
});
