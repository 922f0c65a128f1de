import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { ENVOY_METRICS_PORT, envoyBootstrapJson } from './envoy-bootstrap';
import { ENVOY_BOOTSTRAP_KEY, envoyPodSpec, ENVOY_SELECTOR } from './envoy-pod';
import { ENVOY, ENVOY_CONFIG_MAP, NAMESPACE, PART_OF } from './names';
import { CiliumSettings } from './settings';
import { UnconfinedDaemonSet } from './unconfined-daemon-set';

/**
 * Envoy as its own DaemonSet (`cilium-envoy`, the 1.16 default for new installs): the L7 proxy the agent
 * programs over xDS on a host socket, its bootstrap ConfigMap and the headless metrics Service.
 */
export function addEnvoy(scope: Construct, settings: CiliumSettings): void {
  new k8s.KubeConfigMap(scope, 'EnvoyConfigMap', {
    metadata: { name: ENVOY_CONFIG_MAP, namespace: NAMESPACE },
    data: { [ENVOY_BOOTSTRAP_KEY]: envoyBootstrapJson(settings.ipv4, settings.ipv6, settings.version.minor) },
  });
  addEnvoyMetricsService(scope, settings);
  const labels = { ...ENVOY_SELECTOR, ...PART_OF, 'app.kubernetes.io/name': ENVOY, 'name': ENVOY };
  new UnconfinedDaemonSet(scope, 'EnvoyDaemonSet', {
    metadata: { name: ENVOY, namespace: NAMESPACE, labels },
    spec: {
      selector: { matchLabels: ENVOY_SELECTOR },
      updateStrategy: { rollingUpdate: { maxUnavailable: k8s.IntOrString.fromNumber(2) }, type: 'RollingUpdate' },
      template: { metadata: { labels }, spec: envoyPodSpec(settings) },
    },
  });
}

/** The headless Service `cilium-envoy` Prometheus discovers the proxies' metrics through. */
function addEnvoyMetricsService(scope: Construct, settings: CiliumSettings): void {
  new k8s.KubeService(scope, 'EnvoyMetricsService', {
    metadata: {
      name: ENVOY,
      namespace: NAMESPACE,
      annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(ENVOY_METRICS_PORT) },
      labels: { ...ENVOY_SELECTOR, 'app.kubernetes.io/name': ENVOY, ...PART_OF, 'io.cilium/app': 'proxy' },
    },
    spec: {
      clusterIp: 'None',
      type: 'ClusterIP',
      selector: ENVOY_SELECTOR,
      ports: [{
        name: 'envoy-metrics',
        port: ENVOY_METRICS_PORT,
        protocol: 'TCP',
        // 1.19 targets the port number.
        targetPort: settings.version.atLeast(19) ? k8s.IntOrString.fromNumber(ENVOY_METRICS_PORT) : k8s.IntOrString.fromString('envoy-metrics'),
      }],
    },
  });
}
