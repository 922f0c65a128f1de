/**
 * Every difference between our output and the upstream references that is there on purpose, with its
 * reason. The fidelity suite (fidelity.test.ts) fails on any difference not listed here, on a listed one
 * whose value changed (when `project` is given), and on a listed one that no longer occurs.
 *
 * Ids are those of compare.ts; `cases` are ids of cases.ts. One section per component.
 */
import { CILIUM_VARIANTS, CILIUM_VERSIONS, MULTUS_MODES, MULTUS_VERSIONS } from './cases';

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

// ---------------------------------------------------------------------------------------------- cilium
const ciliumCases = (versions: readonly string[] = CILIUM_VERSIONS, variants: readonly string[] = CILIUM_VARIANTS) =>
  versions.flatMap((v) => variants.map((x) => `cilium/${v}/${x}`));
/** Variants with Hubble TLS (certgen Job and CronJob); dualstack-geneve turns it off. */
const WITH_TLS = ['seed', 'pool-native-kpr'];
const API_DEFAULT = 'the chart writes the API default explicitly; we leave it to the API server (it would drop it anyway)';

const cilium: IntendedDifference[] = [
  {
    cases: ciliumCases(),
    id: 'DaemonSet kube-system/cilium: container cilium-agent: lifecycle.postStart',
    reason: "the chart's hook deletes AWS VPC CNI SNAT rules; only relevant on nodes that ran the AWS VPC CNI (src/cilium/agent.ts)",
  },
  {
    cases: ciliumCases(),
    id: 'Deployment kube-system/cilium-operator: container cilium-operator: readinessProbe.initialDelaySeconds',
    reason: API_DEFAULT,
  },
  ...['livenessProbe', 'readinessProbe'].map((probe) => ({
    cases: ciliumCases(['1.20.0']),
    id: `DaemonSet kube-system/cilium-envoy: container cilium-envoy: ${probe}.initialDelaySeconds`,
    reason: API_DEFAULT,
  })),
  {
    cases: ciliumCases(CILIUM_VERSIONS, WITH_TLS),
    id: 'CronJob kube-system/hubble-generate-certs: pod.hostNetwork',
    reason: API_DEFAULT,
  },
  {
    cases: ciliumCases(['1.16.7', '1.18.12'], WITH_TLS),
    id: 'Job kube-system/hubble-generate-certs: pod.hostNetwork',
    reason: API_DEFAULT,
  },
  // The certgen Job: one fixed name in every version, removed 30 minutes after it finished.
  ...([['1.19.6', 'd23753c582'], ['1.20.0', 'db903e35d6']] as const).flatMap(([v, hash]) => [
    {
      cases: ciliumCases([v], WITH_TLS),
      id: `Job kube-system/hubble-generate-certs-${hash}: only upstream`,
      reason: 'from 1.19 the chart names the certgen Job after a hash of its content; we keep the one name hubble-generate-certs of every version (and its 30-minute ttl), so the Job is found by the same name whatever the version',
    },
    {
      cases: ciliumCases([v], WITH_TLS),
      id: 'Job kube-system/hubble-generate-certs: only project',
      reason: 'the same Job under its fixed name (see the hash-named upstream Job)',
    },
    {
      cases: ciliumCases([v], WITH_TLS),
      id: 'CronJob kube-system/hubble-generate-certs: spec.jobTemplate.spec.ttlSecondsAfterFinished',
      reason: "from 1.19 the chart drops the jobs' 30-minute ttl (the CronJob's history limits keep 3/1); we keep it in every version so a finished Job of the fixed name disappears and a changed one can be applied",
    },
  ]),
  {
    cases: ciliumCases(['1.19.6', '1.20.0']),
    id: 'DaemonSet kube-system/cilium: initContainer install-cni-binaries: resources.limits.cpu',
    project: '1',
    reason: 'the chart writes the quantity as the YAML number 1; the API server stores quantities as strings, so kubectl apply would see 1 vs "1" and report the DaemonSet configured on every re-apply (seen on the apiserver suite); "1" is the same quantity',
  },
  ...['DaemonSet kube-system/cilium', 'DaemonSet kube-system/cilium-envoy', 'Deployment kube-system/cilium-operator'].map((w) => ({
    cases: ciliumCases(['1.20.0']),
    id: `${w}: pod.hostUsers`,
    reason: "the chart writes hostUsers: true, the value an unset field means; a kube-apiserver without the UserNamespacesSupport feature (off by default up to 1.32) drops the field, so every later kubectl apply would report the workload configured (seen on the apiserver suite's 1.32)",
  })),
  ...['DaemonSet kube-system/cilium', 'DaemonSet kube-system/cilium-envoy', 'Deployment kube-system/cilium-operator'].map((w) => ({
    cases: ciliumCases(['1.20.0']),
    id: `${w}: template labels.helm.sh/chart`,
    reason: 'the output is not managed by helm: no helm.sh/chart label on any object (the 1.20 chart also puts it on pod templates)',
  })),
];

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
const ovn: IntendedDifference[] = [
];

export const INTENDED = { cilium, multus, ovn };
