import { ApiObject, Testing } from 'cdk8s';
import { ImagePullPolicy } from 'cdk8s-plus-28';
import { IpFamily, RangeRole } from '../../src/addressing';
import {
  CiliumEncryption, CiliumImages, CiliumPrimary, CiliumPrimaryProps, CiliumVersion, HubbleMetric, HubbleTls, IpamMode, RoutingMode, TunnelProtocol,
} from '../../src/cilium';
import { Preset } from '../../src';
import { DeceptiveNetworkConfig } from '../../src/deception';
import { ChartAddressPlan } from '../../src/plan';
import { validateManifests } from '../util/k8s-schema';
import { agentContainer, ciliumConfig, containers, find, nameOf, synthCilium } from './helpers';

// The seed's install: 1.16.7 (Preset.SEED), every other prop left at its default.
describe('CiliumPrimary with minimal props and the seed preset (1.16.7)', () => {
  const objects = synthCilium({ preset: Preset.SEED });

  test('snapshot', () => {
    expect(objects).toMatchSnapshot();
  });

  test('renders the objects of the 1.16.7 chart, certgen instead of key Secrets, all in kube-system', () => {
    expect(objects.map((o) => `${o.kind}/${nameOf(o)}`).sort()).toEqual([
      'ClusterRole/cilium', 'ClusterRole/cilium-operator',
      'ClusterRoleBinding/cilium', 'ClusterRoleBinding/cilium-operator',
      'ConfigMap/cilium-config', 'ConfigMap/cilium-envoy-config',
      'CronJob/hubble-generate-certs',
      'DaemonSet/cilium', 'DaemonSet/cilium-envoy',
      'Deployment/cilium-operator',
      'Job/hubble-generate-certs-<hash>',
      'Role/cilium-config-agent', 'Role/hubble-generate-certs',
      'RoleBinding/cilium-config-agent', 'RoleBinding/hubble-generate-certs',
      'Service/cilium-envoy', 'Service/hubble-peer',
      'ServiceAccount/cilium', 'ServiceAccount/cilium-envoy', 'ServiceAccount/cilium-operator', 'ServiceAccount/hubble-generate-certs',
    ]);
    for (const o of objects.filter((x) => !x.kind.startsWith('Cluster'))) {
      expect([o.kind, o.metadata.name, o.metadata.namespace]).toEqual([o.kind, o.metadata.name, 'kube-system']);
    }
    expect(CiliumPrimary.NAMESPACE).toBe('kube-system');
  });

  test('construct ids name each object\'s role within CiliumPrimary, in PascalCase (RBAC objects: see rbac.ts)', () => {
    const cilium = new CiliumPrimary(Testing.chart(), 'cilium');
    const rbacKinds = ['Namespace', 'ServiceAccount', 'ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'];
    const ids = cilium.node.children
      .filter((c) => ApiObject.isApiObject(c) && !rbacKinds.includes((c as ApiObject).kind))
      .map((c) => `${(c as ApiObject).kind}/${nameOf({ kind: (c as ApiObject).kind, metadata: { name: (c as ApiObject).name } })} ${c.node.id}`);
    expect(ids).toEqual([
      'ConfigMap/cilium-config ConfigMap',
      'DaemonSet/cilium AgentDaemonSet',
      'ConfigMap/cilium-envoy-config EnvoyConfigMap',
      'Service/cilium-envoy EnvoyMetricsService',
      'DaemonSet/cilium-envoy EnvoyDaemonSet',
      'Deployment/cilium-operator OperatorDeployment',
      'Service/hubble-peer HubblePeerService',
      'CronJob/hubble-generate-certs HubbleCertgenCronJob',
      'Job/hubble-generate-certs-<hash> HubbleCertgenJob',
    ]);
  });

  test('cilium-config matches the seed install (helm 1.16.7, ipam=kubernetes, cni.exclusive=false) key for key', () => {
    const config = ciliumConfig(objects);
    expect(config.ipam).toBe('kubernetes');
    expect(config['cni-exclusive']).toBe('false');
    expect(config['cni-chaining-mode']).toBeUndefined();
    expect(config['cluster-pool-ipv4-cidr']).toBeUndefined();
    expect(config['cluster-pool-ipv4-mask-size']).toBeUndefined();
    expect(config['routing-mode']).toBe('tunnel');
    expect(config['tunnel-protocol']).toBe('vxlan');
    expect(config['tunnel-port']).toBeUndefined();
    expect(config['kube-proxy-replacement']).toBe('false');
    expect(config['bpf-lb-sock-hostns-only']).toBeUndefined();
    expect(config['enable-bpf-masquerade']).toBeUndefined();
    expect(config.devices).toBeUndefined();
    expect(config['ipv4-native-routing-cidr']).toBeUndefined();
    expect(config['identity-allocation-mode']).toBe('crd');
    expect(config['enable-ipv4']).toBe('true');
    expect(config['enable-ipv6']).toBe('false');
    expect(config['cluster-name']).toBe('default');
    expect(config['cluster-id']).toBe('0');
    expect(config['write-cni-conf-when-ready']).toBe('/host/etc/cni/net.d/05-cilium.conflist');
    expect(config['enable-hubble']).toBe('true');
    expect(config['hubble-listen-address']).toBe(':4244');
    expect(config['bpf-root']).toBe('/sys/fs/bpf');
    expect(config['cgroup-root']).toBe('/run/cilium/cgroupv2');
    // Envoy runs as its own DaemonSet in 1.16.
    expect(config['external-envoy-proxy']).toBe('true');
    expect(config['operator-api-serve-addr']).toBe('127.0.0.1:9234');
    // Every value is a string, as in a ConfigMap.
    expect(Object.values(config).every((v) => typeof v === 'string')).toBe(true);
  });

  test('every container uses the 1.16.7 images pinned by digest and pullPolicy IfNotPresent', () => {
    const all = containers(objects);
    expect(all.length).toBeGreaterThan(8);
    for (const { owner, container } of all) {
      expect([owner, container.name, container.imagePullPolicy]).toEqual([owner, container.name, 'IfNotPresent']);
      expect(container.image).toMatch(/^quay\.io\/cilium\/[a-z-]+:v[0-9][^@]*@sha256:[0-9a-f]{64}$/);
    }
    expect(agentContainer(objects, 'cilium-agent').image).toBe(
      'quay.io/cilium/cilium:v1.16.7@sha256:294d2432507fed393b26e9fbfacb25c2e37095578cb34dabac7312b66ed0782e');
    const operator = find(objects, 'Deployment', 'cilium-operator').spec.template.spec.containers[0];
    expect(operator.image).toBe(
      'quay.io/cilium/operator-generic:v1.16.7@sha256:25a41ac50bcebfb780ed2970e55a5ba1a5f26996850ed5a694dc69b312e0b5a0');
    expect(operator.command).toEqual(['cilium-operator-generic']);
  });

  test('agent DaemonSet: labels, host network, init containers in order, capabilities, probes', () => {
    const ds = find(objects, 'DaemonSet', 'cilium');
    expect(ds.metadata.labels).toEqual({ 'k8s-app': 'cilium', 'app.kubernetes.io/name': 'cilium-agent', 'app.kubernetes.io/part-of': 'cilium', 'app.kubernetes.io/managed-by': 'cdk8s-multicni' });
    expect(ds.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } });
    const pod = ds.spec.template.spec;
    expect(pod.hostNetwork).toBe(true);
    expect(pod.priorityClassName).toBe('system-node-critical');
    expect(pod.terminationGracePeriodSeconds).toBe(1);
    expect(pod.tolerations).toEqual([{ operator: 'Exists' }]);
    expect(pod.nodeSelector).toEqual({ 'kubernetes.io/os': 'linux' });
    expect(pod.serviceAccountName).toBe('cilium');
    expect(pod.securityContext).toEqual({ appArmorProfile: { type: 'Unconfined' } });
    expect(pod.initContainers.map((c: { name: string }) => c.name)).toEqual([
      'config', 'mount-cgroup', 'apply-sysctl-overwrites', 'mount-bpf-fs', 'clean-cilium-state', 'install-cni-binaries',
    ]);
    expect(agentContainer(objects, 'config').command).toEqual(['cilium-dbg', 'build-config']);
    expect(agentContainer(objects, 'mount-bpf-fs').securityContext).toEqual({ privileged: true });

    const agent = agentContainer(objects, 'cilium-agent');
    expect(agent.command).toEqual(['cilium-agent']);
    expect(agent.args).toEqual(['--config-dir=/tmp/cilium/config-map']);
    expect(agent.securityContext.capabilities).toEqual({
      add: ['CHOWN', 'KILL', 'NET_ADMIN', 'NET_RAW', 'IPC_LOCK', 'SYS_MODULE', 'SYS_ADMIN', 'SYS_RESOURCE', 'DAC_OVERRIDE', 'FOWNER', 'SETGID', 'SETUID'],
      drop: ['ALL'],
    });
    expect(agent.securityContext.seLinuxOptions).toEqual({ level: 's0', type: 'spc_t' });
    for (const probe of [agent.startupProbe, agent.livenessProbe, agent.readinessProbe]) {
      expect(probe.httpGet).toEqual({ host: '127.0.0.1', path: '/healthz', port: 9879, scheme: 'HTTP', httpHeaders: [{ name: 'brief', value: 'true' }] });
    }
    expect(agent.lifecycle.preStop.exec.command).toEqual(['/cni-uninstall.sh']);
    expect(agent.env.map((e: { name: string }) => e.name)).toEqual(['K8S_NODE_NAME', 'CILIUM_K8S_NAMESPACE', 'CILIUM_CLUSTERMESH_CONFIG', 'GOMEMLIMIT']);
    expect(agent.env[2].value).toBe('/var/lib/cilium/clustermesh/');

    const hostPaths = Object.fromEntries(pod.volumes.filter((v: { hostPath?: unknown }) => v.hostPath)
      .map((v: { name: string; hostPath: { path: string } }) => [v.name, v.hostPath.path]));
    expect(Object.values(hostPaths).sort()).toEqual([
      '/etc/cni/net.d', '/lib/modules', '/opt/cni/bin', '/proc', '/proc/sys/kernel', '/proc/sys/net', '/run/cilium/cgroupv2',
      '/run/xtables.lock', '/sys/fs/bpf', '/var/run/cilium', '/var/run/cilium/envoy/sockets', '/var/run/netns',
    ]);
  });

  test('operator Deployment: 2 replicas, host network, metrics 9963, health 127.0.0.1:9234', () => {
    const dep = find(objects, 'Deployment', 'cilium-operator');
    expect(dep.spec.replicas).toBe(2);
    expect(dep.spec.strategy.rollingUpdate).toEqual({ maxSurge: '25%', maxUnavailable: '50%' });
    const pod = dep.spec.template.spec;
    expect(pod.hostNetwork).toBe(true);
    expect(pod.priorityClassName).toBe('system-cluster-critical');
    const c = pod.containers[0];
    expect(c.args).toEqual(['--config-dir=/tmp/cilium/config-map', '--debug=$(CILIUM_DEBUG)']);
    expect(c.ports).toEqual([{ name: 'prometheus', containerPort: 9963, hostPort: 9963, protocol: 'TCP' }]);
    expect(c.livenessProbe.httpGet).toEqual({ host: '127.0.0.1', path: '/healthz', port: 9234, scheme: 'HTTP' });
    expect(pod.volumes).toEqual([{ name: 'cilium-config-path', configMap: { name: 'cilium-config' } }]);
  });

  test('envoy: DaemonSet beside each agent, bootstrap ConfigMap, headless metrics Service on 9964', () => {
    const ds = find(objects, 'DaemonSet', 'cilium-envoy');
    const pod = ds.spec.template.spec;
    expect(pod.containers[0].image).toBe(CiliumImages.ENVOY);
    expect(pod.containers[0].command).toEqual(['/usr/bin/cilium-envoy-starter']);
    expect(pod.containers[0].args).toContain('-c /var/run/cilium/envoy/bootstrap-config.json');
    expect(pod.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchLabels).toEqual({ 'k8s-app': 'cilium' });
    expect(pod.volumes.find((v: { name: string }) => v.name === 'envoy-config').configMap)
      .toEqual({ name: 'cilium-envoy-config', defaultMode: 0o400, items: [{ key: 'bootstrap-config.json', path: 'bootstrap-config.json' }] });
    const bootstrap = JSON.parse(find(objects, 'ConfigMap', 'cilium-envoy-config').data['bootstrap-config.json']);
    expect(bootstrap.admin.address.pipe.path).toBe('/var/run/cilium/envoy/sockets/admin.sock');
    const svc = find(objects, 'Service', 'cilium-envoy');
    expect(svc.spec.clusterIP).toBe('None');
    expect(svc.spec.ports).toEqual([{ name: 'envoy-metrics', port: 9964, protocol: 'TCP', targetPort: 'envoy-metrics' }]);
  });

  test('hubble-peer Service: 443 -> 4244, node-local', () => {
    const svc = find(objects, 'Service', 'hubble-peer');
    expect(svc.spec.selector).toEqual({ 'k8s-app': 'cilium' });
    expect(svc.spec.ports).toEqual([{ name: 'peer-service', port: 443, protocol: 'TCP', targetPort: 4244 }]);
    expect(svc.spec.internalTrafficPolicy).toBe('Local');
  });

  test('operator RBAC lets it register the cilium.io CRDs, update limited by name', () => {
    const rules = find(objects, 'ClusterRole', 'cilium-operator').rules;
    const crdRules = rules.filter((r: { resources: string[] }) => r.resources.includes('customresourcedefinitions'));
    expect(crdRules[0].verbs).toEqual(['create', 'get', 'list', 'watch']);
    expect(crdRules[1].verbs).toEqual(['update']);
    expect(crdRules[1].resourceNames).toContain('ciliumnetworkpolicies.cilium.io');
    expect(crdRules[1].resourceNames.every((n: string) => n.endsWith('.cilium.io'))).toBe(true);
    const agentRole = find(objects, 'Role', 'cilium-config-agent');
    expect(agentRole.rules).toEqual([{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch'] }]);
  });

  test('every object is valid against the upstream Kubernetes schema', () => {
    expect(validateManifests(objects)).toEqual([]);
  });
});

describe.each(CiliumVersion.all().map((v) => [v.version, v] as const))('CiliumPrimary %s with all props', (_name, version) => {
  const props: Required<CiliumPrimaryProps> = {
    preset: Preset.SEED, // version wins
    version,
    ipam: IpamMode.KUBERNETES,
    podCidrs: ['10.240.0.0/16', 'fd00:10:240::/56'],
    cniExclusive: true,
    routingMode: RoutingMode.NATIVE,
    tunnelProtocol: TunnelProtocol.GENEVE,
    tunnelPort: 6082,
    ipv4NativeRoutingCidr: '10.240.0.0/12',
    ipv6NativeRoutingCidr: 'fd00:10:240::/48',
    autoDirectNodeRoutes: true,
    kubeProxyReplacement: true,
    k8sServiceHost: '172.18.0.2',
    k8sServicePort: 6443,
    socketLbHostNamespaceOnly: true,
    devices: ['eth0', 'eth1'],
    clusterName: 'ovn',
    clusterId: 7,
    operatorReplicas: 1,
    imagePullPolicy: ImagePullPolicy.ALWAYS,
    imageRegistry: 'registry.example.com:5000/mirror/cilium',
    agentImage: 'registry.example.com/cilium/cilium:v1.16.7-custom',
    operatorImage: 'registry.example.com/cilium/operator-generic:v1.16.7-custom',
    envoyImage: 'registry.example.com/cilium/cilium-envoy:v1.31.5-custom',
    certgenImage: 'registry.example.com/cilium/certgen:v0.2.0-custom',
    hubbleTls: HubbleTls.cronJob({ schedule: '0 3 * * 0', certValidityDays: 30 }),
    // The features of 1.18 and later (test/cilium/features.test.ts checks each alone); 1.16.7 refuses them.
    ...(version.atLeast(18) ? {
      encryption: CiliumEncryption.WIREGUARD, nodeEncryption: true, bandwidthManager: true, bbr: true, bpfMasquerade: true,
      egressGateway: true, l2Announcements: true, bgpControlPlane: true, gatewayApi: true,
    } : {
      encryption: CiliumEncryption.NONE, nodeEncryption: false, bandwidthManager: false, bbr: false, bpfMasquerade: false,
      egressGateway: false, l2Announcements: false, bgpControlPlane: false, gatewayApi: false,
    }),
    // Refused with 1.16.7 (test/cilium/observability.test.ts).
    hubble: version.atLeast(18) ? { relay: true, ui: true, metrics: [HubbleMetric.DNS, HubbleMetric.DROP] } : {},
    prometheus: version.atLeast(18),
    serviceMonitors: version.atLeast(18),
  };
  const objects = synthCilium(props);
  const config = ciliumConfig(objects);

  test('every prop reaches cilium-config or the pod specs', () => {
    expect(config['enable-ipv4']).toBe('true');
    expect(config['enable-ipv6']).toBe('true');
    expect(config.ipam).toBe('kubernetes');
    expect(config['cni-exclusive']).toBe('true');
    expect(config['routing-mode']).toBe('native');
    expect(config['auto-direct-node-routes']).toBe('true');
    expect(config['ipv4-native-routing-cidr']).toBe('10.240.0.0/12');
    expect(config['ipv6-native-routing-cidr']).toBe('fd00:10:240::/48');
    expect(config['tunnel-protocol']).toBe('geneve');
    expect(config['tunnel-port']).toBe('6082');
    expect(config['kube-proxy-replacement']).toBe('true');
    expect(config['enable-node-port']).toBeUndefined();
    expect(config['bpf-lb-sock-hostns-only']).toBe('true');
    expect(config.devices).toBe('eth0 eth1');
    expect(config['cluster-name']).toBe('ovn');
    expect(config['cluster-id']).toBe('7');
    for (const key of ['enable-wireguard', 'encrypt-node', 'enable-bandwidth-manager', 'enable-bbr', 'enable-bpf-masquerade',
      'enable-egress-gateway', 'enable-l2-announcements', 'enable-bgp-control-plane', 'enable-gateway-api']) {
      expect([key, config[key]]).toEqual([key, version.atLeast(18) ? 'true' : undefined]);
    }

    const dep = find(objects, 'Deployment', 'cilium-operator');
    expect(dep.spec.replicas).toBe(1);
    expect(dep.spec.strategy.rollingUpdate.maxUnavailable).toBe('100%');

    const images = Object.fromEntries(containers(objects).map(({ owner, container }) => [`${owner}/${container.name}`, container.image]));
    expect(images['DaemonSet/cilium/cilium-agent']).toBe(props.agentImage);
    expect(images['DaemonSet/cilium/config']).toBe(props.agentImage);
    expect(images['Deployment/cilium-operator/cilium-operator']).toBe(props.operatorImage);
    expect(images['DaemonSet/cilium-envoy/cilium-envoy']).toBe(props.envoyImage);
    expect(images['Job/hubble-generate-certs-<hash>/certgen']).toBe(props.certgenImage);
    expect(images['CronJob/hubble-generate-certs/certgen']).toBe(props.certgenImage);
    for (const { container } of containers(objects)) expect(container.imagePullPolicy).toBe('Always');

    // The API server address reaches every Cilium component that talks to it.
    const withApiServer = containers(objects)
      .filter(({ container }) => (container.env ?? []).some((e: { name: string; value?: string }) => e.name === 'KUBERNETES_SERVICE_HOST' && e.value === '172.18.0.2'))
      .map(({ owner, container }) => `${owner}/${container.name}`);
    expect(withApiServer.sort()).toEqual([
      'DaemonSet/cilium-envoy/cilium-envoy', 'DaemonSet/cilium/cilium-agent', 'DaemonSet/cilium/clean-cilium-state',
      'DaemonSet/cilium/config', 'Deployment/cilium-operator/cilium-operator',
    ]);
    const agentEnv = agentContainer(objects, 'cilium-agent').env;
    expect(agentEnv.find((e: { name: string }) => e.name === 'KUBERNETES_SERVICE_PORT').value).toBe('6443');

    const cron = find(objects, 'CronJob', 'hubble-generate-certs');
    expect(cron.spec.schedule).toBe('0 3 * * 0');
    const certgenConfig = cron.spec.jobTemplate.spec.template.spec.containers[0].env[0].value;
    expect(certgenConfig).toContain('validity: 720h');
    expect(certgenConfig).toContain('"*.ovn.hubble-grpc.cilium.io"');
  });

  test('podCidrs are registered as the primary pod ranges', () => {
    const chart = Testing.chart();
    const cilium = new CiliumPrimary(chart, 'cilium', props);
    expect(cilium.families).toEqual([IpFamily.IPV4, IpFamily.IPV6]);
    expect(ChartAddressPlan.of(chart).rangesOf(RangeRole.PRIMARY_POD).map((r) => r.cidr.toString())).toEqual(props.podCidrs);
  });

  test('imageRegistry moves every default image of the release, keeping names, tags and digests', () => {
    const moved = synthCilium({ version, imageRegistry: 'registry.example.com:5000/mirror/cilium' });
    const refs = containers(moved).map(({ container }) => container.image);
    const i = version.images;
    expect(new Set(refs)).toEqual(new Set([i.agent, i.operator, i.envoy, i.certgen]
      .map((ref) => ref.replace('quay.io/cilium/', 'registry.example.com:5000/mirror/cilium/'))));
  });

  test('every object is valid against the upstream Kubernetes schema', () => {
    // The GatewayClass is of a Gateway API CRD (features.test.ts), ServiceMonitors the prometheus-operator's (observability.test.ts): no schema here holds them.
    expect(validateManifests(objects.filter((o) => o.kind !== 'GatewayClass' && o.kind !== 'ServiceMonitor'))).toEqual([]);
  });
});

describe('CiliumPrimary variants', () => {
  test('cluster-pool IPAM renders the pools and mask sizes and registers the pools', () => {
    const chart = Testing.chart();
    const cilium = new CiliumPrimary(chart, 'cilium', {
      ipam: IpamMode.clusterPool({ podCidrs: ['10.128.0.0/14', '10.132.0.0/14', 'fd00:10:128::/104'], ipv4MaskSize: 25, ipv6MaskSize: 112 }),
    });
    const config = ciliumConfig(Testing.synth(chart));
    expect(config.ipam).toBe('cluster-pool');
    expect(config['cluster-pool-ipv4-cidr']).toBe('10.128.0.0/14 10.132.0.0/14');
    expect(config['cluster-pool-ipv4-mask-size']).toBe('25');
    expect(config['cluster-pool-ipv6-cidr']).toBe('fd00:10:128::/104');
    expect(config['cluster-pool-ipv6-mask-size']).toBe('112');
    expect(config['enable-ipv6']).toBe('true');
    expect(cilium.podCidrs.map(String)).toEqual(['10.128.0.0/14', '10.132.0.0/14', 'fd00:10:128::/104']);
    expect(ChartAddressPlan.of(chart).rangesOf(RangeRole.PRIMARY_POD).map((r) => r.cidr.toString()))
      .toEqual(['10.128.0.0/14', '10.132.0.0/14', 'fd00:10:128::/104']);
  });

  test('cluster-pool defaults the mask size to 24 (IPv4)', () => {
    const config = ciliumConfig(synthCilium({ ipam: IpamMode.clusterPool({ podCidrs: ['10.128.0.0/14'] }) }));
    expect(config['cluster-pool-ipv4-mask-size']).toBe('24');
    expect(config['cluster-pool-ipv6-cidr']).toBeUndefined();
  });

  test('geneve on a free port in tunnel mode', () => {
    const config = ciliumConfig(synthCilium({ tunnelProtocol: TunnelProtocol.GENEVE, tunnelPort: 6082 }));
    expect([config['routing-mode'], config['tunnel-protocol'], config['tunnel-port']]).toEqual(['tunnel', 'geneve', '6082']);
  });

  // The 1.16 chart renders no tunnel-protocol with native routing, the 1.18+ charts render vxlan (unused).
  test.each([[CiliumVersion.V1_16_7, undefined], [CiliumVersion.V1_20_0, 'vxlan']])('native routing renders the native-routing CIDRs, no tunnel port (%s)', (version, protocol) => {
    const objects = synthCilium({
      version,
      podCidrs: ['10.244.0.0/16', 'fd00:10:244::/56'],
      routingMode: RoutingMode.NATIVE,
      ipv4NativeRoutingCidr: '10.0.0.0/8',
      ipv6NativeRoutingCidr: 'fd00:10::/32',
    });
    const config = ciliumConfig(objects);
    expect(config['routing-mode']).toBe('native');
    expect(config['ipv4-native-routing-cidr']).toBe('10.0.0.0/8');
    expect(config['ipv6-native-routing-cidr']).toBe('fd00:10::/32');
    expect(config['tunnel-protocol']).toBe(protocol);
    expect(config['tunnel-port']).toBeUndefined();
    expect(validateManifests(objects)).toEqual([]);
  });

  test('IPv6 only: loopback probes and operator address on ::1, envoy bootstrap without IPv4', () => {
    const objects = synthCilium({ podCidrs: ['fd00:10:244::/56'] });
    const config = ciliumConfig(objects);
    expect(config['enable-ipv4']).toBe('false');
    expect(config['enable-ipv6']).toBe('true');
    expect(config['operator-api-serve-addr']).toBe('[::1]:9234');
    expect(agentContainer(objects, 'cilium-agent').readinessProbe.httpGet.host).toBe('::1');
    expect(find(objects, 'Deployment', 'cilium-operator').spec.template.spec.containers[0].readinessProbe.httpGet.host).toBe('::1');
    expect(find(objects, 'ConfigMap', 'cilium-envoy-config').data['bootstrap-config.json']).not.toContain('127.0.0.1"');
    expect(validateManifests(objects)).toEqual([]);
  });

  test('the same pod range as DeceptiveNetworkConfig is one range with two owners', () => {
    const chart = Testing.chart();
    const deception = new DeceptiveNetworkConfig(chart, 'deception');
    const cilium = new CiliumPrimary(chart, 'cilium');
    const ranges = ChartAddressPlan.of(chart).rangesOf(RangeRole.PRIMARY_POD);
    expect(ranges.map((r) => [r.cidr.toString(), r.owners])).toEqual([['10.244.0.0/16', [deception.node.path, cilium.node.path]]]);
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('a cluster pool over the service range fails the synth, naming both ranges', () => {
    const chart = Testing.chart();
    new DeceptiveNetworkConfig(chart, 'deception', { primaryPodCidrs: ['10.0.0.0/8'] });
    new CiliumPrimary(chart, 'cilium', { ipam: IpamMode.clusterPool({ podCidrs: ['10.0.0.0/8'] }) });
    expect(() => Testing.synth(chart)).toThrow(/10\.0\.0\.0\/8[\s\S]*10\.96\.0\.0\/16|10\.96\.0\.0\/16[\s\S]*10\.0\.0\.0\/8/);
  });

  test('CNI_CONF_FILE is the file the agent writes', () => {
    expect(CiliumPrimary.CNI_CONF_FILE).toBe('05-cilium.conflist');
    expect(ciliumConfig(synthCilium())['write-cni-conf-when-ready']).toBe(`/host/etc/cni/net.d/${CiliumPrimary.CNI_CONF_FILE}`);
  });

  test('output is deterministic', () => {
    expect(synthCilium({ devices: ['eth0'] })).toEqual(synthCilium({ devices: ['eth0'] }));
  });
});
