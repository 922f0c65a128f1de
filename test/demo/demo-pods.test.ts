import { Testing } from 'cdk8s';
import { DemoPods, DemoPodsProps, OvnNetwork } from '../../src';
import { validateManifests } from '../util/k8s-schema';

function render(props: Partial<DemoPodsProps> = {}, networkNamespace = 'default') {
  const chart = Testing.chart();
  const network = new OvnNetwork(chart, 'net', { name: 'ovn-stream-veth', namespace: networkNamespace, subnets: ['10.245.0.0/16/24'] });
  new DemoPods(chart, 'demo', { network, ...props });
  return (Testing.synth(chart) as any[]).filter((o) => o.kind === 'Pod');
}

describe('DemoPods', () => {
  test('the seed\'s demo: tinypod and tinypod2 pinned to the two workers, attached by the bare NAD name', () => {
    const pods = render();
    expect(pods).toMatchSnapshot();
    expect(pods.map((p) => [p.metadata.name, p.metadata.namespace, p.spec.nodeSelector])).toEqual([
      ['tinypod', 'default', { 'kubernetes.io/hostname': 'ovn-worker' }],
      ['tinypod2', 'default', { 'kubernetes.io/hostname': 'ovn-worker2' }],
    ]);
    for (const pod of pods) {
      expect(pod.metadata.annotations).toEqual({ 'k8s.v1.cni.cncf.io/networks': 'ovn-stream-veth' });
      expect(pod.spec.containers).toEqual([{ name: 'agnhost', image: 'registry.k8s.io/e2e-test-images/agnhost:2.36', args: ['pause'] }]);
    }
    expect(validateManifests(pods)).toEqual([]);
  });

  test('every prop reaches the pods; another namespace references the network as <namespace>/<name>', () => {
    const props: Omit<Required<DemoPodsProps>, 'network'> = {
      pods: [{ name: 'a' }, { name: 'b', nodeName: 'node-7' }],
      namespace: 'demo',
      image: 'registry.example.com/agnhost:2.52',
      nodeCount: 3,
    };
    const pods = render(props, 'tenant-a');
    expect(pods.map((p) => [p.metadata.name, p.metadata.namespace, p.spec.nodeSelector])).toEqual([
      ['a', 'demo', undefined],
      ['b', 'demo', { 'kubernetes.io/hostname': 'node-7' }],
    ]);
    for (const pod of pods) {
      expect(pod.metadata.annotations['k8s.v1.cni.cncf.io/networks']).toBe('tenant-a/ovn-stream-veth');
      expect(pod.spec.containers[0].image).toBe('registry.example.com/agnhost:2.52');
    }
  });

  test('the pods default to the network\'s namespace', () => {
    const pods = render({}, 'tenant-b');
    expect(pods.map((p) => [p.metadata.namespace, p.metadata.annotations['k8s.v1.cni.cncf.io/networks']]))
      .toEqual([['tenant-b', 'ovn-stream-veth'], ['tenant-b', 'ovn-stream-veth']]);
  });

  test.each([
    [[{ name: 'x' }, { name: 'x' }], /^pods\[1\]\.name: invalid value "x": expected a name no other pod has: pods\[0\] is named so already$/],
    [[{ name: 'a' }, { name: 'Tiny_Pod' }], /^pods\[1\]\.name: invalid value "Tiny_Pod": expected a pod name: a lowercase DNS label/],
    [[{ name: 'p'.repeat(64) }], /^pods\[0\]\.name: invalid value "p{64}": expected a pod name: a lowercase DNS label .* at most 63 characters$/],
  ])('rejects %j', (pods, message) => {
    expect(() => render({ pods })).toThrow(message);
  });

  test('rejects a namespace that is not a DNS label', () => {
    expect(() => render({ namespace: 'Demo' })).toThrow(/^namespace: invalid value "Demo": expected a namespace name: a lowercase DNS label/);
  });
});

test('DemoPods rejects an image that is not an image reference', () => {
  const chart = Testing.chart();
  const network = new OvnNetwork(chart, 'net', { name: 'n', subnets: ['10.245.0.0/16/24'] });
  expect(() => new DemoPods(chart, 'demo', { network, image: 'Agnhost 2.36' }))
    .toThrow(/^image: invalid value "Agnhost 2\.36": expected an image reference such as "registry\.k8s\.io\/e2e-test-images\/agnhost:2\.36"$/);
});
