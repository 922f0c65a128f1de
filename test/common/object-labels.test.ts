import { App, Chart } from 'cdk8s';
import { CiliumPrimary, DemoPods, Multus, MultusMode, NetworkCrds, OvnNetwork } from '../../src';
import { synthesize } from '../../src/app/synthesize';
import { valuesToProps } from '../../src/app/values';
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE, PRIVILEGED_POD_SECURITY } from '../../src/common/object-labels';

const VARIANTS: Array<[string, unknown]> = [
  ['the seed defaults', {}],
  ['interconnect, thick Multus in its own namespace, networks and demo in another', {
    ovn: { mode: 'interconnect' }, multus: { mode: 'thick', namespace: 'multus' },
    networks: [{ name: 'n1', namespace: 'apps', subnets: ['10.245.0.0/16/24'] }], demo: { pods: [{ name: 'p', nodeName: 'ovn-worker' }] },
  }],
];

describe.each(VARIANTS)('object labels, %s', (_name, values) => {
  const objects = synthesize(valuesToProps(values)).files.flatMap((f) => f.objects);

  test(`every object carries ${MANAGED_BY_LABEL}: ${MANAGED_BY_VALUE} (prune and select by it)`, () => {
    expect(objects.length).toBeGreaterThan(50);
    expect(objects.filter((o) => o.metadata?.labels?.[MANAGED_BY_LABEL] !== MANAGED_BY_VALUE).map((o) => `${o.kind}/${o.metadata?.name}`)).toEqual([]);
    // Cilium's own part-of label is left as the chart sets it
    expect(objects.find((o) => o.kind === 'DaemonSet' && o.metadata.name === 'cilium').metadata.labels['app.kubernetes.io/part-of']).toBe('cilium');
  });

  test('the namespaces our privileged pods run in admit them (Pod Security: privileged); the others get no level', () => {
    const namespaces = objects.filter((o) => o.kind === 'Namespace');
    const podNamespaces = new Set(objects.filter((o) => ['DaemonSet', 'Deployment'].includes(o.kind) && o.metadata.name !== 'cilium-operator')
      .map((o) => o.metadata.namespace));
    for (const ns of namespaces) {
      const levels = Object.fromEntries(Object.entries(ns.metadata.labels ?? {}).filter(([k]) => k.startsWith('pod-security.kubernetes.io/')));
      expect([ns.metadata.name, levels]).toEqual([ns.metadata.name, podNamespaces.has(ns.metadata.name) ? PRIVILEGED_POD_SECURITY : {}]);
    }
    expect(namespaces.map((n) => n.metadata.name)).toContain('ovn-kubernetes');
  });
});

test('components used on their own label their objects too', () => {
  const app = new App();
  const chart = new Chart(app, 'c');
  new CiliumPrimary(chart, 'cilium');
  new Multus(chart, 'multus', { mode: MultusMode.THICK, namespace: 'multus' });
  new NetworkCrds(chart, 'crds');
  const net = new OvnNetwork(chart, 'n', { name: 'n', subnets: ['10.245.0.0/16/24'] });
  new DemoPods(chart, 'demo', { network: net, pods: [{ name: 'p' }] });
  const objects = chart.toJson();
  expect(objects.filter((o) => o.metadata?.labels?.[MANAGED_BY_LABEL] !== MANAGED_BY_VALUE).map((o) => `${o.kind}/${o.metadata?.name}`)).toEqual([]);
});
