import { ApiObject, Testing } from 'cdk8s';
import { IConstruct } from 'constructs';
import { MultiCniChart, MultiCniChartProps, MultusMode, OvnDeploymentMode, OvnTopology } from '../../src';

const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/;
const RBAC_KINDS = ['ServiceAccount', 'ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'];

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
    const components = [chart.multus, chart.ovn, chart.networkCrds, ...(chart.demo ? [chart.demo] : []), ...chart.networks];
    const bad = components.flatMap(below).filter((c) => !PASCAL_CASE.test(c.id)).map((c) => c.path);
    expect(bad).toEqual([]);
  });

  // The rest of Cilium is converted on its own.
  test("Cilium's RBAC objects have PascalCase ids", () => {
    const rbac = below(chart.cilium).filter((c) => ApiObject.isApiObject(c.construct) && RBAC_KINDS.includes((c.construct as ApiObject).kind));
    expect(rbac.length).toBeGreaterThanOrEqual(10);
    expect(rbac.filter((c) => !PASCAL_CASE.test(c.id)).map((c) => c.path)).toEqual([]);
  });

  test('no construct id is the name of the object it holds', () => {
    // The rest of Cilium is converted on its own.
    const objects = (chart.node.findAll().filter(ApiObject.isApiObject) as ApiObject[])
      .filter((o) => !o.node.path.startsWith(`${chart.cilium.node.path}/`) || RBAC_KINDS.includes(o.kind));
    expect(objects.length).toBeGreaterThan(40);
    expect(objects.filter((o) => o.node.id === o.name).map((o) => o.node.path)).toEqual([]);
  });
});
