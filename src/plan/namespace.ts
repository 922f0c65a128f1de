import { ApiObject } from 'cdk8s';
import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { ChartAddressPlan, duplicateNamespaces } from './chart-address-plan';
import { NAMESPACE_KIND } from './members';

/** Namespaces every cluster has: never rendered. */
const BUILT_IN = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/**
 * The Namespace object `name` for `dependent`: created once per App (one cluster) by the first construct
 * that needs it, so `kubectl apply` never meets a namespace that does not exist and no Namespace is
 * rendered twice. `dependent` is ordered after it. Built-in namespaces are not rendered. Its construct id is
 * `id`: `Namespace` unless the construct needs more than one namespace of its own (OvnSecondary).
 */
export function ensureNamespace(scope: Construct, name: string, dependent?: ApiObject, id: string = 'Namespace'): ApiObject | undefined {
  if (BUILT_IN.includes(name)) return undefined;
  const existing = ChartAddressPlan._membersOf(scope, NAMESPACE_KIND).find((n) => n.name === name);
  const namespace = existing ?? new k8s.KubeNamespace(scope, id, { metadata: { name } });
  if (!existing) ChartAddressPlan._join(scope, NAMESPACE_KIND, namespace, duplicateNamespaces);
  if (dependent) dependent.addDependency(namespace);
  return namespace;
}
