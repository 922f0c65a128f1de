/**
 * Names fixed by OVN-Kubernetes (its `ovnkube.sh`, its Go code and the helm chart of the seed's branch).
 * Objects keep these names so that `ovnkube.sh` finds them and an install made with the upstream helm
 * chart can be replaced in place (Deployment and DaemonSet selectors are immutable).
 */
export const OVN_NAMESPACE = 'ovn-kubernetes';
/** Default of `host_network_namespace` (ovnkube.sh and the helm chart). */
export const DEFAULT_HOST_NETWORK_NAMESPACE = 'ovn-host-network';
// The CNI config file and plugin type cross components (Multus, the networks): src/common/cni-facts.ts.
export { OVN_CNI_CONF_FILE as CNI_CONF_FILE, OVN_CNI_PLUGIN_TYPE as CNI_PLUGIN_TYPE } from '../common/cni-facts';
/** Node label `ovnkube.sh` reads to find a node's zone (interconnect mode); unlabelled nodes fall into "global". */
export const ZONE_NAME_LABEL = 'k8s.ovn.org/zone-name';
/** `ovnkube.sh` versions its daemonsets; every container states the version it was written for. */
export const DAEMONSET_VERSION = '1.0.0';
/** The ConfigMap every OVN-Kubernetes container reads its settings from. */
export const CONFIG_MAP = 'ovn-config';
/** Ports of the central NB/SB databases (ovnkube.sh defaults; the headless Service publishes them). */
export const NB_PORT = 6641;
export const SB_PORT = 6642;

/** Workload, ServiceAccount and role names. */
export const NAMES = {
  db: 'ovnkube-db',
  master: 'ovnkube-master',
  node: 'ovnkube-node',
  controlPlane: 'ovnkube-control-plane',
  clusterManager: 'ovnkube-cluster-manager',
  ovsNode: 'ovs-node',
  configmapRole: 'ovn-k8s-configmap',
  configmapUpdateRole: 'ovn-k8s-configmap-update',
};

/** Keys of `ovn-config` that upstream defines. */
export const CONFIG_KEYS = {
  netCidr: 'net_cidr',
  svcCidr: 'svc_cidr',
  apiServer: 'k8s_apiserver',
  mtu: 'mtu',
  hostNetworkNamespace: 'host_network_namespace',
};

/**
 * Our own `ovn-config` keys for the OVN-internal subnets (`v4_join_subnet`, `v6_masquerade_subnet`,
 * `v4_transit_switch_subnet`, ...): upstream passes them as literal env values; keeping them in the ConfigMap
 * puts every range OVN-Kubernetes uses in one object.
 */
export function subnetConfigKey(tag: string, kind: 'join' | 'masquerade' | 'transit_switch'): string {
  return `${tag}_${kind}_subnet`;
}
