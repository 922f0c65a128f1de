import { CGROUP_ROOT } from './agent-paths';
import { CNI_CONF_FILE } from './names';
import { HUBBLE_PORT } from './ports';
import { CiliumSettings } from './settings';
import { CONFIG_CHANGES, explicitlyOffWithoutKpr } from './version-changes';

/** Mount point of the Hubble server certificate in the agent (from the `hubble-server-certs` Secret). */
export const HUBBLE_TLS_DIR = '/var/lib/cilium/tls/hubble';

/**
 * The data of `cilium-config`: every key the chart of the chosen release renders for these settings,
 * with the chart's values. The keys below are the 1.16 chart's, in its order; later lines apply their
 * changes (version-changes.ts) on top. Values are strings as the agent reads them.
 */
export function ciliumConfigData(s: CiliumSettings): Record<string, string> {
  const v = s.version;
  const data: Array<[string, string]> = [];
  const set = (key: string, value: string | number | boolean) => data.push([key, String(value)]);

  // Identities in CRDs (no kvstore), garbage collection intervals.
  set('identity-allocation-mode', 'crd');
  set('identity-heartbeat-timeout', '30m0s');
  set('identity-gc-interval', '15m0s');
  set('cilium-endpoint-gc-interval', '5m0s');
  set('nodes-gc-interval', '5m0s');
  set('debug', false);
  set('debug-verbose', '');
  set('enable-policy', 'default');
  set('policy-cidr-match-mode', '');
  set('operator-prometheus-serve-addr', ':9963');
  set('enable-metrics', true);
  set('enable-ipv4', s.ipv4);
  set('enable-ipv6', s.ipv6);
  set('custom-cni-conf', false);
  set('enable-bpf-clock-probe', false);
  set('monitor-aggregation', 'medium');
  set('monitor-aggregation-interval', '5s');
  set('monitor-aggregation-flags', 'all');
  set('bpf-map-dynamic-size-ratio', '0.0025');
  set('bpf-policy-map-max', 16384);
  set('bpf-lb-map-max', 65536);
  set('bpf-lb-external-clusterip', false);
  set('bpf-events-drop-enabled', true);
  set('bpf-events-policy-verdict-enabled', true);
  set('bpf-events-trace-enabled', true);
  set('preallocate-bpf-maps', false);
  set('cluster-name', s.clusterName);
  set('cluster-id', s.clusterId);

  // Routing between nodes.
  set('routing-mode', s.routingMode);
  if (s.tunnelProtocol !== undefined) set('tunnel-protocol', s.tunnelProtocol);
  if (s.tunnelPort !== undefined) set('tunnel-port', s.tunnelPort);
  set('service-no-backend-response', 'reject');
  set('enable-l7-proxy', true);
  set('enable-ipv4-masquerade', true);
  set('enable-ipv4-big-tcp', false);
  set('enable-ipv6-big-tcp', false);
  set('enable-ipv6-masquerade', true);
  set('enable-tcx', true);
  set('datapath-mode', 'veth');
  set('enable-masquerade-to-route-source', false);
  set('enable-xt-socket-fallback', true);
  set('install-no-conntrack-iptables-rules', false);
  set('auto-direct-node-routes', s.autoDirectNodeRoutes);
  set('direct-routing-skip-unreachable', false);
  set('enable-local-redirect-policy', false);
  if (s.ipv4NativeRoutingCidr) set('ipv4-native-routing-cidr', s.ipv4NativeRoutingCidr.toString());
  if (s.ipv6NativeRoutingCidr) set('ipv6-native-routing-cidr', s.ipv6NativeRoutingCidr.toString());
  if (s.devices) set('devices', s.devices.join(' '));
  else if (v.atLeast(20)) set('devices', '');
  set('enable-runtime-device-detection', true);

  // Service load-balancing. Host port, external IPs and NodePort are only switched off explicitly
  // while kube-proxy does the work; the replacement turns them on itself.
  set('kube-proxy-replacement', s.kubeProxyReplacement);
  if (s.kubeProxyReplacement || !v.atLeast(18)) set('kube-proxy-replacement-healthz-bind-address', '');
  set('bpf-lb-sock', false);
  if (s.socketLbHostNamespaceOnly !== undefined) set('bpf-lb-sock-hostns-only', s.socketLbHostNamespaceOnly);
  if (!s.kubeProxyReplacement) {
    for (const key of explicitlyOffWithoutKpr(v.minor)) set(key, false);
  }
  set('nodeport-addresses', '');
  set('enable-health-check-nodeport', true);
  set('enable-health-check-loadbalancer-ip', false);
  set('node-port-bind-protection', true);
  set('enable-auto-protect-node-port-range', true);
  set('bpf-lb-acceleration', 'disabled');
  set('enable-svc-source-range-check', true);
  set('enable-l2-neigh-discovery', true);
  set('arping-refresh-period', '30s');
  set('k8s-require-ipv4-pod-cidr', false);
  set('k8s-require-ipv6-pod-cidr', false);
  set('enable-k8s-networkpolicy', true);

  // CNI: the agent writes its config only once ready, so no pod is scheduled onto a node without it.
  set('write-cni-conf-when-ready', `/host/etc/cni/net.d/${CNI_CONF_FILE}`);
  set('cni-exclusive', s.cniExclusive);
  set('cni-log-file', '/var/run/cilium/cilium-cni.log');
  set('enable-endpoint-health-checking', true);
  set('enable-health-checking', true);
  set('enable-well-known-identities', false);
  set('enable-node-selector-labels', false);
  set('synchronize-k8s-nodes', true);
  set('operator-api-serve-addr', s.ipv4 ? '127.0.0.1:9234' : '[::1]:9234');

  // Hubble.
  set('enable-hubble', true);
  set('hubble-socket-path', '/var/run/cilium/hubble.sock');
  set('hubble-export-file-max-size-mb', 10);
  set('hubble-export-file-max-backups', 5);
  set('hubble-listen-address', `:${HUBBLE_PORT}`);
  set('hubble-disable-tls', !s.hubbleTls);
  if (s.hubbleTls) {
    set('hubble-tls-cert-file', `${HUBBLE_TLS_DIR}/server.crt`);
    set('hubble-tls-key-file', `${HUBBLE_TLS_DIR}/server.key`);
    set('hubble-tls-client-ca-files', `${HUBBLE_TLS_DIR}/client-ca.crt`);
  }

  // IPAM.
  set('ipam', s.ipamMode);
  set('ipam-cilium-node-update-rate', '15s');
  if (s.ipamMode === 'cluster-pool') {
    const pools = (family: string) => s.podCidrs.filter((c) => c.family === family).map(String).join(' ');
    if (s.ipv4MaskSize !== undefined) {
      set('cluster-pool-ipv4-cidr', pools('IPv4'));
      set('cluster-pool-ipv4-mask-size', s.ipv4MaskSize);
    }
    if (s.ipv6MaskSize !== undefined) {
      set('cluster-pool-ipv6-cidr', pools('IPv6'));
      set('cluster-pool-ipv6-mask-size', s.ipv6MaskSize);
    }
  }
  set('egress-gateway-reconciliation-trigger-interval', '1s');
  set('enable-vtep', false);
  set('vtep-endpoint', '');
  set('vtep-cidr', '');
  set('vtep-mask', '');
  set('vtep-mac', '');
  set('procfs', '/host/proc');
  set('bpf-root', '/sys/fs/bpf');
  set('cgroup-root', CGROUP_ROOT);
  set('enable-k8s-terminating-endpoint', true);
  set('enable-sctp', false);
  // The chart's client rate limits for Kubernetes >= 1.27 (APF on the server side).
  set('k8s-client-qps', 10);
  set('k8s-client-burst', 20);
  set('remove-cilium-node-taints', true);
  set('set-cilium-node-taints', true);
  set('set-cilium-is-up-condition', true);
  set('unmanaged-pod-watcher-interval', 15);
  set('dnsproxy-enable-transparent-mode', true);
  set('dnsproxy-socket-linger-timeout', 10);
  set('tofqdns-dns-reject-response-code', 'refused');
  set('tofqdns-enable-dns-compression', true);
  set('tofqdns-endpoint-max-ip-per-hostname', 50);
  set('tofqdns-idle-connection-grace-period', '0s');
  set('tofqdns-max-deferred-connection-deletes', 10000);
  set('tofqdns-proxy-response-max-delay', '100ms');
  set('agent-not-ready-taint-key', 'node.cilium.io/agent-not-ready');
  set('mesh-auth-enabled', true);
  set('mesh-auth-queue-size', 1024);
  set('mesh-auth-rotated-identities-queue-size', 1024);
  set('mesh-auth-gc-interval', '5m0s');

  // L7 proxy: Envoy runs in its own DaemonSet (external-envoy-proxy) and talks over host sockets.
  set('proxy-xff-num-trusted-hops-ingress', 0);
  set('proxy-xff-num-trusted-hops-egress', 0);
  set('proxy-connect-timeout', 2);
  set('proxy-initial-fetch-timeout', 30);
  set('proxy-max-requests-per-connection', 0);
  set('proxy-max-connection-duration-seconds', 0);
  set('proxy-idle-timeout-seconds', 60);
  set('external-envoy-proxy', true);
  set('envoy-base-id', 0);
  set('envoy-access-log-buffer-size', 4096);
  set('envoy-keep-cap-netbindservice', false);
  set('max-connected-clusters', 255);
  set('clustermesh-enable-endpoint-sync', false);
  set('clustermesh-enable-mcs-api', false);
  set('nat-map-stats-entries', 32);
  set('nat-map-stats-interval', '30s');

  const result: Record<string, string> = {};
  for (const [key, value] of data) {
    if (key in result) throw new Error(`cilium: internal error: cilium-config key ${key} set twice`);
    result[key] = value;
  }
  for (const change of CONFIG_CHANGES.filter((c) => v.atLeast(c.since))) {
    for (const key of change.remove ?? []) delete result[key];
    Object.assign(result, change.set ?? {});
  }
  return result;
}
