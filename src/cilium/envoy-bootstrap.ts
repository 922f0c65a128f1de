/**
 * The bootstrap configuration of the `cilium-envoy` DaemonSet (`bootstrap-config.json` of the
 * `cilium-envoy-config` ConfigMap), built from the facts of the Cilium 1.16.7 chart's defaults:
 * listeners, clusters and xDS all reach the agent over Unix sockets in /var/run/cilium/envoy/sockets.
 * Serialised with sorted keys, as Helm's `toJson` does, so the text is byte-identical to the chart's.
 */

const SOCKETS = '/var/run/cilium/envoy/sockets';
/** Envoy's Prometheus listener (the `cilium-envoy` Service scrapes it). */
export const ENVOY_METRICS_PORT = 9964;
/** Envoy's health listener (the DaemonSet's probes). */
export const ENVOY_HEALTH_PORT = 9878;

const CONNECT_TIMEOUT_S = 2;
const INITIAL_FETCH_TIMEOUT_S = 30;
const IDLE_TIMEOUT_S = 60;
const MAX_CONNECTION_DURATION_S = 0;
const MAX_REQUESTS_PER_CONNECTION = 0;

const HCM = 'type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager';
const HTTP_OPTIONS_KEY = 'envoy.extensions.upstreams.http.v3.HttpProtocolOptions';
const HTTP_OPTIONS = `type.googleapis.com/${HTTP_OPTIONS_KEY}`;

type Json = { [key: string]: unknown };

/**
 * The bootstrap JSON text (with a trailing newline, as the chart's block scalar) for the chart line
 * 1.`minor`: 1.18 adds circuit breakers, stream idle timeouts, the log format and the admin socket's
 * mode; 1.19 more circuit-breaker limits; 1.20 fetches listeners and clusters over one ADS stream.
 */
export function envoyBootstrapJson(ipv4: boolean, ipv6: boolean, minor: number = 16): string {
  return stableStringify(envoyBootstrap(ipv4, ipv6, minor)) + '\n';
}

/** The families the listeners serve and the chart line (1.`minor`) whose bootstrap is rendered. */
interface BootstrapFacts {
  readonly ipv4: boolean;
  readonly ipv6: boolean;
  readonly minor: number;
}

function envoyBootstrap(ipv4: boolean, ipv6: boolean, minor: number): Json {
  const facts: BootstrapFacts = { ipv4, ipv6, minor };
  return {
    node: { id: 'host~127.0.0.1~no-id~localdomain', cluster: 'ingress-cluster' },
    staticResources: { listeners: listeners(facts), clusters: clusters(facts) },
    dynamicResources: { ldsConfig: xdsConfig(minor), cdsConfig: xdsConfig(minor), ...(minor >= 20 ? { adsConfig: GRPC_SOURCE } : {}) },
    ...(minor >= 18 ? { applicationLogConfig: { logFormat: { textFormat: '[%Y-%m-%d %T.%e][%t][%l][%n] [%g:%#] %v' } } } : {}),
    bootstrapExtensions: [{
      name: 'envoy.bootstrap.internal_listener',
      typedConfig: { '@type': 'type.googleapis.com/envoy.extensions.bootstrap.internal_listener.v3.InternalListener' },
    }],
    overloadManager: {
      resourceMonitors: [{
        name: 'envoy.resource_monitors.global_downstream_max_connections',
        typedConfig: {
          '@type': 'type.googleapis.com/envoy.extensions.resource_monitors.downstream_connections.v3.DownstreamConnectionsConfig',
          max_active_downstream_connections: '50000',
        },
      }],
    },
    // 1.18: the admin socket is created with mode 0660 (432).
    admin: { address: { pipe: { path: `${SOCKETS}/admin.sock`, ...(minor >= 18 ? { mode: 0o660 } : {}) } } },
  };
}

/** The metrics listener on every address and the health listener on the loopback, both routed to the admin API. */
function listeners(facts: BootstrapFacts): Json[] {
  return [
    httpListener(facts, 'envoy-prometheus-metrics-listener', '0.0.0.0', ENVOY_METRICS_PORT,
      { virtualHosts: [adminRoute('prometheus_metrics_route', '/metrics', '/stats/prometheus')] }),
    // `virtual_hosts` in snake case here, as upstream: Envoy's JSON accepts both spellings.
    httpListener(facts, 'envoy-health-listener', facts.ipv4 ? '127.0.0.1' : '::1', ENVOY_HEALTH_PORT,
      { virtual_hosts: [adminRoute('health', '/healthz', '/ready')] }),
  ];
}

/** Proxy clusters to the original destination (the -tls ones re-encrypt), xDS from the agent and the admin API. */
function clusters(facts: BootstrapFacts): Json[] {
  return [
    originalDstCluster(facts.minor, 'ingress-cluster', false),
    originalDstCluster(facts.minor, 'egress-cluster-tls', true),
    originalDstCluster(facts.minor, 'egress-cluster', false),
    originalDstCluster(facts.minor, 'ingress-cluster-tls', true),
    socketCluster('xds-grpc-cilium', 'xds.sock', {
      typedExtensionProtocolOptions: { [HTTP_OPTIONS_KEY]: { '@type': HTTP_OPTIONS, explicitHttpConfig: { http2ProtocolOptions: {} } } },
      ...(facts.minor >= 20 ? circuitBreakers(facts.minor) : {}),
    }),
    socketCluster('/envoy-admin', 'admin.sock', {}),
  ];
}

/** Connection limits (1.18); 1.19 adds connection and request limits beside the retry limit. */
function circuitBreakers(minor: number): Json {
  return { circuitBreakers: { thresholds: [{ ...(minor >= 19 ? { maxConnections: 1024, maxRequests: 1024 } : {}), maxRetries: 128 }] } };
}

/** Private and loopback ranges whose clients Envoy treats as internal. */
function internalAddresses(facts: BootstrapFacts): Json[] {
  return [
    ...(facts.ipv4 ? [['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['127.0.0.1', 32]] : []),
    ...(facts.ipv6 ? [['::1', 128]] : []),
  ].map(([addressPrefix, prefixLen]) => ({ addressPrefix, prefixLen }));
}

/** The second address of a dual-stack listener: ::1 beside 127.0.0.1; from 1.18 also :: beside 0.0.0.0. */
function secondAddress(minor: number, address: string): string | undefined {
  return address === '127.0.0.1' ? '::1' : minor >= 18 ? '::' : undefined;
}

function httpListener(facts: BootstrapFacts, name: string, address: string, port: number, routes: Json): Json {
  const second = facts.ipv4 && facts.ipv6 ? secondAddress(facts.minor, address) : undefined;
  return {
    name,
    address: { socketAddress: { address, portValue: port } },
    ...(second ? { additionalAddresses: [{ address: { socketAddress: { address: second, portValue: port } } }] } : {}),
    filterChains: [{
      filters: [{
        name: 'envoy.filters.network.http_connection_manager',
        typedConfig: {
          '@type': HCM,
          statPrefix: name,
          routeConfig: routes,
          httpFilters: [{ name: 'envoy.filters.http.router', typedConfig: { '@type': 'type.googleapis.com/envoy.extensions.filters.http.router.v3.Router' } }],
          internalAddressConfig: { cidrRanges: internalAddresses(facts) },
          streamIdleTimeout: facts.minor >= 18 ? '300s' : '0s',
        },
      }],
    }],
  };
}

/** A virtual host that forwards `prefix` to the admin API's `rewrite` path. */
function adminRoute(name: string, prefix: string, rewrite: string): Json {
  return { name, domains: ['*'], routes: [{ name, match: { prefix }, route: { cluster: '/envoy-admin', prefixRewrite: rewrite } }] };
}

/** A proxy cluster to the original destination; with `tls` it re-encrypts with the agent's TLS wrapper. */
function originalDstCluster(minor: number, name: string, tls: boolean): Json {
  return {
    name,
    type: 'ORIGINAL_DST',
    connectTimeout: `${CONNECT_TIMEOUT_S}s`,
    lbPolicy: 'CLUSTER_PROVIDED',
    typedExtensionProtocolOptions: {
      [HTTP_OPTIONS_KEY]: {
        '@type': HTTP_OPTIONS,
        commonHttpProtocolOptions: {
          idleTimeout: `${IDLE_TIMEOUT_S}s`,
          maxConnectionDuration: `${MAX_CONNECTION_DURATION_S}s`,
          maxRequestsPerConnection: MAX_REQUESTS_PER_CONNECTION,
        },
        ...(tls ? { upstreamHttpProtocolOptions: {} } : {}),
        useDownstreamProtocolConfig: {},
      },
    },
    cleanupInterval: `${CONNECT_TIMEOUT_S}.500s`,
    ...(minor >= 18 ? circuitBreakers(minor) : {}),
    ...(tls ? { transportSocket: { name: 'cilium.tls_wrapper', typedConfig: { '@type': 'type.googleapis.com/cilium.UpstreamTlsWrapperContext' } } } : {}),
  };
}

/** A static cluster of one Unix socket in the shared sockets directory. */
function socketCluster(name: string, socket: string, extra: Json): Json {
  return {
    name,
    type: 'STATIC',
    connectTimeout: `${CONNECT_TIMEOUT_S}s`,
    loadAssignment: { clusterName: name, endpoints: [{ lbEndpoints: [{ endpoint: { address: { pipe: { path: `${SOCKETS}/${socket}` } } } }] }] },
    ...extra,
  };
}

/** xDS from the agent over gRPC on its socket. */
const GRPC_SOURCE: Json = {
  apiType: 'GRPC',
  transportApiVersion: 'V3',
  grpcServices: [{ envoyGrpc: { clusterName: 'xds-grpc-cilium' } }],
  setNodeOnFirstMessageOnly: true,
};

/** 1.20: listeners and clusters come over the aggregated stream (ADS) instead of one stream each. */
function xdsConfig(minor: number): Json {
  return {
    initialFetchTimeout: `${INITIAL_FETCH_TIMEOUT_S}s`,
    ...(minor >= 20 ? { ads: {} } : { apiConfigSource: GRPC_SOURCE }),
    resourceApiVersion: 'V3',
  };
}

/** JSON with object keys sorted at every level (Go's encoding/json order), arrays kept in order. */
function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Json;
    return `{${Object.keys(obj).sort().map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
