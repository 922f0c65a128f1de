import { ApiObject, Testing } from 'cdk8s';
import { IConstruct } from 'constructs';
import { MultiCniChart, MultiCniChartProps, MultusMode, OvnDeploymentMode, OvnTopology } from '../../src';

const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/;

/** Every construct below a component, with its id path relative to the component. */
function below(component: IConstruct): Array<{ path: string; id: string; construct: IConstruct }> {
  return component.node.findAll().filter((c) => c !== component).map((c) => ({
    path: c.node.path.slice(component.node.path.length + 1),
    id: c.node.id,
    construct: c,
  }));
}

/** Both modes and every optional object: thick Multus, EgressQoS, custom namespaces, three topologies. */
const VARIANTS: Array<[string, Partial<MultiCniChartProps>]> = [
  ['the seed defaults', {}],
  ['interconnect, thick Multus in its own namespace, demo in another', {
    ovn: { mode: OvnDeploymentMode.INTERCONNECT },
    multus: { mode: MultusMode.THICK, namespace: 'multus-system' },
    networks: [
      { name: 'l2', namespace: 'tenant', topology: OvnTopology.LAYER2, subnets: ['10.100.0.0/16'] },
      { name: 'ln', namespace: 'tenant', topology: OvnTopology.LOCALNET, vlanId: 7 },
    ],
  }],
  ['EgressQoS without the secondary-CNI option', { addressing: { secondaryCni: false }, ovn: { egressQos: true } }],
];

describe.each(VARIANTS)('construct ids, %s', (_name, props) => {
  const chart = new MultiCniChart(Testing.app(), 'chart', { apiServer: 'https://172.18.0.2:6443', ...props } as MultiCniChartProps);

  test('below the components the ids are PascalCase and name roles (the network ids come from the user)', () => {
    const components = [chart.cilium, chart.multus, chart.ovn, chart.networkCrds, ...(chart.demo ? [chart.demo] : []), ...chart.networks];
    const bad = components.flatMap(below).filter((c) => !PASCAL_CASE.test(c.id)).map((c) => c.path);
    expect(bad).toEqual([]);
  });

  test('no construct id is the name of the object it holds', () => {
    const objects = chart.node.findAll().filter(ApiObject.isApiObject) as ApiObject[];
    expect(objects.length).toBeGreaterThan(50);
    expect(objects.filter((o) => o.node.id === o.name).map((o) => o.node.path)).toEqual([]);
  });
});
