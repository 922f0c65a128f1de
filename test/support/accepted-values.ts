import * as fs from 'fs';
import * as path from 'path';

// The values files synth accepts, by label: test/app/values-corpus.test.ts synthesizes each, and
// test/app/kubectl-read.test.ts reads what each writes through kubectl's YAML reader.

const ROOT = path.join(__dirname, '..', '..');
export const dualBase = 'addressing: { primaryPodCidrs: [10.244.0.0/16, "fd00:10:244::/56"], serviceCidrs: [10.96.0.0/16, "fd00:10:96::/112"] }';
export const dual = `${dualBase.slice(0, -2)}, decoy: "10.254.0.0/16/24,fd00:10:254::/48/64" }`;
export const v6 = 'addressing: { primaryPodCidrs: ["fd00:10:244::/56"], serviceCidrs: ["fd00:10:96::/112"], nodeNetworks: ["fc00:f853:ccd:e793::/64"], decoy: "fd00:10:254::/48/64" }\nnetworks: [{ name: n6, subnets: ["fd00:10:245::/48/64"] }]';

/** [label, file text] */
export const ACCEPTED: Array<[string, string]> = [
  ['empty file', ''],
  ['only a comment', '# nothing'],
  ['explicit nulls', 'addressing:\ncilium: ~\nnetworks: null'],
  ['the example values', fs.readFileSync(path.join(ROOT, 'examples', 'values.yaml'), 'utf8')],
  ['dual-stack', dual],
  ['IPv6 only', v6],
  ['interconnect', 'ovn: { mode: interconnect }'],
  ['thick multus in a custom namespace', 'multus: { mode: thick, namespace: cni-system }'],
  ['multus in OVN-Kubernetes\' namespace (one Namespace object)', 'multus: { namespace: ovn-kubernetes }'],
  ['a network in the host-network namespace', 'networks: [{ name: a, namespace: ovn-host-network, subnets: [10.245.0.0/16/24] }]'],
  ['network in a custom namespace', 'networks: [{ name: a, namespace: tenant-a, subnets: [10.245.0.0/16/24] }]'],
  ['networks a-b/c and a/b-c', 'networks: [{ name: c, namespace: a-b, subnets: [10.245.0.0/16/24] }, { name: b-c, namespace: a, subnets: [10.246.0.0/16/24] }]'],
  ['one networkName, same config', 'networks: [{ name: a, namespace: x, networkName: s, topology: layer2, subnets: [10.245.0.0/24] }, { name: b, namespace: y, networkName: s, topology: layer2, subnets: [10.245.0.0/24] }]'],
  ['decoy auto', 'addressing: { decoy: auto }'],
  ['decoy auto, search pool from the values', 'addressing: { decoy: auto, decoySearch: { ipv4Pool: [10.200.0.0/16], ipv4Prefix: 20 } }'],
  ['decoy auto with a network where the first /16 would be', 'addressing: { decoy: auto, primaryPodCidrs: [10.0.0.0/16], serviceCidrs: [10.1.0.0/16] }\nnetworks: [{ name: a, subnets: [10.2.0.0/16/24] }]'],
  ['decoy auto dual-stack', `${dualBase.slice(0, -2)}, decoy: auto }`],
  ['one node', 'addressing: { nodeCount: 1 }'],
  ['two nodes', 'addressing: { nodeCount: 2 }'],
  ['pod range /24 with one node', 'addressing: { nodeCount: 1, primaryPodCidrs: [10.244.0.0/24] }'],
  ['pod range /22 with 4 nodes', 'addressing: { nodeCount: 4, primaryPodCidrs: [10.244.0.0/22] }'],
  ['nodeMaskSize 26 with a /24 pod range and 4 nodes', 'addressing: { nodeCount: 4, primaryPodCidrs: [10.244.0.0/24], nodeMaskSize: 26 }'],
  ['nodeMaskSizeIpv4 28 on a /8 (IPv4 has no 16-bit limit)', 'addressing: { primaryPodCidrs: [10.0.0.0/8], serviceCidrs: [172.20.0.0/16], nodeNetworks: [192.168.0.0/24], decoy: 172.21.0.0/16/24, nodeMaskSizeIpv4: 28 }\nnetworks: [{ name: a, subnets: [172.22.0.0/16/24] }]'],
  ['IPv6 pod range /48 (16 bits to /64)', 'addressing: { primaryPodCidrs: ["fd00:10::/48"], serviceCidrs: ["fd00:10:96::/112"], nodeNetworks: ["fc00::/64"], decoy: auto }\nnetworks: [{ name: n6, subnets: ["fd00:11::/48/64"] }]'],
  ['service /12', 'addressing: { serviceCidrs: [10.96.0.0/12], primaryPodCidrs: [10.244.0.0/16] }'],
  ['service IPv6 /108', 'addressing: { primaryPodCidrs: ["fd00:10:244::/56"], serviceCidrs: ["fd00:10:96::/108"], nodeNetworks: ["fc00::/64"], decoy: auto }\nnetworks: [{ name: n6, subnets: ["fd00:10:245::/48/64"] }]'],
  ['join /29 for 6 nodes', 'addressing: { nodeCount: 6, joinSubnets: [100.64.0.0/29], transitSubnets: [100.88.0.0/29] }'],
  ['masquerade /29', 'addressing: { masqueradeSubnets: [169.254.0.0/29] }'],
  ['IPv4-mapped IPv6 node network', 'addressing: { nodeNetworks: ["::ffff:ac12:0/112"] }'],
  ['IPv6 with a trailing dotted quad', 'addressing: { nodeNetworks: [172.18.0.0/16, "::1.2.3.4/128"] }'],
  ['cluster pool', 'cilium: { ipam: cluster-pool, clusterPool: { podCidrs: [10.244.0.0/16], ipv4MaskSize: 24 } }'],
  ['cluster pool equal to primaryPodCidrs', 'cilium: { ipam: cluster-pool, clusterPool: { podCidrs: [10.244.0.0/16] } }\naddressing: { primaryPodCidrs: [10.244.0.0/16] }'],
  ['cilium.podCidrs equal to primaryPodCidrs', 'cilium: { podCidrs: [10.244.0.0/16] }\naddressing: { primaryPodCidrs: [10.244.0.0/16] }'],
  ['cilium.podCidrs alone', 'cilium: { podCidrs: [10.42.0.0/16] }'],
  ['native routing', 'cilium: { routingMode: native, ipv4NativeRoutingCidr: 10.244.0.0/16 }'],
  ['geneve on another port', 'cilium: { tunnelProtocol: geneve, tunnelPort: 6082 }'],
  ['geneve on 6081 beside OVN moved to 7000', 'cilium: { tunnelProtocol: geneve }\novn: { encapPort: 7000 }'],
  ['native routing beside OVN on vxlan\'s port', 'cilium: { routingMode: native, ipv4NativeRoutingCidr: 10.244.0.0/16 }\novn: { encapPort: 8472 }'],
  ['native routing with tunnelPort on OVN\'s port', 'cilium: { routingMode: native, ipv4NativeRoutingCidr: 10.244.0.0/16, tunnelPort: 6081 }'],
  ['no demo and no networks', 'networks: []\ndemo: { enabled: false }'],
  ['demo pods unpinned', 'demo: { pods: [{ name: a }, { name: b }] }'],
  ['secondaryCni off', 'addressing: { secondaryCni: false }\novn: { egressQos: true }'],
  ['YAML anchors', 'x-net: &net { topology: layer2, subnets: [10.245.0.0/24] }\n'.replace('x-net', '# anchors only') + 'networks: [{ name: a, topology: layer2, subnets: &s [10.245.0.0/24] }, { name: b, networkName: a, topology: layer2, subnets: *s }]'],
  ['UTF-8 byte order mark', '\ufeffovn: { mtu: 1400 }'],
  ['CRLF line ends', 'ovn:\r\n  mtu: 1400\r\n'],
];
