import { Construct } from 'constructs';
import { ensureNamespace } from '../plan';
import { allowPrivilegedPods } from '../common/object-labels';
import { OVN_NAMESPACE } from './names';
import { OvnSettings } from './settings';

/** Namespace `ovn-kubernetes` (where everything runs) and the host-network namespace (empty by design). */
export function addOvnNamespaces(scope: Construct, settings: OvnSettings): void {
  // ensureNamespace: a namespace the App renders already (Multus' or a network's) is not rendered twice.
  // OVN-Kubernetes' pods are privileged, in the host network, with hostPath volumes.
  const ovn = ensureNamespace(scope, OVN_NAMESPACE);
  if (ovn) allowPrivilegedPods(ovn);
  // OVN-Kubernetes classifies host-network traffic as coming from this namespace in network policies.
  ensureNamespace(scope, settings.hostNetworkNamespace, undefined, 'HostNetworkNamespace');
}
