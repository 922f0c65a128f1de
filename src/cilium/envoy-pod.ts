import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { hostPathVolume } from '../util/host-path-volume';
import { AGENT_SELECTOR } from './agent-selector';
import { capabilities } from './capabilities';
import { ENVOY_HEALTH_PORT, ENVOY_METRICS_PORT } from './envoy-bootstrap';
import { loopbackProbe } from './loopback-probe';
import { ENVOY, ENVOY_CONFIG_MAP } from './names';
import { apiServerEnv, downwardEnv } from './pod-env';
import { CiliumSettings } from './settings';

/** The key of the bootstrap file in the `cilium-envoy-config` ConfigMap, and its file name in the pod. */
export const ENVOY_BOOTSTRAP_KEY = 'bootstrap-config.json';
/** Labels of the Envoy pods (the metrics Service and the anti-affinity select them). */
export const ENVOY_SELECTOR = { 'k8s-app': ENVOY };

/** The pod of the `cilium-envoy` DaemonSet: one proxy beside each agent, in the host network. */
export function envoyPodSpec(settings: CiliumSettings): k8s.PodSpec {
  return {
    containers: [envoyContainer(settings)],
    restartPolicy: 'Always',
    priorityClassName: 'system-node-critical',
    serviceAccountName: ENVOY,
    automountServiceAccountToken: true,
    terminationGracePeriodSeconds: 1,
    hostNetwork: true,
    affinity: ENVOY_AFFINITY,
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    tolerations: [{ operator: 'Exists' }],
    volumes: [
      hostPathVolume('envoy-sockets', '/var/run/cilium/envoy/sockets', 'DirectoryOrCreate'),
      hostPathVolume('envoy-artifacts', '/var/run/cilium/envoy/artifacts', 'DirectoryOrCreate'),
      { name: 'envoy-config', configMap: { name: ENVOY_CONFIG_MAP, defaultMode: 0o400, items: [{ key: ENVOY_BOOTSTRAP_KEY, path: ENVOY_BOOTSTRAP_KEY }] } },
      hostPathVolume('bpf-maps', '/sys/fs/bpf', 'DirectoryOrCreate'),
    ],
  };
}

const ENVOY_AFFINITY: k8s.Affinity = {
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
};

function envoyContainer(settings: CiliumSettings): k8s.Container {
  const version = settings.version;
  return {
    name: ENVOY,
    image: settings.images.envoy,
    imagePullPolicy: settings.imagePullPolicy,
    command: ['/usr/bin/cilium-envoy-starter'],
    args: [
      '--',
      `-c /var/run/cilium/envoy/${ENVOY_BOOTSTRAP_KEY}`,
      '--base-id 0',
      '--log-level info',
      // 1.18 moved the log format into the bootstrap (applicationLogConfig).
      ...(version.atLeast(18) ? [] : ['--log-format [%Y-%m-%d %T.%e][%t][%l][%n] [%g:%#] %v']),
    ],
    startupProbe: loopbackProbe(settings, ENVOY_HEALTH_PORT, {
      failureThreshold: 105, periodSeconds: 2, successThreshold: 1, initialDelaySeconds: 5, ...(version.atLeast(20) ? { timeoutSeconds: 5 } : {}),
    }, false),
    livenessProbe: loopbackProbe(settings, ENVOY_HEALTH_PORT, { periodSeconds: 30, successThreshold: 1, failureThreshold: 10, timeoutSeconds: 5 }, false),
    readinessProbe: loopbackProbe(settings, ENVOY_HEALTH_PORT, { periodSeconds: 30, successThreshold: 1, failureThreshold: 3, timeoutSeconds: 5 }, false),
    env: [...downwardEnv(), ...apiServerEnv(settings)],
    ports: [{ name: 'envoy-metrics', containerPort: ENVOY_METRICS_PORT, hostPort: ENVOY_METRICS_PORT, protocol: 'TCP' }],
    securityContext: capabilities(['NET_ADMIN', 'SYS_ADMIN']),
    terminationMessagePolicy: 'FallbackToLogsOnError',
    volumeMounts: [
      { name: 'envoy-sockets', mountPath: '/var/run/cilium/envoy/sockets' },
      { name: 'envoy-artifacts', mountPath: '/var/run/cilium/envoy/artifacts', readOnly: true },
      { name: 'envoy-config', mountPath: '/var/run/cilium/envoy/', readOnly: true },
      { name: 'bpf-maps', mountPath: '/sys/fs/bpf', mountPropagation: 'HostToContainer' },
    ],
  };
}
