import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ACCEPTED, dual, dualBase, v6 } from '../support/accepted-values';
import { listing as listingUtf8, runMain, tmpDir } from '../support/run-app';

/**
 * A corpus of bad and borderline values files, run through the real synth entry point (`main`, the code
 * behind `npm run synth`; a sample also through `node bin/synth.js`). Refused files: exit 1, exactly one
 * stderr line `<file>: <key.path>: …` with the expected key path, no stack trace, and the previous dist/
 * and kind config byte-identical. Legal files: exit 0.
 */

const ROOT = path.join(__dirname, '..', '..');
const tmp = () => tmpDir('multicni-corpus-');
const listing = (dir: string) => listingUtf8(dir, 'latin1');
/** stderr as lines: each refusal must be exactly one. */
const run = (args: string[]) => {
  const r = runMain(args);
  return { code: r.code, out: r.out, err: r.errLines };
};
const huge = 'x'.repeat(100_000);

/** [label, file text, the key path the message must start with] */
const REFUSED: Array<[string, string, string]> = [
  // top level and types
  ['unknown top-level key', 'extra: 1', 'extra'],
  ['typo in a key', 'ovn:\n  mtuu: 1400', 'ovn.mtuu'],
  ['apiServer wrong type', 'apiServer: 6443', 'apiServer'],
  ['apiServer scheme', 'apiServer: http://10.0.0.1:6443', 'apiServer'],
  ['apiServer path', 'apiServer: https://10.0.0.1:6443/api', 'apiServer'],
  ['apiServer huge', `apiServer: "${huge}"`, 'apiServer'],
  ['apiServer empty', 'apiServer: ""', 'apiServer'],
  ['section is a list', 'ovn: [1, 2]', 'ovn'],
  ['section is a string', 'cilium: yes-please', 'cilium'],
  ['networks is a map', 'networks: { name: a }', 'networks'],
  ['network entry is a string', 'networks: [a]', 'networks[0]'],
  ['demo pods not a list', 'demo: { pods: tinypod }', 'demo.pods'],
  ['boolean as string', 'addressing: { secondaryCni: "true" }', 'addressing.secondaryCni'],
  ['integer as float', 'ovn: { mtu: 1400.5 }', 'ovn.mtu'],
  ['integer as string', 'ovn: { mtu: "1400" }', 'ovn.mtu'],
  ['list of non-strings', 'addressing: { serviceCidrs: [1, 2] }', 'addressing.serviceCidrs'],
  ['cidr list as a string', 'addressing: { serviceCidrs: 10.96.0.0/16 }', 'addressing.serviceCidrs'],
  // CIDR text
  ['host bits set', 'addressing: { serviceCidrs: [10.96.0.1/16] }', 'addressing.serviceCidrs[0]'],
  ['prefix too long', 'addressing: { serviceCidrs: [10.96.0.0/33] }', 'addressing.serviceCidrs[0]'],
  ['no prefix', 'addressing: { nodeNetworks: [172.18.0.0] }', 'addressing.nodeNetworks[0]'],
  ['two slashes', 'addressing: { nodeNetworks: [172.18.0.0/16/24] }', 'addressing.nodeNetworks[0]'],
  ['octet 256', 'addressing: { nodeNetworks: [172.256.0.0/16] }', 'addressing.nodeNetworks[0]'],
  ['leading space', 'addressing: { nodeNetworks: [" 172.18.0.0/16"] }', 'addressing.nodeNetworks[0]'],
  ['zone index', 'addressing: { nodeNetworks: ["fe80::%eth0/64"] }', 'addressing.nodeNetworks[0]'],
  ['double ::', 'addressing: { nodeNetworks: ["fe80::1::2/64"] }', 'addressing.nodeNetworks[0]'],
  ['bad dotted quad in IPv6', 'addressing: { nodeNetworks: ["::1.2.3.999/128"] }', 'addressing.nodeNetworks[0]'],
  ['prefix with sign', 'addressing: { nodeNetworks: ["172.18.0.0/+16"] }', 'addressing.nodeNetworks[0]'],
  ['prefix leading zero', 'addressing: { nodeNetworks: ["172.18.0.0/016"] }', 'addressing.nodeNetworks[0]'],
  ['mapped IPv6 overlaps the IPv4 service range', 'addressing: { nodeNetworks: ["::ffff:a60:0/112"] }', 'addressing.nodeNetworks'],
  ['empty cidr', 'addressing: { nodeNetworks: [""] }', 'addressing.nodeNetworks[0]'],
  ['huge cidr', `addressing: { nodeNetworks: ["${huge}"] }`, 'addressing.nodeNetworks[0]'],
  // per-family lists
  ['three service ranges', 'addressing: { serviceCidrs: [10.96.0.0/16, 10.97.0.0/16, "fd00::/112"] }', 'addressing.serviceCidrs'],
  ['two IPv4 pod ranges', 'addressing: { primaryPodCidrs: [10.244.0.0/16, 10.245.0.0/16] }', 'addressing.primaryPodCidrs'],
  ['empty pod range list', 'addressing: { primaryPodCidrs: [] }', 'addressing.primaryPodCidrs'],
  ['join family mismatch', 'addressing: { joinSubnets: ["fd98::/64"] }', 'addressing.joinSubnets'],
  ['service family mismatch', 'addressing: { serviceCidrs: ["fd00:10:96::/112"] }', 'addressing.serviceCidrs'],
  // overlaps
  ['decoy on the pod range', 'addressing: { decoy: 10.244.0.0/16/24 }', 'addressing.decoy'],
  ['decoy on the service range', 'addressing: { decoy: 10.96.0.0/16/24 }', 'addressing.decoy'],
  ['join on the service range', 'addressing: { joinSubnets: [10.96.0.0/16] }', 'addressing.joinSubnets'],
  ['transit on the join subnet', 'addressing: { transitSubnets: [100.64.0.0/16] }', 'addressing.transitSubnets'],
  ['masquerade on the node network', 'addressing: { masqueradeSubnets: [172.18.0.0/29] }', 'addressing.masqueradeSubnets'],
  ['node network covering everything', 'addressing: { nodeNetworks: [10.0.0.0/8] }', 'addressing.nodeNetworks'],
  ['service inside the pod range', 'addressing: { serviceCidrs: [10.244.128.0/17] }', 'addressing.serviceCidrs'],
  ['network on the service range', 'networks: [{ name: a, subnets: [10.96.0.0/20/24] }]', 'networks[0].subnets'],
  ['network on the join subnet', 'networks: [{ name: a, topology: localnet, subnets: [100.64.0.0/24] }]', 'networks[0].subnets'],
  ['two networks overlapping', 'networks: [{ name: a, subnets: [10.245.0.0/16/24] }, { name: b, topology: layer2, subnets: [10.245.7.0/24] }]', 'networks[1].subnets'],
  ['network on the decoy', 'networks: [{ name: a, subnets: [10.254.0.0/16/24] }]', 'networks[0].subnets'],
  ['cluster pool holding the service range', 'cilium: { ipam: cluster-pool, clusterPool: { podCidrs: [10.0.0.0/8] } }', 'cilium.clusterPool.podCidrs'],
  // decoy
  ['decoy host prefix shorter', 'addressing: { decoy: 10.254.0.0/16/8 }', 'addressing.decoy'],
  ['decoy text', 'addressing: { decoy: banana }', 'addressing.decoy'],
  ['decoy IPv6 host prefix', `${dualBase.slice(0, -2)}, decoy: "10.254.0.0/16/24,fd00:10:254::/48/56" }`, 'addressing.decoy'],
  ['decoy too few node subnets', 'addressing: { decoy: 10.254.0.0/23/24 }', 'addressing.decoy'],
  ['decoy family missing (dual-stack)', `${dualBase.slice(0, -2)}, decoy: 10.254.0.0/16/24 }`, 'addressing.decoy'],
  ['decoySearch without auto', 'addressing: { decoySearch: { ipv4Pool: [10.200.0.0/16] } }', 'addressing.decoySearch'],
  ['decoySearch wrong family', 'addressing: { decoy: auto, decoySearch: { ipv4Pool: ["fd00::/8"] } }', 'addressing.decoySearch'],
  ['decoySearch pool smaller than the block', 'addressing: { decoy: auto, decoySearch: { ipv4Pool: [10.200.0.0/24] } }', 'addressing.decoySearch'],
  ['decoySearch pool full', 'addressing: { decoy: auto, decoySearch: { ipv4Pool: [10.244.0.0/16] } }', 'addressing.decoySearch'],
  ['decoySearch unknown key', 'addressing: { decoy: auto, decoySearch: { pool: [10.200.0.0/16] } }', 'addressing.decoySearch.pool'],
  ['decoySearch bad host prefix', 'addressing: { decoy: auto, decoySearch: { ipv4HostPrefix: 8 } }', 'addressing.decoySearch'],
  // node count and node masks (kube-controller-manager)
  ['nodeCount zero', 'addressing: { nodeCount: 0 }', 'addressing.nodeCount'],
  ['nodeCount negative', 'addressing: { nodeCount: -3 }', 'addressing.nodeCount'],
  ['pod range /25 with default node mask', 'addressing: { primaryPodCidrs: [10.244.0.0/25] }', 'addressing.primaryPodCidrs[0]'],
  ['pod range too small for the nodes', 'addressing: { primaryPodCidrs: [10.244.0.0/23] }', 'addressing.primaryPodCidrs[0]'],
  ['pod range too small for 300 nodes', 'addressing: { nodeCount: 300, decoy: 10.254.0.0/15/24 }', 'addressing.primaryPodCidrs[0]'],
  ['IPv6 pod range /32 (node mask 32 bits longer)', 'addressing: { primaryPodCidrs: ["fd00::/32"], serviceCidrs: ["fd00:10:96::/112"], nodeNetworks: ["fc00::/64"] }\nnetworks: [{ name: n6, subnets: ["fd00:10:245::/48/64"] }]', 'addressing.primaryPodCidrs[0]'],
  ['nodeMaskSizeIpv6 too far', 'addressing: { primaryPodCidrs: ["fd00:10:244::/48"], serviceCidrs: ["fd00:10:96::/112"], nodeNetworks: ["fc00::/64"], nodeMaskSizeIpv6: 80 }', 'addressing.primaryPodCidrs[0]'],
  ['nodeMaskSize with dual-stack', `${dual.slice(0, -2)}, nodeMaskSize: 24 }`, 'addressing.nodeMaskSize'],
  ['nodeMaskSize beside nodeMaskSizeIpv4', 'addressing: { nodeMaskSize: 24, nodeMaskSizeIpv4: 24 }', 'addressing.nodeMaskSize'],
  ['nodeMaskSizeIpv6 on IPv4', 'addressing: { nodeMaskSizeIpv6: 64 }', 'addressing.nodeMaskSizeIpv6'],
  ['nodeMaskSizeIpv4 zero', 'addressing: { nodeMaskSizeIpv4: 0 }', 'addressing.nodeMaskSizeIpv4'],
  ['nodeMaskSize shorter than the pod range', 'addressing: { nodeMaskSize: 15 }', 'addressing.primaryPodCidrs[0]'],
  ['nodeMaskSize as string', 'addressing: { nodeMaskSize: "24" }', 'addressing.nodeMaskSize'],
  // kube-apiserver service range size
  ['service /11', 'addressing: { serviceCidrs: [10.96.0.0/11], primaryPodCidrs: [10.244.0.0/16] }', 'addressing.serviceCidrs[0]'],
  ['service /8', 'addressing: { serviceCidrs: [11.0.0.0/8] }', 'addressing.serviceCidrs[0]'],
  ['service IPv6 /64', 'addressing: { primaryPodCidrs: ["fd00:10:244::/56"], serviceCidrs: ["fd00:10:96::/64"], nodeNetworks: ["fc00::/64"] }\nnetworks: [{ name: n6, subnets: ["fd00:10:245::/48/64"] }]', 'addressing.serviceCidrs[0]'],
  ['service IPv6 /107 (dual)', `addressing: { primaryPodCidrs: [10.244.0.0/16, "fd00:10:244::/56"], serviceCidrs: [10.96.0.0/16, "fd00:10:96::/107"] }`, 'addressing.serviceCidrs[1]'],
  // OVN internal subnet sizes
  ['join /30 for 3 nodes', 'addressing: { joinSubnets: [100.64.0.0/30] }', 'addressing.joinSubnets[0]'],
  ['join /32', 'addressing: { joinSubnets: [100.64.0.0/32] }', 'addressing.joinSubnets[0]'],
  ['transit /29 for 7 nodes', 'addressing: { nodeCount: 7, transitSubnets: [100.88.0.0/29] }', 'addressing.transitSubnets[0]'],
  ['masquerade /30', 'addressing: { masqueradeSubnets: [169.254.0.0/30] }', 'addressing.masqueradeSubnets[0]'],
  ['masquerade IPv6 /126 (dual)', `addressing: { primaryPodCidrs: [10.244.0.0/16, "fd00:10:244::/56"], serviceCidrs: [10.96.0.0/16, "fd00:10:96::/112"], masqueradeSubnets: [169.254.0.0/17, "fd69::/126"] }`, 'addressing.masqueradeSubnets[1]'],
  // Cilium
  ['cniExclusive beside Multus', 'cilium: { cniExclusive: true }', 'cilium.cniExclusive'],
  ['podCidrs contradicting primaryPodCidrs', 'cilium: { podCidrs: [10.50.0.0/16] }\naddressing: { primaryPodCidrs: [10.244.0.0/16] }', 'cilium.podCidrs'],
  ['cluster pool contradicting primaryPodCidrs', 'cilium: { ipam: cluster-pool, clusterPool: { podCidrs: [10.50.0.0/16] } }\naddressing: { primaryPodCidrs: [10.244.0.0/16] }', 'cilium.clusterPool.podCidrs'],
  ['cluster-pool without pools', 'cilium: { ipam: cluster-pool }', 'cilium.clusterPool.podCidrs'],
  ['clusterPool without cluster-pool', 'cilium: { clusterPool: { podCidrs: [10.0.0.0/16] } }', 'cilium.clusterPool'],
  ['cluster-pool mask size shorter than the pool', 'cilium: { ipam: cluster-pool, clusterPool: { podCidrs: [10.128.0.0/14], ipv4MaskSize: 12 } }', 'cilium.clusterPool.ipv4MaskSize'],
  ['podCidrs beside cluster-pool', 'cilium: { ipam: cluster-pool, clusterPool: { podCidrs: [10.128.0.0/14] }, podCidrs: [10.128.0.0/14] }', 'cilium.podCidrs'],
  ['k8sServiceHost not an address', 'cilium: { k8sServiceHost: "fd00::1::2", k8sServicePort: 6443 }', 'cilium.k8sServiceHost'],
  ['ipam unknown', 'cilium: { ipam: eni }', 'cilium.ipam'],
  ['tunnelPort out of range', 'cilium: { tunnelPort: 99999 }', 'cilium.tunnelPort'],
  ['tunnel on OVN geneve port', 'cilium: { tunnelProtocol: geneve }', 'cilium.tunnelProtocol'],
  ['tunnel port equal to OVN encapPort', 'cilium: { tunnelPort: 7000 }\novn: { encapPort: 7000 }', 'ovn.encapPort'],
  ['tunnelPort on OVN\'s default', 'cilium: { tunnelPort: 6081 }', 'cilium.tunnelPort'],
  ['encapPort on Cilium\'s vxlan default', 'ovn: { encapPort: 8472 }', 'ovn.encapPort'],
  ['routingMode unknown', 'cilium: { routingMode: bgp }', 'cilium.routingMode'],
  ['native routing without cidr', 'cilium: { routingMode: native }', 'cilium.ipv4NativeRoutingCidr'],
  ['kube-proxy replacement without host', 'cilium: { kubeProxyReplacement: true }', 'cilium.kubeProxyReplacement'],
  ['clusterId out of range', 'cilium: { clusterId: 100000 }', 'cilium.clusterId'],
  ['operatorReplicas negative', 'cilium: { operatorReplicas: -1 }', 'cilium.operatorReplicas'],
  ['imagePullPolicy unknown', 'cilium: { imagePullPolicy: Sometimes }', 'cilium.imagePullPolicy'],
  ['hubbleTls unknown', 'cilium: { hubbleTls: helm }', 'cilium.hubbleTls'],
  ['agentImage garbage', 'cilium: { agentImage: "not an image!" }', 'cilium.agentImage'],
  // Multus
  ['defaultNetworkFile is OVN\'s', 'multus: { defaultNetworkFile: 10-ovn-kubernetes.conf }', 'multus.defaultNetworkFile'],
  ['defaultNetworkFile is Multus\'', 'multus: { defaultNetworkFile: 00-multus.conf }', 'multus.defaultNetworkFile'],
  ['defaultNetworkFile with a directory', 'multus: { defaultNetworkFile: /etc/cni/net.d/05-cilium.conflist }', 'multus.defaultNetworkFile'],
  ['multus namespace not a label', 'multus: { namespace: Bad_NS }', 'multus.namespace'],
  ['multus mode unknown', 'multus: { mode: thicker }', 'multus.mode'],
  ['multus image garbage', 'multus: { image: "a b" }', 'multus.image'],
  ['multus logLevel unknown', 'multus: { logLevel: loud }', 'multus.logLevel'],
  // OVN
  ['ovn mode unknown', 'ovn: { mode: hybrid }', 'ovn.mode'],
  ['ovn mtu too small', 'ovn: { mtu: 500 }', 'ovn.mtu'],
  ['ovn mtu IPv6 too small', `${v6}\novn: { mtu: 1200 }`, 'ovn.mtu'],
  ['ovn encapPort zero', 'ovn: { encapPort: 0 }', 'ovn.encapPort'],
  ['egressQos with secondary CNI', 'ovn: { egressQos: true }', 'ovn.egressQos'],
  ['hostNetworkNamespace is OVN\'s', 'ovn: { hostNetworkNamespace: ovn-kubernetes }', 'ovn.hostNetworkNamespace'],
  ['hostNetworkNamespace not a label', 'ovn: { hostNetworkNamespace: "a.b" }', 'ovn.hostNetworkNamespace'],
  ['imageTag garbage', 'ovn: { imageTag: "::" }', 'ovn.imageTag'],
  // networks
  ['network without name', 'networks: [{ subnets: [10.245.0.0/16/24] }]', 'networks[0].name'],
  ['network name uppercase', 'networks: [{ name: Net, subnets: [10.245.0.0/16/24] }]', 'networks[0]'],
  ['network reserved networkName', 'networks: [{ name: a, networkName: default, subnets: [10.245.0.0/16/24] }]', 'networks[0]'],
  ['network layer3 without subnets', 'networks: [{ name: a }]', 'networks[0]'],
  ['network layer3 bare cidr with host prefix too short', 'networks: [{ name: a, subnets: [10.245.0.0/25] }]', 'networks[0].subnets'],
  ['network topology unknown', 'networks: [{ name: a, topology: layer4 }]', 'networks[0].topology'],
  ['network vlan on layer2', 'networks: [{ name: a, topology: layer2, vlanId: 10 }]', 'networks[0]'],
  ['network vlan 4095', 'networks: [{ name: a, topology: localnet, vlanId: 4095 }]', 'networks[0]'],
  ['network persistent IPs on layer3', 'networks: [{ name: a, allowPersistentIps: true, subnets: [10.245.0.0/16/24] }]', 'networks[0]'],
  ['network exclude outside', 'networks: [{ name: a, topology: layer2, subnets: [10.245.0.0/24], excludeSubnets: [10.246.0.0/29] }]', 'networks[0]'],
  ['network two IPv4 subnets', 'networks: [{ name: a, topology: layer2, subnets: [10.245.0.0/24, 10.246.0.0/24] }]', 'networks[0]'],
  ['network primary on localnet', 'networks: [{ name: a, topology: localnet, role: primary, subnets: [10.245.0.0/24] }]', 'networks[0]'],
  ['network mtu too small', 'networks: [{ name: a, mtu: 100, subnets: [10.245.0.0/16/24] }]', 'networks[0]'],
  ['duplicate network', 'networks: [{ name: a, subnets: [10.245.0.0/16/24] }, { name: a, subnets: [10.245.0.0/16/24] }]', 'networks[1]'],
  ['one networkName, two configs', 'networks: [{ name: a, namespace: x, networkName: s, subnets: [10.245.0.0/16/24] }, { name: b, namespace: y, networkName: s, subnets: [10.246.0.0/16/24] }]', 'networks[1]'],
  ['one networkName, two topologies', 'networks: [{ name: a, networkName: s, topology: layer2 }, { name: b, networkName: s, topology: localnet }]', 'networks[1]'],
  ['two primary networks in a namespace', 'networks: [{ name: a, namespace: t, role: primary, topology: layer2, subnets: [10.245.0.0/24] }, { name: b, namespace: t, role: primary, topology: layer2, subnets: [10.246.0.0/24] }]\ndemo: { enabled: false }', 'networks[1]'],
  ['layer3 network too small for the nodes', 'networks: [{ name: a, subnets: [10.245.0.0/24/26] }]\naddressing: { nodeCount: 5, primaryPodCidrs: [10.244.0.0/16] }', 'networks[0].subnets'],
  ['network name huge', `networks: [{ name: "${huge}", subnets: [10.245.0.0/16/24] }]`, 'networks[0]'],
  ['nodeCount absurd', 'addressing: { nodeCount: 1e10 }', 'addressing.primaryPodCidrs[0]'],
  ['nodeMaskSize longer than an address', 'addressing: { nodeMaskSize: 33 }', 'addressing.nodeMaskSize'],
  ['network unknown key', 'networks: [{ name: a, subnet: [10.245.0.0/16/24] }]', 'networks[0].subnet'],
  ['__proto__ key', '__proto__: { x: 1 }', '__proto__'],
  ['demo nodeName not a string', 'demo: { pods: [{ name: a, nodeName: 5 }] }', 'demo.pods[0].nodeName'],
  ['network namespace not a label', 'networks: [{ name: a, namespace: "A_B", subnets: [10.245.0.0/16/24] }]', 'networks[0]'],
  // demo
  ['demo without networks', 'networks: []', 'demo'],
  ['demo pod without name', 'demo: { pods: [{ nodeName: x }] }', 'demo.pods[0].name'],
  ['demo pod name twice', 'demo: { pods: [{ name: a }, { name: a }] }', 'demo.pods[1].name'],
  ['demo pod name invalid', 'demo: { pods: [{ name: A }] }', 'demo.pods[0].name'],
  ['demo enabled string', 'demo: { enabled: "no" }', 'demo.enabled'],
  // CRDs
  ['networkCrds unknown key', 'networkCrds: { nads: true }', 'networkCrds.nads'],
  ['networkCrds wrong type', 'networkCrds: { ipamClaims: 1 }', 'networkCrds.ipamClaims'],
];

/** Legal, unusual setups: each must synthesize. */
/** Every key of the values file, each given a value of the wrong type: refused at exactly that key. */
const KEYS: Record<string, string[]> = {
  addressing: ['primaryPodCidrs', 'serviceCidrs', 'nodeNetworks', 'nodeCount', 'decoy', 'joinSubnets', 'transitSubnets', 'masqueradeSubnets', 'secondaryCni', 'nodeMaskSize', 'nodeMaskSizeIpv4', 'nodeMaskSizeIpv6', 'decoySearch'],
  cilium: ['ipam', 'podCidrs', 'cniExclusive', 'routingMode', 'tunnelProtocol', 'tunnelPort', 'ipv4NativeRoutingCidr', 'ipv6NativeRoutingCidr', 'kubeProxyReplacement', 'k8sServiceHost', 'k8sServicePort', 'socketLbHostNamespaceOnly', 'devices', 'clusterName', 'clusterId', 'operatorReplicas', 'imagePullPolicy', 'imageRegistry', 'agentImage', 'operatorImage', 'envoyImage', 'certgenImage', 'hubbleTls', 'clusterPool'],
  multus: ['mode', 'image', 'namespace', 'defaultNetworkFile', 'waitForDefaultNetwork', 'logLevel'],
  networkCrds: ['networkAttachmentDefinitions', 'multiNetworkPolicies', 'ipamClaims'],
  ovn: ['mode', 'mtu', 'encapPort', 'imageRepository', 'imageTag', 'imagePullPolicy', 'hostNetworkNamespace', 'persistentIps', 'egressQos'],
  demo: ['enabled', 'pods'],
};
const WRONG_TYPE: Array<[string, string, string]> = Object.entries(KEYS).flatMap(([section, keys]) => keys.map((key): [string, string, string] => {
  // A mapping is wrong for every scalar and list key; a section key gets a list instead.
  const section2 = ['decoySearch', 'clusterPool'].includes(key);
  return [`wrong type: ${section}.${key}`, `${section}:\n  ${key}: ${section2 ? '[1, 2]' : '{ a: 1 }'}`, `${section}.${key}`];
}));

const KEY_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\[\d+\])?(\.[A-Za-z][A-Za-z0-9]*(\[\d+\])?)*$/;

describe('values corpus', () => {
  const dir = tmp();
  const dist = path.join(dir, 'dist');
  const kind = path.join(dir, 'kind.yaml');
  let before: Record<string, string>;
  let kindBefore: string;

  beforeAll(() => {
    expect(run(['--outdir', dist, '--kind-config', kind]).code).toBe(0);
    before = listing(dist);
    kindBefore = fs.readFileSync(kind, 'latin1');
  });

  test('the corpus is large and its labels unique', () => {
    expect(REFUSED.length + WRONG_TYPE.length + ACCEPTED.length).toBeGreaterThan(200);
    const labels = [...REFUSED, ...WRONG_TYPE, ...ACCEPTED].map((c) => c[0]);
    expect(new Set(labels).size).toBe(labels.length);
  });

  test.each([...REFUSED, ...WRONG_TYPE])('refuses: %s', (label, text, keyPath) => {
    const file = path.join(dir, `${label.replace(/[^a-z0-9]+/gi, '-')}.yaml`);
    fs.writeFileSync(file, text);
    const r = run(['--values', file, '--outdir', dist, '--kind-config', kind]);
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    const line = r.err[0];
    expect(line.startsWith(`${file}: `)).toBe(true);
    const rest = line.slice(file.length + 2);
    const key = rest.slice(0, rest.indexOf(': '));
    expect(key).toMatch(KEY_PATH);
    expect(key).toBe(keyPath);
    expect(line).not.toMatch(/\n|\s+at \S+ \(|Error:|TypeError|undefined/);
    expect(line.length).toBeLessThan(1200); // huge values are cut, not echoed
    expect(line).toMatch(/nothing was written/);
    expect(listing(dist)).toEqual(before);
    expect(fs.readFileSync(kind, 'latin1')).toBe(kindBefore);
  });

  test.each(ACCEPTED)('accepts: %s', (_label, text) => {
    const sub = tmp();
    const file = path.join(sub, 'values.yaml');
    fs.writeFileSync(file, text);
    const r = run(['--values', file, '--outdir', path.join(sub, 'dist'), '--kind-config', path.join(sub, 'kind.yaml')]);
    expect(r.err.filter((l) => !l.startsWith('warning: '))).toEqual([]);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(sub, 'dist', '02-cilium.k8s.yaml'))).toBe(true);
  });

  test('input that is not UTF-8, not YAML or not a file is refused on one line, bytes escaped', () => {
    const cases: Array<[string, Buffer, RegExp]> = [
      ['latin1.yaml', Buffer.from('apiServer: "caf\xe9"\n', 'latin1'), /: line 1: not valid UTF-8: "apiServer: \\x22caf\\xe9\\x22"/],
      ['broken.yaml', Buffer.from('a: [\n'), /: not valid YAML: /],
      ['twice.yaml', Buffer.from('ovn: {}\novn: {}\n'), /: not valid YAML: .*unique/],
      ['docs.yaml', Buffer.from('ovn: {}\n---\novn: {}\n'), /: not valid YAML: /],
      ['list.yaml', Buffer.from('- 1\n- 2\n'), /: values: invalid value \[1,2\]: expected a mapping/],
      ['scalar.yaml', Buffer.from('hello\n'), /: values: invalid value "hello": expected a mapping/],
      ['control.yaml', Buffer.from('apiServer: "\\u0007\\u001b[31m"\n'), /apiServer: invalid api server address "(\\x07\\x1b|\\u0007\\u001b)\[31m"/],
    ];
    for (const [name, bytes, message] of cases) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      const r = run(['--values', file, '--outdir', dist, '--kind-config', kind]);
      expect({ name, code: r.code }).toEqual({ name, code: 1 });
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(message);
      // eslint-disable-next-line no-control-regex -- the test looks for control characters
      expect(r.err[0]).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\ufffd]/);
      expect(listing(dist)).toEqual(before);
    }
    const r = run(['--values', dir, '--outdir', dist, '--kind-config', kind]);
    expect(r.err).toEqual([expect.stringMatching(/: cannot read: is a directory/)]);
  });

  test('the real bin/synth.js refuses a sample the same way, with no stack trace', () => {
    for (const [name, text, keyPath] of [REFUSED[2], REFUSED[36], REFUSED[80]]) {
      const file = path.join(dir, `bin-${name.replace(/[^a-z0-9]+/gi, '-')}.yaml`);
      fs.writeFileSync(file, text);
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'synth.js'), '--values', file, '--outdir', dist, '--kind-config', kind], { cwd: ROOT, encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')).toEqual([expect.stringMatching(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ${keyPath.replace(/[.[\]]/g, '\\$&')}: `)), '']);
    }
    expect(listing(dist)).toEqual(before);
  });
});
