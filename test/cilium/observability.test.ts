import { CiliumPrimaryProps, CiliumVersion, HubbleMetric, HubbleTls } from '../../src/cilium';
import { valuesToProps } from '../../src/app/values';
import { synthesize } from '../../src/app/synthesize';
import { validateManifests } from '../util/k8s-schema';
import { ciliumConfig, find, synthCilium } from './helpers';

const V20 = CiliumVersion.V1_20_0;
const NEWER = [CiliumVersion.V1_18_12, CiliumVersion.V1_19_6, CiliumVersion.V1_20_0];
const ALL_METRICS = [HubbleMetric.DNS, HubbleMetric.DROP, HubbleMetric.TCP, HubbleMetric.FLOW, HubbleMetric.ICMP, HubbleMetric.HTTP_V2];

describe('refusals: one line naming the setting, the value and what would be valid', () => {
  test.each<[string, CiliumPrimaryProps]>([
    ['hubble.relay', { hubble: { relay: true } }],
    ['hubble.ui', { hubble: { ui: true } }],
    ['prometheus', { prometheus: true }],
    ['serviceMonitors', { serviceMonitors: true }],
  ])('%s with Cilium 1.16.7 names the versions that support it', (field, props) => {
    expect(() => synthCilium({ version: CiliumVersion.V1_16_7, ...props }))
      .toThrow(`${field}: invalid value true: expected false with Cilium 1.16.7 (${field} is supported with Cilium 1.18.12, 1.19.6, 1.20.0)`);
  });

  test('hubble.metrics with Cilium 1.16.7', () => {
    expect(() => synthCilium({ version: CiliumVersion.V1_16_7, hubble: { metrics: [HubbleMetric.DNS] } }))
      .toThrow('hubble.metrics: invalid value ["dns"]: expected no metrics with Cilium 1.16.7 (hubble.metrics is supported with Cilium 1.18.12, 1.19.6, 1.20.0)');
  });

  test('the UI without Relay (the chart\'s validate.yaml)', () => {
    expect(() => synthCilium({ version: V20, hubble: { ui: true } }))
      .toThrow(/^hubble\.ui: invalid value true: expected false without hubble\.relay: .*validate\.yaml.*; set hubble\.relay: true$/);
  });

  test('ServiceMonitors without the agents\' metrics', () => {
    expect(() => synthCilium({ version: V20, serviceMonitors: true }))
      .toThrow(/^serviceMonitors: invalid value true: expected false without prometheus: .*; set prometheus: true$/);
  });

  test('http beside httpV2 (the agent\'s metrics registry refuses them together)', () => {
    expect(() => synthCilium({ version: V20, hubble: { metrics: [HubbleMetric.HTTP, HubbleMetric.HTTP_V2] } }))
      .toThrow(/^hubble\.metrics: invalid value \["http","httpV2"\]: expected http or httpV2, not both: .*registry\.go\)$/);
  });

  test('a metric the release\'s agent does not register', () => {
    expect(() => synthCilium({ version: V20, hubble: { metrics: [HubbleMetric.KAFKA] } }))
      .toThrow('hubble.metrics[0]: invalid value "kafka": expected a metric the 1.20.0 agent registers (pkg/hubble/metrics); "kafka" is one of Cilium 1.18.12, 1.19.6');
    expect(() => synthCilium({ version: CiliumVersion.V1_19_6, hubble: { metrics: [HubbleMetric.SCTP] } }))
      .toThrow('hubble.metrics[0]: invalid value "sctp": expected a metric the 1.19.6 agent registers (pkg/hubble/metrics); "sctp" is one of Cilium 1.20.0');
  });

  test('a metric twice, a name that is no HubbleMetric', () => {
    expect(() => synthCilium({ version: V20, hubble: { metrics: [HubbleMetric.DNS, HubbleMetric.DNS] } }))
      .toThrow('hubble.metrics[1]: invalid value "dns": expected each metric once');
    expect(() => synthCilium({ version: V20, hubble: { metrics: ['dns' as unknown as HubbleMetric] } }))
      .toThrow(/^hubble\.metrics\[0\]: invalid value "dns": expected a HubbleMetric: "dns", "drop"/);
  });

  test('from a values file: the key path and the one-line message', () => {
    expect(() => synthesize(valuesToProps({ cilium: { version: '1.20.0', hubble: { ui: true } } })))
      .toThrow(/^cilium: hubble\.ui: invalid value true: expected false without hubble\.relay/);
    expect(() => valuesToProps({ cilium: { version: '1.20.0', hubble: { metrics: ['dnss'] } } }))
      .toThrow(/^cilium\.hubble\.metrics\[0\]: invalid value "dnss": expected one of dns, drop/);
  });
});

describe.each(NEWER.map((v) => [v.version, v] as const))('Hubble Relay and UI, %s', (_name, version) => {
  const objects = synthCilium({ version, hubble: { relay: true, ui: true } });

  test('Relay reads the agents through hubble-peer with certgen\'s client certificate; no key in the output', () => {
    const relayConfig = find(objects, 'ConfigMap', 'hubble-relay-config').data['config.yaml'];
    expect(relayConfig).toContain('peer-service: hubble-peer.kube-system.svc.cluster.local.:443');
    expect(relayConfig).toContain('tls-hubble-client-cert-file: /var/lib/hubble-relay/tls/client.crt');
    const relay = find(objects, 'Deployment', 'hubble-relay').spec.template.spec;
    expect(relay.hostNetwork).toBeUndefined(); // 4245 is bound in the pod, not on the node
    expect(relay.containers[0].image).toBe(version.images.hubbleRelay);
    expect(relay.volumes.find((v: any) => v.name === 'tls').projected.sources[0].secret.name).toBe('hubble-relay-client-certs');
    const certgen = find(objects, 'CronJob', 'hubble-generate-certs').spec.jobTemplate.spec.template.spec.containers[0].env[0].value;
    expect(certgen).toContain('name: hubble-relay-client-certs');
    expect(certgen).toContain('- client auth');
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
  });

  test('the UI talks to Relay\'s Service and reads the cluster through its ClusterRole', () => {
    const ui = find(objects, 'Deployment', 'hubble-ui').spec.template.spec;
    expect(ui.containers.map((c: any) => c.image)).toEqual([version.images.hubbleUi, version.images.hubbleUiBackend]);
    expect(ui.containers[1].env).toContainEqual({ name: 'FLOWS_API_ADDR', value: 'hubble-relay:80' });
    expect(find(objects, 'Service', 'hubble-relay').spec.ports[0].port).toBe(80);
    expect(find(objects, 'Service', 'hubble-ui').spec.ports[0]).toMatchObject({ port: 80, targetPort: 8081 });
    expect(find(objects, 'ClusterRoleBinding', 'hubble-ui').subjects).toEqual([{ kind: 'ServiceAccount', name: 'hubble-ui', namespace: 'kube-system' }]);
    expect(find(objects, 'ConfigMap', 'hubble-ui-nginx').data['nginx.conf']).toContain('proxy_pass http://127.0.0.1:8090;');
  });

  test('every object is valid against the upstream Kubernetes schema', () => {
    expect(validateManifests(objects)).toEqual([]);
  });
});

test('Relay without Hubble TLS talks plain text to hubble-peer:80 and mounts no certificate', () => {
  const objects = synthCilium({ version: V20, hubbleTls: HubbleTls.DISABLED, hubble: { relay: true } });
  const relayConfig = find(objects, 'ConfigMap', 'hubble-relay-config').data['config.yaml'];
  expect(relayConfig).toContain('disable-client-tls: true');
  expect(relayConfig).toContain('.svc.cluster.local.:80');
  expect(find(objects, 'Deployment', 'hubble-relay').spec.template.spec.volumes.map((v: any) => v.name)).not.toContain('tls');
});

describe('metrics', () => {
  test('nothing by default: no metrics ports, keys or Services beyond the operator\'s', () => {
    const objects = synthCilium({ version: V20 });
    const config = ciliumConfig(objects);
    expect(config['prometheus-serve-addr']).toBeUndefined();
    expect(config['hubble-metrics']).toBeUndefined();
    expect(config['operator-prometheus-serve-addr']).toBe(':9963');
    expect(objects.filter((o) => ['cilium-agent', 'hubble-metrics'].includes(o.metadata.name))).toEqual([]);
  });

  test('prometheus and hubble.metrics: config keys, host ports, scrape annotations, the hubble-metrics Service', () => {
    const objects = synthCilium({ version: V20, prometheus: true, hubble: { metrics: ALL_METRICS } });
    const config = ciliumConfig(objects);
    expect(config['prometheus-serve-addr']).toBe(':9962');
    expect(config['hubble-metrics-server']).toBe(':9965');
    expect(config['hubble-metrics']).toBe('dns drop tcp flow icmp httpV2');
    const agent = find(objects, 'DaemonSet', 'cilium').spec.template;
    expect(agent.spec.containers[0].ports.map((p: any) => [p.name, p.hostPort])).toEqual([['health', 9879], ['peer-service', 4244], ['prometheus', 9962], ['hubble-metrics', 9965]]);
    expect(agent.metadata.annotations).toMatchObject({ 'prometheus.io/port': '9962', 'prometheus.io/scrape': 'true' });
    expect(find(objects, 'Service', 'hubble-metrics').metadata.annotations).toEqual({ 'prometheus.io/port': '9965', 'prometheus.io/scrape': 'true' });
    expect(objects.filter((o) => o.kind === 'ServiceMonitor')).toEqual([]);
  });

  test('1.18 lists the agent\'s ports only with a metrics port, the Hubble port first', () => {
    const ports = (props: CiliumPrimaryProps) => find(synthCilium({ version: CiliumVersion.V1_18_12, ...props }), 'DaemonSet', 'cilium').spec.template.spec.containers[0].ports;
    expect(ports({})).toBeUndefined();
    expect(ports({ prometheus: true }).map((p: any) => p.name)).toEqual(['peer-service', 'prometheus']);
  });

  test('serviceMonitors: three ServiceMonitors selecting the headless Services; no annotation scraping beside them', () => {
    const objects = synthCilium({ version: V20, prometheus: true, serviceMonitors: true, hubble: { metrics: [HubbleMetric.FLOW] } });
    const monitors = objects.filter((o) => o.kind === 'ServiceMonitor');
    expect(monitors.map((m) => [m.apiVersion, m.metadata.name, m.metadata.namespace])).toEqual([
      ['monitoring.coreos.com/v1', 'cilium-agent', 'kube-system'], ['monitoring.coreos.com/v1', 'cilium-operator', 'kube-system'], ['monitoring.coreos.com/v1', 'hubble', 'kube-system'],
    ]);
    // Each selects a Service by its labels and scrapes a port that Service names.
    for (const m of monitors) {
      const services = objects.filter((o) => o.kind === 'Service' && Object.entries(m.spec.selector.matchLabels).every(([k, v]) => o.metadata.labels?.[k] === v));
      expect({ monitor: m.metadata.name, services: services.map((s) => s.metadata.name) }).toEqual({ monitor: m.metadata.name, services: [expect.any(String)] });
      expect(services[0].spec.ports.map((p: any) => p.name)).toContain(m.spec.endpoints[0].port);
      expect(services[0].spec.clusterIP).toBe('None');
    }
    expect(find(objects, 'DaemonSet', 'cilium').spec.template.metadata.annotations['prometheus.io/scrape']).toBeUndefined();
    expect(find(objects, 'Deployment', 'cilium-operator').spec.template.metadata.annotations).toBeUndefined();
    expect(find(objects, 'Service', 'hubble-metrics').metadata.annotations).toBeUndefined();
  });
});
