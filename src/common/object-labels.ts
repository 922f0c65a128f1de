import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';

/**
 * The label every object of this library carries, to select or prune them all
 * (`kubectl get all,cm,sa,… -A -l app.kubernetes.io/managed-by=cdk8s-multicni`). `managed-by`, not
 * `part-of`: Cilium's own objects keep the chart's `app.kubernetes.io/part-of: cilium`.
 */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY_VALUE = 'cdk8s-multicni';

/** Puts MANAGED_BY_LABEL on every object below `scope` (a component, at the end of its constructor). */
export function labelManaged(scope: IConstruct): void {
  for (const c of scope.node.findAll()) {
    if (ApiObject.isApiObject(c)) c.metadata.addLabel(MANAGED_BY_LABEL, MANAGED_BY_VALUE);
  }
}

/**
 * Pod Security Admission levels of a namespace whose pods run privileged, in the host's network and PID
 * namespaces, with hostPath volumes (OVN-Kubernetes, Multus): `privileged`, the only level that admits
 * them (kube-apiserver's PodSecurity admission plugin reads these labels; a cluster whose default level is
 * baseline or restricted refuses the pods otherwise). audit and warn too, so no warning is printed per pod.
 */
export const PRIVILEGED_POD_SECURITY: Record<string, string> = {
  'pod-security.kubernetes.io/enforce': 'privileged',
  'pod-security.kubernetes.io/audit': 'privileged',
  'pod-security.kubernetes.io/warn': 'privileged',
};

/** Labels a Namespace object with PRIVILEGED_POD_SECURITY. */
export function allowPrivilegedPods(namespace: ApiObject): void {
  for (const [k, v] of Object.entries(PRIVILEGED_POD_SECURITY)) namespace.metadata.addLabel(k, v);
}
