import { App, Chart, Testing } from 'cdk8s';
import {
  CiliumPrimary, DeceptiveNetworkConfig, DecoyNetwork, DemoPods, IpamMode, MultiCniChart, Multus, NetworkCrds, NetworkRole,
  OvnNetwork, OvnSecondary, OvnTopology, RoutingMode, TunnelProtocol,
} from '../../src';
import { ChartAddressPlan } from '../../src/plan';

const API = 'https://10.0.0.1:6443';
const synth = (chart: Chart) => () => Testing.synth(chart);

describe('one plan per App (one cluster)', () => {
  test('components split across two charts of one App are checked against each other', () => {
    const app = Testing.app();
    const a = new Chart(app, 'a');
    const b = new Chart(app, 'b');
    new DeceptiveNetworkConfig(a, 'addressing');
    new OvnNetwork(b, 'n', { name: 'n', subnets: ['10.244.8.0/21/24'] });
    expect(synth(b)).toThrow(/overlap: primary pod "primary pod range" 10\.244\.0\.0\/16 \(owner: a\/addressing\) overlaps secondary network "n" 10\.244\.8\.0\/21\/24 \(owner: b\/n\)/);
  });

  test('two NetworkCrds, two DeceptiveNetworkConfig, a duplicate OvnNetwork in one App are refused', () => {
    const app = Testing.app();
    const a = new Chart(app, 'a');
    const b = new Chart(app, 'b');
    new NetworkCrds(a, 'crds');
    new NetworkCrds(b, 'crds');
    expect(synth(a)).toThrow(/plan: 2 NetworkCrds in one App \(a\/crds, b\/crds\)/);
    const c = Testing.chart();
    new DeceptiveNetworkConfig(c, 'one');
    new DeceptiveNetworkConfig(c, 'two', { primaryPodCidrs: ['10.50.0.0/16'], serviceCidrs: ['10.51.0.0/16'], nodeNetworks: ['10.52.0.0/16'], decoy: DecoyNetwork.fixed('10.53.0.0/16/24'), joinSubnets: ['100.65.0.0/16'], transitSubnets: ['100.89.0.0/16'], masqueradeSubnets: ['169.254.128.0/17'] });
    expect(synth(c)).toThrow(/plan: 2 DeceptiveNetworkConfig in one App \(test\/one, test\/two\)/);
    const d = Testing.chart();
    new OvnNetwork(d, 'x', { name: 'n', subnets: ['10.245.0.0/16/24'] });
    new OvnNetwork(d, 'y', { name: 'n', subnets: ['10.245.0.0/16/24'] });
    expect(synth(d)).toThrow(/network default\/n: defined twice \(test\/x, test\/y\)/);
  });

  test('NADs sharing an OVN networkName must carry the same config; identical ones are fine', () => {
    const c = Testing.chart();
    new OvnNetwork(c, 'a', { name: 'a', namespace: 'ns1', networkName: 'shared', subnets: ['10.245.0.0/16/24'] });
    new OvnNetwork(c, 'b', { name: 'b', namespace: 'ns2', networkName: 'shared', subnets: ['10.246.0.0/16/24'] });
    expect(synth(c)).toThrow(/network ns2\/b: networkName "shared" is also used by ns1\/a with a different config .*OVN-Kubernetes refuses a NAD whose config does not match/);
    const d = Testing.chart();
    new OvnNetwork(d, 'a', { name: 'a', namespace: 'ns1', networkName: 'shared', topology: OvnTopology.LAYER2, subnets: ['10.245.0.0/24'] });
    new OvnNetwork(d, 'b', { name: 'b', namespace: 'ns2', networkName: 'shared', topology: OvnTopology.LAYER2, subnets: ['10.245.0.0/24'] });
    expect(synth(d)).not.toThrow();
    const e = Testing.chart();
    new OvnNetwork(e, 'a', { name: 'a', networkName: 'shared', topology: OvnTopology.LAYER2 });
    new OvnNetwork(e, 'b', { name: 'b', networkName: 'shared', topology: OvnTopology.LOCALNET });
    expect(synth(e)).toThrow(/networkName "shared" is also used by default\/a with a different config/);
  });

  test('one primary network per namespace', () => {
    const c = Testing.chart();
    new OvnNetwork(c, 'a', { name: 'a', namespace: 't', role: NetworkRole.PRIMARY, topology: OvnTopology.LAYER2, subnets: ['10.245.0.0/24'] });
    new OvnNetwork(c, 'b', { name: 'b', namespace: 't', role: NetworkRole.PRIMARY, topology: OvnTopology.LAYER2, subnets: ['10.246.0.0/24'] });
    expect(synth(c)).toThrow(/network t\/b: namespace t already has the primary network t\/a/);
  });

  test('Cilium\'s pod range and DeceptiveNetworkConfig\'s are one checked fact in a user\'s chart', () => {
    const c = Testing.chart();
    new DeceptiveNetworkConfig(c, 'addressing', { primaryPodCidrs: ['10.42.0.0/16'] });
    new CiliumPrimary(c, 'cilium', { ipam: IpamMode.clusterPool({ podCidrs: ['10.43.0.0/16'] }) });
    expect(synth(c)).toThrow(/plan: primary pod ranges differ: CiliumPrimary test\/cilium allocates pod addresses from \[10\.43\.0\.0\/16\] but DeceptiveNetworkConfig test\/addressing has primaryPodCidrs \[10\.42\.0\.0\/16\]/);
    const d = Testing.chart();
    new DeceptiveNetworkConfig(d, 'addressing', { primaryPodCidrs: ['10.42.0.0/16'] });
    new CiliumPrimary(d, 'cilium', { podCidrs: ['10.42.0.0/16'] });
    expect(synth(d)).not.toThrow();
  });

  test('an OvnNetwork without nodeCount inherits the plan\'s', () => {
    const c = Testing.chart();
    new DeceptiveNetworkConfig(c, 'addressing', { nodeCount: 5 });
    new OvnNetwork(c, 'small', { name: 'small', subnets: ['10.245.0.0/24/26'] });
    expect(synth(c)).toThrow(/secondary network "small" 10\.245\.0\.0\/24\/26 .* splits into 4 node subnets of \/26, fewer than the 5 nodes/);
    // Created before the addressing, too.
    const d = Testing.chart();
    new OvnNetwork(d, 'small', { name: 'small', subnets: ['10.245.0.0/24/26'] });
    new DeceptiveNetworkConfig(d, 'addressing', { nodeCount: 5 });
    expect(synth(d)).toThrow(/fewer than the 5 nodes/);
  });

  test('an automatic decoy is chosen when every range is known, networks created after it included', () => {
    const c = Testing.chart();
    const addressing = new DeceptiveNetworkConfig(c, 'addressing', { primaryPodCidrs: ['10.0.0.0/16'], serviceCidrs: ['10.1.0.0/16'], decoy: DecoyNetwork.automatic() });
    new OvnNetwork(c, 'n', { name: 'n', subnets: ['10.2.0.0/16/24'] });
    expect(synth(c)).not.toThrow();
    expect(addressing.netCidr).toBe('10.3.0.0/16/24');
  });

  test('Cilium with cni-exclusive beside Multus is refused, in one chart or across charts', () => {
    const app = new App();
    new CiliumPrimary(new Chart(app, 'c'), 'cilium', { cniExclusive: true });
    const m = new Chart(app, 'm');
    new Multus(m, 'multus');
    expect(synth(m)).toThrow(/cilium: cniExclusive true \(c\/cilium\) beside Multus \(m\/multus\): the Cilium agent renames every other CNI config, Multus' 00-multus\.conf included, to \*\.cilium_bak/);
    expect(() => new MultiCniChart(new App(), 's', { apiServer: API, cilium: { cniExclusive: true } }).toJson()).toThrow(/cniExclusive true/);
  });

  test('standalone CiliumPrimary and OvnSecondary sharing a tunnel port are refused at synth, across charts too', () => {
    const app = new App();
    const c = new Chart(app, 'c');
    const o = new Chart(app, 'o');
    const cilium = new CiliumPrimary(c, 'cilium'); // VXLAN on its default 8472
    const network = new DeceptiveNetworkConfig(o, 'addressing');
    new OvnSecondary(o, 'ovn', { network, apiServer: API, encapPort: 8472 });
    expect(cilium.config.toJson().data['tunnel-port']).toBeUndefined(); // nothing rendered says 8472: the default is resolved, not read back
    expect(synth(o)).toThrow(/plan: udp port 8472 is both ovn encapPort \(set; o\/ovn\) and cilium tunnelPort \(the vxlan default; c\/cilium\): both tunnels bind their port in every node's host network namespace/);
    expect(synth(c)).toThrow(/plan: udp port 8472 is both/); // every chart of the App reports it
  });

  test('standalone tunnel ports that differ once resolved synthesize: geneve 6081 beside OVN on 7000, native routing beside any port', () => {
    const geneve = Testing.chart();
    new CiliumPrimary(geneve, 'cilium', { tunnelProtocol: TunnelProtocol.GENEVE });
    new OvnSecondary(geneve, 'ovn', { network: new DeceptiveNetworkConfig(geneve, 'addressing'), apiServer: API, encapPort: 7000 });
    expect(synth(geneve)).not.toThrow();
    const native = Testing.chart();
    new CiliumPrimary(native, 'cilium', { routingMode: RoutingMode.NATIVE, ipv4NativeRoutingCidr: '10.244.0.0/16', tunnelPort: 6081 });
    new OvnSecondary(native, 'ovn', { network: new DeceptiveNetworkConfig(native, 'addressing'), apiServer: API });
    expect(synth(native)).not.toThrow();
    const alone = Testing.chart(); // no OVN-Kubernetes in the App: nothing to collide with
    new CiliumPrimary(alone, 'cilium', { tunnelProtocol: TunnelProtocol.GENEVE });
    expect(synth(alone)).not.toThrow();
  });

  test('Multus pinned to OVN-Kubernetes\' own file is refused', () => {
    expect(() => new Multus(Testing.chart(), 'm', { defaultNetworkFile: '10-ovn-kubernetes.conf' })).toThrow(/^defaultNetworkFile: invalid value "10-ovn-kubernetes\.conf": expected the primary CNI's file, such as "05-cilium\.conflist", not OVN-Kubernetes' own: Multus would make OVN-Kubernetes every pod's primary network/);
  });

  test('a custom Multus or network namespace gets one Namespace object, ordered before its objects', () => {
    const chart = new MultiCniChart(new App(), 's', { apiServer: API, multus: { namespace: 'cni' }, networks: [{ name: 'a', namespace: 'cni', subnets: ['10.245.0.0/16/24'] }] });
    const objects = chart.toJson();
    const namespaces = objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name);
    expect(namespaces.sort()).toEqual(['cilium-secrets', 'cni', 'ovn-host-network', 'ovn-kubernetes']); // cilium-secrets: Cilium 1.18+
    const at = (kind: string, name: string) => objects.findIndex((o) => o.kind === kind && o.metadata.name === name);
    expect(at('Namespace', 'cni')).toBeLessThan(at('ServiceAccount', 'multus'));
    expect(at('Namespace', 'cni')).toBeLessThan(at('DaemonSet', 'kube-multus-ds'));
  });

  test('networks a-b/c and a/b-c do not collide', () => {
    const chart = new MultiCniChart(new App(), 's', { apiServer: API, demo: false, networks: [{ name: 'c', namespace: 'a-b', subnets: ['10.245.0.0/16/24'] }, { name: 'b-c', namespace: 'a', subnets: ['10.246.0.0/16/24'] }] });
    expect(chart.networks.map((n) => n.qualifiedName)).toEqual(['a-b/c', 'a/b-c']);
    expect(chart.toJson().filter((o) => o.kind === 'NetworkAttachmentDefinition')).toHaveLength(2);
  });

  test.each([1, 2])('with %i node(s) the demo pods are not pinned to workers that do not exist', (nodeCount) => {
    const chart = new MultiCniChart(new App(), 's', { apiServer: API, addressing: { nodeCount, primaryPodCidrs: ['10.244.0.0/16'] } });
    expect(chart.demo!.pods.map((p) => p.toJson().spec.nodeSelector)).toEqual([undefined, undefined]);
  });

  test('DemoPods in a user\'s chart take the App\'s node count', () => {
    const chart = Testing.chart();
    new DeceptiveNetworkConfig(chart, 'addressing', { nodeCount: 1, primaryPodCidrs: ['10.244.0.0/16'] });
    const net = new OvnNetwork(chart, 'n', { name: 'n', subnets: ['10.245.0.0/16/24'] });
    const demo = new DemoPods(chart, 'demo', { network: net });
    expect(demo.pods.map((p) => p.toJson().spec.nodeSelector)).toEqual([undefined, undefined]);
  });

  test('a demo pod pinned beyond the node count is a warning', () => {
    const chart = Testing.chart();
    const net = new OvnNetwork(chart, 'n', { name: 'n', subnets: ['10.245.0.0/16/24'] });
    new DemoPods(chart, 'demo', { network: net, nodeCount: 2, pods: [{ name: 'p', nodeName: 'ovn-worker2' }] });
    expect(ChartAddressPlan.warningsOf(chart)).toEqual([expect.stringMatching(/demo: pod p is pinned to node ovn-worker2, but a kind cluster of 2 nodes .* has no such worker/)]);
  });
});
