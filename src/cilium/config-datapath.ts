import { ConfigKeys } from './config-keys';
import { OPERATOR_METRICS_PORT } from './ports';
import { CiliumSettings } from './settings';
import { explicitlyOffWithoutKpr } from './version-changes';

// The datapath's keys of cilium-config, as the 1.16 chart renders them, in its order.

/** Identities, garbage collection, monitoring, BPF map sizes and the cluster's identity. */
export function generalKeys(keys: ConfigKeys, settings: CiliumSettings): void {
  // Identities in CRDs (no kvstore), garbage collection intervals.
  keys.set('identity-allocation-mode', 'crd');
  keys.set('identity-heartbeat-timeout', '30m0s');
  keys.set('identity-gc-interval', '15m0s');
  keys.set('cilium-endpoint-gc-interval', '5m0s');
  keys.set('nodes-gc-interval', '5m0s');
  keys.set('debug', false);
  keys.set('debug-verbose', '');
  keys.set('enable-policy', 'default');
  keys.set('policy-cidr-match-mode', '');
  keys.set('operator-prometheus-serve-addr', `:${OPERATOR_METRICS_PORT}`);
  keys.set('enable-metrics', true);
  keys.set('enable-ipv4', settings.ipv4);
  keys.set('enable-ipv6', settings.ipv6);
  keys.set('custom-cni-conf', false);
  keys.set('enable-bpf-clock-probe', false);
  keys.set('monitor-aggregation', 'medium');
  keys.set('monitor-aggregation-interval', '5s');
  keys.set('monitor-aggregation-flags', 'all');
  keys.set('bpf-map-dynamic-size-ratio', '0.0025');
  keys.set('bpf-policy-map-max', 16384);
  keys.set('bpf-lb-map-max', 65536);
  keys.set('bpf-lb-external-clusterip', false);
  keys.set('bpf-events-drop-enabled', true);
  keys.set('bpf-events-policy-verdict-enabled', true);
  keys.set('bpf-events-trace-enabled', true);
  keys.set('preallocate-bpf-maps', false);
  keys.set('cluster-name', settings.clusterName);
  keys.set('cluster-id', settings.clusterId);
}

/** Routing between nodes: mode, tunnel, masquerading, native-routing ranges, devices. */
export function routingKeys(keys: ConfigKeys, settings: CiliumSettings): void {
  keys.set('routing-mode', settings.routingMode);
  if (settings.tunnelProtocol !== undefined) keys.set('tunnel-protocol', settings.tunnelProtocol);
  if (settings.tunnelPort !== undefined) keys.set('tunnel-port', settings.tunnelPort);
  keys.set('service-no-backend-response', 'reject');
  keys.set('enable-l7-proxy', true);
  keys.set('enable-ipv4-masquerade', true);
  keys.set('enable-ipv4-big-tcp', false);
  keys.set('enable-ipv6-big-tcp', false);
  keys.set('enable-ipv6-masquerade', true);
  keys.set('enable-tcx', true);
  keys.set('datapath-mode', 'veth');
  keys.set('enable-masquerade-to-route-source', false);
  keys.set('enable-xt-socket-fallback', true);
  keys.set('install-no-conntrack-iptables-rules', false);
  keys.set('auto-direct-node-routes', settings.autoDirectNodeRoutes);
  keys.set('direct-routing-skip-unreachable', false);
  keys.set('enable-local-redirect-policy', false);
  if (settings.ipv4NativeRoutingCidr) keys.set('ipv4-native-routing-cidr', settings.ipv4NativeRoutingCidr.toString());
  if (settings.ipv6NativeRoutingCidr) keys.set('ipv6-native-routing-cidr', settings.ipv6NativeRoutingCidr.toString());
  if (settings.devices) keys.set('devices', settings.devices.join(' '));
  else if (settings.version.atLeast(20)) keys.set('devices', '');
  keys.set('enable-runtime-device-detection', true);
}

/** Service load-balancing, by kube-proxy or its replacement. */
export function loadBalancingKeys(keys: ConfigKeys, settings: CiliumSettings): void {
  // Service load-balancing. Host port, external IPs and NodePort are only switched off explicitly
  // while kube-proxy does the work; the replacement turns them on itself.
  keys.set('kube-proxy-replacement', settings.kubeProxyReplacement);
  if (settings.kubeProxyReplacement || !settings.version.atLeast(18)) keys.set('kube-proxy-replacement-healthz-bind-address', '');
  keys.set('bpf-lb-sock', false);
  if (settings.socketLbHostNamespaceOnly !== undefined) keys.set('bpf-lb-sock-hostns-only', settings.socketLbHostNamespaceOnly);
  if (!settings.kubeProxyReplacement) {
    for (const key of explicitlyOffWithoutKpr(settings.version.minor)) keys.set(key, false);
  }
  keys.set('nodeport-addresses', '');
  keys.set('enable-health-check-nodeport', true);
  keys.set('enable-health-check-loadbalancer-ip', false);
  keys.set('node-port-bind-protection', true);
  keys.set('enable-auto-protect-node-port-range', true);
  keys.set('bpf-lb-acceleration', 'disabled');
  keys.set('enable-svc-source-range-check', true);
  keys.set('enable-l2-neigh-discovery', true);
  keys.set('arping-refresh-period', '30s');
  keys.set('k8s-require-ipv4-pod-cidr', false);
  keys.set('k8s-require-ipv6-pod-cidr', false);
  keys.set('enable-k8s-networkpolicy', true);
}
