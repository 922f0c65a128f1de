import * as fs from 'fs';
import * as path from 'path';
import { listing, runMain as run, tmpDir } from '../support/run-app';

/**
 * The rules of the Cilium resources through a values file, as a user meets them: each refusal is one line
 * `file: key.path: …` naming the other range and its owner, and leaves the previous dist/ as it was; each
 * intended relationship is accepted.
 */
const BASE = {
  cilium: {
    version: '1.19.6', l2Announcements: true, bgpControlPlane: true, egressGateway: true, bpfMasquerade: true,
    kubeProxyReplacement: true, k8sServiceHost: '172.18.0.2', k8sServicePort: 6443,
    loadBalancerPools: [
      { name: 'l2-pool', blocks: [{ cidr: '172.18.255.0/28' }], serviceSelector: { matchLabels: { announce: 'l2' } } },
      { name: 'bgp-pool', blocks: [{ cidr: '192.168.100.0/24' }], serviceSelector: { matchLabels: { announce: 'bgp' } } },
    ],
    l2AnnouncementPolicies: [{ name: 'l2', loadBalancerIPs: true, serviceSelector: { matchLabels: { announce: 'l2' } } }],
    bgp: { localAsn: 65001, peers: [{ name: 'tor', address: '172.18.0.1', asn: 65000 }], advertise: { serviceSelector: { matchLabels: { announce: 'bgp' } } } },
    egressGatewayPolicies: [{ name: 'egress', destinationCidrs: ['0.0.0.0/0'], egressIp: '172.18.0.200', gatewayNodeSelector: { matchLabels: { egress: 'true' } } }],
  },
};
// Loosely typed: the cases write what a values file may hold, wrong values included.
type Values = { cilium: Record<string, any> };

describe('Cilium resources from a values file', () => {
  const dir = tmpDir('multicni-cilium-resources-');
  const dist = path.join(dir, 'dist');
  const kind = path.join(dir, 'kind.yaml');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const synth = (values: object) => {
    const file = path.join(dir, 'values.yaml');
    fs.writeFileSync(file, JSON.stringify(values)); // JSON is YAML
    return { file, ...run(['--values', file, '--outdir', dist, '--kind-config', kind]) };
  };
  const edit = (change: (v: Values) => void): Values => {
    const v = JSON.parse(JSON.stringify(BASE));
    change(v);
    return v;
  };

  let before: Record<string, string>;
  test('the intended relationships are accepted: an L2 pool and an egress IP inside the node network, a BGP pool outside it, a peer on the node network', () => {
    const r = synth(BASE);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    before = listing(dist);
    expect(Object.keys(before)).toContain('stage3/01-cilium-resources.k8s.yaml');
    // custom resources of the operator's CRDs only in stage3/ (the RBAC of 02-cilium names the group, not objects of it)
    expect(Object.keys(before).filter((f) => /^apiVersion: cilium\.io\//m.test(before[f]))).toEqual(['stage3/01-cilium-resources.k8s.yaml']);
    const plan = before['address-plan.md'];
    expect(plan).toMatch(/^\| `172\.18\.255\.0\/28` \| IPv4 \| load balancer \| CiliumLoadBalancerIPPool l2-pool \|/m);
    expect(plan).toMatch(/^\| `172\.18\.0\.200\/32` \| IPv4 \| egress ip \| CiliumEgressGatewayPolicy egress egressIP \|/m);
    expect(plan).toMatch(/No problems/);
    expect(before['address-plan.svg']).toContain('#ea580c'); // the pools' colour, in the map and its legend
  });

  test.each<[string, (v: Values) => void, RegExp]>([
    ['an L2 pool outside the node network', (v) => { v.cilium.loadBalancerPools[0].blocks = [{ cidr: '10.10.0.0/28' }]; },
      /^cilium\.loadBalancerPools\[0\]\.blocks: placement: load balancer "CiliumLoadBalancerIPPool l2-pool" 10\.10\.0\.0\/28 \(owner: [^)]+\) must lie inside a node network range, and it is inside none of node network "node network" 172\.18\.0\.0\/16 \(owner: multicni\/addressing\); it is announced by CiliumL2AnnouncementPolicy l2/],
    ['an L2 pool half in the node network', (v) => { v.cilium.loadBalancerPools[0].blocks = [{ start: '172.18.255.250', stop: '172.19.0.5' }]; },
      /^cilium\.loadBalancerPools\[0\]\.blocks: placement: load balancer "CiliumLoadBalancerIPPool l2-pool" 172\.19\.0\.0\/30 .* inside none of node network "node network" 172\.18\.0\.0\/16/],
    ['a BGP pool in the node network', (v) => { v.cilium.loadBalancerPools[1].blocks = [{ cidr: '172.18.9.0/24' }]; },
      /^cilium\.loadBalancerPools\[1\]\.blocks: overlap: node network "node network" 172\.18\.0\.0\/16 \(owner: multicni\/addressing\) overlaps load balancer "CiliumLoadBalancerIPPool bgp-pool" 172\.18\.9\.0\/24/],
    ['a pool over the service range', (v) => { v.cilium.loadBalancerPools[1].blocks = [{ cidr: '10.96.0.0/24' }]; },
      /^cilium\.loadBalancerPools\[1\]\.blocks: overlap: service "cluster service range" 10\.96\.0\.0\/16 \(owner: multicni\/addressing\) overlaps load balancer "CiliumLoadBalancerIPPool bgp-pool" 10\.96\.0\.0\/24/],
    ['a pool over the decoy', (v) => { v.cilium.loadBalancerPools[1].blocks = [{ start: '10.254.3.1', stop: '10.254.3.9' }]; },
      /^cilium\.loadBalancerPools\[1\]\.blocks: overlap: decoy pod .* 10\.254\.0\.0\/16\/24 \(owner: [^)]+\) overlaps load balancer "CiliumLoadBalancerIPPool bgp-pool" 10\.254\.3\.1\/32/],
    ['a pool over the seed network', (v) => { v.cilium.loadBalancerPools[1].blocks = [{ cidr: '10.245.7.0/24' }]; },
      /^cilium\.loadBalancerPools\[1\]\.blocks: overlap: secondary network "ovn-stream-veth" 10\.245\.0\.0\/16\/24 .* overlaps load balancer "CiliumLoadBalancerIPPool bgp-pool" 10\.245\.7\.0\/24/],
    ['two pools sharing addresses', (v) => { v.cilium.loadBalancerPools[1].blocks = [{ cidr: '172.18.255.8/29' }]; v.cilium.l2AnnouncementPolicies[0].serviceSelector = undefined as any; },
      /^cilium\.loadBalancerPools\[\d\]\.blocks: overlap: load balancer "CiliumLoadBalancerIPPool l2-pool" 172\.18\.255\.0\/28 .* overlaps load balancer "CiliumLoadBalancerIPPool bgp-pool" 172\.18\.255\.8\/29/],
    ['an egress IP outside the node network', (v) => { v.cilium.egressGatewayPolicies[0].egressIp = '10.10.0.1'; },
      /^cilium\.egressGatewayPolicies\[0\]\.egressIp: placement: egress ip "CiliumEgressGatewayPolicy egress egressIP" 10\.10\.0\.1\/32 .* inside none of node network "node network" 172\.18\.0\.0\/16 \(owner: multicni\/addressing\)/],
    ['an egress IP in an L2 pool', (v) => { v.cilium.egressGatewayPolicies[0].egressIp = '172.18.255.3'; },
      /^cilium\.(egressGatewayPolicies\[0\]\.egressIp|loadBalancerPools\[0\]\.blocks): overlap: load balancer "CiliumLoadBalancerIPPool l2-pool" 172\.18\.255\.0\/28 .* overlaps egress ip "CiliumEgressGatewayPolicy egress egressIP" 172\.18\.255\.3\/32/],
    ['a BGP peer in the service range', (v) => { v.cilium.bgp.peers[0].address = '10.96.0.10'; },
      /^cilium\.bgp\.peers\[0\]\.address: plan: bgp peer "tor" 10\.96\.0\.10 \(owner: multicni\/cilium-resources\/bgp\) lies inside service "cluster service range" 10\.96\.0\.0\/16 \(owner: multicni\/addressing\)/],
    ['a BGP peer in a pool', (v) => { v.cilium.bgp.peers[0].address = '192.168.100.1'; },
      /^cilium\.bgp\.peers\[0\]\.address: plan: bgp peer "tor" 192\.168\.100\.1 .* lies inside load balancer "CiliumLoadBalancerIPPool bgp-pool" 192\.168\.100\.0\/24/],
    ['a BGP peer in OVN\'s join subnet', (v) => { v.cilium.bgp.peers[0].address = '100.64.0.1'; },
      /^cilium\.bgp\.peers\[0\]\.address: plan: bgp peer "tor" 100\.64\.0\.1 .* lies inside ovn join/],
    ['local ASN 0', (v) => { v.cilium.bgp.localAsn = 0; }, /^cilium\.bgp\.localAsn: invalid value 0: expected an AS number from 1 to 4294967295/],
    ['peer ASN above 32 bits', (v) => { v.cilium.bgp.peers[0].asn = 4294967296; }, /^cilium\.bgp\.peers\[0\]\.asn: invalid value 4294967296: expected an AS number from 1 to 4294967295/],
    ['a malformed CIDR', (v) => { v.cilium.loadBalancerPools[0].blocks = [{ cidr: '172.18.255.1/28' }]; }, /^cilium\.loadBalancerPools\[0\]\.blocks\[0\]\.cidr: invalid cidr "172\.18\.255\.1\/28": host bits are set/],
    ['start after stop', (v) => { v.cilium.loadBalancerPools[0].blocks = [{ start: '172.18.255.9', stop: '172.18.255.2' }]; },
      /^cilium\.loadBalancerPools\[0\]\.blocks\[0\]\.stop: invalid value "172\.18\.255\.2": expected an address at or after start "172\.18\.255\.9"/],
    ['mixed families in one range', (v) => { v.cilium.loadBalancerPools[0].blocks = [{ start: '172.18.255.9', stop: 'fd00::9' }]; },
      /^cilium\.loadBalancerPools\[0\]\.blocks\[0\]\.stop: invalid value "fd00::9": expected an IPv4 address like start/],
    ['cidr and start together', (v) => { v.cilium.loadBalancerPools[0].blocks = [{ cidr: '172.18.255.0/28', start: '172.18.255.1' } as any]; },
      /^cilium\.loadBalancerPools\[0\]\.blocks\[0\]: invalid value .*: expected either cidr or start/],
    ['two pools of one name', (v) => { v.cilium.loadBalancerPools[1].name = 'l2-pool'; },
      /^cilium\.loadBalancerPools\[1\]\.name: invalid value "l2-pool": expected a name no other pool has \(loadBalancerPools\[0\] has it/],
    ['two egress policies of one name', (v) => { v.cilium.egressGatewayPolicies.push({ ...v.cilium.egressGatewayPolicies[0] }); },
      /^cilium\.egressGatewayPolicies\[1\]\.name: invalid value "egress": expected a name no other policy has/],
    ['two peers of one name', (v) => { v.cilium.bgp.peers.push({ name: 'tor', address: '172.18.0.2', asn: 65000 }); },
      /^cilium\.bgp\.peers\[1\]\.name: invalid value "tor": expected a name no other peer has/],
    ['an L2 policy with L2 announcements off', (v) => { v.cilium.l2Announcements = false; }, /^cilium\.l2AnnouncementPolicies\[0\]: policy "l2" needs L2 announcements: set cilium\.l2Announcements: true/],
    ['BGP with the BGP control plane off', (v) => { v.cilium.bgpControlPlane = false; }, /^cilium\.bgp: needs the BGP control plane: set cilium\.bgpControlPlane: true/],
    ['an egress policy with the egress gateway off', (v) => { v.cilium.egressGateway = false; }, /^cilium\.egressGatewayPolicies\[0\]: policy "egress" needs the egress gateway: set cilium\.egressGateway: true/],
    ['an IPv6 egress IP before 1.20', (v) => { v.cilium.egressGatewayPolicies[0].egressIp = 'fd00::1'; }, /^cilium\.egressGatewayPolicies\[0\]\.egressIp: invalid value "fd00::1": expected an IPv4 address \(Cilium 1\.19\.6's/],
    ['an IPv6 egress IP with 1.20 and no IPv6 node network', (v) => { v.cilium.version = '1.20.0'; v.cilium.egressGatewayPolicies[0].egressIp = 'fd00::1'; },
      /^cilium\.egressGatewayPolicies\[0\]\.egressIp: placement: egress ip "CiliumEgressGatewayPolicy egress egressIP" fd00::1\/128 .* the plan has no IPv6 node network range/],
    ['Cilium 1.16.7', (v) => { v.cilium = { version: '1.16.7', loadBalancerPools: v.cilium.loadBalancerPools }; }, /^cilium\.loadBalancerPools\[0\]: CiliumLoadBalancerIPPool is rendered for Cilium 1\.18\.12, 1\.19\.6 and 1\.20\.0 .*not for 1\.16\.7/],
  ])('refuses %s, in one line, leaving dist/ untouched', (_what, change, message) => {
    const r = synth(edit(change));
    expect(r.code).toBe(1);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err.slice(`${r.file}: `.length)).toMatch(message);
    expect(listing(dist)).toEqual(before);
  });

  test.each<[string, (v: Values) => void]>([
    ['a pool that no L2 policy selects may lie outside the node network', (v) => { v.cilium.loadBalancerPools[0].serviceSelector = { matchLabels: { announce: 'none' } } as any; v.cilium.loadBalancerPools[0].blocks = [{ cidr: '192.168.50.0/28' }]; }],
    ['a peer outside every planned range', (v) => { v.cilium.bgp.peers[0].address = '192.0.2.1'; }],
    ['ASNs at both ends of the range', (v) => { v.cilium.bgp.localAsn = 1; v.cilium.bgp.peers[0].asn = 4294967295; }],
    ['an egress policy without an egress IP (the interface\'s own address)', (v) => { delete (v.cilium.egressGatewayPolicies[0] as any).egressIp; (v.cilium.egressGatewayPolicies[0] as any).egressInterface = 'eth0'; }],
  ])('accepts %s', (_what, change) => {
    const r = synth(edit(change));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  test('examples/values-cilium-resources.yaml synthesizes, its resources in stage3/', () => {
    const example = path.join(__dirname, '..', '..', 'examples', 'values-cilium-resources.yaml');
    const out = path.join(dir, 'example');
    const r = run(['--values', example, '--outdir', out, '--kind-config', path.join(dir, 'example-kind.yaml')]);
    expect(r.err).toBe('');
    const stage3 = listing(out)['stage3/01-cilium-resources.k8s.yaml'];
    for (const resourceKind of ['CiliumLoadBalancerIPPool', 'CiliumL2AnnouncementPolicy', 'CiliumBGPClusterConfig', 'CiliumBGPPeerConfig', 'CiliumBGPAdvertisement', 'CiliumEgressGatewayPolicy']) {
      expect(stage3).toContain(`kind: ${resourceKind}\n`);
    }
  });
});
