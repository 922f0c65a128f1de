import { CGROUP_ROOT, HUBBLE_TLS_DIR } from './agent-paths';
import { ConfigKeys } from './config-keys';
import { CNI_CONF_FILE } from './names';
import { HUBBLE_PORT, OPERATOR_HEALTH_PORT } from './ports';
import { CiliumSettings } from './settings';

// The keys of cilium-config for CNI, Hubble, IPAM, the L7 proxy and the features left at their defaults,
// as the 1.16 chart renders them, in its order.

/** The CNI config the agent writes, and health checking. */
export function cniKeys(keys: ConfigKeys, settings: CiliumSettings): void {
  // CNI: the agent writes its config only once ready, so no pod is scheduled onto a node without it.
  keys.set('write-cni-conf-when-ready', `/host/etc/cni/net.d/${CNI_CONF_FILE}`);
  keys.set('cni-exclusive', settings.cniExclusive);
  keys.set('cni-log-file', '/var/run/cilium/cilium-cni.log');
  keys.set('enable-endpoint-health-checking', true);
  keys.set('enable-health-checking', true);
  keys.set('enable-well-known-identities', false);
  keys.set('enable-node-selector-labels', false);
  keys.set('synchronize-k8s-nodes', true);
  keys.set('operator-api-serve-addr', `${settings.ipv4 ? '127.0.0.1' : '[::1]'}:${OPERATOR_HEALTH_PORT}`);
}

/** Hubble: the server on every agent, with TLS from the certgen Secret when enabled. */
export function hubbleKeys(keys: ConfigKeys, settings: CiliumSettings): void {
  keys.set('enable-hubble', true);
  keys.set('hubble-socket-path', '/var/run/cilium/hubble.sock');
  keys.set('hubble-export-file-max-size-mb', 10);
  keys.set('hubble-export-file-max-backups', 5);
  keys.set('hubble-listen-address', `:${HUBBLE_PORT}`);
  keys.set('hubble-disable-tls', !settings.hubbleTls);
  if (settings.hubbleTls) {
    keys.set('hubble-tls-cert-file', `${HUBBLE_TLS_DIR}/server.crt`);
    keys.set('hubble-tls-key-file', `${HUBBLE_TLS_DIR}/server.key`);
    keys.set('hubble-tls-client-ca-files', `${HUBBLE_TLS_DIR}/client-ca.crt`);
  }
}

/** IPAM: kubernetes (node podCIDRs) or the cluster-pool pools. */
export function ipamKeys(keys: ConfigKeys, settings: CiliumSettings): void {
  keys.set('ipam', settings.ipamMode);
  keys.set('ipam-cilium-node-update-rate', '15s');
  if (settings.ipamMode === 'cluster-pool') {
    const pools = (family: string) => settings.podCidrs.filter((c) => c.family === family).map(String).join(' ');
    if (settings.ipv4MaskSize !== undefined) {
      keys.set('cluster-pool-ipv4-cidr', pools('IPv4'));
      keys.set('cluster-pool-ipv4-mask-size', settings.ipv4MaskSize);
    }
    if (settings.ipv6MaskSize !== undefined) {
      keys.set('cluster-pool-ipv6-cidr', pools('IPv6'));
      keys.set('cluster-pool-ipv6-mask-size', settings.ipv6MaskSize);
    }
  }
}

/** Agent features left at the chart's defaults (VTEP, FQDN proxy, mutual auth, node taints). */
export function agentDefaultKeys(keys: ConfigKeys): void {
  keys.set('egress-gateway-reconciliation-trigger-interval', '1s');
  keys.set('enable-vtep', false);
  keys.set('vtep-endpoint', '');
  keys.set('vtep-cidr', '');
  keys.set('vtep-mask', '');
  keys.set('vtep-mac', '');
  keys.set('procfs', '/host/proc');
  keys.set('bpf-root', '/sys/fs/bpf');
  keys.set('cgroup-root', CGROUP_ROOT);
  keys.set('enable-k8s-terminating-endpoint', true);
  keys.set('enable-sctp', false);
  // The chart's client rate limits for Kubernetes >= 1.27 (APF on the server side).
  keys.set('k8s-client-qps', 10);
  keys.set('k8s-client-burst', 20);
  keys.set('remove-cilium-node-taints', true);
  keys.set('set-cilium-node-taints', true);
  keys.set('set-cilium-is-up-condition', true);
  keys.set('unmanaged-pod-watcher-interval', 15);
  keys.set('dnsproxy-enable-transparent-mode', true);
  keys.set('dnsproxy-socket-linger-timeout', 10);
  keys.set('tofqdns-dns-reject-response-code', 'refused');
  keys.set('tofqdns-enable-dns-compression', true);
  keys.set('tofqdns-endpoint-max-ip-per-hostname', 50);
  keys.set('tofqdns-idle-connection-grace-period', '0s');
  keys.set('tofqdns-max-deferred-connection-deletes', 10000);
  keys.set('tofqdns-proxy-response-max-delay', '100ms');
  keys.set('agent-not-ready-taint-key', 'node.cilium.io/agent-not-ready');
  keys.set('mesh-auth-enabled', true);
  keys.set('mesh-auth-queue-size', 1024);
  keys.set('mesh-auth-rotated-identities-queue-size', 1024);
  keys.set('mesh-auth-gc-interval', '5m0s');
}

/** L7 proxy: Envoy runs in its own DaemonSet (external-envoy-proxy) and talks over host sockets. */
export function proxyKeys(keys: ConfigKeys): void {
  keys.set('proxy-xff-num-trusted-hops-ingress', 0);
  keys.set('proxy-xff-num-trusted-hops-egress', 0);
  keys.set('proxy-connect-timeout', 2);
  keys.set('proxy-initial-fetch-timeout', 30);
  keys.set('proxy-max-requests-per-connection', 0);
  keys.set('proxy-max-connection-duration-seconds', 0);
  keys.set('proxy-idle-timeout-seconds', 60);
  keys.set('external-envoy-proxy', true);
  keys.set('envoy-base-id', 0);
  keys.set('envoy-access-log-buffer-size', 4096);
  keys.set('envoy-keep-cap-netbindservice', false);
  keys.set('max-connected-clusters', 255);
  keys.set('clustermesh-enable-endpoint-sync', false);
  keys.set('clustermesh-enable-mcs-api', false);
  keys.set('nat-map-stats-entries', 32);
  keys.set('nat-map-stats-interval', '30s');
}
