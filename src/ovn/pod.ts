import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { Mount, volumeMounts, volumesFor } from './host-paths';
import { OVN_NAMESPACE } from './names';
import { OvnSettings } from './settings';

/** Linux capabilities a container gets; all OVN-Kubernetes containers run as root. */
export enum Privilege {
  /** Root only (ovnkube-master, cluster manager). */
  ROOT = 'root',
  /** NET_ADMIN (databases, ovs metrics exporter). */
  NET_ADMIN = 'NET_ADMIN',
  /** SYS_NICE (ovn-northd, ovn-controller raise their priority). */
  SYS_NICE = 'SYS_NICE',
  /** Privileged (OVS itself, ovnkube on the node: interfaces, netns, iptables, CNI files). */
  PRIVILEGED = 'privileged',
}

/** One OVN-Kubernetes container: an `ovnkube.sh` target and what it needs. */
export interface OvnContainer {
  readonly name: string;
  /** Argument of `/root/ovnkube.sh`. */
  readonly target: string;
  readonly privilege: Privilege;
  readonly mounts: Mount[];
  readonly env: k8s.EnvVar[];
  /** `ovn-kube-util readiness-probe -t <readiness>`; none where upstream has none. */
  readonly readiness?: string;
  readonly livenessCommand?: string[];
  readonly preStopCommand?: string[];
  readonly limits?: { cpu: string; memory: string };
}

/** Options of an OVN-Kubernetes pod. */
export interface OvnPod {
  /** Value of the `name` label (and `app`); the workload's selector uses one of them. */
  readonly name: string;
  readonly serviceAccount?: string;
  /** ovnkube on the node and OVS look at host processes. */
  readonly hostPid?: boolean;
  /** Pods that hold OVN databases; OVN-Kubernetes' metrics look for `ovn-db-pod=true` on a node. */
  readonly holdsDatabases?: boolean;
  readonly affinity?: k8s.Affinity;
  readonly containers: OvnContainer[];
}

const ENTRYPOINT = '/root/ovnkube.sh';
const PROBE = { initialDelaySeconds: 30, timeoutSeconds: 30, periodSeconds: 60 };

/** Labels of every OVN-Kubernetes pod. */
function podLabels(name: string, holdsDatabases = false): Record<string, string> {
  return {
    'app': name,
    'name': name,
    'component': 'network',
    'type': 'infra',
    'kubernetes.io/os': 'linux',
    ...(holdsDatabases ? { 'ovn-db-pod': 'true' } : {}),
  };
}

/**
 * The pod conventions of every OVN-Kubernetes workload: host network (it builds the network, so it cannot
 * depend on one), the node's resolver, cluster-critical priority, tolerating every taint, Linux nodes only.
 */
function podTemplate(settings: OvnSettings, pod: OvnPod): k8s.PodTemplateSpec {
  return {
    metadata: { labels: podLabels(pod.name, pod.holdsDatabases) },
    spec: {
      serviceAccountName: pod.serviceAccount,
      hostNetwork: true,
      hostPid: pod.hostPid,
      dnsPolicy: 'Default',
      priorityClassName: 'system-cluster-critical',
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      affinity: pod.affinity,
      tolerations: [{ operator: 'Exists' }],
      containers: pod.containers.map((c) => container(settings, c)),
      volumes: volumesFor(pod.containers.flatMap((c) => c.mounts)),
    },
  };
}

function container(settings: OvnSettings, spec: OvnContainer): k8s.Container {
  return {
    name: spec.name,
    image: settings.image,
    imagePullPolicy: settings.imagePullPolicy,
    command: [ENTRYPOINT, spec.target],
    securityContext: securityContext(spec.privilege),
    terminationMessagePolicy: 'FallbackToLogsOnError',
    volumeMounts: volumeMounts(spec.mounts),
    resources: {
      requests: { cpu: k8s.Quantity.fromString('100m'), memory: k8s.Quantity.fromString('300Mi') },
      limits: spec.limits && { cpu: k8s.Quantity.fromString(spec.limits.cpu), memory: k8s.Quantity.fromString(spec.limits.memory) },
    },
    env: spec.env,
    readinessProbe: spec.readiness === undefined ? undefined : {
      exec: { command: ['/usr/bin/ovn-kube-util', 'readiness-probe', '-t', spec.readiness] },
      ...PROBE,
    },
    livenessProbe: spec.livenessCommand && { exec: { command: spec.livenessCommand }, ...PROBE },
    lifecycle: spec.preStopCommand && { preStop: { exec: { command: spec.preStopCommand } } },
  };
}

function securityContext(privilege: Privilege): k8s.SecurityContext {
  switch (privilege) {
    case Privilege.PRIVILEGED:
      return { runAsUser: 0, privileged: true };
    case Privilege.NET_ADMIN:
    case Privilege.SYS_NICE:
      return { runAsUser: 0, capabilities: { add: [privilege] } };
    case Privilege.ROOT:
      return { runAsUser: 0 };
  }
}

/**
 * Control-plane pods: on control-plane nodes (or the nodes `controlPlaneNodeSelector` names; with `{}`
 * any node), at most one per node (they use host ports).
 */
function controlPlaneAffinity(name: string, selector: Record<string, string> | undefined): k8s.Affinity {
  const expressions = selector === undefined
    ? [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' }]
    : Object.keys(selector).sort().map((key) => ({ key, operator: 'In', values: [selector[key]] }));
  return {
    ...(expressions.length > 0 ? {
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: expressions }] } },
    } : {}),
    podAntiAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: [{
        labelSelector: { matchLabels: { name } },
        topologyKey: 'kubernetes.io/hostname',
      }],
    },
  };
}

/**
 * A single-replica control-plane Deployment (ovnkube-db, ovnkube-master, ovnkube-control-plane), selected by
 * its `name` label as upstream. No surge pod on update: host ports and anti-affinity leave it nowhere to go.
 */
export function addControlPlaneDeployment(scope: Construct, id: string, settings: OvnSettings, pod: OvnPod): k8s.KubeDeployment {
  return new k8s.KubeDeployment(scope, id, {
    metadata: { name: pod.name, namespace: OVN_NAMESPACE },
    spec: {
      replicas: 1,
      selector: { matchLabels: { name: pod.name } },
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: k8s.IntOrString.fromNumber(0), maxUnavailable: k8s.IntOrString.fromNumber(1) },
      },
      template: podTemplate(settings, { ...pod, affinity: controlPlaneAffinity(pod.name, settings.controlPlaneNodeSelector) }),
    },
  });
}

/** A DaemonSet on every Linux node, selected by its `app` label as upstream. */
export function addNodeDaemonSet(scope: Construct, id: string, settings: OvnSettings, pod: OvnPod): k8s.KubeDaemonSet {
  return new k8s.KubeDaemonSet(scope, id, {
    metadata: { name: pod.name, namespace: OVN_NAMESPACE },
    spec: {
      selector: { matchLabels: { app: pod.name } },
      updateStrategy: { type: 'RollingUpdate' },
      template: podTemplate(settings, pod),
    },
  });
}
