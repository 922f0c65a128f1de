/*
 * Where each rule of `plan --diff` comes from. One constant per fact, so a rule and docs/plan-diff.md name
 * the same source. Code is cited by repository, release and function; documentation by its page and words.
 * Read at: k8s.io/kubernetes v1.37.2 (same text at v1.35.4), github.com/cilium/cilium v1.19.6 (its
 * Documentation/), ovn-kubernetes/ovn-kubernetes at 8871cd9c (after v1.3.0), multus-cni v4.2.4 and v4.3.0.
 */

/** A Node's pod range is immutable once set; kube-controller-manager refuses a cluster CIDR that no longer holds it. */
export const NODE_POD_CIDR_IMMUTABLE = 'kubernetes v1.37.2 pkg/apis/core/validation/validation.go ValidateNodeUpdate ("node updates may not change podCIDR except from \\"\\" to valid"); pkg/controller/nodeipam/ipam/range_allocator.go NewCIDRRangeAllocator ("CIDR out of range: This means a node CIDR has changed. This error will keep crashing controller-manager.")';
/** The default ServiceCIDR follows the flag only to add a family; ClusterIPs never move. */
export const SERVICE_RANGE = 'kubernetes v1.37.2 pkg/controlplane/controller/defaultservicecidr NewController ("doesn\'t update it if is different"; event KubernetesDefaultServiceCIDRInconsistent), pkg/apis/core/validation ValidateServiceUpdate (clusterIPs "may not change once set"); kubernetes.io/docs/tasks/network/extend-service-ip-ranges/ (add a ServiceCIDR to grow the range)';
/** Cilium's upgrade guide. */
export const CILIUM_UPGRADE = 'cilium v1.19.6 Documentation/operations/upgrade.rst and upgrade-warning.rst, docs.cilium.io/en/v1.19/operations/upgrade/ ("The only tested rollback and upgrade path is between consecutive minor releases"; "Always perform upgrades and rollbacks between one minor release at a time"; pre-flight check "(Required)"; "traffic flowing via user space proxies … will be disrupted during upgrade")';
/** Cilium's IPAM modes cannot be swapped on a running cluster. */
export const CILIUM_IPAM_MODE = 'cilium v1.19.6 Documentation/network/concepts/ipam/index.rst ("Don\'t change the IPAM mode of an existing cluster. Changing the IPAM mode in a live environment may cause persistent disruption of connectivity for existing workloads.")';
/** Cluster-pool IPAM: pools may be appended, not changed; the mask size not at all. */
export const CILIUM_CLUSTER_POOL = 'cilium v1.19.6 Documentation/network/concepts/ipam/cluster-pool.rst, "Expanding the cluster pool" ("Don\'t change any existing elements of the clusterPoolIPv4PodCIDRList list … add a new element to the list instead"; "Changing clusterPoolIPv4MaskSize is also not possible"); pkg/ipam/allocator/podcidr allocateIPNet ("allocator not configured for the requested CIDR")';
/** The cluster ID is part of every security identity. */
export const CILIUM_CLUSTER_ID = 'cilium v1.19.6 pkg/identity/numericidentity.go (the cluster ID is the identity\'s top bits, ClusterIDShift) and Documentation/network/clustermesh/clustermesh.rst ("If you change the cluster ID and/or cluster name in a cluster with running workloads, you will need to restart all workloads"); cilium PR #48801 and issue #48800: existing identities are not recreated, so a change of a meshed cluster is not supported';
/** Routing mode: no migration between tunnel and native routing. */
export const CILIUM_ROUTING = 'cilium v1.19.6 Documentation/network/concepts/routing.rst (no procedure to switch modes) and cilium issue #9680 "Support migration between tunnel mode and direct routing mode" (open: with nodes in both modes, encapsulated replies are dropped by the nodes without the tunnel device)';
/** WireGuard and IPsec on a running cluster. */
export const CILIUM_ENCRYPTION = 'cilium v1.19.6 Documentation/security/network/encryption-wireguard.rst ("setting the enable-wireguard: true option in the Cilium ConfigMap and restarting each Cilium agent instance"; known issue: "Packets may be dropped when configuring the WireGuard device")';
/** kube-proxy replacement. */
export const CILIUM_KPR = 'cilium v1.19.6 Documentation/network/kubernetes/kubeproxy-free.rst (kube-proxy is removed, or kept, beside the agent\'s own service handling) and cilium-config read at agent start';
/** The agent reads cilium-config at start; the chart does not roll the DaemonSet on a change. */
export const CILIUM_CONFIG_AT_START = 'cilium v1.19.6: the agent and operator read cilium-config (mounted as files) at start; the chart rolls their pods on a change only with rollOutCiliumPods (default false), and the drift checker only reports later changes';
/** Cilium LB IPAM. */
export const CILIUM_LB_IPAM = 'cilium v1.19.6 Documentation/network/lb-ipam.rst ("Updating an IP pool can result in IP addresses being reassigned and service IPs could change", cilium#40358; "Disabling a pool will stop LB IPAM from allocating new IPs from the pool, but doesn\'t remove existing allocations") and operator/pkg/lbipam/lbipam.go handlePoolDeleted, reconcileServicesAfterRangeDeletion';
/** BGP, L2 announcements and egress gateway policies are watched and reconciled. */
export const CILIUM_RECONCILED = 'cilium v1.19.6 pkg/bgpv1 and enterprise-free BGP v2 reconcilers, pkg/l2announcer, pkg/egressgateway (the resources are watched and reconciled in place)';
/** Multus' DaemonSet: one name and selector in thin and thick. */
export const MULTUS_DAEMONSET = 'multus-cni v4.2.4 and v4.3.0 deployments/multus-daemonset.yml and multus-daemonset-thick.yml (both DaemonSet kube-system/kube-multus-ds, selector name: multus: an in-place rollout; thick reads its settings from ConfigMap multus-daemon-config)';
/** OVN-Kubernetes' per-node subnets. */
export const OVN_NODE_SUBNETS = 'ovn-kubernetes 8871cd9c go-controller/pkg/clustermanager/node/node_allocator.go allocateNodeSubnets, syncNodeNetworkAnnotations ("Releasing unused or invalid subnet … on node …": a subnet outside the new cluster subnets is released and another written into k8s.ovn.org/node-subnets)';
/** Join subnet: no upstream statement; the one downstream says it cannot change. */
export const OVN_JOIN = 'ovn-kubernetes 8871cd9c go-controller/pkg/config (gateway-v4-join-subnet: the gateway routers\' addresses; upstream documents no change after install) and OpenShift\'s internalJoinSubnet ("The value cannot be changed after installation")';
/** Masquerade subnet: ovnkube-node handles a day-2 change. */
export const OVN_MASQUERADE = 'ovn-kubernetes 8871cd9c go-controller/pkg/node/gateway_shared_intf.go deleteStaleMasqueradeResources ("no Linux resources with IP from old masquerade subnet when masquerade subnet gets changed as part of day2 operation")';
/** Transit switch subnet: no upstream statement. */
export const OVN_TRANSIT = 'ovn-kubernetes 8871cd9c (cluster-manager-v4-transit-switch-subnet; upstream states nothing about a change) and OpenShift\'s internalTransitSwitchSubnet ("The value can be changed after installation")';
/** Central to interconnect: no in-place path upstream. */
export const OVN_INTERCONNECT = 'ovn-kubernetes PR #6303 "Remove central mode support" (after v1.3.0; interconnect is the only mode on master), the migration guide PR #6457 still open, and v1.2.0 node_annotations.go k8s.ovn.org/remote-zone-migrated (a temporary aid "to minimize disruption for upgrades when moving to interconnect=true", since removed)';
/** ovnkube reads ovn-config at start. */
export const OVN_CONFIG_AT_START = 'ovn-kubernetes dist/images/ovnkube.sh (ovn-config is read into each ovnkube process\'s environment and flags at start; nothing rolls the pods on a change)';
/** A NAD's changed config: the network controller is disposed of and recreated. */
export const OVN_NAD_CHANGE = 'ovn-kubernetes 8871cd9c go-controller/pkg/networkmanager/network_controller.go syncNetwork ("we will dispose of the old network if deletion is in progress or if non-reconcilable configuration changed"), nad_controller.go syncNAD, util/multi_network.go canReconcile ("For Layer3 topology, adding subnets is considered compatible and reconcilable"); Multus reads the NAD only when a pod sandbox is created';
/** MultiNetworkPolicy is reconciled into ACLs. */
export const OVN_MULTI_POLICY = 'ovn-kubernetes go-controller/pkg/ovn/base_network_controller_multipolicy.go (MultiNetworkPolicies are watched and turned into the network\'s ACLs in place)';
