import { CiliumEncryption } from './encryption';
import { NAMESPACE, SECRETS_NAMESPACE } from './names';
import { CiliumSettings } from './settings';

/**
 * The cilium-config keys of encryption, load balancing, routing and Gateway API, as the chart (1.18 to
 * 1.20) renders them for `encryption.type=wireguard`, `bandwidthManager.enabled`, `bpf.masquerade`,
 * `egressGateway.enabled`, `l2announcements.enabled`, `bgpControlPlane.enabled` and `gatewayAPI.enabled`
 * with their chart defaults. Applied over the other keys (a key here replaces the same key there).
 */
export function featureConfigKeys(s: CiliumSettings): Record<string, string> {
  const keys: Record<string, string> = {};
  const set = (key: string, value: string | number | boolean) => { keys[key] = String(value); };
  if (s.bpfMasquerade) set('enable-bpf-masquerade', true);
  if (s.encryption === CiliumEncryption.WIREGUARD) {
    set('enable-wireguard', true);
    // No keepalive packets (the chart's `encryption.wireguard.persistentKeepalive` default).
    set('wireguard-persistent-keepalive', '0s');
  }
  if (s.nodeEncryption) set('encrypt-node', true);
  if (s.bandwidthManager) {
    set('enable-bandwidth-manager', true);
    set('enable-bbr', s.bbr);
    set('enable-bbr-hostns-only', false);
  }
  if (s.egressGateway) set('enable-egress-gateway', true);
  if (s.l2Announcements) set('enable-l2-announcements', true);
  if (s.bgpControlPlane) {
    set('enable-bgp-control-plane', true);
    // Peer passwords are read from Secrets in Cilium's namespace (Role cilium-bgp-control-plane-secrets).
    set('bgp-secrets-namespace', NAMESPACE);
    set('enable-bgp-control-plane-status-report', true);
    set('bgp-router-id-allocation-mode', 'default');
    set('bgp-router-id-allocation-ip-pool', '');
    set('enable-bgp-legacy-origin-attribute', false);
  }
  if (s.gatewayApi) gatewayApiKeys(s, set);
  return keys;
}

function gatewayApiKeys(s: CiliumSettings, set: (key: string, value: string | number | boolean) => void): void {
  // The operator turns Gateways into CiliumEnvoyConfigs, which the agents apply.
  set('enable-envoy-config', true);
  set('envoy-config-retry-interval', '15s');
  set('enable-gateway-api', true);
  // TLS Secrets referenced by Gateways are synced into cilium-secrets (Roles *-gateway-secrets).
  set('enable-gateway-api-secrets-sync', true);
  set('gateway-api-secrets-namespace', SECRETS_NAMESPACE);
  set('enable-gateway-api-proxy-protocol', false);
  set('enable-gateway-api-app-protocol', false);
  set('enable-gateway-api-alpn', false);
  set('gateway-api-xff-num-trusted-hops', 0);
  set('gateway-api-service-externaltrafficpolicy', 'Cluster');
  set('gateway-api-hostnetwork-enabled', false);
  set('gateway-api-hostnetwork-nodelabelselector', '');
  if (s.version.atLeast(20)) {
    set('gateway-api-use-remote-address', true);
    // Forced by the 1.20 chart so per-backend weights of TCPRoute/UDPRoute take effect.
    set('bpf-lb-algorithm-annotation', true);
    set('bpf-lb-sock-hostns-only', true);
  }
}
