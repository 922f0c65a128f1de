import { App, Chart, Yaml } from 'cdk8s';
import {
  ChartAddressPlan, CiliumPrimary, DeceptiveNetworkConfig, DecoyNetwork, DemoPods, MultiNetworkPolicy, Multus, NetworkCrds, OvnNetwork, OvnSecondary,
} from '../../src';

// Issue 22 item 3: what the constructs decide (the node count, the automatic decoy, the App-wide checks and
// warnings) does not depend on the order they are created in. Only the order the free constructs are
// created in changes; props name what each one needs (OvnSecondary its config, DemoPods its network).
type Step = 'crds' | 'cilium' | 'multus' | 'config' | 'network' | 'demo' | 'policy';

function build(order: Step[]): { objects: string[]; problems: string[]; warnings: string[] } {
  const app = new App();
  const chart = new Chart(app, 'c', { disableResourceNameHashes: true });
  let config: DeceptiveNetworkConfig | undefined;
  let network: OvnNetwork | undefined;
  const make: Record<Step, () => void> = {
    crds: () => new NetworkCrds(chart, 'crds'),
    cilium: () => new CiliumPrimary(chart, 'cilium', { podCidrs: ['10.244.0.0/16'] }),
    multus: () => new Multus(chart, 'multus'),
    config: () => {
      config = new DeceptiveNetworkConfig(chart, 'addressing', { primaryPodCidrs: ['10.244.0.0/16'], nodeCount: 2, decoy: DecoyNetwork.automatic() });
      new OvnSecondary(chart, 'ovn', { network: config, apiServer: 'https://172.18.0.2:6443' });
    },
    network: () => { network = new OvnNetwork(chart, 'net', { name: 'blue', namespace: 'demo', subnets: ['10.253.0.0/16'] }); },
    demo: () => new DemoPods(chart, 'demo', { network: network! }),
    policy: () => new MultiNetworkPolicy(chart, 'policy', { network: network!, name: 'deny', ingress: [] }),
  };
  for (const step of order) {
    make[step]();
  }
  const problems = ChartAddressPlan.problemsOf(app);
  const objects = chart.toJson().map((o) => Yaml.stringify(o)).sort();
  return { objects, problems, warnings: [...ChartAddressPlan.warningsOf(app)].sort() };
}

const ORDERS: Step[][] = [
  ['crds', 'cilium', 'multus', 'config', 'network', 'demo', 'policy'],
  ['network', 'demo', 'policy', 'multus', 'cilium', 'crds', 'config'],
  ['multus', 'network', 'cilium', 'policy', 'crds', 'demo', 'config'],
  ['cilium', 'network', 'demo', 'config', 'policy', 'multus', 'crds'],
];
// Not yet independent (issue 22 stays open for it): the primary pod range that CiliumPrimary and the config
// both register is recorded in the address-plan ConfigMap under the first registrant's name and owner order,
// so CiliumPrimary comes before the config in every order above.

describe('the same App built in several orders', () => {
  const results = ORDERS.map(build);

  test('synthesizes to the same objects, byte for byte, with the same problems and warnings', () => {
    expect(results[0].problems).toEqual([]);
    for (const r of results.slice(1)) {
      expect(r.problems).toEqual(results[0].problems);
      expect(r.warnings).toEqual(results[0].warnings);
      expect(r.objects).toEqual(results[0].objects);
    }
  });

  test('the facts that moved with the order before: the node count reaches the demo pods, the decoy sees every network', () => {
    const all = results[1].objects.join('\n');
    // nodeCount 2 (the config is created last in this order): a cluster without the seed's two workers gets
    // the default pods unpinned; read at construction, the default 3 nodes pinned them
    expect(all).toContain('name: tinypod2');
    expect(all).not.toContain('kubernetes.io/hostname: ovn-worker');
    // the automatic decoy avoids the network created before the config
    expect(all).toMatch(/net_cidr: 10\.\d+\.0\.0\/16\/24/);
    expect(all).not.toContain('net_cidr: 10.253.0.0');
  });
});
