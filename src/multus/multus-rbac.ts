import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { MULTUS_NAME } from './names';

/**
 * ServiceAccount `multus` and ClusterRole/ClusterRoleBinding `multus`, with upstream's rules. Thin reads
 * pods only for the CNI call at hand (get/update); thick's daemon also lists and watches them.
 */
export function addMultusRbac(scope: Construct, namespace: string, watchPods: boolean): void {
  new k8s.KubeServiceAccount(scope, 'ServiceAccount', {
    metadata: { name: MULTUS_NAME, namespace },
  });
  new k8s.KubeClusterRole(scope, 'ClusterRole', {
    metadata: { name: MULTUS_NAME },
    rules: [
      // NADs (and everything else of the group) are read to build the pods' attachments.
      { apiGroups: ['k8s.cni.cncf.io'], resources: ['*'], verbs: ['*'] },
      // The network-status annotation is written back to the pod.
      {
        apiGroups: [''],
        resources: ['pods', 'pods/status'],
        verbs: watchPods ? ['get', 'list', 'update', 'watch'] : ['get', 'update'],
      },
      { apiGroups: ['', 'events.k8s.io'], resources: ['events'], verbs: ['create', 'patch', 'update'] },
    ],
  });
  new k8s.KubeClusterRoleBinding(scope, 'ClusterRoleBinding', {
    metadata: { name: MULTUS_NAME },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: MULTUS_NAME },
    subjects: [{ kind: 'ServiceAccount', name: MULTUS_NAME, namespace }],
  });
}
