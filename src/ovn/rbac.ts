import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { NAMES, OVN_NAMESPACE } from './names';
import { OvnSettings } from './settings';

const RBAC_GROUP = 'rbac.authorization.k8s.io';
const READ = ['get', 'list', 'watch'];
const WRITE_STATUS = ['patch', 'update'];

function rule(apiGroups: string[], resources: string[], verbs: string[]): k8s.PolicyRule {
  return { apiGroups, resources, verbs };
}

function account(name: string): k8s.Subject {
  return { kind: 'ServiceAccount', name, namespace: OVN_NAMESPACE };
}

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
export class OvnRbac extends Construct {
  constructor(scope: Construct, id: string, private readonly s: OvnSettings) {
    super(scope, id);

    // Leader election and reading ovn-config; the "-update" role writes the topology-version ConfigMap.
    this.role(NAMES.configmapRole, [
      rule([''], ['configmaps'], ['get', 'watch', 'list']),
      rule(['coordination.k8s.io'], ['leases'], ['create', 'get', 'list', 'update']),
    ]);
    // Upstream defines this Role only in the ovnkube-master sub-chart, so interconnect mode binds a Role
    // that does not exist; we always define it.
    this.role(NAMES.configmapUpdateRole, [rule([''], ['configmaps'], ['create', 'patch', 'update'])]);

    this.forNode();
    if (s.interconnect) {
      this.forClusterManager();
    } else {
      this.forDatabase();
      this.forMaster();
    }
  }

  private forNode(): void {
    const name = NAMES.node;
    const ic = this.s.interconnect;
    this.serviceAccount(name);
    this.clusterRole(name, [
      ...CLUSTER_READ,
      MULTI_NETWORK_READ,
      // Interconnect: ovnkube-controller runs in this pod, so the node also needs the controller's rules.
      ...(ic ? [
        rule(['networking.k8s.io'], ['networkpolicies'], READ),
        IPAMCLAIM_STATUS,
        rule(['k8s.ovn.org'], ['egressfirewalls/status', 'adminpolicybasedexternalroutes/status', 'egressqoses/status'], WRITE_STATUS),
        ANP_STATUS,
      ] : []),
      ANP_READ,
      OVN_FEATURES_READ,
      EVENTS,
      rule([''], [...(ic ? ['namespaces/status'] : []), 'pods/status', 'nodes/status'], WRITE_STATUS),
    ]);
    this.clusterRoleBinding(name, name, name);
    // ovnkube.sh reads the node's zone label through `kubectl --subresource=status get node`.
    this.clusterRole('ovnkube-node-status-reader', [rule([''], ['nodes/status'], ['get'])]);
    this.clusterRoleBinding('ovnkube-node-status-reader', 'ovnkube-node-status-reader', name);
    this.roleBinding('ovnkube-node-configmaps', NAMES.configmapRole, name);
    if (ic) this.roleBinding('ovnkube-node-ic-configmaps-update', NAMES.configmapUpdateRole, name);
    // Central: ovnkube.sh reads the ovnkube-db endpoints; interconnect: it may create a zone's endpoints.
    this.role('ovnkube-node-ep', [rule([''], ['endpoints'], ['get', ...(ic ? ['create'] : [])])]);
    this.roleBinding('ovnkube-node-ep', 'ovnkube-node-ep', name);
  }

  private forDatabase(): void {
    const name = NAMES.db;
    this.serviceAccount(name);
    this.clusterRole(name, [rule([''], ['nodes', 'namespaces'], READ)]);
    this.clusterRoleBinding(name, name, name);
    // nb-ovsdb writes the endpoints of the selector-less ovnkube-db Service.
    this.role('ovnkube-db-ep', [
      rule([''], ['endpoints'], ['get', 'create']),
      rule([''], ['pods'], ['get', 'list']),
      rule(['apps'], ['statefulsets'], ['get']),
    ]);
    this.roleBinding('ovnkube-db-ep', 'ovnkube-db-ep', name);
  }

  private forMaster(): void {
    const name = NAMES.master;
    this.serviceAccount(name);
    this.clusterRole(name, [
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
    this.clusterRoleBinding(name, name, name);
    this.roleBinding('ovnkube-master-configmaps', NAMES.configmapRole, name);
    this.roleBinding('ovnkube-master-configmaps-update', NAMES.configmapUpdateRole, name);
  }

  private forClusterManager(): void {
    const name = NAMES.clusterManager;
    this.serviceAccount(name);
    this.clusterRole(name, [
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
    this.clusterRoleBinding(name, name, name);
    this.roleBinding('ovnkube-cluster-manager-configmaps', NAMES.configmapRole, name);
  }

  private serviceAccount(name: string): void {
    new k8s.KubeServiceAccount(this, `sa-${name}`, { metadata: { name, namespace: OVN_NAMESPACE } });
  }

  private clusterRole(name: string, rules: k8s.PolicyRule[]): void {
    new k8s.KubeClusterRole(this, `clusterrole-${name}`, { metadata: { name }, rules });
  }

  private clusterRoleBinding(name: string, clusterRole: string, serviceAccount: string): void {
    new k8s.KubeClusterRoleBinding(this, `clusterrolebinding-${name}`, {
      metadata: { name },
      roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: clusterRole },
      subjects: [account(serviceAccount)],
    });
  }

  private role(name: string, rules: k8s.PolicyRule[]): void {
    new k8s.KubeRole(this, `role-${name}`, { metadata: { name, namespace: OVN_NAMESPACE }, rules });
  }

  private roleBinding(name: string, role: string, serviceAccount: string): void {
    new k8s.KubeRoleBinding(this, `rolebinding-${name}`, {
      metadata: { name, namespace: OVN_NAMESPACE },
      roleRef: { apiGroup: RBAC_GROUP, kind: 'Role', name: role },
      subjects: [account(serviceAccount)],
    });
  }
}
