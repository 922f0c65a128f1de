import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { hostPathVolume } from '../util/host-path-volume';
import { AGENT_SELECTOR } from './agent-selector';
import { ENVOY_HEALTH_PORT, ENVOY_METRICS_PORT, envoyBootstrapJson } from './envoy-bootstrap';
import { ENVOY, ENVOY_CONFIG_MAP, NAMESPACE, PART_OF } from './names';
import { apiServerEnv, capabilities, downwardEnv, loopbackProbe, UnconfinedDaemonSet } from './pod-common';
import { CiliumSettings } from './settings';

const BOOTSTRAP_KEY = 'bootstrap-config.json';
const ENVOY_SELECTOR = { 'k8s-app': ENVOY };

/**
 * Envoy as its own DaemonSet (`cilium-envoy`, the 1.16 default for new installs): the L7 proxy the agent
 * programs over xDS on a host socket, its bootstrap ConfigMap and the headless metrics Service.
 */
export function addEnvoy(scope: Construct, s: CiliumSettings): void {
  const v = s.version;
  new k8s.KubeConfigMap(scope, 'envoy-config', {
    metadata: { name: ENVOY_CONFIG_MAP, namespace: NAMESPACE },
    data: { [BOOTSTRAP_KEY]: envoyBootstrapJson(s.ipv4, s.ipv6, v.minor) },
  });

  new k8s.KubeService(scope, 'envoy-service', {
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
        targetPort: v.atLeast(19) ? k8s.IntOrString.fromNumber(ENVOY_METRICS_PORT) : k8s.IntOrString.fromString('envoy-metrics'),
      }],
    },
  });

  const labels = { ...ENVOY_SELECTOR, ...PART_OF, 'app.kubernetes.io/name': ENVOY, 'name': ENVOY };
  new UnconfinedDaemonSet(scope, 'envoy', {
    metadata: { name: ENVOY, namespace: NAMESPACE, labels },
    spec: {
      selector: { matchLabels: ENVOY_SELECTOR },
      updateStrategy: { rollingUpdate: { maxUnavailable: k8s.IntOrString.fromNumber(2) }, type: 'RollingUpdate' },
      template: {
        metadata: { labels },
        spec: {
          containers: [{
            name: ENVOY,
            image: s.images.envoy,
            imagePullPolicy: s.imagePullPolicy,
            command: ['/usr/bin/cilium-envoy-starter'],
            args: [
              '--',
              `-c /var/run/cilium/envoy/${BOOTSTRAP_KEY}`,
              '--base-id 0',
              '--log-level info',
              // 1.18 moved the log format into the bootstrap (applicationLogConfig).
              ...(v.atLeast(18) ? [] : ['--log-format [%Y-%m-%d %T.%e][%t][%l][%n] [%g:%#] %v']),
            ],
            startupProbe: loopbackProbe(s, ENVOY_HEALTH_PORT, {
              failureThreshold: 105, periodSeconds: 2, successThreshold: 1, initialDelaySeconds: 5, ...(v.atLeast(20) ? { timeoutSeconds: 5 } : {}),
            }, false),
            livenessProbe: loopbackProbe(s, ENVOY_HEALTH_PORT, { periodSeconds: 30, successThreshold: 1, failureThreshold: 10, timeoutSeconds: 5 }, false),
            readinessProbe: loopbackProbe(s, ENVOY_HEALTH_PORT, { periodSeconds: 30, successThreshold: 1, failureThreshold: 3, timeoutSeconds: 5 }, false),
            env: [...downwardEnv(), ...apiServerEnv(s)],
            ports: [{ name: 'envoy-metrics', containerPort: ENVOY_METRICS_PORT, hostPort: ENVOY_METRICS_PORT, protocol: 'TCP' }],
            securityContext: capabilities(['NET_ADMIN', 'SYS_ADMIN']),
            terminationMessagePolicy: 'FallbackToLogsOnError',
            volumeMounts: [
              { name: 'envoy-sockets', mountPath: '/var/run/cilium/envoy/sockets' },
              { name: 'envoy-artifacts', mountPath: '/var/run/cilium/envoy/artifacts', readOnly: true },
              { name: 'envoy-config', mountPath: '/var/run/cilium/envoy/', readOnly: true },
              { name: 'bpf-maps', mountPath: '/sys/fs/bpf', mountPropagation: 'HostToContainer' },
            ],
          }],
          restartPolicy: 'Always',
          priorityClassName: 'system-node-critical',
          serviceAccountName: ENVOY,
          automountServiceAccountToken: true,
          terminationGracePeriodSeconds: 1,
          hostNetwork: true,
          affinity: {
            // Nodes labelled cilium.io/no-schedule=true run no Cilium.
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchExpressions: [{ key: 'cilium.io/no-schedule', operator: 'NotIn', values: ['true'] }] }],
              },
            },
            // Only beside an agent (which serves its xDS socket), and once per node.
            podAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: AGENT_SELECTOR }, topologyKey: 'kubernetes.io/hostname' }],
            },
            podAntiAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: ENVOY_SELECTOR }, topologyKey: 'kubernetes.io/hostname' }],
            },
          },
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [{ operator: 'Exists' }],
          volumes: [
            hostPathVolume('envoy-sockets', '/var/run/cilium/envoy/sockets', 'DirectoryOrCreate'),
            hostPathVolume('envoy-artifacts', '/var/run/cilium/envoy/artifacts', 'DirectoryOrCreate'),
            { name: 'envoy-config', configMap: { name: ENVOY_CONFIG_MAP, defaultMode: 0o400, items: [{ key: BOOTSTRAP_KEY, path: BOOTSTRAP_KEY }] } },
            hostPathVolume('bpf-maps', '/sys/fs/bpf', 'DirectoryOrCreate'),
          ],
        },
      },
    },
  });
}
