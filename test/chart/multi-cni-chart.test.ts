import { Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import {
  CiliumPrimary, DecoyNetwork, IpamMode, MultiCniChart, MultiCniChartProps, OvnDeploymentMode, OvnTopology,
  RangeRole, RoutingMode, TunnelProtocol, checkManifestObjects,
} from '../../src';
import { synthesize } from '../../src/app/synthesize';
import { valuesToProps } from '../../src/app/values';
import { validateManifests } from '../util/k8s-schema';

const API = 'https://ovn-control-plane:6443';

/** Synthesizes like the app does and reads every file back as YAML (the contract is the text). */
function readBack(props: MultiCniChartProps) {
  const synth = synthesize(props);
  // the manifests (the address-plan files hold no objects)
  const out = { ...synth, files: synth.files.filter((f) => f.objects.length > 0) };
  const objects = out.files.flatMap((f) => parseAllDocuments(f.content).map((d) => d.toJS()));
  const kind = parseAllDocuments(out.kindConfig)[0].toJS();
  return { out, objects, kind };
}

function byKind(objects: any[], kind: string, name: string) {
  return objects.find((o) => o.kind === kind && o.metadata?.name === name);
}

function countByKind(objects: any[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of objects) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
  return counts;
}

// The defaults: the seed's deployment with the current releases (Cilium 1.20.0, Multus v4.3.0); preset: seed
// (test/app/seed-preset.test.ts) gives the seed's releases.
describe('MultiCniChart with the default values', () => {
  const { out, objects, kind } = readBack(valuesToProps({}));

  // No snapshot here: each component's objects are in its own snapshot (test/<component>/__snapshots__);
  // the chart's own facts are what it composes and wires between the components, asserted below.
  test('objects per file, by kind', () => {
    const counts = Object.fromEntries(out.files.map((f) => [f.path, countByKind(f.objects)]));
    expect(counts).toEqual({
      '01-network-crds.k8s.yaml': { CustomResourceDefinition: 3 },
      // as `helm template` of the 1.20.0 chart (upstream cilium/1.20.0/seed.yaml): from 1.18 the namespace
      // cilium-secrets with the TLS-interception Roles, from 1.20 the operator's ztunnel Role
      '02-cilium.k8s.yaml': {
        Namespace: 1, ServiceAccount: 4, ClusterRole: 2, ClusterRoleBinding: 2, Role: 5, RoleBinding: 5, ConfigMap: 2, DaemonSet: 2, Service: 2,
        Deployment: 1, CronJob: 1, Job: 1,
      },
      '03-multus.k8s.yaml': { ServiceAccount: 1, ClusterRole: 1, ClusterRoleBinding: 1, DaemonSet: 1 },
      '04-ovn-kubernetes.k8s.yaml': {
        Namespace: 2, ConfigMap: 2 /* ovn-config, the address-plan record */, Role: 4, ServiceAccount: 3, ClusterRole: 4, ClusterRoleBinding: 4, RoleBinding: 5, Service: 1,
        Deployment: 2, DaemonSet: 2,
      },
      'stage2/01-networks.k8s.yaml': { NetworkAttachmentDefinition: 1 },
      'stage2/02-demo.k8s.yaml': { Pod: 2 },
    });
    const crds = out.files.find((f) => f.path === '01-network-crds.k8s.yaml')!.objects.map((o) => o.metadata.name);
    expect(crds).toEqual(['network-attachment-definitions.k8s.cni.cncf.io', 'multi-networkpolicies.k8s.cni.cncf.io', 'ipamclaims.k8s.cni.cncf.io']);
  });

  test('Multus is pinned to the conf file Cilium writes, and waits for it', () => {
    expect(CiliumPrimary.CNI_CONF_FILE).toBe('05-cilium.conflist');
    expect(byKind(objects, 'ConfigMap', 'cilium-config').data['write-cni-conf-when-ready']).toBe('/host/etc/cni/net.d/05-cilium.conflist');
    const multus = byKind(objects, 'DaemonSet', 'kube-multus-ds').spec.template.spec;
    const args: string[] = multus.containers.flatMap((c: any) => [...(c.command ?? []), ...(c.args ?? [])]);
    expect(args).toEqual(expect.arrayContaining([
      '--multus-master-cni-file-name=05-cilium.conflist', '--readiness-indicator-file=/etc/cni/net.d/05-cilium.conflist',
    ]));
  });

  test('the ranges the chart hands OVN-Kubernetes: the decoy as its pod range, the real services, its own join and masquerade', () => {
    const ovn = byKind(objects, 'ConfigMap', 'ovn-config').data;
    expect({ net: ovn.net_cidr, svc: ovn.svc_cidr, join: ovn.v4_join_subnet, masquerade: ovn.v4_masquerade_subnet })
      .toEqual({ net: '10.254.0.0/16/24', svc: '10.96.0.0/16', join: '100.64.0.0/16', masquerade: '169.254.0.0/17' });
    // the decoy is not Cilium's pod range (kind's podSubnet, which kubernetes IPAM hands out)
    expect(kind.networking.podSubnet).toBe('10.244.0.0/16');
    // every OVN-Kubernetes workload reads the decoy from that ConfigMap, none carries its own copy
    const workloads = objects.filter((o) => ['DaemonSet', 'Deployment'].includes(o.kind) && o.metadata.namespace === 'ovn-kubernetes');
    expect(workloads.map((o) => o.metadata.name).sort()).toEqual(['ovnkube-db', 'ovnkube-master', 'ovnkube-node', 'ovs-node']);
    const netCidrEnv = workloads.flatMap((o) => o.spec.template.spec.containers.flatMap((c: any) => c.env ?? []))
      .filter((e: any) => e.name === 'OVN_NET_CIDR');
    expect(netCidrEnv.length).toBeGreaterThan(0);
    for (const e of netCidrEnv) expect(e.valueFrom.configMapKeyRef).toEqual({ name: 'ovn-config', key: 'net_cidr' });
  });

  test('the tunnels do not share a port: OVN\'s Geneve on 6081, Cilium\'s VXLAN on its default 8472', () => {
    expect(byKind(objects, 'ConfigMap', 'cilium-config').data).toMatchObject({ 'routing-mode': 'tunnel', 'tunnel-protocol': 'vxlan' });
    expect(byKind(objects, 'ConfigMap', 'cilium-config').data['tunnel-port']).toBeUndefined();
    const encap = objects.flatMap((o) => o.spec?.template?.spec?.containers ?? []).flatMap((c: any) => c.env ?? [])
      .filter((e: any) => e.name === 'OVN_ENCAP_PORT').map((e: any) => e.value);
    expect(encap.length).toBeGreaterThan(0);
    expect(new Set(encap)).toEqual(new Set(['6081']));
  });

  test('layout: stage 1 files in apply order, stage 2 for NADs and the demo pods', () => {
    expect(out.files.map((f) => f.path)).toEqual([
      '01-network-crds.k8s.yaml', '02-cilium.k8s.yaml', '03-multus.k8s.yaml', '04-ovn-kubernetes.k8s.yaml',
      'stage2/01-networks.k8s.yaml', 'stage2/02-demo.k8s.yaml',
    ]);
    const stage2 = out.files.filter((f) => f.path.startsWith('stage2/')).flatMap((f) => f.objects);
    expect(stage2.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['NetworkAttachmentDefinition/ovn-stream-veth', 'Pod/tinypod', 'Pod/tinypod2']);
    // no stage-1 object is a custom resource of a CRD shipped in stage 1
    const stage1 = out.files.filter((f) => !f.path.startsWith('stage2/')).flatMap((f) => f.objects);
    expect(stage1.filter((o) => String(o.apiVersion).startsWith('k8s.cni.cncf.io/'))).toEqual([]);
    // namespaces come before anything in them within the OVN file
    const ovn = out.files.find((f) => f.path === '04-ovn-kubernetes.k8s.yaml')!.objects;
    const firstNs = ovn.findIndex((o) => o.metadata.namespace === 'ovn-kubernetes');
    expect(ovn.findIndex((o) => o.kind === 'Namespace' && o.metadata.name === 'ovn-kubernetes')).toBeLessThan(firstNs);
  });

  test('the seed\'s facts, read from the YAML', () => {
    const cilium = byKind(objects, 'ConfigMap', 'cilium-config').data;
    expect(cilium.ipam).toBe('kubernetes');
    expect(cilium['cni-exclusive']).toBe('false');
    const ovn = byKind(objects, 'ConfigMap', 'ovn-config').data;
    expect(ovn.net_cidr).toBe('10.254.0.0/16/24');
    expect(ovn.svc_cidr).toBe('10.96.0.0/16');
    expect(ovn.mtu).toBe('1400');
    expect(ovn.k8s_apiserver).toBe(API);
    const nad = byKind(objects, 'NetworkAttachmentDefinition', 'ovn-stream-veth');
    expect(JSON.parse(nad.spec.config)).toMatchObject({ topology: 'layer3', subnets: '10.245.0.0/16/24', mtu: 1300, netAttachDefName: 'default/ovn-stream-veth' });
    for (const pod of ['tinypod', 'tinypod2']) {
      expect(byKind(objects, 'Pod', pod).metadata.annotations['k8s.v1.cni.cncf.io/networks']).toBe('ovn-stream-veth');
    }
    const multus = byKind(objects, 'DaemonSet', 'kube-multus-ds');
    expect(JSON.stringify(multus)).toContain(`--multus-master-cni-file-name=${CiliumPrimary.CNI_CONF_FILE}`);
    expect(kind.networking).toEqual({ disableDefaultCNI: true, podSubnet: '10.244.0.0/16', serviceSubnet: '10.96.0.0/16' });
  });

  test('CIDRs read back from the YAML (and the kind config) are pairwise disjoint', () => {
    const result = checkManifestObjects([...objects, kind]);
    expect(result.problems).toEqual([]);
    const found = new Set(result.ranges.map((r) => `${r.role}=${r.cidr}`));
    for (const expected of ['primary pod=10.244.0.0/16', 'service=10.96.0.0/16', 'decoy pod=10.254.0.0/16', 'ovn join=100.64.0.0/16',
      'ovn masquerade=169.254.0.0/17', 'secondary network=10.245.0.0/16']) {
      expect(found).toContain(expected);
    }
  });

  test('every object is valid: built-ins against upstream Kubernetes, custom resources against the shipped CRDs', () => {
    expect(validateManifests(objects)).toEqual([]);
  });

  test('synth twice gives byte-identical files', () => {
    const again = synthesize(valuesToProps({}));
    expect(again.files.filter((f) => f.objects.length > 0).map((f) => [f.path, f.content])).toEqual(out.files.map((f) => [f.path, f.content]));
    expect(again.kindConfig).toBe(out.kindConfig);
  });
});

describe('MultiCniChart variants', () => {
  test('dual-stack, interconnect, cluster-pool: disjoint and valid', () => {
    const { objects, kind } = readBack({
      apiServer: 'https://[fc00:f853:ccd:e793::2]:6443',
      addressing: {
        serviceCidrs: ['10.96.0.0/16', 'fd00:10:96::/112'],
        nodeNetworks: ['172.18.0.0/16', 'fc00:f853:ccd:e793::/64'],
        decoy: DecoyNetwork.fixed('10.254.0.0/16/24,fd00:10:254::/48/64'),
      },
      cilium: { ipam: IpamMode.clusterPool({ podCidrs: ['10.244.0.0/16', 'fd00:10:244::/56'] }) },
      ovn: { mode: OvnDeploymentMode.INTERCONNECT },
      networks: [
        { name: 'l3', subnets: ['10.245.0.0/16/24', 'fd00:10:245::/48/64'] },
        { name: 'l2', topology: OvnTopology.LAYER2, subnets: ['192.168.10.0/24', 'fd00:192:168:10::/64'], allowPersistentIps: true },
      ],
    });
    const result = checkManifestObjects([...objects, kind]);
    expect(result.problems).toEqual([]);
    const families = new Set(result.ranges.map((r) => r.family));
    expect(families.size).toBe(2);
    expect(byKind(objects, 'ConfigMap', 'ovn-config').data.net_cidr).toBe('10.254.0.0/16/24,fd00:10:254::/48/64');
    expect(kind.networking.ipFamily).toBe('dual');
    expect(validateManifests(objects)).toEqual([]);
  });

  test('a large generated set of networks: disjoint in the YAML, and one planted overlap is caught', () => {
    const networks = Array.from({ length: 200 }, (_, i) => ({
      name: `net-${i}`,
      namespace: `tenant-${i % 7}`,
      topology: [OvnTopology.LAYER3, OvnTopology.LAYER2, OvnTopology.LOCALNET][i % 3],
      subnets: [i % 3 === 0 ? `10.${100 + Math.floor(i / 3)}.0.0/16/24` : `172.${20 + (i % 10)}.${Math.floor(i / 10)}.0/24`],
    }));
    const { objects, kind } = readBack({ apiServer: API, networks, demo: false });
    const result = checkManifestObjects([...objects, kind]);
    expect(result.problems).toEqual([]);
    expect(result.ranges.filter((r) => r.role === RangeRole.SECONDARY_NETWORK.name)).toHaveLength(200);

    const planted = [...networks, { name: 'intruder', namespace: 'x', topology: OvnTopology.LOCALNET, subnets: ['172.25.3.128/25'] }];
    expect(() => synthesize({ apiServer: API, networks: planted, demo: false }))
      .toThrow(/overlap: secondary network "net-\d+" 172\.25\.3\.0\/24 \(owner: multicni\/networks\/tenant-\d\.net-\d+\) overlaps secondary network "intruder" 172\.25\.3\.128\/25/);
  });

  test('a decoy that collides with Cilium fails at synth, naming both', () => {
    expect(() => synthesize({ apiServer: API, addressing: { decoy: DecoyNetwork.fixed('10.244.0.0/16/24') } }))
      .toThrow(/primary pod "primary pod range" 10\.244\.0\.0\/16 \(owner: multicni\/addressing, multicni\/cilium\) overlaps decoy pod/);
  });

  test('component errors name the component', () => {
    expect(() => new MultiCniChart(Testing.app(), 'c', { apiServer: 'http://x' })).toThrow(/^ovn: apiServer/);
    expect(() => new MultiCniChart(Testing.app(), 'c', { apiServer: API, networks: [{ name: 'default', subnets: ['10.1.0.0/16/24'] }] }))
      .toThrow(/^networks\[0\]: network default\/default: name: invalid value "default": expected a network name .*other than "default" and "ovn-kubernetes"/);
    expect(() => new MultiCniChart(Testing.app(), 'c', { apiServer: API, networks: [] }))
      .toThrow(/^demo: invalid value true: expected false while networks is empty \(the demo pods attach to the first network\), or a network in networks$/);
  });

  test('the chart prefixes a component\'s own field path with its section once (components never prefix themselves)', () => {
    const error = (props: Omit<MultiCniChartProps, 'apiServer'>) => {
      try {
        new MultiCniChart(Testing.app(), 'c', { apiServer: API, ...props });
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(error({ cilium: { operatorReplicas: 0 } })).toBe('cilium: operatorReplicas: invalid value 0: expected a whole number, at least 1');
    expect(error({ demoPods: [{ name: 'a' }, { name: 'a' }] })).toBe('demo: pods[1].name: invalid value "a": expected a name no other pod has: pods[0] is named so already');
    expect(error({ ovn: { mtu: 100 } })).toMatch(/^ovn: mtu: invalid value 100: /);
    expect(error({ cilium: { podCidrs: ['10.50.0.0/16'] }, addressing: { primaryPodCidrs: ['10.244.0.0/16'] } }))
      .toBe('cilium.podCidrs: invalid value ["10.50.0.0/16"]: expected the ranges of addressing.primaryPodCidrs ["10.244.0.0/16"], or only one of the two: both are the cluster\'s pod range (Cilium allocates pod addresses from it)');
    // The same components alone name only their own props.
    expect(() => new CiliumPrimary(Testing.chart(), 'c', { operatorReplicas: 0 })).toThrow(/^operatorReplicas: invalid value 0: /);
  });

  test('demo off leaves stage 2 with the networks only', () => {
    const { out } = readBack({ apiServer: API, demo: false });
    expect(out.files.map((f) => f.path).filter((f) => f.startsWith('stage2/'))).toEqual(['stage2/01-networks.k8s.yaml']);
  });
});

describe('the tunnel ports: Cilium\'s resolved tunnel port against OVN\'s resolved encapPort, at synth', () => {
  const chart = (props: Partial<MultiCniChartProps>) => new MultiCniChart(Testing.app(), 'c', { apiServer: API, ...props });
  const envValues = (objects: any[], name: string) => objects.flatMap((o) => o.spec?.template?.spec?.containers ?? [])
    .flatMap((c: any) => c.env ?? []).filter((e: any) => e.name === name).map((e: any) => e.value);

  test.each<[string, Partial<MultiCniChartProps>, RegExp]>([
    ['OVN moved onto Cilium\'s vxlan default', { ovn: { encapPort: 8472 } },
      /plan: udp port 8472 is both ovn encapPort \(set; c\/ovn-kubernetes\) and cilium tunnelPort \(the vxlan default; c\/cilium\)/],
    ['Cilium\'s geneve default on OVN\'s default', { cilium: { tunnelProtocol: TunnelProtocol.GENEVE } },
      /plan: udp port 6081 is both ovn encapPort \(the default; c\/ovn-kubernetes\) and cilium tunnelPort \(the geneve default; c\/cilium\)/],
    ['both moved onto 7000', { cilium: { tunnelPort: 7000 }, ovn: { encapPort: 7000 } },
      /plan: udp port 7000 is both ovn encapPort \(set; c\/ovn-kubernetes\) and cilium tunnelPort \(set; c\/cilium\)/],
  ])('refused: %s', (_name, props, message) => {
    const c = chart(props); // construction accepts each side: the conflict is between two components
    expect(() => Testing.synth(c)).toThrow(message);
    expect(() => Testing.synth(c)).toThrow(/both tunnels bind their port in every node's host network namespace, so the second to start fails with "address already in use"; choose another port for one of them: ovn encapPort or cilium tunnelPort/);
  });

  test('geneve on 6081 beside OVN moved to 7000 is accepted (the old rule compared with OVN\'s default port)', () => {
    const { objects } = readBack({ apiServer: API, cilium: { tunnelProtocol: TunnelProtocol.GENEVE }, ovn: { encapPort: 7000 } });
    const config = byKind(objects, 'ConfigMap', 'cilium-config').data;
    expect([config['routing-mode'], config['tunnel-protocol'], config['tunnel-port']]).toEqual(['tunnel', 'geneve', undefined]);
    expect(new Set(envValues(objects, 'OVN_ENCAP_PORT'))).toEqual(new Set(['7000']));
  });

  test.each<[string, Partial<MultiCniChartProps>]>([
    ['OVN on vxlan\'s 8472', { ovn: { encapPort: 8472 } }],
    ['tunnelPort on OVN\'s 6081', { cilium: { tunnelPort: 6081 } }],
    ['geneve on OVN\'s 6081', { cilium: { tunnelProtocol: TunnelProtocol.GENEVE } }],
    ['tunnelPort equal to a moved encapPort', { cilium: { tunnelPort: 7000 }, ovn: { encapPort: 7000 } }],
  ])('native routing binds no tunnel port: %s is accepted', (_name, props) => {
    const cilium = { routingMode: RoutingMode.NATIVE, ipv4NativeRoutingCidr: '10.244.0.0/16', ...props.cilium };
    const { objects } = readBack({ apiServer: API, ...props, cilium });
    expect(byKind(objects, 'ConfigMap', 'cilium-config').data['routing-mode']).toBe('native');
  });
});

test('Cilium\'s cluster-pool mask size is checked against the node count', () => {
  const props = (nodeCount: number): MultiCniChartProps => ({
    apiServer: API,
    addressing: { nodeCount },
    cilium: { ipam: IpamMode.clusterPool({ podCidrs: ['10.244.0.0/22'], ipv4MaskSize: 24 }) },
  });
  expect(() => synthesize(props(4))).not.toThrow();
  expect(() => synthesize(props(5))).toThrow(
    /node subnets: primary pod "primary pod range" 10\.244\.0\.0\/22\/24 \(owner: multicni\/addressing, multicni\/cilium\) splits into 4 node subnets of \/24, fewer than the 5 nodes/,
  );
});
