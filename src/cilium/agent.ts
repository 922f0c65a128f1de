import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { agentContainer } from './agent-container';
import { agentInitContainers } from './agent-init-containers';
import { AGENT_SELECTOR } from './agent-selector';
import { agentVolumes } from './agent-volumes';
import { scrapeAnnotations } from './metrics';
import { AGENT, NAMESPACE, PART_OF } from './names';
import { AGENT_METRICS_PORT } from './ports';
import { CiliumSettings } from './settings';
import { UnconfinedDaemonSet } from './unconfined-daemon-set';

/**
 * The agent DaemonSet `cilium`, as the chart of the chosen release renders it for Kubernetes >= 1.30:
 * the agent container (agent-container.ts), its init containers (agent-init-containers.ts) and volumes
 * (agent-volumes.ts). Left out on purpose: the chart's postStart hook that deletes AWS VPC CNI SNAT
 * rules (only relevant on nodes that ran the AWS VPC CNI before).
 */
export function addAgent(scope: Construct, settings: CiliumSettings): k8s.KubeDaemonSet {
  const labels = { ...AGENT_SELECTOR, 'app.kubernetes.io/name': 'cilium-agent', ...PART_OF };
  const version = settings.version;
  const agent = agentContainer(settings);
  return new UnconfinedDaemonSet(scope, 'AgentDaemonSet', {
    metadata: { name: AGENT, namespace: NAMESPACE, labels },
    spec: {
      selector: { matchLabels: AGENT_SELECTOR },
      updateStrategy: { rollingUpdate: { maxUnavailable: k8s.IntOrString.fromNumber(2) }, type: 'RollingUpdate' },
      template: {
        metadata: {
          ...annotations({
            ...scrapeAnnotations(settings.prometheus, AGENT_METRICS_PORT, settings),
            ...(version.atLeast(18) ? { 'kubectl.kubernetes.io/default-container': agent.name } : {}),
          }),
          labels,
        },
        spec: {
          ...(version.atLeast(18) ? { securityContext: { seccompProfile: { type: 'Unconfined' } } } : {}),
          containers: [agent],
          initContainers: agentInitContainers(settings),
          restartPolicy: 'Always',
          priorityClassName: 'system-node-critical',
          serviceAccountName: AGENT,
          automountServiceAccountToken: true,
          terminationGracePeriodSeconds: 1,
          hostNetwork: true,
          // One agent per node, even during a rolling update.
          affinity: {
            podAntiAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: AGENT_SELECTOR }, topologyKey: 'kubernetes.io/hostname' }],
            },
          },
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [{ operator: 'Exists' }],
          volumes: agentVolumes(settings),
        },
      },
    },
  });
}

/** `{ annotations }` when there are any. */
function annotations(given: Record<string, string>): { annotations?: Record<string, string> } {
  return Object.keys(given).length > 0 ? { annotations: given } : {};
}
