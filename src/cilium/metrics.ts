import { ApiObject } from 'cdk8s';
import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { AGENT_SELECTOR } from './agent-selector';
import { ConfigKeys } from './config-keys';
import { NAMESPACE, OPERATOR, PART_OF } from './names';
import { AGENT_METRICS_PORT, HUBBLE_METRICS_PORT, OPERATOR_METRICS_PORT } from './ports';
import { CiliumSettings } from './settings';

// Prometheus metrics of the agents, the operator and Hubble, as the chart renders them for
// `prometheus.enabled`, `hubble.metrics.enabled` and the three `serviceMonitor.enabled` values.

/** The API group of the prometheus-operator's ServiceMonitor: its CRD is not part of this stack. */
export const MONITORING_GROUP = 'monitoring.coreos.com';
const OPERATOR_SELECTOR = { 'io.cilium/app': 'operator', 'name': OPERATOR };
/** Prometheus reads a pod's node from the endpoint it scrapes; the chart keeps it as the `node` label. */
const NODE_LABEL = { action: 'replace', replacement: '${1}', sourceLabels: ['__meta_kubernetes_pod_node_name'], targetLabel: 'node' };

/** The agent's metrics host ports: Prometheus on 9962, Hubble's flow metrics on 9965. */
export function agentMetricsPorts(settings: CiliumSettings): { name: string; port: number }[] {
  return [
    ...(settings.prometheus ? [{ name: 'prometheus', port: AGENT_METRICS_PORT }] : []),
    ...(settings.hubbleMetrics.length > 0 ? [{ name: 'hubble-metrics', port: HUBBLE_METRICS_PORT }] : []),
  ];
}

/** Prometheus scrape annotations of a pod template, which the chart leaves out once a ServiceMonitor does the scraping. */
export function scrapeAnnotations(enabled: boolean, port: number, settings: CiliumSettings): Record<string, string> | undefined {
  return enabled && !settings.serviceMonitors ? { 'prometheus.io/port': String(port), 'prometheus.io/scrape': 'true' } : undefined;
}

/** cilium-config keys of the agent's and Hubble's metrics servers. */
export function metricsKeys(keys: ConfigKeys, settings: CiliumSettings): void {
  if (settings.prometheus) {
    keys.set('prometheus-serve-addr', `:${AGENT_METRICS_PORT}`);
    // The chart's prometheus.controllerGroupMetrics default: the controllers whose runs are counted.
    keys.set('controller-group-metrics', 'write-cni-file sync-host-ips sync-lb-maps-with-k8s-services');
  }
  if (settings.hubbleMetrics.length > 0) {
    keys.set('hubble-metrics-server', `:${HUBBLE_METRICS_PORT}`);
    keys.set('hubble-metrics-server-enable-tls', false);
    keys.set('enable-hubble-open-metrics', false);
    keys.set('hubble-metrics', settings.hubbleMetrics.join(' '));
  }
}

/**
 * The headless Services Prometheus finds the pods through: `hubble-metrics` whenever Hubble exports
 * metrics (annotated for annotation-based scraping unless a ServiceMonitor selects it), `cilium-agent` and
 * `cilium-operator` only for the ServiceMonitors, as the chart.
 */
export function addMetricsServices(scope: Construct, settings: CiliumSettings): void {
  const headless = (id: string, name: string, labels: Record<string, string>, selector: Record<string, string>, port: k8s.ServicePort, annotations?: Record<string, string>) =>
    new k8s.KubeService(scope, id, {
      metadata: { name, namespace: NAMESPACE, labels, ...(annotations ? { annotations } : {}) },
      spec: { clusterIp: 'None', type: 'ClusterIP', selector, ports: [port] },
    });
  if (settings.prometheus && settings.serviceMonitors) {
    headless('AgentMetricsService', 'cilium-agent', { ...AGENT_SELECTOR, 'app.kubernetes.io/name': 'cilium-agent', ...PART_OF }, AGENT_SELECTOR,
      { name: 'metrics', port: AGENT_METRICS_PORT, protocol: 'TCP', targetPort: k8s.IntOrString.fromString('prometheus') });
  }
  if (settings.serviceMonitors) {
    headless('OperatorMetricsService', OPERATOR, { ...OPERATOR_SELECTOR, ...PART_OF, 'app.kubernetes.io/name': OPERATOR }, OPERATOR_SELECTOR,
      { name: 'metrics', port: OPERATOR_METRICS_PORT, protocol: 'TCP', targetPort: k8s.IntOrString.fromString('prometheus') });
  }
  if (settings.hubbleMetrics.length > 0) {
    headless('HubbleMetricsService', 'hubble-metrics', { 'k8s-app': 'hubble', 'app.kubernetes.io/name': 'hubble', ...PART_OF }, AGENT_SELECTOR,
      { name: 'hubble-metrics', port: HUBBLE_METRICS_PORT, protocol: 'TCP', targetPort: k8s.IntOrString.fromString('hubble-metrics') },
      scrapeAnnotations(true, HUBBLE_METRICS_PORT, settings));
  }
}

/**
 * The prometheus-operator ServiceMonitors (`monitoring.coreos.com/v1`), every 10 s as the chart. The
 * layout writes them to `optional/` of the output: their CRD is the prometheus-operator's.
 */
export function addServiceMonitors(scope: Construct, settings: CiliumSettings): void {
  if (!settings.serviceMonitors) return;
  const monitor = (id: string, name: string, spec: Record<string, unknown>) => new ApiObject(scope, id, {
    apiVersion: `${MONITORING_GROUP}/v1`,
    kind: 'ServiceMonitor',
    metadata: { name, namespace: NAMESPACE, labels: { ...PART_OF, 'app.kubernetes.io/name': name } },
    spec: { namespaceSelector: { matchNames: [NAMESPACE] }, ...spec },
  });
  const endpoint = (port: string, extra: Record<string, unknown> = {}) => ({ port, interval: '10s', honorLabels: true, path: '/metrics', ...extra });
  monitor('AgentServiceMonitor', 'cilium-agent', {
    selector: { matchLabels: { 'app.kubernetes.io/name': 'cilium-agent' } },
    endpoints: [endpoint('metrics', { relabelings: [NODE_LABEL] })],
    targetLabels: ['k8s-app'],
  });
  monitor('OperatorServiceMonitor', OPERATOR, {
    selector: { matchLabels: OPERATOR_SELECTOR },
    endpoints: [endpoint('metrics')],
    targetLabels: ['io.cilium/app'],
  });
  if (settings.hubbleMetrics.length > 0) {
    monitor('HubbleServiceMonitor', 'hubble', {
      selector: { matchLabels: { 'k8s-app': 'hubble' } },
      endpoints: [endpoint('hubble-metrics', { scheme: 'http', relabelings: [NODE_LABEL] })],
    });
  }
}
