import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { loopbackProbe } from './loopback-probe';
import { CONFIG_DIR, CONFIG_MAP, NAMESPACE, OPERATOR, PART_OF } from './names';
import { apiServerEnv, downwardEnv } from './pod-env';
import { scrapeAnnotations } from './metrics';
import { OPERATOR_HEALTH_PORT, OPERATOR_METRICS_PORT } from './ports';
import { CiliumSettings } from './settings';

const OPERATOR_SELECTOR = { 'io.cilium/app': 'operator', 'name': OPERATOR };

/**
 * The operator Deployment `cilium-operator` (generic flavour): registers the cilium.io CRDs, allocates
 * cluster-pool ranges, garbage-collects identities and endpoints, removes the agent-not-ready taint.
 */
export function addOperator(scope: Construct, settings: CiliumSettings): k8s.KubeDeployment {
  const labels = { ...OPERATOR_SELECTOR, ...PART_OF, 'app.kubernetes.io/name': OPERATOR };
  return new k8s.KubeDeployment(scope, 'OperatorDeployment', {
    metadata: { name: OPERATOR, namespace: NAMESPACE, labels },
    spec: {
      replicas: settings.operatorReplicas,
      selector: { matchLabels: OPERATOR_SELECTOR },
      // Replicas repel each other (anti-affinity): with one replica the old pod must go first.
      strategy: {
        rollingUpdate: {
          maxSurge: k8s.IntOrString.fromString('25%'),
          maxUnavailable: k8s.IntOrString.fromString(settings.operatorReplicas === 1 ? '100%' : '50%'),
        },
        type: 'RollingUpdate',
      },
      template: {
        metadata: {
          // The operator's metrics are on in every version (the chart's operator.prometheus.enabled default).
          ...(settings.serviceMonitors ? {} : { annotations: scrapeAnnotations(true, OPERATOR_METRICS_PORT, settings) }),
          labels,
        },
        spec: operatorPodSpec(settings),
      },
    },
  });
}

function operatorPodSpec(settings: CiliumSettings): k8s.PodSpec {
  const version = settings.version;
  return {
    containers: [operatorContainer(settings)],
    // Host network: the operator must run before the pod network exists.
    hostNetwork: true,
    ...(version.atLeast(18) ? { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } } : {}),
    restartPolicy: 'Always',
    priorityClassName: 'system-cluster-critical',
    serviceAccountName: OPERATOR,
    automountServiceAccountToken: true,
    affinity: {
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { 'io.cilium/app': 'operator' } }, topologyKey: 'kubernetes.io/hostname' }],
      },
    },
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    tolerations: operatorTolerations(settings),
    volumes: [{ name: 'cilium-config-path', configMap: { name: CONFIG_MAP } }],
  };
}

/** 1.18 tolerates only the taints a node has before its network is up, instead of every taint. */
function operatorTolerations(settings: CiliumSettings): k8s.Toleration[] {
  if (!settings.version.atLeast(18)) return [{ operator: 'Exists' }];
  return ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master', 'node.kubernetes.io/not-ready',
    'node.cloudprovider.kubernetes.io/uninitialized', 'node.cilium.io/agent-not-ready'].map((key) => ({ key, operator: 'Exists' }));
}

function operatorContainer(settings: CiliumSettings): k8s.Container {
  const version = settings.version;
  // 1.19 names the health port and probes it by name.
  const port = version.atLeast(19) ? 'health' : OPERATOR_HEALTH_PORT;
  return {
    name: OPERATOR,
    image: settings.images.operator,
    imagePullPolicy: settings.imagePullPolicy,
    command: ['cilium-operator-generic'],
    args: [`--config-dir=${CONFIG_DIR}`, '--debug=$(CILIUM_DEBUG)'],
    env: [
      ...downwardEnv(),
      { name: 'CILIUM_DEBUG', valueFrom: { configMapKeyRef: { key: 'debug', name: CONFIG_MAP, optional: true } } },
      ...apiServerEnv(settings),
    ],
    ports: [
      ...(version.atLeast(19) ? [{ name: 'health', containerPort: OPERATOR_HEALTH_PORT, hostPort: OPERATOR_HEALTH_PORT }] : []),
      { name: 'prometheus', containerPort: OPERATOR_METRICS_PORT, hostPort: OPERATOR_METRICS_PORT, protocol: 'TCP' },
    ],
    livenessProbe: loopbackProbe(settings, port, { initialDelaySeconds: 60, periodSeconds: 10, timeoutSeconds: 3 }, false),
    // No zero values (initialDelaySeconds: 0, readOnly: false, hostNetwork: false) as the chart has:
    // the API server drops them, so every later `kubectl apply` would report a change.
    readinessProbe: loopbackProbe(settings, port, { periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 5 }, false),
    volumeMounts: [{ name: 'cilium-config-path', mountPath: CONFIG_DIR, readOnly: true }],
    terminationMessagePolicy: 'FallbackToLogsOnError',
    ...(version.atLeast(18) ? { securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } } : {}),
  };
}
