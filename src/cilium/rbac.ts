import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { READ_VERBS as READ, addClusterRoleGrant, addRoleGrant, addServiceAccount, rule } from '../common/rbac';
import { CiliumVersion } from './cilium-version';
import { agentFeatureRules, addFeatureRoles, operatorFeatureRules } from './rbac-features';
import { CiliumSettings } from './settings';
import { AGENT, CERTGEN, CA_SECRET, CONFIG_AGENT_ROLE, CONFIG_MAP, ENVOY, HUBBLE_SERVER_CERTS, NAMESPACE, OPERATOR, PART_OF, SECRETS_NAMESPACE } from './names';

// RBAC rules as in the Cilium 1.16.7 chart (templates/cilium-agent, cilium-operator, hubble/tls-cronjob)
// for this feature set: no ingress/Gateway API, no BGP announcements, no clustermesh, CRD identities;
// later lines' changes are applied where they differ (agentRules, operatorRules).

const CILIUM_CRDS = [
  'ciliumloadbalancerippools', 'ciliumbgppeeringpolicies', 'ciliumbgpnodeconfigs', 'ciliumbgpadvertisements',
  'ciliumbgppeerconfigs', 'ciliumclusterwideenvoyconfigs', 'ciliumclusterwidenetworkpolicies',
  'ciliumegressgatewaypolicies', 'ciliumendpoints', 'ciliumendpointslices', 'ciliumenvoyconfigs',
  'ciliumidentities', 'ciliumlocalredirectpolicies', 'ciliumnetworkpolicies', 'ciliumnodes',
  'ciliumnodeconfigs', 'ciliumcidrgroups', 'ciliuml2announcementpolicies', 'ciliumpodippools',
];

/** CRDs the operator registers at start-up and may later update (`update` is limited to these names). */
const OPERATOR_MANAGED_CRDS = [
  'ciliumloadbalancerippools', 'ciliumbgppeeringpolicies', 'ciliumbgpclusterconfigs', 'ciliumbgppeerconfigs',
  'ciliumbgpadvertisements', 'ciliumbgpnodeconfigs', 'ciliumbgpnodeconfigoverrides',
  'ciliumclusterwideenvoyconfigs', 'ciliumclusterwidenetworkpolicies', 'ciliumegressgatewaypolicies',
  'ciliumendpoints', 'ciliumendpointslices', 'ciliumenvoyconfigs', 'ciliumexternalworkloads',
  'ciliumidentities', 'ciliumlocalredirectpolicies', 'ciliumnetworkpolicies', 'ciliumnodes',
  'ciliumnodeconfigs', 'ciliumcidrgroups', 'ciliuml2announcementpolicies', 'ciliumpodippools',
].map((r) => `${r}.cilium.io`);


function agentRules(version: CiliumVersion): k8s.PolicyRule[] {
  // 1.20 reads Services through EndpointSlices only, drops the v1 BGP peering policies, adds datapath plugins.
  const v20 = version.atLeast(20);
  return [
    rule(['networking.k8s.io'], ['networkpolicies'], READ),
    rule(['discovery.k8s.io'], ['endpointslices'], READ),
    rule([''], ['namespaces', 'services', 'pods', ...(v20 ? [] : ['endpoints']), 'nodes'], READ),
    // `get` is kept for policy validation in the pre-flight check, as upstream.
    rule(['apiextensions.k8s.io'], ['customresourcedefinitions'], ['list', 'watch', 'get']),
    rule(['cilium.io'], [...CILIUM_CRDS.filter((r) => !(v20 && r === 'ciliumbgppeeringpolicies')), ...(v20 ? ['ciliumdatapathplugins'] : [])], ['list', 'watch']),
    ...AGENT_WRITE_RULES,
  ];
}

const AGENT_WRITE_RULES: k8s.PolicyRule[] = [
  rule(['cilium.io'], ['ciliumidentities', 'ciliumendpoints', 'ciliumnodes'], ['create']),
  rule(['cilium.io'], ['ciliumidentities'], ['update']),
  rule(['cilium.io'], ['ciliumendpoints'], ['delete', 'get']),
  rule(['cilium.io'], ['ciliumnodes', 'ciliumnodes/status'], ['get', 'update']),
  rule(['cilium.io'], ['ciliumendpoints/status', 'ciliumendpoints', 'ciliuml2announcementpolicies/status', 'ciliumbgpnodeconfigs/status'], ['patch']),
];

function operatorRules(version: CiliumVersion): k8s.PolicyRule[] {
  const RW = ['create', 'update', ...READ, 'delete', 'patch'];
  const without = (removed: Array<[number, string]>, list: string[]) =>
    list.filter((r) => !removed.some(([since, name]) => version.atLeast(since) && r === name));
  const base = OPERATOR_RULES.map((r) => {
    if (r.apiGroups![0] === 'apiextensions.k8s.io' && r.resourceNames) {
      // CRDs the operator no longer manages (external workloads: 1.18; v1 BGP peering policies: 1.19).
      const names = without([[18, 'ciliumexternalworkloads.cilium.io'], [19, 'ciliumbgppeeringpolicies.cilium.io']], r.resourceNames);
      return { ...r, resourceNames: [...names, ...(version.atLeast(18) ? ['ciliumgatewayclassconfigs.cilium.io'] : []), ...(version.atLeast(20) ? ['ciliumdatapathplugins.cilium.io'] : [])] };
    }
    if (version.atLeast(20)) {
      // 1.20 reads Services through EndpointSlices only and drops the v1 BGP peering policies.
      if (r.apiGroups![0] === '' && r.resources!.includes('endpoints')) return { ...r, resources: r.resources!.filter((x) => x !== 'endpoints') };
      if (r.resources!.includes('ciliumbgppeeringpolicies')) return { ...r, resources: r.resources!.filter((x) => x !== 'ciliumbgppeeringpolicies') };
    }
    return r;
  });
  return [
    ...base,
    // 1.18: TLS-interception secrets are read cluster-wide and synced into cilium-secrets; BGP v2 status.
    ...(version.atLeast(18) ? [
      rule([''], ['secrets'], READ),
      rule(['cilium.io'], ['ciliumbgpclusterconfigs/status', 'ciliumbgppeerconfigs/status'], ['update']),
    ] : []),
    ...(version.atLeast(19) ? [rule(['cilium.io'], ['ciliumendpointslices'], ['deletecollection'])] : []),
    // 1.20: the operator manages BGP v2 objects, CIDR groups and datapath plugins, and the CRDs' status.
    ...(version.atLeast(20) ? [
      rule([''], ['serviceaccounts'], READ),
      rule(['cilium.io'], ['ciliumbgpclusterconfigs', 'ciliumbgpnodeconfigoverrides', 'ciliumcidrgroups'], RW),
      rule(['cilium.io'], ['ciliumdatapathplugins'], READ),
      rule(['apiextensions.k8s.io'], ['customresourcedefinitions/status'], ['update'],
        ['ciliumbgpadvertisements', 'ciliumbgpclusterconfigs', 'ciliumbgpnodeconfigoverrides', 'ciliumbgpnodeconfigs', 'ciliumbgppeerconfigs'].map((r) => `${r}.cilium.io`)),
    ] : []),
  ];
}

const OPERATOR_RULES: k8s.PolicyRule[] = [
  // `delete`: restarts kube-dns/coredns pods that started before Cilium managed them.
  rule([''], ['pods'], [...READ, 'delete']),
  rule([''], ['configmaps'], ['patch'], [CONFIG_MAP]),
  rule([''], ['nodes'], ['list', 'watch']),
  // Removes the agent-not-ready taint and sets NetworkUnavailable=false.
  rule([''], ['nodes', 'nodes/status'], ['patch']),
  rule(['discovery.k8s.io'], ['endpointslices'], READ),
  rule([''], ['services/status'], ['update', 'patch']),
  rule([''], ['namespaces'], READ),
  rule([''], ['services', 'endpoints'], READ),
  rule(['cilium.io'], ['ciliumnetworkpolicies', 'ciliumclusterwidenetworkpolicies'], ['create', 'update', 'deletecollection', 'patch', ...READ]),
  rule(['cilium.io'], ['ciliumnetworkpolicies/status', 'ciliumclusterwidenetworkpolicies/status'], ['patch', 'update']),
  rule(['cilium.io'], ['ciliumendpoints', 'ciliumidentities'], ['delete', 'list', 'watch']),
  rule(['cilium.io'], ['ciliumidentities'], ['update']),
  rule(['cilium.io'], ['ciliumnodes'], ['create', 'update', ...READ, 'delete']),
  rule(['cilium.io'], ['ciliumnodes/status'], ['update']),
  rule(['cilium.io'], ['ciliumendpointslices', 'ciliumenvoyconfigs', 'ciliumbgppeerconfigs', 'ciliumbgpadvertisements', 'ciliumbgpnodeconfigs'],
    ['create', 'update', ...READ, 'delete', 'patch']),
  // No CRDs are shipped: the operator registers every *.cilium.io CRD when it starts.
  rule(['apiextensions.k8s.io'], ['customresourcedefinitions'], ['create', ...READ]),
  rule(['apiextensions.k8s.io'], ['customresourcedefinitions'], ['update'], OPERATOR_MANAGED_CRDS),
  rule(['cilium.io'], ['ciliumloadbalancerippools', 'ciliumpodippools', 'ciliumbgppeeringpolicies', 'ciliumbgpclusterconfigs', 'ciliumbgpnodeconfigoverrides'], READ),
  rule(['cilium.io'], ['ciliumpodippools'], ['create']),
  rule(['cilium.io'], ['ciliumloadbalancerippools/status'], ['patch']),
  // Leader election between operator replicas.
  rule(['coordination.k8s.io'], ['leases'], ['create', 'get', 'update']),
];

/** ServiceAccount, ClusterRole(Binding) and Role(Binding) objects of the agent, Envoy and the operator. */
export function addRbac(scope: Construct, settings: CiliumSettings): void {
  const version = settings.version;
  if (version.atLeast(18)) {
    // 1.18: secrets for TLS interception policies live in their own namespace (policy-secrets-namespace).
    new k8s.KubeNamespace(scope, 'SecretsNamespace', { metadata: { name: SECRETS_NAMESPACE, labels: { ...PART_OF } } });
  }
  addServiceAccount(scope, 'AgentServiceAccount', { name: AGENT, namespace: NAMESPACE });
  addServiceAccount(scope, 'EnvoyServiceAccount', { name: ENVOY, namespace: NAMESPACE });
  addServiceAccount(scope, 'OperatorServiceAccount', { name: OPERATOR, namespace: NAMESPACE });
  clusterRole(scope, 'Agent', AGENT, [...agentRules(version), ...agentFeatureRules(settings)]);
  clusterRole(scope, 'Operator', OPERATOR, [...operatorRules(version), ...operatorFeatureRules(settings)]);
  // The agent reads cilium-config (and its optional per-node overrides) through the API.
  role(scope, 'ConfigAgent', CONFIG_AGENT_ROLE, AGENT, [rule([''], ['configmaps'], READ)]);
  if (version.atLeast(18)) {
    role(scope, 'AgentTlsInterceptionSecrets', 'cilium-tlsinterception-secrets', AGENT, [rule([''], ['secrets'], READ)], SECRETS_NAMESPACE);
    role(scope, 'OperatorTlsInterceptionSecrets', 'cilium-operator-tlsinterception-secrets', OPERATOR, [rule([''], ['secrets'], ['create', 'delete', 'update', 'patch'])], SECRETS_NAMESPACE);
  }
  if (version.atLeast(19)) {
    // The operator can run the ztunnel DaemonSet (Cilium's ambient-mesh node proxy) when that is enabled.
    role(scope, 'OperatorZtunnel', 'cilium-operator-ztunnel', OPERATOR, [
      rule(['apps'], ['daemonsets'], ['create', 'delete', ...READ]),
      ...(version.atLeast(20) ? [rule([''], ['serviceaccounts'], READ)] : []),
    ]);
  }
  addFeatureRoles(scope, settings);
}

/** ServiceAccount and Role(Binding) of the certgen Job/CronJob: create the CA and the Hubble server certificate. */
export function addCertgenRbac(scope: Construct): void {
  addServiceAccount(scope, 'CertgenServiceAccount', { name: CERTGEN, namespace: NAMESPACE });
  role(scope, 'Certgen', CERTGEN, CERTGEN, [
    rule([''], ['secrets'], ['create']),
    // All certificates certgen can manage; this install only has it write hubble-server-certs.
    rule([''], ['secrets'], ['update'], [HUBBLE_SERVER_CERTS, 'hubble-relay-client-certs', 'hubble-relay-server-certs', 'hubble-metrics-server-certs', 'hubble-ui-client-certs']),
    rule([''], ['secrets'], ['get', 'update'], [CA_SECRET]),
  ]);
}

/** ClusterRole and binding `name`, granted to the ServiceAccount of the same name in Cilium's namespace. */
function clusterRole(scope: Construct, idPrefix: string, name: string, rules: k8s.PolicyRule[]): void {
  addClusterRoleGrant(scope, idPrefix, { name, rules, serviceAccount: { name, namespace: NAMESPACE }, labels: PART_OF });
}

/** Role and binding `name` in `namespace`, granted to `serviceAccount` of Cilium's namespace. */
function role(scope: Construct, idPrefix: string, name: string, serviceAccount: string, rules: k8s.PolicyRule[], namespace: string = NAMESPACE): void {
  addRoleGrant(scope, idPrefix, { name, namespace, rules, serviceAccount: { name: serviceAccount, namespace: NAMESPACE }, labels: PART_OF });
}
