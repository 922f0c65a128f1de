import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';

/**
 * The RBAC objects every component renders: policy rules, ServiceAccounts, (Cluster)Roles and bindings
 * that grant a role to one ServiceAccount. Names and namespaces are always explicit (they are upstream's);
 * construct ids are `<prefix><Kind>`, so a component names each object by its role (`NodeClusterRole`).
 */

/** API group of Roles, ClusterRoles and their bindings. */
export const RBAC_API_GROUP = 'rbac.authorization.k8s.io';
/** The verbs of read access. */
export const READ_VERBS: readonly string[] = ['get', 'list', 'watch'];

/** A policy rule; `resourceNames` limits it to those objects. */
export function rule(apiGroups: string[], resources: string[], verbs: readonly string[], resourceNames?: string[]): k8s.PolicyRule {
  return { apiGroups, resources, verbs: [...verbs], resourceNames };
}

/** A ServiceAccount by name and namespace: what a binding grants a role to. */
export interface ServiceAccountRef {
  readonly name: string;
  readonly namespace: string;
}

/** Labels of the rendered objects. */
export interface RbacLabels {
  /** @default - no labels */
  readonly labels?: Record<string, string>;
}

/** A ServiceAccount to render. */
export interface ServiceAccountOptions extends ServiceAccountRef, RbacLabels {}

/** A ClusterRole and the ClusterRoleBinding of the same name granting it to one ServiceAccount. */
export interface ClusterRoleGrant extends RbacLabels {
  /** Name of the ClusterRole and of its binding. */
  readonly name: string;
  readonly rules: k8s.PolicyRule[];
  readonly serviceAccount: ServiceAccountRef;
}

/** A Role and the RoleBinding of the same name, in one namespace, granting it to one ServiceAccount. */
export interface RoleGrant extends ClusterRoleGrant {
  readonly namespace: string;
}

/** A binding of an existing (Cluster)Role, named `role`, to one ServiceAccount. */
export interface BindingOptions extends RbacLabels {
  /** Name of the binding. */
  readonly name: string;
  /** Name of the bound Role or ClusterRole. */
  readonly role: string;
  readonly serviceAccount: ServiceAccountRef;
}

/** A Role to render. */
export interface RoleOptions extends RbacLabels {
  readonly name: string;
  readonly namespace: string;
  readonly rules: k8s.PolicyRule[];
}

/** A RoleBinding: a binding in one namespace. */
export interface RoleBindingOptions extends BindingOptions {
  readonly namespace: string;
}

function metadata(name: string, namespace: string | undefined, labels: Record<string, string> | undefined): k8s.ObjectMeta {
  return { name, namespace, labels: labels && { ...labels } };
}

function subject(account: ServiceAccountRef): k8s.Subject {
  return { kind: 'ServiceAccount', name: account.name, namespace: account.namespace };
}

/** ServiceAccount `name` in `namespace` (id `id`). */
export function addServiceAccount(scope: Construct, id: string, account: ServiceAccountOptions): k8s.KubeServiceAccount {
  return new k8s.KubeServiceAccount(scope, id, { metadata: metadata(account.name, account.namespace, account.labels) });
}

/** A ClusterRoleBinding (id `id`). */
function addClusterRoleBinding(scope: Construct, id: string, binding: BindingOptions): k8s.KubeClusterRoleBinding {
  return new k8s.KubeClusterRoleBinding(scope, id, {
    metadata: metadata(binding.name, undefined, binding.labels),
    roleRef: { apiGroup: RBAC_API_GROUP, kind: 'ClusterRole', name: binding.role },
    subjects: [subject(binding.serviceAccount)],
  });
}

/** A RoleBinding (id `id`). */
export function addRoleBinding(scope: Construct, id: string, binding: RoleBindingOptions): k8s.KubeRoleBinding {
  return new k8s.KubeRoleBinding(scope, id, {
    metadata: metadata(binding.name, binding.namespace, binding.labels),
    roleRef: { apiGroup: RBAC_API_GROUP, kind: 'Role', name: binding.role },
    subjects: [subject(binding.serviceAccount)],
  });
}

/** A Role in `namespace` (id `id`); see addRoleGrant for a Role with its binding. */
export function addRole(scope: Construct, id: string, role: RoleOptions): k8s.KubeRole {
  return new k8s.KubeRole(scope, id, { metadata: metadata(role.name, role.namespace, role.labels), rules: role.rules });
}

/** ClusterRole and ClusterRoleBinding `grant.name` (ids `<idPrefix>ClusterRole`, `<idPrefix>ClusterRoleBinding`). */
export function addClusterRoleGrant(scope: Construct, idPrefix: string, grant: ClusterRoleGrant): void {
  new k8s.KubeClusterRole(scope, `${idPrefix}ClusterRole`, { metadata: metadata(grant.name, undefined, grant.labels), rules: grant.rules });
  addClusterRoleBinding(scope, `${idPrefix}ClusterRoleBinding`, { ...grant, role: grant.name });
}

/** Role and RoleBinding `grant.name` in `grant.namespace` (ids `<idPrefix>Role`, `<idPrefix>RoleBinding`). */
export function addRoleGrant(scope: Construct, idPrefix: string, grant: RoleGrant): void {
  addRole(scope, `${idPrefix}Role`, grant);
  addRoleBinding(scope, `${idPrefix}RoleBinding`, { ...grant, role: grant.name });
}

/** A workload's ServiceAccount and the ClusterRole (with binding) of the same name. */
export interface WorkloadAccountOptions extends ServiceAccountRef {
  readonly rules: k8s.PolicyRule[];
  /**
   * Labels of the ClusterRole and its binding (not of the ServiceAccount).
   * @default - no labels
   */
  readonly labels?: Record<string, string>;
}

/**
 * ServiceAccount, ClusterRole and ClusterRoleBinding, all named `account.name` (ids `<idPrefix>ServiceAccount`,
 * `<idPrefix>ClusterRole`, `<idPrefix>ClusterRoleBinding`): a workload's cluster-wide permissions. Returns
 * the ServiceAccount, for further bindings.
 */
export function addServiceAccountWithClusterRole(scope: Construct, idPrefix: string, account: WorkloadAccountOptions): ServiceAccountRef {
  const serviceAccount = { name: account.name, namespace: account.namespace };
  addServiceAccount(scope, `${idPrefix}ServiceAccount`, serviceAccount);
  addClusterRoleGrant(scope, idPrefix, { name: account.name, rules: account.rules, serviceAccount, labels: account.labels });
  return serviceAccount;
}
