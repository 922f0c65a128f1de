/**
 * Every difference between our output and the upstream references that is there on purpose, with its
 * reason. The fidelity suite (fidelity.test.ts) fails on any difference not listed here, on a listed one
 * whose value changed (when `project` is given), and on a listed one that no longer occurs.
 *
 * Ids are those of compare.ts; `cases` are ids of cases.ts. One section per component.
 */
import { CILIUM_FEATURE_VARIANTS, CILIUM_FEATURE_VERSIONS, CILIUM_VARIANTS, CILIUM_VERSIONS, MULTUS_MODES, MULTUS_VERSIONS } from './cases';

export interface IntendedDifference {
  /** The cases it occurs in. */
  readonly cases: readonly string[];
  /** The difference id (compare.ts). */
  readonly id: string;
  /** When given, our value must be exactly this (e.g. a pinned image). */
  readonly project?: unknown;
  /** Why. */
  readonly reason: string;
}

/** Object metadata is compared only for Namespaces (compare.ts), so this label shows there alone. */
const MANAGED_BY_REASON = 'ours: app.kubernetes.io/managed-by: cdk8s-multicni on every object, to select and prune them (src/common/object-labels.ts)';

// ---------------------------------------------------------------------------------------------- cilium
const ciliumCases = (versions: readonly string[] = CILIUM_VERSIONS, variants: readonly string[] = CILIUM_VARIANTS) =>
  versions.flatMap((v) => variants.map((x) => `cilium/${v}/${x}`));
const featureCases = (versions: readonly string[] = CILIUM_FEATURE_VERSIONS, variants: readonly string[] = CILIUM_FEATURE_VARIANTS) =>
  versions.flatMap((v) => variants.map((x) => `cilium/${v}/${x}`));
/** Variants with Hubble TLS (certgen Job and CronJob); dualstack-geneve turns it off. */
const WITH_TLS = ['seed', 'pool-native-kpr'];
/** Variants with Hubble Relay and UI. */
const WITH_RELAY_UI = ['hubble-ui', 'production'];
const CILIUM_API_DEFAULT = 'the chart writes the API default explicitly; we leave it to the API server (it would drop it anyway)';

/**
 * The feature variants (wireguard, lb-l2-bgp, gateway-api, egress-bandwidth, production) keep Hubble TLS on, like the
 * seed: every difference of a version's seed case is theirs too, for the same reason. Their own features
 * render as upstream, so they add no difference of their own.
 */
function withFeatureVariants(entry: IntendedDifference): IntendedDifference {
  const extra = CILIUM_FEATURE_VERSIONS.filter((v) => entry.cases.includes(`cilium/${v}/seed`))
    .flatMap((v) => CILIUM_FEATURE_VARIANTS.map((x) => `cilium/${v}/${x}`));
  return { ...entry, cases: [...new Set([...entry.cases, ...extra])] };
}

const cilium: IntendedDifference[] = [
  {
    cases: [...ciliumCases(), ...featureCases()],
    id: 'DaemonSet kube-system/cilium: container cilium-agent: lifecycle.postStart',
    reason: "the chart's hook deletes AWS VPC CNI SNAT rules; only relevant on nodes that ran the AWS VPC CNI (src/cilium/agent.ts)",
  },
  {
    cases: [...ciliumCases(), ...featureCases()],
    id: 'Deployment kube-system/cilium-operator: container cilium-operator: readinessProbe.initialDelaySeconds',
    reason: CILIUM_API_DEFAULT,
  },
  ...['livenessProbe', 'readinessProbe'].map((probe) => ({
    cases: [...ciliumCases(['1.20.0']), ...featureCases(['1.20.0'])],
    id: `DaemonSet kube-system/cilium-envoy: container cilium-envoy: ${probe}.initialDelaySeconds`,
    reason: CILIUM_API_DEFAULT,
  })),
  {
    cases: [...ciliumCases(CILIUM_VERSIONS, WITH_TLS), ...featureCases()],
    id: 'CronJob kube-system/hubble-generate-certs: pod.hostNetwork',
    reason: CILIUM_API_DEFAULT,
  },
  {
    cases: [...ciliumCases(CILIUM_VERSIONS, WITH_TLS), ...featureCases()],
    id: 'Job kube-system/hubble-generate-certs-<hash>: pod.hostNetwork',
    reason: CILIUM_API_DEFAULT,
  },
  // The certgen Job is named after a hash of its spec (test/fidelity/hashed-names.ts compares it field by field).
  {
    cases: [...ciliumCases(['1.16.7', '1.18.12'], WITH_TLS), ...featureCases(['1.18.12'])],
    id: 'Job kube-system/hubble-generate-certs-<hash>: metadata.name',
    reason: 'up to 1.18 the chart keeps one name and relies on Helm hooks to replace the Job; kubectl has none, and a Job\'s pod template is immutable, so we name it after a hash of its spec in every version (src/cilium/hubble.ts certgenJobName) and an upgrade or a changed setting applies',
  },
  {
    cases: [...ciliumCases(['1.19.6', '1.20.0'], WITH_TLS), ...featureCases(['1.19.6', '1.20.0'])],
    id: 'Job kube-system/hubble-generate-certs-<hash>: metadata.name',
    reason: 'the chart hashes its Job template text (sha256sum | trunc 10); we hash the spec we render (canonical JSON), the same scheme over our own content, so the 10 digits differ',
  },
  {
    cases: [...ciliumCases(['1.19.6', '1.20.0']), ...featureCases(['1.19.6', '1.20.0'])],
    id: 'DaemonSet kube-system/cilium: initContainer install-cni-binaries: resources.limits.cpu',
    project: '1',
    reason: 'the chart writes the quantity as the YAML number 1; the API server stores quantities as strings, so kubectl apply would see 1 vs "1" and report the DaemonSet configured on every re-apply (seen on the apiserver suite); "1" is the same quantity',
  },
  ...['DaemonSet kube-system/cilium', 'DaemonSet kube-system/cilium-envoy', 'Deployment kube-system/cilium-operator'].map((w) => ({
    cases: [...ciliumCases(['1.20.0']), ...featureCases(['1.20.0'])],
    id: `${w}: pod.hostUsers`,
    reason: "the chart writes hostUsers: true, the value an unset field means; a kube-apiserver without the UserNamespacesSupport feature (off by default up to 1.32) drops the field, so every later kubectl apply would report the workload configured (seen on the apiserver suite's 1.32)",
  })),
  ...['DaemonSet kube-system/cilium', 'DaemonSet kube-system/cilium-envoy', 'Deployment kube-system/cilium-operator'].map((w) => ({
    cases: [...ciliumCases(['1.20.0']), ...featureCases(['1.20.0'])],
    id: `${w}: template labels.helm.sh/chart`,
    reason: 'the output is not managed by helm: no helm.sh/chart label on any object (the 1.20 chart also puts it on pod templates)',
  })),
  {
    cases: [...ciliumCases(['1.20.0']), ...featureCases(['1.20.0'])],
    id: 'Namespace cilium-secrets: metadata.labels.helm.sh/chart',
    reason: 'the output is not managed by helm: no helm.sh/chart label on any object',
  },
  // Hubble Relay and UI.
  ...['Deployment kube-system/hubble-relay', 'Deployment kube-system/hubble-ui'].map((w) => ({
    cases: featureCases(['1.20.0'], WITH_RELAY_UI),
    id: `${w}: template labels.helm.sh/chart`,
    reason: 'the output is not managed by helm: no helm.sh/chart label on any object (the 1.20 chart also puts it on pod templates)',
  })),
  ...['retry-timeout', 'sort-buffer-drain-timeout', 'sort-buffer-len-max'].map((key) => ({
    cases: featureCases(CILIUM_FEATURE_VERSIONS, WITH_RELAY_UI),
    id: `ConfigMap kube-system/hubble-relay-config: data[config.yaml].${key}`,
    reason: "the chart writes the key with an empty value (its values leave it unset), which Relay reads as unset, its own default; we leave the key out",
  })),
  {
    cases: featureCases(CILIUM_FEATURE_VERSIONS, WITH_RELAY_UI),
    id: 'ConfigMap kube-system/hubble-ui-nginx: data[nginx.conf]',
    reason: "our own text of the frontend's nginx server block (src/cilium/hubble-ui.ts), with the chart's directives and values (listen 8081 on IPv4 and IPv6, root /app, /api to 127.0.0.1:8090, /healthz, index.html fallback, probes not logged); only indentation, blank lines and comments differ",
  },
  {
    cases: ciliumCases(['1.18.12', '1.19.6', '1.20.0']),
    id: 'Namespace cilium-secrets: metadata.labels.app.kubernetes.io/managed-by',
    project: 'cdk8s-multicni',
    reason: MANAGED_BY_REASON,
  },
].map(withFeatureVariants);

// ---------------------------------------------------------------------------------------------- multus
const MULTUS_DS = 'DaemonSet kube-system/kube-multus-ds';
const multusCases = (modes: readonly string[] = MULTUS_MODES, versions: readonly string[] = MULTUS_VERSIONS) =>
  versions.flatMap((v) => modes.map((m) => `multus/${v}/${m}`));

const image = (version: string, mode: string) => `ghcr.io/k8snetworkplumbingwg/multus-cni:${version}${mode === 'thick' ? '-thick' : ''}`;

const multus: IntendedDifference[] = [
  // Images: the release files name the moving :snapshot tags (their README: a deployment pins the tag's image).
  ...MULTUS_VERSIONS.flatMap((v) => MULTUS_MODES.flatMap((m) => ['container kube-multus', 'initContainer install-multus-binary'].map((c) => ({
    cases: [`multus/${v}/${m}`],
    id: `${MULTUS_DS}: ${c}: image`,
    project: image(v, m),
    reason: `the release file names the moving :snapshot${m === 'thick' ? '-thick' : ''} image; we pin the tag's own image`,
  })))),
  // The default network pinned to Cilium's file, and Cilium's file as the readiness indicator.
  {
    cases: multusCases(['thin']),
    id: `${MULTUS_DS}: container kube-multus: args +"--multus-master-cni-file-name=05-cilium.conflist"`,
    reason: "default network pinned to Cilium's conf file instead of the alphabetically first file (a ready OVN-Kubernetes would otherwise become every pod's default network)",
  },
  {
    cases: multusCases(['thin']),
    id: `${MULTUS_DS}: container kube-multus: args +"--readiness-indicator-file=/etc/cni/net.d/05-cilium.conflist"`,
    reason: "CNI ADD waits for Cilium's conf file (waitForDefaultNetwork)",
  },
  {
    cases: multusCases(['thick']),
    id: 'ConfigMap kube-system/multus-daemon-config: data[daemon-config.json].multusMasterCNI',
    project: '05-cilium.conflist',
    reason: "default network pinned to Cilium's conf file instead of the alphabetically first file",
  },
  {
    cases: multusCases(['thick']),
    id: 'ConfigMap kube-system/multus-daemon-config: data[daemon-config.json].readinessindicatorfile',
    project: '/host/etc/cni/net.d/05-cilium.conflist',
    reason: "the daemon waits for Cilium's conf file and restarts when it goes away (waitForDefaultNetwork)",
  },
  // Thin: the example ConfigMap is not shipped.
  {
    cases: multusCases(['thin']),
    id: 'ConfigMap kube-system/multus-cni-config: only upstream',
    reason: 'a flannel example config, read only without --multus-conf-file=auto; we always run auto (src/multus/thin-daemon-set.ts)',
  },
  {
    cases: multusCases(['thin']),
    id: `${MULTUS_DS}: container kube-multus: mounts./tmp/multus-conf`,
    reason: 'the mount of the flannel example ConfigMap, not shipped',
  },
  {
    cases: multusCases(['thin']),
    id: `${MULTUS_DS}: volume sources -"configMap:multus-cni-config items=[{"key":"cni-conf.json","path":"70-multus.conf"}]"`,
    reason: 'the volume of the flannel example ConfigMap, not shipped',
  },
  // The NetworkAttachmentDefinition CRD comes from NetworkCrds, one CRD for every Multus version.
  {
    cases: multusCases(MULTUS_MODES, ['v4.1.3', 'v4.2.4']),
    id: 'CustomResourceDefinition network-attachment-definitions.k8s.cni.cncf.io: spec.names.shortNames +"nad"',
    reason: 'our CRD (crds/network-attachment-definitions.yaml) also has the short name nad, which upstream added in v4.3.0',
  },
];

// ---------------------------------------------------------------------------------------------- ovn
const CENTRAL = 'ovn/central';
const IC = 'ovn/interconnect';
const OVN_BOTH = [CENTRAL, IC];
const W = {
  master: 'Deployment ovn-kubernetes/ovnkube-master',
  db: 'Deployment ovn-kubernetes/ovnkube-db',
  controlPlane: 'Deployment ovn-kubernetes/ovnkube-control-plane',
  node: 'DaemonSet ovn-kubernetes/ovnkube-node',
  ovs: 'DaemonSet ovn-kubernetes/ovs-node',
};

/** Defaults below were read in dist/images/ovnkube.sh and go-controller/pkg/config of the seed's commit f08a842. */
const SEED_STATES_DEFAULT = "the seed's chart states ovnkube.sh's own default; we leave the variable unset (same value)";
const OVN_ENV_REASONS: Record<string, string> = {
  OVNKUBE_LOGFILE_MAXAGE: `${SEED_STATES_DEFAULT}: 5`,
  OVNKUBE_LOGFILE_MAXBACKUPS: `${SEED_STATES_DEFAULT}: 5`,
  OVNKUBE_LOGFILE_MAXSIZE: `${SEED_STATES_DEFAULT}: 100`,
  OVNKUBE_LOGLEVEL: `${SEED_STATES_DEFAULT}: 4`,
  OVNKUBE_COMPACT_MODE_ENABLE: `${SEED_STATES_DEFAULT}: false`,
  OVN_ACL_LOGGING_RATE_LIMIT: `${SEED_STATES_DEFAULT}: 20`,
  OVN_DISABLE_OVN_IFACE_ID_VER: `${SEED_STATES_DEFAULT}: false`,
  OVN_DISABLE_REQUESTEDCHASSIS: `${SEED_STATES_DEFAULT}: false`,
  OVN_EGRESSIP_HEALTHCHECK_PORT: `${SEED_STATES_DEFAULT}: 9107`,
  OVN_ENABLE_DNSNAMERESOLVER: `${SEED_STATES_DEFAULT}: false`,
  OVN_ENABLE_SVC_TEMPLATE_SUPPORT: `${SEED_STATES_DEFAULT}: true`,
  OVN_OBSERV_ENABLE: `${SEED_STATES_DEFAULT}: false`,
  OVN_REMOTE_PROBE_INTERVAL: `${SEED_STATES_DEFAULT}: 100000`,
  OVN_STATELESS_NETPOL_ENABLE: `${SEED_STATES_DEFAULT}: false`,
  OVN_NB_PORT: `${SEED_STATES_DEFAULT}: 6641`,
  OVN_SB_PORT: `${SEED_STATES_DEFAULT}: 6642`,
  OVN_LOGLEVEL_CONTROLLER: `${SEED_STATES_DEFAULT}: -vconsole:info`,
  OVN_SSL_ENABLE: "ovnkube.sh turns SSL on only for 'yes'; the seed's 'no'/'false' and unset are the same",
  ENABLE_IPSEC: "ovnkube.sh turns IPsec on only for 'true'; the seed's 'false' and unset are the same",
  OVN_UNPRIVILEGED_MODE: "ovnkube.sh treats unset and 'no' alike",
  OVN_ENABLE_LFLOW_CACHE: "unset passes no --enable-lflow-cache; ovnkube's own default (config.go LFlowCacheEnable: true) equals the seed's 'true'",
  OVN_V6_JOIN_SUBNET: 'an IPv6 subnet in a single-stack IPv4 cluster: unused; we set the IPv6 subnets only when the plan has IPv6',
  OVN_V6_MASQUERADE_SUBNET: 'an IPv6 subnet in a single-stack IPv4 cluster: unused; we set the IPv6 subnets only when the plan has IPv6',
  OVN_V6_TRANSIT_SWITCH_SUBNET: 'an IPv6 subnet in a single-stack IPv4 cluster: unused; we set the IPv6 subnets only when the plan has IPv6',
  POD_NAME: 'read only by the node proxy healthz server, which runs only with --healthz-bind-address; ovnkube.sh never passes it',
  OVN_LOGLEVEL_NB: "we keep ovnkube.sh's default -vconsole:info (kubectl logs); the seed's chart adds -vfile:info, log files under the host's /var/log/ovn",
  OVN_LOGLEVEL_SB: "we keep ovnkube.sh's default -vconsole:info (kubectl logs); the seed's chart adds -vfile:info, log files under the host's /var/log/ovn",
  OVN_LOGLEVEL_NORTHD: "we keep ovnkube.sh's default -vconsole:info (kubectl logs); the seed's chart adds -vfile:info, log files under the host's /var/log/ovn",
  OVN_NOHOSTSUBNET_LABEL: 'unset: every node gets a host subnet; the seed excludes nodes labelled k8s.ovn.org/ovn-managed=false (hybrid-overlay/Windows nodes, which this stack has none of)',
  // Ours only: every ovnkube.sh target gets the same base env (src/ovn/env.ts OvnEnv.base).
  K8S_NODE: 'base env of every container (src/ovn/env.ts): ovnkube.sh otherwise falls back to $(hostname), the same on a host-network pod',
  K8S_NODE_IP: 'base env of every container (src/ovn/env.ts): the databases and metrics bind to the node IP',
  K8S_APISERVER: 'base env of every container (src/ovn/env.ts), from ovn-config',
  OVN_KUBERNETES_NAMESPACE: "base env of every container (src/ovn/env.ts): the pod's namespace instead of ovnkube.sh's fallback 'ovn-kubernetes' (the same here)",
  OVN_NORTH: 'interconnect node pod: every container is told to use the node-local databases (src/ovn/env.ts localDatabases)',
  OVN_SOUTH: 'interconnect node pod: every container is told to use the node-local databases (src/ovn/env.ts localDatabases)',
  OVN_EGRESSFIREWALL_ENABLE: "stated false (ovnkube.sh's default): the feature needs k8s.ovn.org CRDs we do not ship",
  OVN_EGRESSIP_ENABLE: "stated false (ovnkube.sh's default): the feature needs k8s.ovn.org CRDs we do not ship",
  OVN_EGRESSSERVICE_ENABLE: "stated false (ovnkube.sh's default): the feature needs k8s.ovn.org CRDs we do not ship",
  OVN_EGRESSQOS_ENABLE: "EgressQoS off: with the secondary-CNI option an EgressQoS object probably panics ovnkube (src/ovn/settings.ts); the seed leaves it on (upstream README)",
  OVN_ENABLE_INTERCONNECT: "stated false (ovnkube.sh's default) in central mode",
  OVN_ENABLE_OVNKUBE_IDENTITY: 'no effect on this target (ovnkube.sh reads it only in ovnkube-controller, ovnkube-controller-with-node and ovn-node); stated false on every ovnkube because its default is true and the stack runs without the ovnkube-identity webhook',
  OVN_ENCAP_PORT: "stated 6081 (ovnkube.sh's default) for every ovnkube, from the encapPort setting",
  OVN_V4_JOIN_SUBNET: "the address plan's join subnet, from ovn-config (ovnkube's default 100.64.0.0/16, the same value)",
  OVN_V4_MASQUERADE_SUBNET: "the address plan's masquerade subnet 169.254.0.0/17, given to every ovnkube as the seed gives it to the node side",
  OVN_V4_TRANSIT_SUBNET: "the transit subnet under the name release-1.2+ images read, beside the seed's OVN_V4_TRANSIT_SWITCH_SUBNET (src/ovn/env.ts)",
};

/** Where each env difference occurs: [case, workload, container, variables]. */
const OVN_ENV_DIFFERENCES: Array<[string, string, string, string[]]> = [
  [CENTRAL, W.db, 'nb-ovsdb', ['ENABLE_IPSEC', 'K8S_NODE', 'OVN_LOGLEVEL_NB', 'OVN_NB_PORT', 'OVN_SSL_ENABLE']],
  [CENTRAL, W.db, 'sb-ovsdb', ['K8S_NODE', 'OVN_LOGLEVEL_SB', 'OVN_SB_PORT', 'OVN_SSL_ENABLE']],
  [CENTRAL, W.master, 'ovn-northd', ['K8S_NODE', 'K8S_NODE_IP', 'OVN_LOGLEVEL_NORTHD', 'OVN_SSL_ENABLE']],
  [CENTRAL, W.master, 'ovnkube-master', [
    'OVNKUBE_COMPACT_MODE_ENABLE', 'OVNKUBE_LOGFILE_MAXAGE', 'OVNKUBE_LOGFILE_MAXBACKUPS', 'OVNKUBE_LOGFILE_MAXSIZE', 'OVNKUBE_LOGLEVEL',
    'OVN_ACL_LOGGING_RATE_LIMIT', 'OVN_DISABLE_REQUESTEDCHASSIS', 'OVN_EGRESSFIREWALL_ENABLE', 'OVN_EGRESSIP_ENABLE',
    'OVN_EGRESSIP_HEALTHCHECK_PORT', 'OVN_EGRESSQOS_ENABLE', 'OVN_EGRESSSERVICE_ENABLE', 'OVN_ENABLE_DNSNAMERESOLVER',
    'OVN_ENABLE_INTERCONNECT', 'OVN_ENABLE_OVNKUBE_IDENTITY', 'OVN_ENABLE_SVC_TEMPLATE_SUPPORT', 'OVN_NOHOSTSUBNET_LABEL',
    'OVN_SSL_ENABLE', 'OVN_STATELESS_NETPOL_ENABLE', 'OVN_V4_JOIN_SUBNET', 'OVN_V6_MASQUERADE_SUBNET',
  ]],
  [CENTRAL, W.node, 'ovn-controller', ['K8S_NODE_IP', 'OVN_LOGLEVEL_CONTROLLER', 'OVN_SSL_ENABLE']],
  [CENTRAL, W.node, 'ovnkube-node', [
    'OVNKUBE_LOGFILE_MAXAGE', 'OVNKUBE_LOGFILE_MAXBACKUPS', 'OVNKUBE_LOGFILE_MAXSIZE', 'OVNKUBE_LOGLEVEL', 'OVN_DISABLE_OVN_IFACE_ID_VER',
    'OVN_EGRESSFIREWALL_ENABLE', 'OVN_EGRESSIP_ENABLE', 'OVN_EGRESSIP_HEALTHCHECK_PORT', 'OVN_EGRESSQOS_ENABLE', 'OVN_EGRESSSERVICE_ENABLE',
    'OVN_ENABLE_LFLOW_CACHE', 'OVN_KUBERNETES_NAMESPACE', 'OVN_REMOTE_PROBE_INTERVAL', 'OVN_SSL_ENABLE', 'OVN_UNPRIVILEGED_MODE',
    'OVN_V4_JOIN_SUBNET', 'OVN_V6_MASQUERADE_SUBNET', 'POD_NAME',
  ]],
  [CENTRAL, W.node, 'ovs-metrics-exporter', ['K8S_APISERVER', 'K8S_NODE', 'OVN_KUBERNETES_NAMESPACE']],
  [IC, W.node, 'nb-ovsdb', ['OVN_LOGLEVEL_NB', 'OVN_NORTH', 'OVN_SOUTH']],
  [IC, W.node, 'sb-ovsdb', ['OVN_LOGLEVEL_SB', 'OVN_NORTH', 'OVN_SOUTH', 'OVN_SSL_ENABLE']],
  [IC, W.node, 'ovn-northd', ['K8S_NODE', 'K8S_NODE_IP', 'OVN_LOGLEVEL_NORTHD', 'OVN_SSL_ENABLE']],
  [IC, W.node, 'ovn-controller', ['K8S_NODE', 'K8S_NODE_IP', 'OVN_LOGLEVEL_CONTROLLER']],
  [IC, W.node, 'ovnkube-controller', [
    'OVNKUBE_LOGFILE_MAXAGE', 'OVNKUBE_LOGFILE_MAXBACKUPS', 'OVNKUBE_LOGFILE_MAXSIZE', 'OVNKUBE_LOGLEVEL', 'OVN_ACL_LOGGING_RATE_LIMIT',
    'OVN_DISABLE_OVN_IFACE_ID_VER', 'OVN_EGRESSFIREWALL_ENABLE', 'OVN_EGRESSIP_ENABLE', 'OVN_EGRESSIP_HEALTHCHECK_PORT',
    'OVN_EGRESSQOS_ENABLE', 'OVN_EGRESSSERVICE_ENABLE', 'OVN_ENABLE_DNSNAMERESOLVER', 'OVN_ENABLE_LFLOW_CACHE',
    'OVN_ENABLE_SVC_TEMPLATE_SUPPORT', 'OVN_OBSERV_ENABLE', 'OVN_REMOTE_PROBE_INTERVAL', 'OVN_SSL_ENABLE',
    'OVN_UNPRIVILEGED_MODE', 'OVN_V6_JOIN_SUBNET', 'OVN_V6_MASQUERADE_SUBNET',
  ]],
  [IC, W.node, 'ovs-metrics-exporter', ['K8S_APISERVER', 'K8S_NODE', 'OVN_KUBERNETES_NAMESPACE']],
  [IC, W.controlPlane, 'ovnkube-cluster-manager', [
    'OVNKUBE_LOGFILE_MAXAGE', 'OVNKUBE_LOGFILE_MAXBACKUPS', 'OVNKUBE_LOGFILE_MAXSIZE', 'OVNKUBE_LOGLEVEL', 'OVN_ACL_LOGGING_RATE_LIMIT',
    'OVN_EGRESSFIREWALL_ENABLE', 'OVN_EGRESSIP_ENABLE', 'OVN_EGRESSQOS_ENABLE', 'OVN_EGRESSSERVICE_ENABLE', 'OVN_ENABLE_DNSNAMERESOLVER',
    'OVN_ENABLE_OVNKUBE_IDENTITY', 'OVN_ENCAP_PORT', 'OVN_SSL_ENABLE', 'OVN_V4_MASQUERADE_SUBNET', 'OVN_V4_TRANSIT_SUBNET',
    'OVN_V6_JOIN_SUBNET', 'OVN_V6_TRANSIT_SWITCH_SUBNET',
  ]],
];

const ovnEnv: IntendedDifference[] = OVN_ENV_DIFFERENCES.flatMap(([c, workload, container, names]) => names.map((name) => {
  const reason = OVN_ENV_REASONS[name];
  if (!reason) throw new Error(`intended-differences: no reason for OVN env ${name}`);
  return { cases: [c], id: `${workload}: container ${container}: env.${name}`, reason };
}));

const NOT_SHIPPED_MONITORING = 'monitoring objects not shipped (they need the Prometheus operator CRDs)';
const NOT_SHIPPED_OVN_CRD = 'feature off in this stack (src/ovn/env.ts); its k8s.ovn.org CRD is not shipped';
const DPU = 'no DPU nodes in this stack: the chart\'s k8s.ovn.org/dpu(-host) exclusions are left out';
const OS_SELECTOR = 'kubernetes.io/os=linux is a nodeSelector on every pod instead of a nodeAffinity term (same scheduling)';
const ANTI_AFFINITY = 'the anti-affinity selects name=<pod> with matchLabels instead of matchExpressions In (the same selector)';
const API_DEFAULT = 'the chart states the API server default; we leave it to the API server';
const UNUSED_VOLUME = 'a volume the chart defines but no container mounts';
const onlyUpstream = (cases: string[], keys: string[], reason: string) => keys.map((k) => ({ cases, id: `${k}: only upstream`, reason }));

const ovn: IntendedDifference[] = [
  ...ovnEnv,
  // Inventory
  ...onlyUpstream([CENTRAL, IC], [
    'CustomResourceDefinition prometheusrules.monitoring.coreos.com', 'CustomResourceDefinition servicemonitors.monitoring.coreos.com',
    'PrometheusRule ovn-kubernetes/ovnkube-rules', 'ServiceMonitor ovn-kubernetes/monitor-ovnkube-cluster-manager',
    'ServiceMonitor ovn-kubernetes/monitor-ovnkube-master', 'ServiceMonitor ovn-kubernetes/monitor-ovnkube-node',
    'Service ovn-kubernetes/ovnkube-cluster-manager-prometheus-discovery', 'Service ovn-kubernetes/ovnkube-master-prometheus-discovery',
    'Service ovn-kubernetes/ovnkube-node-prometheus-discovery',
  ], NOT_SHIPPED_MONITORING),
  ...onlyUpstream([CENTRAL, IC], [
    'CustomResourceDefinition adminpolicybasedexternalroutes.k8s.ovn.org', 'CustomResourceDefinition egressfirewalls.k8s.ovn.org',
    'CustomResourceDefinition egressips.k8s.ovn.org', 'CustomResourceDefinition egressservices.k8s.ovn.org',
  ], NOT_SHIPPED_OVN_CRD),
  ...onlyUpstream([CENTRAL, IC], ['CustomResourceDefinition egressqoses.k8s.ovn.org'], 'EgressQoS is off by default (see OVN_EGRESSQOS_ENABLE); its CRD is shipped only with ovn.egressQos'),
  ...['ipamclaims', 'multi-networkpolicies', 'network-attachment-definitions'].map((crd) => ({
    cases: OVN_BOTH,
    id: `CustomResourceDefinition ${crd}.k8s.cni.cncf.io: only project`,
    reason: 'the k8s.cni.cncf.io CRDs come from NetworkCrds (01-network-crds); the seed installs them outside its OVN-Kubernetes chart',
  })),
  ...onlyUpstream([IC], ['ServiceAccount ovn-kubernetes/ovnkube-db', 'ClusterRole ovnkube-db', 'ClusterRoleBinding ovnkube-db', 'Role ovn-kubernetes/ovnkube-db-ep', 'RoleBinding ovn-kubernetes/ovnkube-db-ep'],
    'interconnect mode has no central databases; the chart renders their RBAC anyway'),
  ...['<cluster> core:namespaces get,list,watch', '<cluster> core:nodes get,list,watch', '<namespace:ovn-kubernetes> apps:statefulsets get',
    '<namespace:ovn-kubernetes> core:endpoints create,get', '<namespace:ovn-kubernetes> core:pods get,list'].map((g) => ({
    cases: [IC], id: `RBAC ServiceAccount ovn-kubernetes/ovnkube-db: only upstream: ${g}`, reason: 'the ovnkube-db RBAC of interconnect mode, not rendered (no central databases)',
  })),
  {
    cases: [CENTRAL, IC], id: 'Namespace ovn-host-network: metadata.labels',
    project: { 'app.kubernetes.io/managed-by': 'cdk8s-multicni' },
    reason: MANAGED_BY_REASON,
  },
  {
    cases: [CENTRAL, IC], id: 'Namespace ovn-kubernetes: metadata.labels',
    project: {
      'app.kubernetes.io/managed-by': 'cdk8s-multicni', 'pod-security.kubernetes.io/audit': 'privileged',
      'pod-security.kubernetes.io/enforce': 'privileged', 'pod-security.kubernetes.io/warn': 'privileged',
    },
    reason: `${MANAGED_BY_REASON}; and Pod Security level privileged (enforce, audit, warn): OVN-Kubernetes' pods are privileged with host networking and hostPath volumes, which a cluster whose default level is baseline or restricted would refuse (src/common/object-labels.ts)`,
  },
  {
    cases: [CENTRAL, IC], id: 'ConfigMap kube-system/multicni-address-plan: only project',
    reason: "ours: the App's address plan recorded in the output (src/plan/address-plan-record.ts), so multicni check dist/ sees every planned range and the next synth keeps an automatic decoy; read by no component",
  },
  {
    cases: [IC], id: 'Role ovn-kubernetes/ovn-k8s-configmap-update: only project',
    reason: "the seed's chart binds ovnkube-node to this Role in interconnect mode without rendering it (a dangling RoleBinding); we render it",
  },
  {
    cases: [IC], id: 'RBAC ServiceAccount ovn-kubernetes/ovnkube-node: only upstream: <namespace:ovn-kubernetes> <missing:Role ovn-kubernetes/ovn-k8s-configmap-update> bind',
    reason: "the seed's dangling RoleBinding (the Role is missing from its render)",
  },
  {
    cases: [IC], id: 'RBAC ServiceAccount ovn-kubernetes/ovnkube-node: only project: <namespace:ovn-kubernetes> core:configmaps create,patch,update',
    reason: 'what the seed\'s RoleBinding to ovn-k8s-configmap-update means to grant, with the Role rendered',
  },
  ...[['ovnkube-master', 'ipamclaims get,list,watch'], ['ovnkube-master', 'ipamclaims/status patch,update'], ['ovnkube-node', 'ipamclaims get,list,watch'], ['ovnkube-node', 'multi-networkpolicies get,list,watch']].map(([sa, g]) => ({
    cases: [CENTRAL], id: `RBAC ServiceAccount ovn-kubernetes/${sa}: only project: <cluster> k8s.cni.cncf.io:${g}`,
    reason: 'multi-network on: ovnkube reads MultiNetworkPolicies and (persistent IPs) IPAMClaims; the seed\'s central-mode chart lacks these grants (its interconnect chart has them)',
  })),
  // ovn-config
  ...['v4_join_subnet', 'v4_masquerade_subnet'].map((key) => ({
    cases: OVN_BOTH, id: `ConfigMap ovn-kubernetes/ovn-config: data[${key}]`,
    reason: "the address plan's OVN subnets in ovn-config, one source for the env vars and for `multicni check`",
  })),
  {
    cases: [IC], id: 'ConfigMap ovn-kubernetes/ovn-config: data[v4_transit_switch_subnet]',
    reason: "the address plan's transit subnet in ovn-config (reserved in central mode too, used in interconnect)",
  },
  // Pods
  { cases: OVN_BOTH, id: `${W.ovs}: pod.affinity`, reason: DPU },
  { cases: [CENTRAL], id: `${W.node}: pod.affinity`, reason: DPU },
  {
    cases: [IC], id: `${W.node}: pod.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key`,
    reason: `only nodes with k8s.ovn.org/zone-name (ovnkube-controller-with-node needs its zone); ${DPU}`,
  },
  {
    cases: [IC], id: `${W.node}: pod.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator`,
    reason: 'Exists on k8s.ovn.org/zone-name instead of DoesNotExist on k8s.ovn.org/dpu-host',
  },
  {
    cases: [IC], id: `${W.node}: pod.priorityClassName`,
    reason: 'system-cluster-critical on every OVN-Kubernetes pod; the chart gives this one the removed scheduler.alpha.kubernetes.io/critical-pod annotation instead',
  },
  { cases: [IC], id: `${W.node}: template annotations`, reason: 'the removed scheduler.alpha.kubernetes.io/critical-pod annotation; we set the priority class' },
  { cases: [IC], id: `${W.node}: container ovnkube-controller: mounts./host-kubernetes`, reason: 'the kubelet kubeconfig is read only with ovnkube-identity on (ovnkube.sh), which is off' },
  { cases: [IC], id: `${W.node}: volume sources -"hostPath:/etc/kubernetes"`, reason: 'the kubelet kubeconfig is read only with ovnkube-identity on (ovnkube.sh), which is off' },
  { cases: OVN_BOTH, id: `${W.node}: volume sources -"hostPath:/run/openvswitch"`, reason: UNUSED_VOLUME },
  { cases: [IC], id: `${W.controlPlane}: volume sources -"hostPath:/var/log/openvswitch"`, reason: UNUSED_VOLUME },
  ...[[CENTRAL, W.db], [CENTRAL, W.master], [IC, W.controlPlane]].flatMap(([c, w]) => [
    { cases: [c], id: `${w}: pod.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[1]`, reason: OS_SELECTOR },
    { cases: [c], id: `${w}: pod.nodeSelector`, reason: OS_SELECTOR },
    { cases: [c], id: `${w}: pod.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions`, reason: ANTI_AFFINITY },
    { cases: [c], id: `${w}: pod.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchLabels`, reason: ANTI_AFFINITY },
    { cases: [c], id: `${w}: spec.progressDeadlineSeconds`, reason: API_DEFAULT },
    { cases: [c], id: `${w}: spec.revisionHistoryLimit`, reason: API_DEFAULT },
    { cases: [c], id: `${w}: template labels.app`, reason: 'an extra app=<name> label on the pods (selectors unchanged)' },
  ]),
  ...['maxSurge', 'maxUnavailable'].map((f) => ({
    cases: [CENTRAL], id: `${W.db}: spec.strategy.rollingUpdate.${f}`,
    reason: 'replace, never surge: a second host-network database pod cannot bind the same ports on the node',
  })),
  { cases: [CENTRAL], id: 'Service ovn-kubernetes/ovnkube-db: spec.sessionAffinity', reason: API_DEFAULT },
];

export const INTENDED = { cilium, multus, ovn };
