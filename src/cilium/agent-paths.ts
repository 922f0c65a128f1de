/** The node's CNI plugin directory: the init container installs Cilium's plugin there. */
export const CNI_BIN = '/opt/cni/bin';
/** Where the mount-cgroup init container mounts cgroup2 on the node (`cgroup-root`). */
export const CGROUP_ROOT = '/run/cilium/cgroupv2';
/** Mount point of the Hubble server certificate in the agent (from the `hubble-server-certs` Secret). */
export const HUBBLE_TLS_DIR = '/var/lib/cilium/tls/hubble';
