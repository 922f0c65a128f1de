import { Testing } from 'cdk8s';
import { ChartAddressPlan, DeceptiveNetworkConfig, NetworkRole, OvnNetwork, OvnNetworkProps, OvnTopology, checkManifestObjects } from '../../src';
import { validateManifests } from '../util/k8s-schema';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

const nadCrd = parse(fs.readFileSync(path.join(__dirname, '..', '..', 'crds', 'network-attachment-definitions.yaml'), 'utf8'));

function render(props: OvnNetworkProps) {
  const chart = Testing.chart();
  const net = new OvnNetwork(chart, 'net', props);
  const objects = Testing.synth(chart);
  const nad = objects.find((o) => o.kind === 'NetworkAttachmentDefinition');
  return { chart, net, nad, objects, config: JSON.parse(nad.spec.config) };
}

describe('OvnNetwork', () => {
  test('the seed network: layer3 ovn-stream-veth', () => {
    const { nad, config } = render({ name: 'ovn-stream-veth', subnets: ['10.245.0.0/16/24'] });
    expect(nad).toMatchSnapshot();
    expect(nad.apiVersion).toBe('k8s.cni.cncf.io/v1');
    expect(nad.kind).toBe('NetworkAttachmentDefinition');
    expect(nad.metadata).toEqual({ name: 'ovn-stream-veth', namespace: 'default', labels: { 'app.kubernetes.io/managed-by': 'cdk8s-multicni' } });
    expect(config).toEqual({
      cniVersion: '0.3.1', name: 'ovn-stream-veth', type: 'ovn-k8s-cni-overlay', topology: 'layer3',
      netAttachDefName: 'default/ovn-stream-veth', subnets: '10.245.0.0/16/24', mtu: 1300,
    });
    expect(validateManifests([nad], [nadCrd])).toEqual([]);
  });

  test('localnet: a warning names the bridge mapping every node needs for its physical network; other topologies none', () => {
    const chart = Testing.chart();
    new OvnNetwork(chart, 'a', { name: 'storage', namespace: 'tenant-a', topology: OvnTopology.LOCALNET, physicalNetworkName: 'physnet-storage', subnets: ['192.168.30.0/24'] });
    new OvnNetwork(chart, 'b', { name: 'lan', topology: OvnTopology.LOCALNET });
    new OvnNetwork(chart, 'c', { name: 'l3', subnets: ['10.245.0.0/16/24'] });
    expect(ChartAddressPlan.warningsOf(chart)).toEqual([
      expect.stringMatching(/^network tenant-a\/storage: localnet needs "physnet-storage" in ovn-bridge-mappings on every node .*external_ids:ovn-bridge-mappings=physnet-storage:<bridge>\)/),
      expect.stringMatching(/^network default\/lan: localnet needs "lan" in ovn-bridge-mappings/),
    ]);
  });

  test('every prop reaches the config (localnet)', () => {
    const props: Required<OvnNetworkProps> = {
      name: 'physnet', namespace: 'tenant-a', networkName: 'tenant-a-physnet', topology: OvnTopology.LOCALNET,
      subnets: ['192.168.100.0/24', 'fd00:192:168:100::/64'], excludeSubnets: ['192.168.100.0/29'], mtu: 1500,
      role: NetworkRole.SECONDARY, allowPersistentIps: true, vlanId: 42, physicalNetworkName: 'underlay', nodeCount: 3,
    };
    const { config, nad, chart, objects } = render(props);
    expect(nad.metadata).toEqual({ name: 'physnet', namespace: 'tenant-a', labels: { 'app.kubernetes.io/managed-by': 'cdk8s-multicni' } });
    // A namespace of the user's choice is rendered, before the NAD, so `kubectl apply` finds it.
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Namespace/tenant-a', 'NetworkAttachmentDefinition/physnet']);
    expect(config).toEqual({
      cniVersion: '0.3.1', name: 'tenant-a-physnet', type: 'ovn-k8s-cni-overlay', topology: 'localnet',
      netAttachDefName: 'tenant-a/physnet', subnets: '192.168.100.0/24,fd00:192:168:100::/64', excludeSubnets: '192.168.100.0/29',
      mtu: 1500, role: 'secondary', allowPersistentIPs: true, vlanID: 42, physicalNetworkName: 'underlay',
    });
    // localnet subnets are registered too, though OVN-Kubernetes does not check them
    expect(ChartAddressPlan.of(chart).ranges.map((r) => `${r.role}:${r.cidr}`)).toEqual(['secondary network:192.168.100.0/24', 'secondary network:fd00:192:168:100::/64']);
  });

  test('layer2 without subnets has no IPAM', () => {
    const { config } = render({ name: 'l2', topology: OvnTopology.LAYER2 });
    expect(config.subnets).toBeUndefined();
    expect(config.topology).toBe('layer2');
  });

  test('a network on OVN\'s join subnet fails the chart at synth, and the checker reads the same from the YAML', () => {
    const chart = Testing.chart();
    new DeceptiveNetworkConfig(chart, 'deception');
    new OvnNetwork(chart, 'bad', { name: 'bad', topology: OvnTopology.LOCALNET, subnets: ['100.64.0.0/24'] });
    expect(() => Testing.synth(chart)).toThrow(/overlap: ovn join "ovn join subnet" 100\.64\.0\.0\/16 \(owner: test\/deception\) overlaps secondary network "bad" 100\.64\.0\.0\/24 \(owner: test\/bad\)/);
    const nad = Testing.chart();
    const a = new OvnNetwork(nad, 'a', { name: 'a', subnets: ['10.245.0.0/16/24'] });
    const b = new OvnNetwork(nad, 'b', { name: 'b', topology: OvnTopology.LAYER2, subnets: ['10.245.7.0/24'] });
    // Each object's own JSON, bypassing the chart's validation, as YAML from elsewhere would be.
    expect(checkManifestObjects([a.nad.toJson(), b.nad.toJson()]).problems.map((p) => p.message).join('\n')).toMatch(/secondary network "a" 10\.245\.0\.0\/16\/24 .* overlaps secondary network "b" 10\.245\.7\.0\/24/);
  });

  test('layer3 node subnets are checked against the node count', () => {
    const chart = Testing.chart();
    new OvnNetwork(chart, 'small', { name: 'small', subnets: ['10.245.0.0/24/26'], nodeCount: 5 });
    expect(() => Testing.synth(chart)).toThrow(/splits into 4 node subnets of \/26, fewer than the 5 nodes/);
  });

  test.each([
    [{ name: 'x', allowPersistentIps: true, subnets: ['10.1.0.0/16/24'] }, /^network default\/x: allowPersistentIps: invalid value true: expected false on layer3 \(OVN-Kubernetes: "layer3 topology does not allow persistent IPs"\), or topology layer2 or localnet$/],
    [{ name: 'x', topology: OvnTopology.LAYER2, vlanId: 10 }, /^network default\/x: vlanId: invalid value 10: expected no vlanId on a layer2 network: only localnet networks are VLAN-tagged$/],
    [{ name: 'x', topology: OvnTopology.LOCALNET, vlanId: 4095 }, /^network default\/x: vlanId: invalid value 4095: expected a whole number from 1 to 4094$/],
    [{ name: 'default', subnets: ['10.1.0.0/16/24'] }, /^network default\/default: name: invalid value "default": expected a network name of letters, digits, "\.", "_" or "-", other than "default" and "ovn-kubernetes"/],
    [{ name: 'x', networkName: 'ovn-kubernetes', subnets: ['10.1.0.0/16/24'] }, /^network default\/x: networkName: invalid value "ovn-kubernetes": expected a network name .*other than "default" and "ovn-kubernetes"/],
    [{ name: 'Bad_Name', subnets: ['10.1.0.0/16/24'] }, /^network default\/Bad_Name: name: invalid value "Bad_Name": expected a lowercase DNS subdomain/],
    [{ name: 'x', namespace: 'a.b' }, /^network a\.b\/x: namespace: invalid value "a\.b": expected a lowercase DNS label/],
    [{ name: 'x' }, /^network default\/x: subnets: invalid value \[\]: expected at least one subnet in "cidr\/hostPrefix" form on a layer3 network/],
    [{ name: 'x', subnets: ['10.1.0.0/16/8'] }, /network default\/x: subnets\[0\]: invalid cluster subnet "10\.1\.0\.0\/16\/8"/],
    [{ name: 'x', topology: OvnTopology.LAYER2, subnets: ['10.1.0.0/16/24'] }, /network default\/x: subnets\[0\]: invalid cidr "10\.1\.0\.0\/16\/24"/],
    [{ name: 'x', topology: OvnTopology.LAYER2, subnets: ['10.1.0.0/16', '10.2.0.0/16'] }, /^network default\/x: subnets: invalid value \["10\.1\.0\.0\/16","10\.2\.0\.0\/16"\]: expected at most one IPv4 and one IPv6 range$/],
    [{ name: 'x', topology: OvnTopology.LAYER2, subnets: ['10.1.0.0/16'], excludeSubnets: ['10.2.0.0/24'] }, /^network default\/x: excludeSubnets\[0\]: invalid value "10\.2\.0\.0\/24": expected a range inside one of the subnets \(10\.1\.0\.0\/16\)$/],
    [{ name: 'x', topology: OvnTopology.LOCALNET, role: NetworkRole.PRIMARY, subnets: ['10.1.0.0/16'] }, /^network default\/x: role: invalid value "primary": expected "secondary" on a localnet network/],
    [{ name: 'x', topology: OvnTopology.LAYER2, role: NetworkRole.PRIMARY }, /^network default\/x: role: invalid value "primary": expected "secondary" on a network without subnets/],
    [{ name: 'x', topology: OvnTopology.LAYER2, allowPersistentIps: true }, /^network default\/x: allowPersistentIps: invalid value true: expected false on a network without subnets/],
    [{ name: 'x', topology: OvnTopology.LAYER2, physicalNetworkName: 'p' }, /^network default\/x: physicalNetworkName: invalid value "p": expected no physicalNetworkName on a layer2 network/],
    [{ name: 'x', topology: OvnTopology.LAYER2, mtu: 100 }, /: mtu: invalid value 100: expected a whole number from 576 to 65535$/],
    [{ name: 'x', topology: OvnTopology.LAYER2, subnets: ['fd00::/64'], mtu: 1000 }, /: mtu: invalid value 1000: expected a whole number from 1280 to 65535 \(IPv6 needs at least 1280\)$/],
    [{ name: 'x', topology: OvnTopology.LOCALNET, physicalNetworkName: 'phys net' }, /^network default\/x: physicalNetworkName: invalid value "phys net": expected letters, digits, "\.", "_" or "-", starting with a letter or digit$/],
    [{ name: 'x', subnets: ['10.1.0.0/16/24'], nodeCount: 0 }, /^network default\/x: nodeCount: invalid value 0: expected a whole number of nodes, at least 1$/],
  ] as Array<[OvnNetworkProps, RegExp]>)('rejects %j', (props, message) => {
    expect(() => new OvnNetwork(Testing.chart(), 'n', props)).toThrow(message);
  });

  test('topology and role names parse, and bad names are rejected', () => {
    expect(OvnTopology.of('localnet')).toBe(OvnTopology.LOCALNET);
    expect(NetworkRole.of('primary')).toBe(NetworkRole.PRIMARY);
    expect(() => OvnTopology.of('layer4')).toThrow(/^invalid topology "layer4": expected "layer3", "layer2" or "localnet"$/);
    expect(() => NetworkRole.of('main')).toThrow(/^invalid role "main": expected "secondary" or "primary"$/);
  });
});
