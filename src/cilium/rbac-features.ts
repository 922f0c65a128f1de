import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { READ_VERBS as READ, addRoleGrant, rule } from '../common/rbac';
import { AGENT, NAMESPACE, OPERATOR, PART_OF, SECRETS_NAMESPACE } from './names';
import { CiliumSettings } from './settings';

// The extra RBAC of encryption, load balancing, routing and Gateway API, as the chart (1.18 to 1.20)
// renders it (templates/cilium-agent/clusterrole.yaml, role.yaml; cilium-operator/clusterrole.yaml, role.yaml).
// WireGuard, the bandwidth manager, BPF masquerading and the egress gateway need none.

const WRITE = ['create', 'update', 'delete', 'patch'];

/** Rules added to the agent's ClusterRole `cilium`. */
export function agentFeatureRules(s: CiliumSettings): k8s.PolicyRule[] {
  // L2 announcements: one Lease per announced Service elects the node that answers ARP for it.
  return s.l2Announcements ? [rule(['coordination.k8s.io'], ['leases'], ['create', 'get', 'update', 'list', 'delete'])] : [];
}

/** Rules added to the operator's ClusterRole `cilium-operator`. */
export function operatorFeatureRules(s: CiliumSettings): k8s.PolicyRule[] {
  if (!s.gatewayApi) return [];
  const v20 = s.version.atLeast(20);
  // 1.20 handles TCP/UDP routes, BackendTLSPolicies and ListenerSets too.
  const routes = v20
    ? ['gatewayclasses', 'gateways', 'tcproutes', 'udproutes', 'tlsroutes', 'httproutes', 'grpcroutes', 'referencegrants', 'referencepolicies', 'backendtlspolicies', 'listenersets']
    : ['gatewayclasses', 'gateways', 'tlsroutes', 'httproutes', 'grpcroutes', 'referencegrants', 'referencepolicies'];
  const statuses = ['gatewayclasses', 'gateways', 'httproutes', 'grpcroutes', 'tlsroutes', ...(v20 ? ['backendtlspolicies', 'tcproutes', 'udproutes', 'listenersets'] : [])];
  return [
    // Each Gateway gets a LoadBalancer Service (and, from 1.19, the EndpointSlices the operator writes for it).
    rule([''], v20 ? ['services'] : ['services', 'endpoints'], WRITE),
    ...(s.version.atLeast(19) ? [rule(['discovery.k8s.io'], ['endpointslices'], [...READ, ...WRITE])] : []),
    rule(['gateway.networking.k8s.io'], routes, READ),
    rule(['gateway.networking.k8s.io'], ['gatewayclasses'], ['patch']),
    rule(['gateway.networking.k8s.io'], statuses.map((r) => `${r}/status`), ['update', 'patch']),
    rule(['cilium.io'], ['ciliumgatewayclassconfigs'], READ),
    rule(['cilium.io'], ['ciliumgatewayclassconfigs/status'], ['update', 'patch']),
    ...(v20 ? [rule([''], ['configmaps'], READ)] : []),
    rule(['multicluster.x-k8s.io'], ['serviceimports'], READ),
  ];
}

/** Roles of the features: BGP peer passwords in kube-system, Gateway TLS Secrets in cilium-secrets. */
export function addFeatureRoles(scope: Construct, s: CiliumSettings): void {
  const grant = (id: string, name: string, account: string, namespace: string, verbs: readonly string[]) =>
    addRoleGrant(scope, id, { name, namespace, rules: [rule([''], ['secrets'], verbs)], serviceAccount: { name: account, namespace: NAMESPACE }, labels: PART_OF });
  if (s.bgpControlPlane) grant('AgentBgpSecrets', 'cilium-bgp-control-plane-secrets', AGENT, NAMESPACE, READ);
  if (s.gatewayApi) {
    grant('AgentGatewaySecrets', 'cilium-gateway-secrets', AGENT, SECRETS_NAMESPACE, READ);
    grant('OperatorGatewaySecrets', 'cilium-operator-gateway-secrets', OPERATOR, SECRETS_NAMESPACE, ['create', 'delete', 'update', 'patch']);
  }
}
