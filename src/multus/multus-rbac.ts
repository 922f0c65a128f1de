import { Construct } from 'constructs';
import { addServiceAccountWithClusterRole, rule } from '../common/rbac';
import { MULTUS_NAME } from './names';

/**
 * ServiceAccount `multus` and ClusterRole/ClusterRoleBinding `multus`, with upstream's rules. Thin reads
 * pods only for the CNI call at hand (get/update); thick's daemon also lists and watches them.
 */
export function addMultusRbac(scope: Construct, namespace: string, watchPods: boolean): void {
  addServiceAccountWithClusterRole(scope, '', { name: MULTUS_NAME, namespace, rules: [
    // NADs (and everything else of the group) are read to build the pods' attachments.
    rule(['k8s.cni.cncf.io'], ['*'], ['*']),
    // The network-status annotation is written back to the pod.
    rule([''], ['pods', 'pods/status'], watchPods ? ['get', 'list', 'update', 'watch'] : ['get', 'update']),
    rule(['', 'events.k8s.io'], ['events'], ['create', 'patch', 'update']),
  ] });
}
