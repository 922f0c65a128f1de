/*
 * Where each rule of `plan --diff` comes from. One constant per fact, so a rule and docs/plan-diff.md name
 * the same source. Code is cited by repository, release and function; documentation by its page.
 */

/** A Node's pod range is immutable once set. */
export const NODE_POD_CIDR_IMMUTABLE = 'kubernetes/kubernetes v1.37.2 pkg/apis/core/validation/validation.go, ValidateNodeUpdate ("node updates may not change podCIDR except from \\"\\" to valid")';
/** The service range is the apiserver's flag; ServiceCIDR objects can add ranges, not swap the default. */
export const SERVICE_RANGE = 'kubernetes.io/docs/tasks/network/extend-service-ip-ranges/ (ServiceCIDR, GA in 1.33: ranges are added beside the default ServiceCIDR, which the apiserver flag defines)';
/** Cilium's upgrade guide: one minor at a time, with the pre-flight check. */
export const CILIUM_UPGRADE = 'docs.cilium.io/en/stable/operations/upgrade/ ("upgrade … one minor version at a time"; the pre-flight check pre-pulls the new image and validates policies before the rollout)';
/** Cilium's IPAM modes cannot be swapped on a running cluster. */
export const CILIUM_IPAM_MODE = 'docs.cilium.io/en/stable/network/concepts/ipam/ ("changing the IPAM mode of a live cluster … is not supported")';
/** Cluster-pool IPAM: pools may be added, not changed or removed. */
export const CILIUM_CLUSTER_POOL = 'docs.cilium.io/en/stable/network/concepts/ipam/cluster-pool/ (existing entries of clusterPoolIPv4PodCIDRList must not change; new CIDRs may be appended)';
/** The cluster ID is part of every security identity. */
export const CILIUM_CLUSTER_ID = 'cilium/cilium v1.19.6 pkg/identity/numericidentity.go (the cluster ID is encoded in the identity bits, ClusterIDShift) and Cilium issue #48801 (changing a cluster ID of a running cluster)';
/** Routing mode and encryption are datapath settings of each agent. */
export const CILIUM_DATAPATH = 'docs.cilium.io/en/stable/operations/upgrade/ and network/concepts/routing/ (each agent programs its node\'s datapath at start: nodes with the old and the new setting coexist during the rollout)';
/** The agent reads cilium-config at start; the chart does not roll the DaemonSet on a change. */
export const CILIUM_CONFIG_AT_START = 'cilium/cilium v1.19.6 daemon/cmd (options read from the cilium-config ConfigMap mounted at start; the drift checker only reports later changes) and the chart\'s rollOutCiliumPods, default false';
/** Cilium LB IPAM. */
export const CILIUM_LB_IPAM = 'docs.cilium.io/en/stable/network/lb-ipam/ (an IP that is no longer in any selecting pool is released and the Service gets a new one)';
/** BGP, L2 announcements and egress gateway policies are watched and reconciled. */
export const CILIUM_RECONCILED = 'cilium/cilium v1.19.6 pkg/bgpv1, pkg/l2announcer, pkg/egressgateway (the resources are watched and reconciled in place)';
/** Multus' DaemonSet. */
export const MULTUS_DAEMONSET = 'k8snetworkplumbingwg/multus-cni deployments/multus-daemonset.yml and multus-daemonset-thick.yml (both DaemonSet kube-system/kube-multus-ds; thick runs a daemon per node and a shim binary)';
/** OVN-Kubernetes' per-node subnets. */
export const OVN_NODE_SUBNETS = 'ovn-org/ovn-kubernetes go-controller/pkg/clustermanager/node (each node\'s subnets are allocated from the cluster subnets once and kept in its k8s.ovn.org/node-subnets annotation)';
/** OVN-Kubernetes' join, transit and masquerade subnets. */
export const OVN_INTERNAL_SUBNETS = 'ovn-org/ovn-kubernetes go-controller/pkg/config (gateway-v4-join-subnet, cluster-manager-v4-transit-switch-subnet, gateway-v4-masquerade-subnet: written into every node\'s gateway router, routes and annotations at start)';
/** Central to interconnect. */
export const OVN_INTERCONNECT = 'ovn-org/ovn-kubernetes docs/features/interconnect (interconnect runs one NB/SB database per node zone instead of the central ovnkube-db; there is no in-place conversion of the databases)';
/** ovnkube reads ovn-config at start. */
export const OVN_CONFIG_AT_START = 'ovn-org/ovn-kubernetes dist/images/ovnkube.sh (ovn-config is read into the environment of each ovnkube process at start)';
/** A NAD's config is read when a pod is added. */
export const OVN_NAD_CHANGE = 'ovn-org/ovn-kubernetes go-controller/pkg/networkmanager/nad_controller.go (a changed NAD config recreates the network\'s controller; pods keep the addresses and interfaces they were given) and Multus (reads the NAD at pod sandbox creation only)';
/** MultiNetworkPolicy is reconciled into ACLs. */
export const OVN_MULTI_POLICY = 'ovn-org/ovn-kubernetes go-controller/pkg/ovn/base_network_controller_multipolicy.go (MultiNetworkPolicies are watched and turned into ACLs of the network in place)';
