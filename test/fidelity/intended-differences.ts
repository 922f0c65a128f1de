/**
 * Every difference between our output and the upstream references that is there on purpose, with its
 * reason. The fidelity suite (fidelity.test.ts) fails on any difference not listed here, on a listed one
 * whose value changed (when `project` is given), and on a listed one that no longer occurs.
 *
 * Ids are those of compare.ts; `cases` are ids of cases.ts. One section per component.
 */
import { MULTUS_MODES, MULTUS_VERSIONS } from './cases';

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
const CILIUM_SEED = ['cilium/1.16.7/seed'];

const cilium: IntendedDifference[] = [
  {
    cases: CILIUM_SEED,
    id: 'DaemonSet kube-system/cilium: container cilium-agent: lifecycle.postStart',
    reason: "the chart's hook deletes AWS VPC CNI SNAT rules; only relevant on nodes that ran the AWS VPC CNI (src/cilium/agent.ts)",
  },
  {
    cases: CILIUM_SEED,
    id: 'Deployment kube-system/cilium-operator: container cilium-operator: readinessProbe.initialDelaySeconds',
    reason: 'the chart writes the API default 0 explicitly; we leave it to the API server',
  },
  ...['CronJob', 'Job'].map((kind) => ({
    cases: CILIUM_SEED,
    id: `${kind} kube-system/hubble-generate-certs: pod.hostNetwork`,
    reason: 'the chart writes the API default false explicitly; we leave it to the API server',
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
