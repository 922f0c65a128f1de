import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { MULTUS_LABELS, MULTUS_NAME, MULTUS_SELECTOR, POD_CNI_BIN_DIR } from './names';

// What the thin and thick DaemonSets share: the spec around the pod parts, the installer, the resources.

/** What the thin and thick pods differ in. */
export interface MultusPodParts {
  readonly hostPid: boolean;
  readonly container: k8s.Container;
  readonly installer: k8s.Container;
  readonly volumes: k8s.Volume[];
}

/** Runs on every node, tainted or not: without Multus no pod on the node gets a network. */
const TOLERATIONS: k8s.Toleration[] = [
  { operator: 'Exists', effect: 'NoSchedule' },
  { operator: 'Exists', effect: 'NoExecute' },
];

/** Upstream's requests and limits of the main container; the installer only requests. */
export const MAIN_RESOURCES: k8s.ResourceRequirements = {
  requests: { cpu: k8s.Quantity.fromString('100m'), memory: k8s.Quantity.fromString('50Mi') },
  limits: { cpu: k8s.Quantity.fromString('100m'), memory: k8s.Quantity.fromString('50Mi') },
};
const INSTALLER_RESOURCES: k8s.ResourceRequirements = {
  requests: { cpu: k8s.Quantity.fromString('10m'), memory: k8s.Quantity.fromString('15Mi') },
};

/** The init container that puts the plugin binary into the host's CNI bin dir. */
export function installer(image: string, command: string[], args?: string[]): k8s.Container {
  return {
    name: 'install-multus-binary',
    image,
    command,
    args,
    resources: INSTALLER_RESOURCES,
    securityContext: { privileged: true },
    terminationMessagePolicy: 'FallbackToLogsOnError',
    // Bidirectional so the copied binary is visible on the host at once.
    volumeMounts: [{ name: 'cnibin', mountPath: POD_CNI_BIN_DIR, mountPropagation: 'Bidirectional' }],
  };
}

/** The DaemonSet spec shared by both modes. */
export function daemonSetSpec(parts: MultusPodParts): k8s.DaemonSetSpec {
  return {
    selector: { matchLabels: { ...MULTUS_SELECTOR } },
    updateStrategy: { type: 'RollingUpdate' },
    template: {
      metadata: { labels: { ...MULTUS_LABELS } },
      spec: {
        hostNetwork: true,
        hostPid: parts.hostPid || undefined,
        tolerations: TOLERATIONS,
        serviceAccountName: MULTUS_NAME,
        containers: [parts.container],
        initContainers: [parts.installer],
        terminationGracePeriodSeconds: 10,
        volumes: parts.volumes,
      },
    },
  };
}
