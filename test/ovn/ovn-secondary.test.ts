import { Testing } from 'cdk8s';
import { ImagePullPolicy } from 'cdk8s-plus-28';
import { DeceptiveNetworkConfig, DecoyNetwork } from '../../src/deception';
import { OvnDeploymentMode, OvnSecondary, OvnSecondaryProps } from '../../src/ovn';
import { validateManifests } from '../util/k8s-schema';
import { build, containers, envValue, find, Obj, ovnConfig, synth, target } from './fixtures';

const CENTRAL = OvnDeploymentMode.CENTRAL;
const INTERCONNECT = OvnDeploymentMode.INTERCONNECT;

// Facts from dist/images/ovnkube.sh of the seed's branch (flavio-fernandes/ovn-kubernetes@multicni), written
// down here independently of the code under test.
/** Targets that turn OVN_SECONDARY_CNI_ENABLE=true into --secondary-cni (and multi-network into flags). */
const SECONDARY_CNI_TARGETS = ['ovn-master', 'ovnkube-controller', 'ovnkube-controller-with-node', 'ovn-cluster-manager', 'ovn-node'];
/** Targets of `ovn-kube-util readiness-probe -t`. */
const READINESS_TARGETS = ['ovn-controller', 'ovnnb-db', 'ovnsb-db', 'ovn-northd', 'ovs-daemons', 'ovnkube-node'];
/** Feature switches the seed turns off (ovnkube.sh defaults identity to true, so "off" must be explicit). */
const OFF_SWITCHES = [
  'OVN_ENABLE_OVNKUBE_IDENTITY', 'OVN_EGRESSIP_ENABLE', 'OVN_EGRESSSERVICE_ENABLE', 'OVN_EGRESSFIREWALL_ENABLE',
  'OVN_ENABLE_MULTI_EXTERNAL_GATEWAY', 'OVN_EGRESSQOS_ENABLE',
];

const kinds = (objs: Obj[]) => objs.map((o) => `${o.kind}/${o.metadata.name}`);
const ovnkubeContainers = (objs: Obj[]) => containers(objs).filter((f) => SECONDARY_CNI_TARGETS.includes(target(f.container)));

describe.each([CENTRAL, INTERCONNECT])('OvnSecondary, %s mode, minimal props', (mode) => {
  const objs = synth({ mode });

  test('snapshot', () => {
    expect(objs).toMatchSnapshot();
  });

  test('valid against the upstream Kubernetes schemas', () => {
    expect(validateManifests(objs)).toEqual([]);
  });

  test('ovn-config holds the seed values: decoy net_cidr, real svc_cidr, mtu 1400', () => {
    expect(ovnConfig(objs)).toMatchObject({
      net_cidr: '10.254.0.0/16/24',
      svc_cidr: '10.96.0.0/16',
      mtu: '1400',
      k8s_apiserver: 'https://172.18.0.2:6443',
      host_network_namespace: 'ovn-host-network',
    });
    expect(find(objs, 'ConfigMap', 'ovn-config').metadata.namespace).toBe('ovn-kubernetes');
  });

  test('secondary-CNI and multi-network env in every container whose target reads them', () => {
    const found = ovnkubeContainers(objs);
    expect(found.map((f) => `${f.workload}/${f.container.name}`).sort()).toEqual(mode === CENTRAL
      ? ['ovnkube-master/ovnkube-master', 'ovnkube-node/ovnkube-node']
      : ['ovnkube-control-plane/ovnkube-cluster-manager', 'ovnkube-node/ovnkube-controller']);
    for (const { container } of found) {
      expect([container.name, envValue(objs, container, 'OVN_SECONDARY_CNI_ENABLE')]).toEqual([container.name, 'true']);
      expect([container.name, envValue(objs, container, 'OVN_MULTI_NETWORK_ENABLE')]).toEqual([container.name, 'true']);
      expect([container.name, envValue(objs, container, 'OVN_ENABLE_INTERCONNECT')]).toEqual([container.name, String(mode === INTERCONNECT)]);
      for (const sw of OFF_SWITCHES) {
        expect([container.name, sw, envValue(objs, container, sw)]).toEqual([container.name, sw, 'false']);
      }
    }
  });

  test('the OVN-internal ranges reach every ovnkube container; transit only the interconnect cluster manager', () => {
    for (const { container } of ovnkubeContainers(objs)) {
      expect(envValue(objs, container, 'OVN_NET_CIDR')).toBe('10.254.0.0/16/24');
      expect(envValue(objs, container, 'OVN_SVC_CIDR')).toBe('10.96.0.0/16');
      expect(envValue(objs, container, 'OVN_V4_JOIN_SUBNET')).toBe('100.64.0.0/16');
      expect(envValue(objs, container, 'OVN_V4_MASQUERADE_SUBNET')).toBe('169.254.0.0/17');
      expect(envValue(objs, container, 'OVN_V6_JOIN_SUBNET')).toBeUndefined();
    }
    const transit = containers(objs).filter((f) => envValue(objs, f.container, 'OVN_V4_TRANSIT_SWITCH_SUBNET') !== undefined);
    if (mode === CENTRAL) {
      expect(transit).toEqual([]);
      expect(Object.keys(ovnConfig(objs)).filter((k) => k.includes('transit'))).toEqual([]);
    } else {
      expect(transit.map((f) => f.container.name)).toEqual(['ovnkube-cluster-manager']);
      // The branch's name and the release-1.2+ name carry the same value.
      expect(envValue(objs, transit[0].container, 'OVN_V4_TRANSIT_SWITCH_SUBNET')).toBe('100.88.0.0/16');
      expect(envValue(objs, transit[0].container, 'OVN_V4_TRANSIT_SUBNET')).toBe('100.88.0.0/16');
    }
  });

  test('every env reference into ovn-config names an existing key', () => {
    for (const { container } of containers(objs)) {
      for (const e of container.env ?? []) {
        expect(() => envValue(objs, container, e.name)).not.toThrow();
      }
    }
  });

  test('workloads and their containers per mode, each running /root/ovnkube.sh <target>', () => {
    const layout = containers(objs).map((f) => `${f.workload}/${f.container.name}=${target(f.container)}`);
    expect(layout).toEqual(mode === CENTRAL ? [
      'ovnkube-db/nb-ovsdb=nb-ovsdb', 'ovnkube-db/sb-ovsdb=sb-ovsdb',
      'ovnkube-master/ovn-northd=run-ovn-northd', 'ovnkube-master/ovnkube-master=ovn-master',
      'ovnkube-node/ovnkube-node=ovn-node', 'ovnkube-node/ovn-controller=ovn-controller',
      'ovnkube-node/ovs-metrics-exporter=ovs-metrics', 'ovs-node/ovs-daemons=ovs-server',
    ] : [
      'ovnkube-control-plane/ovnkube-cluster-manager=ovn-cluster-manager',
      'ovnkube-node/nb-ovsdb=local-nb-ovsdb', 'ovnkube-node/sb-ovsdb=local-sb-ovsdb',
      'ovnkube-node/ovn-northd=run-ovn-northd', 'ovnkube-node/ovnkube-controller=ovnkube-controller-with-node',
      'ovnkube-node/ovn-controller=ovn-controller', 'ovnkube-node/ovs-metrics-exporter=ovs-metrics',
      'ovs-node/ovs-daemons=ovs-server',
    ]);
  });

  test('every container states the daemonset version and probes only known readiness targets', () => {
    for (const { container } of containers(objs)) {
      expect(envValue(objs, container, 'OVN_DAEMONSET_VERSION')).toBe('1.0.0');
      const probe = container.readinessProbe?.exec?.command;
      if (probe) {
        expect(probe.slice(0, 3)).toEqual(['/usr/bin/ovn-kube-util', 'readiness-probe', '-t']);
        expect(READINESS_TARGETS).toContain(probe[3]);
      }
    }
  });

  test('interconnect: every node-pod daemon uses the local databases; central: none does', () => {
    const nodePod = containers(objs).filter((f) => f.workload === 'ovnkube-node');
    for (const { container } of nodePod) {
      const expected = mode === INTERCONNECT ? 'local' : undefined;
      expect([container.name, envValue(objs, container, 'OVN_NORTH'), envValue(objs, container, 'OVN_SOUTH')])
        .toEqual([container.name, expected, expected]);
    }
  });

  test('pod conventions: host network, node resolver, critical priority, tolerate all, linux only', () => {
    const workloads = objs.filter((o) => o.kind === 'Deployment' || o.kind === 'DaemonSet');
    expect(workloads.length).toBeGreaterThan(1);
    for (const w of workloads) {
      const pod = w.spec.template.spec;
      expect(pod).toMatchObject({
        hostNetwork: true, dnsPolicy: 'Default', priorityClassName: 'system-cluster-critical',
        tolerations: [{ operator: 'Exists' }], nodeSelector: { 'kubernetes.io/os': 'linux' },
      });
      expect(w.metadata.namespace).toBe('ovn-kubernetes');
      expect(w.spec.template.metadata.labels).toMatchObject({ component: 'network', type: 'infra', name: w.metadata.name });
      // Upstream selectors, so that an install made with the seed's helm chart can be replaced in place.
      expect(w.spec.selector.matchLabels).toEqual(w.kind === 'DaemonSet' ? { app: w.metadata.name } : { name: w.metadata.name });
    }
  });

  test('volumes: every mount has its host path, every host path is mounted', () => {
    for (const w of objs.filter((o) => o.kind === 'Deployment' || o.kind === 'DaemonSet')) {
      const pod = w.spec.template.spec;
      const declared = (pod.volumes as any[]).map((v) => v.name).sort();
      const used = [...new Set((pod.containers as any[]).flatMap((c) => c.volumeMounts.map((m: any) => m.name)))].sort();
      expect([w.metadata.name, declared]).toEqual([w.metadata.name, used]);
      for (const v of pod.volumes) expect(v.hostPath.path).toMatch(/^\//);
    }
  });

  test('host paths: ovnkube on the node reaches the CNI dirs and netns; OVS gets modules and its database', () => {
    // container path -> host path (+ flags), resolved through the pod's volumes
    const mounts = (workload: string, name: string) => {
      const f = containers(objs).find((x) => x.workload === workload && x.container.name === name)!;
      const hostPath = (vol: string) => f.pod.volumes.find((v: any) => v.name === vol).hostPath.path;
      return Object.fromEntries(f.container.volumeMounts.map((m: any) =>
        [m.mountPath, `${hostPath(m.name)}${m.readOnly ? ' ro' : ''}${m.mountPropagation ? ' ' + m.mountPropagation : ''}`]));
    };
    const node = mounts('ovnkube-node', mode === CENTRAL ? 'ovnkube-node' : 'ovnkube-controller');
    expect(node).toMatchObject({
      '/etc/cni/net.d': '/etc/cni/net.d', // where 10-ovn-kubernetes.conf is written
      '/opt/cni/bin': '/opt/cni/bin', // where ovn-k8s-cni-overlay is installed
      '/var/run/netns': '/var/run/netns Bidirectional',
      '/var/run/ovn-kubernetes': '/var/run/ovn-kubernetes', // CNI server socket
      '/var/run/openvswitch': '/var/run/openvswitch',
      '/host': '/ ro',
    });
    expect(mounts('ovs-node', 'ovs-daemons')).toMatchObject({
      '/lib/modules': '/lib/modules ro',
      '/etc/openvswitch': '/etc/origin/openvswitch',
      '/run/openvswitch': '/run/openvswitch',
      '/var/run/openvswitch': '/var/run/openvswitch',
      '/sys': '/sys',
    });
  });

  test('privileged containers are exactly OVS and ovnkube on the node', () => {
    const privileged = containers(objs).filter((f) => f.container.securityContext?.privileged).map((f) => f.container.name);
    expect(privileged.sort()).toEqual(['ovs-daemons', mode === CENTRAL ? 'ovnkube-node' : 'ovnkube-controller'].sort());
    for (const { container } of containers(objs)) expect(container.securityContext.runAsUser).toBe(0);
  });

  test('no k8s.ovn.org CRD is shipped with the defaults, nor any multi-networking CRD', () => {
    expect(objs.filter((o) => o.kind === 'CustomResourceDefinition')).toEqual([]);
  });

  test('every container runs the default image, the seed\'s local build with the secondary-CNI option', () => {
    for (const { container } of containers(objs)) {
      expect(container.image).toBe('localhost/ovn-daemonset-f:dev');
      expect(container.imagePullPolicy).toBe('IfNotPresent');
    }
    expect(`${OvnSecondary.DEFAULT_IMAGE_REPOSITORY}:${OvnSecondary.DEFAULT_IMAGE_TAG}`)
      .toBe('localhost/ovn-daemonset-f:dev');
  });
});

describe('OvnSecondary, mode-specific objects', () => {
  test('central: databases behind a headless selector-less Service on 6641/6642, ovnkube-master', () => {
    const objs = synth();
    const svc = find(objs, 'Service', 'ovnkube-db');
    expect(svc.spec).toMatchObject({ clusterIP: 'None' });
    expect(svc.spec.selector).toBeUndefined(); // nb-ovsdb writes the endpoints itself
    expect(svc.spec.ports.map((p: any) => `${p.name}:${p.port}`)).toEqual(['north:6641', 'south:6642']);
    expect(kinds(objs)).toEqual(expect.arrayContaining(['Deployment/ovnkube-db', 'Deployment/ovnkube-master', 'DaemonSet/ovnkube-node', 'DaemonSet/ovs-node']));
    expect(kinds(objs)).not.toContain('Deployment/ovnkube-control-plane');
    expect(find(objs, 'DaemonSet', 'ovnkube-node').spec.template.spec.affinity).toBeUndefined();
  });

  test('interconnect: ovnkube-node only on nodes with the zone label, no central databases', () => {
    const objs = synth({ mode: INTERCONNECT });
    expect(kinds(objs)).toEqual(expect.arrayContaining(['Deployment/ovnkube-control-plane', 'DaemonSet/ovnkube-node', 'DaemonSet/ovs-node']));
    expect(kinds(objs).filter((k) => /ovnkube-db|ovnkube-master/.test(k))).toEqual([]);
    const terms = find(objs, 'DaemonSet', 'ovnkube-node').spec.template.spec.affinity.nodeAffinity
      .requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms;
    expect(terms).toEqual([{ matchExpressions: [{ key: 'k8s.ovn.org/zone-name', operator: 'Exists' }] }]);
    expect(OvnSecondary.ZONE_NAME_LABEL).toBe('k8s.ovn.org/zone-name');
    expect(find(objs, 'DaemonSet', 'ovnkube-node').spec.template.metadata.labels['ovn-db-pod']).toBe('true');
  });

  test('persistent IPs follow the seed: off in central, on in interconnect, where the target reads them', () => {
    const value = (mode: OvnDeploymentMode) => {
      const objs = synth({ mode });
      return containers(objs)
        .filter((f) => envValue(objs, f.container, 'OVN_ENABLE_PERSISTENT_IPS') !== undefined)
        .map((f) => `${target(f.container)}=${envValue(objs, f.container, 'OVN_ENABLE_PERSISTENT_IPS')}`);
    };
    expect(value(CENTRAL)).toEqual(['ovn-master=false']);
    expect(value(INTERCONNECT)).toEqual(['ovn-cluster-manager=true']);
  });

  test('secondaryCni false on the network turns the option off everywhere it was on', () => {
    const objs = synth({}, { secondaryCni: false });
    const found = ovnkubeContainers(objs);
    expect(found.length).toBe(2);
    for (const { container } of found) expect(envValue(objs, container, 'OVN_SECONDARY_CNI_ENABLE')).toBe('false');
  });

  test('dual-stack: IPv6 join, masquerade and transit subnets reach env and ovn-config', () => {
    const objs = synth({ mode: INTERCONNECT }, {
      primaryPodCidrs: ['10.244.0.0/16', 'fd00:10:244::/56'],
      serviceCidrs: ['10.96.0.0/16', 'fd00:10:96::/112'],
      decoy: DecoyNetwork.fixed('10.254.0.0/16/24,fd00:10:254::/48/64'),
    });
    expect(ovnConfig(objs)).toMatchObject({
      net_cidr: '10.254.0.0/16/24,fd00:10:254::/48/64',
      svc_cidr: '10.96.0.0/16,fd00:10:96::/112',
    });
    for (const { container } of ovnkubeContainers(objs)) {
      expect(envValue(objs, container, 'OVN_V6_JOIN_SUBNET')).toBe('fd98::/64');
      expect(envValue(objs, container, 'OVN_V6_MASQUERADE_SUBNET')).toBe('fd69::/112');
    }
    const cm = containers(objs).find((f) => f.container.name === 'ovnkube-cluster-manager')!.container;
    expect(envValue(objs, cm, 'OVN_V6_TRANSIT_SWITCH_SUBNET')).toBe('fd97::/64');
    expect(validateManifests(objs)).toEqual([]);
  });
});

describe('OvnSecondary, controlPlaneNodeSelector', () => {
  const controlPlane = (props: Partial<OvnSecondaryProps>, mode = INTERCONNECT) => {
    const chart = Testing.chart();
    const network = new DeceptiveNetworkConfig(chart, 'network');
    new OvnSecondary(chart, 'ovn', { network, apiServer: 'https://10.0.0.1:6443', mode, ...props });
    return (Testing.synth(chart) as any[]).filter((o) => o.kind === 'Deployment').map((o) => o.spec.template.spec.affinity);
  };

  test('default: nodes labelled node-role.kubernetes.io/control-plane, as upstream (central and interconnect)', () => {
    for (const mode of [INTERCONNECT, OvnDeploymentMode.CENTRAL]) {
      for (const affinity of controlPlane({}, mode)) {
        expect(affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([{ matchExpressions: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' }] }]);
        expect(affinity.podAntiAffinity).toBeDefined();
      }
    }
  });

  test('{} lets them run on any node (a managed cluster without control-plane nodes); still one per node', () => {
    const [affinity] = controlPlane({ controlPlaneNodeSelector: {} });
    expect(affinity.nodeAffinity).toBeUndefined();
    expect(affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey).toBe('kubernetes.io/hostname');
  });

  test('bad label keys and values are refused naming them', () => {
    expect(() => controlPlane({ controlPlaneNodeSelector: { 'bad key': 'x' } })).toThrow(/^controlPlaneNodeSelector: invalid value "bad key": expected label keys/);
    expect(() => controlPlane({ controlPlaneNodeSelector: { role: 'no spaces' } })).toThrow(/^controlPlaneNodeSelector\.role: invalid value "no spaces": expected a label value/);
  });
});

describe('OvnSecondary, all props', () => {
  // Typed Required<> so that a new prop fails to compile until it is covered here.
  const chart = Testing.chart();
  const network = new DeceptiveNetworkConfig(chart, 'network', { secondaryCni: false, decoy: DecoyNetwork.fixed('10.200.0.0/16/25') });
  const props: Required<OvnSecondaryProps> = {
    network,
    apiServer: 'https://api.cluster.example:8443',
    mode: INTERCONNECT,
    mtu: 8900,
    encapPort: 6082,
    // Not the defaults (localhost/ovn-daemonset-f:dev), so the test fails if either prop is dropped.
    imageRepository: 'registry.example.com/ovn/ovn-kube-fedora',
    imageTag: 'v1.0.0-multicni',
    imagePullPolicy: ImagePullPolicy.NEVER,
    hostNetworkNamespace: 'ovn-hostnet',
    persistentIps: false,
    egressQos: true,
    controlPlaneNodeSelector: { 'node.example.com/ovn': 'control', 'kubernetes.io/arch': 'amd64' },
  };
  const ovn = new OvnSecondary(chart, 'ovn', props);
  const objs = Testing.synth(chart) as Obj[];

  test('every prop reaches the output', () => {
    const cfg = ovnConfig(objs);
    expect(cfg).toMatchObject({
      net_cidr: '10.200.0.0/16/25', // network
      k8s_apiserver: 'https://api.cluster.example:8443', // apiServer
      mtu: '8900', // mtu
      host_network_namespace: 'ovn-hostnet', // hostNetworkNamespace
      v4_transit_switch_subnet: '100.88.0.0/16', // mode: interconnect
    });
    expect(kinds(objs)).toContain('Namespace/ovn-hostnet');
    expect(kinds(objs)).toContain('Deployment/ovnkube-control-plane');
    const cp = objs.find((o) => o.kind === 'Deployment' && o.metadata.name === 'ovnkube-control-plane') as any;
    expect(cp.spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([{ matchExpressions: [ // controlPlaneNodeSelector
      { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] }, { key: 'node.example.com/ovn', operator: 'In', values: ['control'] },
    ] }]);
    for (const { container } of containers(objs)) {
      expect(container.image).toBe('registry.example.com/ovn/ovn-kube-fedora:v1.0.0-multicni'); // imageRepository, imageTag
      expect(container.imagePullPolicy).toBe('Never'); // imagePullPolicy
    }
    for (const { container } of ovnkubeContainers(objs)) {
      expect(envValue(objs, container, 'OVN_ENCAP_PORT')).toBe('6082'); // encapPort
      expect(envValue(objs, container, 'OVN_EGRESSQOS_ENABLE')).toBe('true'); // egressQos
      expect(envValue(objs, container, 'OVN_SECONDARY_CNI_ENABLE')).toBe('false'); // network.secondaryCni
    }
    const cm = containers(objs).find((f) => f.container.name === 'ovnkube-cluster-manager')!.container;
    expect(envValue(objs, cm, 'OVN_ENABLE_PERSISTENT_IPS')).toBe('false'); // persistentIps
    expect(objs.filter((o) => o.kind === 'CustomResourceDefinition').map((o) => o.metadata.name)).toEqual(['egressqoses.k8s.ovn.org']);
  });

  test('public properties report the resolved settings', () => {
    expect([ovn.mode, ovn.mtu, ovn.encapPort, ovn.image, ovn.secondaryCni, ovn.persistentIps, ovn.egressQos, ovn.hostNetworkNamespace])
      .toEqual([INTERCONNECT, 8900, 6082, 'registry.example.com/ovn/ovn-kube-fedora:v1.0.0-multicni', false, false, true, 'ovn-hostnet']);
    expect([ovn.apiServer.host, ovn.apiServer.port, ovn.apiServer.hostIsIp]).toEqual(['api.cluster.example', 8443, false]);
  });

  test('valid, including an EgressQoS object against the shipped CRD', () => {
    const sample = {
      apiVersion: 'k8s.ovn.org/v1', kind: 'EgressQoS', metadata: { name: 'default', namespace: 'default' },
      spec: { egress: [{ dscp: 46, dstCIDR: '10.0.0.0/8', podSelector: { matchLabels: { app: 'voip' } } }] },
    };
    expect(validateManifests([...objs, sample])).toEqual([]);
    const bad = { ...sample, spec: { egress: [{ dscp: 64 }] } };
    expect(validateManifests([...objs, bad]).join('\n')).toMatch(/dscp/);
  });

  test('OVN constants', () => {
    expect([OvnSecondary.NAMESPACE, OvnSecondary.CNI_CONF_FILE, OvnSecondary.CNI_PLUGIN_TYPE])
      .toEqual(['ovn-kubernetes', '10-ovn-kubernetes.conf', 'ovn-k8s-cni-overlay']);
  });
});

describe('OvnSecondary, invalid props', () => {
  test.each([
    ['missing apiServer', { apiServer: undefined }, /^apiServer: invalid value undefined: expected the api server's url, such as "https:\/\/172\.18\.0\.2:6443"/],
    ['http apiServer', { apiServer: 'http://172.18.0.2:6443' }, /^apiServer: invalid api server address "http:\/\/172\.18\.0\.2:6443": expected the scheme "https", which kube-apiserver serves, not "http"$/],
    ['apiServer without scheme', { apiServer: '172.18.0.2:6443' }, /^apiServer: invalid api server address "172\.18\.0\.2:6443"/],
    ['apiServer port 0', { apiServer: 'https://172.18.0.2:0' }, /^apiServer: invalid api server address "https:\/\/172\.18\.0\.2:0": expected a port from 1 to 65535, not "0"$/],
    ['apiServer port too big', { apiServer: 'https://172.18.0.2:65536' }, /^apiServer: invalid api server address "https:\/\/172\.18\.0\.2:65536": expected a port from 1 to 65535, not "65536"$/],
    ['apiServer with path', { apiServer: 'https://172.18.0.2:6443/api' }, /^apiServer: .*no path/],
    ['apiServer bad IPv4', { apiServer: 'https://172.18.0.300:6443' }, /^apiServer: invalid api server address "https:\/\/172\.18\.0\.300:6443": expected a valid IPv4 address, not "172\.18\.0\.300"$/],
    ['apiServer IPv6 without brackets', { apiServer: 'https://fd00::1:6443' }, /^apiServer: invalid api server address "https:\/\/fd00::1:6443": expected an IPv6 address in brackets/],
    ['apiServer empty', { apiServer: '' }, /^apiServer: invalid api server address ""/],
    ['mtu fraction', { mtu: 1400.5 }, /^mtu: invalid value 1400\.5: expected a whole number from 576 to 65535/],
    ['mtu too small', { mtu: 500 }, /^mtu: invalid value 500/],
    ['mtu too big', { mtu: 65536 }, /^mtu: invalid value 65536/],
    ['mtu as string', { mtu: '1400' }, /^mtu: invalid value "1400"/],
    ['encapPort 0', { encapPort: 0 }, /^encapPort: invalid value 0: expected a port number from 1 to 65535/],
    ['imageRepository with a tag', { imageRepository: 'ghcr.io/x/ovn:dev' }, /^imageRepository: invalid value "ghcr\.io\/x\/ovn:dev"/],
    ['imageRepository uppercase path', { imageRepository: 'ghcr.io/X/ovn' }, /^imageRepository: invalid value/],
    ['imageTag starting with a dash', { imageTag: '-dev' }, /^imageTag: invalid value "-dev"/],
    ['imageTag empty', { imageTag: '' }, /^imageTag: invalid value ""/],
    ['imagePullPolicy unknown', { imagePullPolicy: 'Sometimes' }, /^imagePullPolicy: invalid value "Sometimes"/],
    ['hostNetworkNamespace not a name', { hostNetworkNamespace: 'Host_Net' }, /^hostNetworkNamespace: invalid value "Host_Net"/],
    ['hostNetworkNamespace = ovn-kubernetes', { hostNetworkNamespace: 'ovn-kubernetes' }, /^hostNetworkNamespace: invalid value "ovn-kubernetes": expected a namespace other than "ovn-kubernetes", where OVN-Kubernetes itself runs$/],
    ['mode unknown', { mode: 'distributed' }, /^mode: invalid value "distributed": expected OvnDeploymentMode\.CENTRAL or OvnDeploymentMode\.INTERCONNECT/],
    ['persistentIps not boolean', { persistentIps: 'yes' }, /^persistentIps: invalid value "yes": expected true or false/],
    ['egressQos with the secondary-CNI option', { egressQos: true }, /^egressQos: invalid value true: expected false while network\.secondaryCni is true .*nil address set$/],
    ['network missing', { network: undefined }, /^network: invalid value undefined: expected an IOvnAddressPlan such as a DeceptiveNetworkConfig$/],
  ])('%s', (_name, props, message) => {
    expect(() => build(props as Record<string, unknown>)).toThrow(message);
  });

  test('mtu below 1280 is refused when the cluster has IPv6', () => {
    expect(() => build({ mtu: 1200 }, {
      primaryPodCidrs: ['10.244.0.0/16', 'fd00:10:244::/56'],
      serviceCidrs: ['10.96.0.0/16', 'fd00:10:96::/112'],
      decoy: DecoyNetwork.fixed('10.254.0.0/16/24,fd00:10:254::/48/64'),
    })).toThrow(/^mtu: invalid value 1200: expected a whole number from 1280 to 65535 \(IPv6 needs at least 1280\)/);
    expect(() => build({ mtu: 1200 })).not.toThrow();
  });

  test('egressQos is allowed once the secondary-CNI option is off', () => {
    expect(() => build({ egressQos: true }, { secondaryCni: false })).not.toThrow();
  });
});
