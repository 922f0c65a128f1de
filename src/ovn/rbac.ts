import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { READ_VERBS as READ, ServiceAccountRef, addClusterRoleGrant, addRole, addRoleBinding, addRoleGrant, addServiceAccountWithClusterRole, rule } from '../common/rbac';
import { NAMES, OVN_NAMESPACE } from './names';
import { OvnSettings } from './settings';

const WRITE_STATUS = ['patch', 'update'];

/**
 * What multi-networking reads: NADs, MultiNetworkPolicies (`ovnkube.sh` always adds
 * `--enable-multi-networkpolicy` with multi-network) and IPAMClaims (persistent IPs).
 */
const MULTI_NETWORK_READ = rule(['k8s.cni.cncf.io'], ['network-attachment-definitions', 'multi-networkpolicies', 'ipamclaims'], READ);
/** Whoever allocates persistent IPs reports them in the IPAMClaim status. */
const IPAMCLAIM_STATUS = rule(['k8s.cni.cncf.io'], ['ipamclaims/status'], WRITE_STATUS);
/** Read by every ovnkube process; k8s.ovn.org rules are harmless while the features (and CRDs) are off. */
const CLUSTER_READ = [
  rule([''], ['namespaces', 'nodes', 'pods', 'services', 'endpoints'], READ),
  rule(['discovery.k8s.io'], ['endpointslices'], READ),
];
const OVN_FEATURES_READ = rule(['k8s.ovn.org'], ['egressfirewalls', 'egressips', 'egressqoses', 'egressservices', 'adminpolicybasedexternalroutes'], READ);
const ANP_READ = rule(['policy.networking.k8s.io'], ['adminnetworkpolicies', 'baselineadminnetworkpolicies'], READ);
const ANP_STATUS = rule(['policy.networking.k8s.io'], ['adminnetworkpolicies/status', 'baselineadminnetworkpolicies/status'], WRITE_STATUS);
const EVENTS = rule([''], ['events'], ['create', 'patch', 'update']);

/**
 * ServiceAccounts, roles and bindings, as the seed's helm chart with `enableOvnKubeIdentity=false` (the node
 * binds its ServiceAccount, not the `system:ovn-nodes` group) plus the k8s.cni.cncf.io permissions
 * multi-networking needs. Rules follow the chart's; deviations are commented.
 */
export function addOvnRbac(scope: Construct, settings: OvnSettings): void {
  // Leader election and reading ovn-config; the "-update" role writes the topology-version ConfigMap.
  addRole(scope, 'ConfigmapRole', { name: NAMES.configmapRole, namespace: OVN_NAMESPACE, rules: [
    rule([''], ['configmaps'], ['get', 'watch', 'list']),
    rule(['coordination.k8s.io'], ['leases'], ['create', 'get', 'list', 'update']),
  ] });
  // Upstream defines this Role only in the ovnkube-master sub-chart, so interconnect mode binds a Role
  // that does not exist; we always define it.
  addRole(scope, 'ConfigmapUpdateRole', { name: NAMES.configmapUpdateRole, namespace: OVN_NAMESPACE, rules: [rule([''], ['configmaps'], ['create', 'patch', 'update'])] });

  addNodeRbac(scope, settings.interconnect);
  if (settings.interconnect) {
    addClusterManagerRbac(scope);
  } else {
    addDatabaseRbac(scope);
    addMasterRbac(scope);
  }
}

function addNodeRbac(scope: Construct, interconnect: boolean): void {
  const node = addWorkloadAccount(scope, 'Node', NAMES.node, [
    ...CLUSTER_READ,
    MULTI_NETWORK_READ,
    // Interconnect: ovnkube-controller runs in this pod, so the node also needs the controller's rules.
    ...(interconnect ? [
      rule(['networking.k8s.io'], ['networkpolicies'], READ),
      IPAMCLAIM_STATUS,
      rule(['k8s.ovn.org'], ['egressfirewalls/status', 'adminpolicybasedexternalroutes/status', 'egressqoses/status'], WRITE_STATUS),
      ANP_STATUS,
    ] : []),
    ANP_READ,
    OVN_FEATURES_READ,
    EVENTS,
    rule([''], [...(interconnect ? ['namespaces/status'] : []), 'pods/status', 'nodes/status'], WRITE_STATUS),
  ]);
  // ovnkube.sh reads the node's zone label through `kubectl --subresource=status get node`.
  addClusterRoleGrant(scope, 'NodeStatusReader', { name: 'ovnkube-node-status-reader', rules: [rule([''], ['nodes/status'], ['get'])], serviceAccount: node });
  addConfigmapRoleBinding(scope, 'NodeConfigmap', 'ovnkube-node-configmaps', NAMES.configmapRole, node);
  if (interconnect) addConfigmapRoleBinding(scope, 'NodeConfigmapUpdate', 'ovnkube-node-ic-configmaps-update', NAMES.configmapUpdateRole, node);
  // Central: ovnkube.sh reads the ovnkube-db endpoints; interconnect: it may create a zone's endpoints.
  addRoleGrant(scope, 'NodeEndpoints', {
    name: 'ovnkube-node-ep', namespace: OVN_NAMESPACE, serviceAccount: node,
    rules: [rule([''], ['endpoints'], ['get', ...(interconnect ? ['create'] : [])])],
  });
}

function addDatabaseRbac(scope: Construct): void {
  const database = addWorkloadAccount(scope, 'Database', NAMES.db, [rule([''], ['nodes', 'namespaces'], READ)]);
  // nb-ovsdb writes the endpoints of the selector-less ovnkube-db Service.
  addRoleGrant(scope, 'DatabaseEndpoints', {
    name: 'ovnkube-db-ep', namespace: OVN_NAMESPACE, serviceAccount: database,
    rules: [
      rule([''], ['endpoints'], ['get', 'create']),
      rule([''], ['pods'], ['get', 'list']),
      rule(['apps'], ['statefulsets'], ['get']),
    ],
  });
}

function addMasterRbac(scope: Construct): void {
  const master = addWorkloadAccount(scope, 'Master', NAMES.master, [
    ...CLUSTER_READ,
    rule(['networking.k8s.io'], ['networkpolicies'], READ),
    ANP_READ,
    OVN_FEATURES_READ,
    // Upstream's master role lacks ipamclaims, yet in central mode the master watches IPAMClaims when
    // persistent IPs are on (go-controller/pkg/factory/factory.go).
    MULTI_NETWORK_READ,
    IPAMCLAIM_STATUS,
    rule(['k8s.cni.cncf.io'], ['network-attachment-definitions'], ['patch']),
    ANP_STATUS,
    rule(['k8s.ovn.org'], [
      'egressfirewalls/status', 'egressips', 'egressqoses', 'egressservices/status',
      'adminpolicybasedexternalroutes/status', 'egressqoses/status',
    ], WRITE_STATUS),
    EVENTS,
    rule([''], ['nodes/status', 'pods/status', 'services/status'], WRITE_STATUS),
  ]);
  addConfigmapRoleBinding(scope, 'MasterConfigmap', 'ovnkube-master-configmaps', NAMES.configmapRole, master);
  addConfigmapRoleBinding(scope, 'MasterConfigmapUpdate', 'ovnkube-master-configmaps-update', NAMES.configmapUpdateRole, master);
}

function addClusterManagerRbac(scope: Construct): void {
  const clusterManager = addWorkloadAccount(scope, 'ClusterManager', NAMES.clusterManager, [
    ...CLUSTER_READ,
    MULTI_NETWORK_READ,
    rule(['k8s.cni.cncf.io'], ['ipamclaims/status', 'network-attachment-definitions'], WRITE_STATUS),
    rule(['k8s.cni.cncf.io'], ['network-attachment-definitions'], ['create', 'delete']),
    rule(['k8s.ovn.org'], ['egressips', 'egressservices', 'adminpolicybasedexternalroutes', 'egressfirewalls', 'egressqoses', 'userdefinednetworks'], READ),
    rule(['k8s.ovn.org'], ['egressips', 'egressservices/status', 'userdefinednetworks', 'userdefinednetworks/status'], WRITE_STATUS),
    EVENTS,
    rule([''], ['pods/status', 'nodes/status', 'services/status'], WRITE_STATUS),
    rule(['k8s.ovn.org'], ['adminpolicybasedexternalroutes/status', 'egressfirewalls/status', 'egressqoses/status'], WRITE_STATUS),
    rule(['policy.networking.k8s.io'], ['adminnetworkpolicies', 'baselineadminnetworkpolicies'], ['list']),
    rule(['policy.networking.k8s.io'], ['adminnetworkpolicies/status', 'baselineadminnetworkpolicies/status'], ['patch']),
  ]);
  addConfigmapRoleBinding(scope, 'ClusterManagerConfigmap', 'ovnkube-cluster-manager-configmaps', NAMES.configmapRole, clusterManager);
}

/** A workload's ServiceAccount with its ClusterRole and binding, all named `name`. */
function addWorkloadAccount(scope: Construct, idPrefix: string, name: string, rules: k8s.PolicyRule[]): ServiceAccountRef {
  return addServiceAccountWithClusterRole(scope, idPrefix, { name, namespace: OVN_NAMESPACE, rules });
}

/** A binding of one of the two configmap Roles (id `<idPrefix>RoleBinding`). */
function addConfigmapRoleBinding(scope: Construct, idPrefix: string, name: string, role: string, serviceAccount: ServiceAccountRef): void {
  addRoleBinding(scope, `${idPrefix}RoleBinding`, { name, namespace: OVN_NAMESPACE, role, serviceAccount });
}
