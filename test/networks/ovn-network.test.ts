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
    expect(nad.metadata).toEqual({ name: 'ovn-stream-veth', namespace: 'default' });
    expect(config).toEqual({
      cniVersion: '0.3.1', name: 'ovn-stream-veth', type: 'ovn-k8s-cni-overlay', topology: 'layer3',
      netAttachDefName: 'default/ovn-stream-veth', subnets: '10.245.0.0/16/24', mtu: 1300,
    });
    expect(validateManifests([nad], [nadCrd])).toEqual([]);
  });

  test('every prop reaches the config (localnet)', () => {
    const props: Required<OvnNetworkProps> = {
      name: 'physnet', namespace: 'tenant-a', networkName: 'tenant-a-physnet', topology: OvnTopology.LOCALNET,
      subnets: ['192.168.100.0/24', 'fd00:192:168:100::/64'], excludeSubnets: ['192.168.100.0/29'], mtu: 1500,
      role: NetworkRole.SECONDARY, allowPersistentIps: true, vlanId: 42, physicalNetworkName: 'underlay', nodeCount: 3,
    };
    const { config, nad, chart, objects } = render(props);
    expect(nad.metadata).toEqual({ name: 'physnet', namespace: 'tenant-a' });
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
    [{ name: 'x', allowPersistentIps: true, subnets: ['10.1.0.0/16/24'] }, /allowPersistentIps is not allowed on layer3/],
    [{ name: 'x', topology: OvnTopology.LAYER2, vlanId: 10 }, /vlanId is only valid on localnet networks, not layer2/],
    [{ name: 'x', topology: OvnTopology.LOCALNET, vlanId: 4095 }, /vlanId 4095 must be an integer from 1 to 4094/],
    [{ name: 'default', subnets: ['10.1.0.0/16/24'] }, /network name "default" is reserved or invalid/],
    [{ name: 'x', networkName: 'ovn-kubernetes', subnets: ['10.1.0.0/16/24'] }, /network name "ovn-kubernetes" is reserved/],
    [{ name: 'Bad_Name', subnets: ['10.1.0.0/16/24'] }, /name "Bad_Name" must be a lowercase DNS subdomain/],
    [{ name: 'x', namespace: 'a.b' }, /namespace "a.b" must be a lowercase DNS label/],
    [{ name: 'x' }, /a layer3 network needs at least one subnet/],
    [{ name: 'x', subnets: ['10.1.0.0/16/8'] }, /network default\/x: subnets\[0\]: invalid cluster subnet "10\.1\.0\.0\/16\/8"/],
    [{ name: 'x', topology: OvnTopology.LAYER2, subnets: ['10.1.0.0/16/24'] }, /network default\/x: subnets\[0\]: invalid cidr "10\.1\.0\.0\/16\/24"/],
    [{ name: 'x', topology: OvnTopology.LAYER2, subnets: ['10.1.0.0/16', '10.2.0.0/16'] }, /must hold at most one IPv4 and one IPv6 range/],
    [{ name: 'x', topology: OvnTopology.LAYER2, subnets: ['10.1.0.0/16'], excludeSubnets: ['10.2.0.0/24'] }, /excludeSubnets entry 10\.2\.0\.0\/24 is not inside any subnet \(10\.1\.0\.0\/16\)/],
    [{ name: 'x', topology: OvnTopology.LOCALNET, role: NetworkRole.PRIMARY, subnets: ['10.1.0.0/16'] }, /role primary is not allowed for localnet/],
    [{ name: 'x', topology: OvnTopology.LAYER2, role: NetworkRole.PRIMARY }, /role primary needs subnets/],
    [{ name: 'x', topology: OvnTopology.LAYER2, allowPersistentIps: true }, /allowPersistentIps needs subnets/],
    [{ name: 'x', topology: OvnTopology.LAYER2, physicalNetworkName: 'p' }, /physicalNetworkName is only valid on localnet networks/],
    [{ name: 'x', topology: OvnTopology.LAYER2, mtu: 100 }, /: mtu: invalid value 100: expected a whole number from 576 to 65535$/],
    [{ name: 'x', topology: OvnTopology.LAYER2, subnets: ['fd00::/64'], mtu: 1000 }, /: mtu: invalid value 1000: expected a whole number from 1280 to 65535 \(IPv6 needs at least 1280\)$/],
    [{ name: 'x', subnets: ['10.1.0.0/16/24'], nodeCount: 0 }, /nodeCount 0 must be an integer >= 1/],
  ] as Array<[OvnNetworkProps, RegExp]>)('rejects %j', (props, message) => {
    expect(() => new OvnNetwork(Testing.chart(), 'n', props)).toThrow(message);
  });

  test('topology and role names parse, and bad names are rejected', () => {
    expect(OvnTopology.of('localnet')).toBe(OvnTopology.LOCALNET);
    expect(NetworkRole.of('primary')).toBe(NetworkRole.PRIMARY);
    expect(() => OvnTopology.of('layer4')).toThrow(/invalid topology "layer4": expected one of layer3, layer2, localnet/);
    expect(() => NetworkRole.of('main')).toThrow(/invalid role "main"/);
  });
});
