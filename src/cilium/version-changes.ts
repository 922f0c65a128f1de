/**
 * What changed in `cilium-config` between the chart lines this library renders, relative to the 1.16
 * chart that config.ts writes (facts of `helm template` of each packaged chart with the same values).
 * A change applies to its line and every later one; `set` overrides a value or adds a key (added keys
 * are appended, in the order given).
 */
export interface ConfigChange {
  /** The first minor release (1.x) with this change. */
  readonly since: number;
  /** Keys the chart no longer renders. */
  readonly remove?: string[];
  /** Keys the chart renders with another value, or newly renders. */
  readonly set?: Record<string, string>;
}

export const CONFIG_CHANGES: ConfigChange[] = [
  {
    since: 18,
    remove: [
      'arping-refresh-period', 'enable-k8s-terminating-endpoint', 'enable-local-redirect-policy',
      'enable-runtime-device-detection', 'hubble-export-file-max-backups', 'hubble-export-file-max-size-mb',
      'k8s-client-burst', 'k8s-client-qps',
    ],
    set: {
      'enable-l2-neigh-discovery': 'false',
      'tofqdns-endpoint-max-ip-per-hostname': '1000',
      'metrics-sampling-interval': '5m',
      // Policy secrets (TLS interception) are synced into their own namespace, cilium-secrets.
      'enable-policy-secrets-sync': 'true',
      'policy-secrets-only-from-secrets-namespace': 'true',
      'policy-secrets-namespace': 'cilium-secrets',
      'bpf-policy-stats-map-max': '65536',
      'bpf-lb-source-range-all-types': 'false',
      'bpf-lb-algorithm-annotation': 'false',
      'bpf-lb-mode-annotation': 'false',
      'bpf-distributed-lru': 'false',
      'tunnel-source-port-range': '0-0',
      'iptables-random-fully': 'false',
      'enable-endpoint-lockdown-on-policy-overflow': 'false',
      'health-check-icmp-failure-threshold': '3',
      'hubble-network-policy-correlation-enabled': 'true',
      'default-lb-service-ipam': 'lbipam',
      'identity-management-mode': 'agent',
      'tofqdns-preallocate-identities': 'true',
      'proxy-max-concurrent-retries': '128',
      'http-retry-count': '3',
      'http-stream-idle-timeout': '300',
      'policy-default-local-cluster': 'false',
      'enable-internal-traffic-policy': 'true',
      'enable-lb-ipam': 'true',
      'enable-non-default-deny-policies': 'true',
      'enable-source-ip-verification': 'true',
      'enable-dynamic-config': 'true',
      'enable-drift-checker': 'true',
    },
  },
  {
    since: 19,
    remove: ['enable-svc-source-range-check', 'enable-internal-traffic-policy'],
    set: {
      'unmanaged-pod-watcher-interval': '15s',
      'mesh-auth-enabled': 'false',
      'policy-default-local-cluster': 'true',
      'policy-deny-response': 'none',
      'enable-host-firewall': 'false',
      'enable-no-service-endpoints-routable': 'true',
      'enable-service-topology': 'false',
      'packetization-layer-pmtud-mode': 'blackhole',
      'proxy-max-active-downstream-connections': '50000',
      'proxy-use-original-source-address': 'true',
      'proxy-cluster-max-connections': '1024',
      'proxy-cluster-max-requests': '1024',
      'clustermesh-cache-ttl': '0s',
      'clustermesh-mcs-api-install-crds': 'true',
    },
  },
  {
    since: 20,
    set: {
      'enable-dynamic-source-lookup-nodeport': 'false',
      'proxy-cluster-max-pending-requests': '1024',
      // Envoy gets listeners and clusters over one aggregated (ADS) stream.
      'envoy-node-locality-enabled': 'false',
      'envoy-access-log-enabled': 'true',
      'envoy-xds-mode': 'ads',
      'clustermesh-default-global-namespace': 'true',
      'enable-datapath-plugins': 'false',
      'datapath-plugins-state-dir': '/var/run/cilium/plugins',
    },
  },
];

/**
 * Keys the chart sets to false explicitly while kube-proxy does the service work (without
 * kube-proxy replacement), per line: 1.18 dropped host port and external IPs, 1.19 NodePort.
 */
export function explicitlyOffWithoutKpr(minor: number): string[] {
  if (minor >= 19) return [];
  if (minor >= 18) return ['enable-node-port'];
  return ['enable-host-port', 'enable-external-ips', 'enable-node-port'];
}
