import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { ChartAddressPlan, NAMESPACE_KIND, duplicateNamespaces } from '../plan';
import { allowPrivilegedPods } from '../common/object-labels';
import { OVN_NAMESPACE } from './names';
import { OvnSettings } from './settings';

/** Namespace `ovn-kubernetes` (where everything runs) and the host-network namespace (empty by design). */
export function addOvnNamespaces(scope: Construct, settings: OvnSettings): void {
  // Known to the App, so a network or Multus in these namespaces does not render them a second time
  // (and one created before, by Multus in the same namespace, is not rendered again here).
  const existing = (name: string) => ChartAddressPlan._membersOf(scope, NAMESPACE_KIND).find((n) => n.name === name);
  const add = (id: string, name: string) => {
    const ns = new k8s.KubeNamespace(scope, id, { metadata: { name } });
    ChartAddressPlan._join(scope, NAMESPACE_KIND, ns, duplicateNamespaces);
    return ns;
  };
  // OVN-Kubernetes' pods are privileged, in the host network, with hostPath volumes.
  allowPrivilegedPods(existing(OVN_NAMESPACE) ?? add('Namespace', OVN_NAMESPACE));
  // OVN-Kubernetes classifies host-network traffic as coming from this namespace in network policies.
  if (!existing(settings.hostNetworkNamespace)) add('HostNetworkNamespace', settings.hostNetworkNamespace);
}
