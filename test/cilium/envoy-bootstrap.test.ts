import { envoyBootstrapJson } from '../../src/cilium/envoy-bootstrap';


type Json = any;

describe('envoy bootstrap', () => {
  const v4: Json = JSON.parse(envoyBootstrapJson(true, false));

  test('talks to the agent over the host sockets: xDS and admin', () => {
    expect(v4.admin).toEqual({ address: { pipe: { path: '/var/run/cilium/envoy/sockets/admin.sock' } } });
    const xds = v4.staticResources.clusters.find((c: Json) => c.name === 'xds-grpc-cilium');
    expect(xds.loadAssignment.endpoints[0].lbEndpoints[0].endpoint.address.pipe.path).toBe('/var/run/cilium/envoy/sockets/xds.sock');
    expect(xds.typedExtensionProtocolOptions['envoy.extensions.upstreams.http.v3.HttpProtocolOptions'].explicitHttpConfig).toEqual({ http2ProtocolOptions: {} });
    for (const source of [v4.dynamicResources.ldsConfig, v4.dynamicResources.cdsConfig]) {
      expect(source.apiConfigSource.grpcServices).toEqual([{ envoyGrpc: { clusterName: 'xds-grpc-cilium' } }]);
      expect(source.initialFetchTimeout).toBe('30s');
    }
  });

  test('proxy clusters as upstream: original destination, TLS wrapper on the -tls ones', () => {
    const clusters = v4.staticResources.clusters;
    expect(clusters.map((c: Json) => c.name)).toEqual(['ingress-cluster', 'egress-cluster-tls', 'egress-cluster', 'ingress-cluster-tls', 'xds-grpc-cilium', '/envoy-admin']);
    for (const c of clusters.slice(0, 4)) {
      expect([c.name, c.type, c.connectTimeout, c.cleanupInterval]).toEqual([c.name, 'ORIGINAL_DST', '2s', '2.500s']);
      expect(Boolean(c.transportSocket)).toBe(c.name.endsWith('-tls'));
    }
  });

  test('listeners: metrics on 0.0.0.0:9964, health on loopback 9878', () => {
    const [metrics, health] = v4.staticResources.listeners;
    expect(metrics.name).toBe('envoy-prometheus-metrics-listener');
    expect(metrics.address.socketAddress).toEqual({ address: '0.0.0.0', portValue: 9964 });
    expect(health.name).toBe('envoy-health-listener');
    expect(health.address.socketAddress).toEqual({ address: '127.0.0.1', portValue: 9878 });
    expect(health.additionalAddresses).toBeUndefined();
    const ranges = health.filterChains[0].filters[0].typedConfig.internalAddressConfig.cidrRanges;
    expect(ranges).toEqual([
      { addressPrefix: '10.0.0.0', prefixLen: 8 }, { addressPrefix: '172.16.0.0', prefixLen: 12 },
      { addressPrefix: '192.168.0.0', prefixLen: 16 }, { addressPrefix: '127.0.0.1', prefixLen: 32 },
    ]);
  });

  test('IPv6 only listens on ::1; dual-stack adds ::1 beside 127.0.0.1', () => {
    const v6: Json = JSON.parse(envoyBootstrapJson(false, true));
    const health6 = v6.staticResources.listeners[1];
    expect(health6.address.socketAddress.address).toBe('::1');
    expect(health6.filterChains[0].filters[0].typedConfig.internalAddressConfig.cidrRanges).toEqual([{ addressPrefix: '::1', prefixLen: 128 }]);
    const dual: Json = JSON.parse(envoyBootstrapJson(true, true));
    const healthDual = dual.staticResources.listeners[1];
    expect(healthDual.address.socketAddress.address).toBe('127.0.0.1');
    expect(healthDual.additionalAddresses).toEqual([{ address: { socketAddress: { address: '::1', portValue: 9878 } } }]);
    expect(dual.staticResources.listeners[0].additionalAddresses).toBeUndefined();
  });

  test('keys are sorted at every level (Helm toJson order) and the text ends with a newline', () => {
    const text = envoyBootstrapJson(true, true);
    expect(text.endsWith('}\n')).toBe(true);
    const check = (value: Json): void => {
      if (Array.isArray(value)) { value.forEach(check); return; }
      if (value && typeof value === 'object') {
        const keys = Object.keys(value);
        expect(keys).toEqual([...keys].sort());
        keys.forEach((k) => check(value[k]));
      }
    };
    check(JSON.parse(text));
    expect(text.startsWith('{"admin":')).toBe(true);
  });
});
