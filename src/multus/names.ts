/** Object names fixed by upstream's manifests; kept so that an upstream install is replaced in place. */
export const MULTUS_NAME = 'multus';
export const DAEMON_SET_NAME = 'kube-multus-ds';
export const DAEMON_CONFIG_MAP_NAME = 'multus-daemon-config';

/** Labels of upstream's DaemonSet and pods; `name` is the selector. */
export const MULTUS_LABELS: Record<string, string> = { tier: 'node', app: 'multus', name: 'multus' };
export const MULTUS_SELECTOR: Record<string, string> = { name: 'multus' };

/** The host's CNI directories, as upstream mounts them. */
export const HOST_CNI_CONF_DIR = '/etc/cni/net.d';
export const HOST_CNI_BIN_DIR = '/opt/cni/bin';
/** Where the pods see them (thick mounts the bin dir at the host path, see thick-daemon-set.ts). */
export const POD_CNI_CONF_DIR = '/host/etc/cni/net.d';
export const POD_CNI_BIN_DIR = '/host/opt/cni/bin';
