/**
 * The fidelity cases: one upstream reference each, the values that make our synth app deploy the same
 * thing, and which of our objects to compare with it. Sections per component.
 */
import { CompareOptions } from './compare';

export interface FidelityCase {
  /** e.g. `multus/v4.1.3/thin`; what intended differences name. */
  readonly id: string;
  /** Reference files, relative to the upstream directory. */
  readonly upstream: readonly string[];
  /** A values file's content (see README "Values file") giving the equivalent deployment. */
  readonly values: Record<string, unknown>;
  /** Our output files (relative to dist/) that hold the component. */
  readonly projectFiles: readonly string[];
  /** Which of their objects take part (default: all). */
  readonly projectFilter?: (o: any) => boolean;
  readonly options?: CompareOptions;
}

const NAD_CRD = 'network-attachment-definitions.k8s.cni.cncf.io';

// ---------------------------------------------------------------------------------------------- cilium
export const CILIUM_VERSIONS = ['1.16.7', '1.18.12', '1.19.6', '1.20.0'] as const;
export const CILIUM_VARIANTS = ['seed', 'pool-native-kpr', 'dualstack-geneve'] as const;

/**
 * The values equal to each variant's helm flags (upstream README); the README's common flags
 * (pull policy IfNotPresent, cni.exclusive=false, Hubble certificates by cronJob) are our defaults.
 */
const CILIUM_VARIANT_VALUES: Record<typeof CILIUM_VARIANTS[number], Record<string, any>> = {
  // ipam.mode=kubernetes
  'seed': {},
  'pool-native-kpr': {
    addressing: { primaryPodCidrs: ['10.42.0.0/16'] },
    cilium: {
      ipam: 'cluster-pool',
      clusterPool: { podCidrs: ['10.42.0.0/16'], ipv4MaskSize: 24 },
      routingMode: 'native',
      ipv4NativeRoutingCidr: '10.42.0.0/16',
      autoDirectNodeRoutes: true,
      kubeProxyReplacement: true,
      k8sServiceHost: 'ovn-control-plane',
      k8sServicePort: 6443,
    },
  },
  'dualstack-geneve': {
    addressing: {
      primaryPodCidrs: ['10.244.0.0/16', 'fd00:10:244::/56'],
      serviceCidrs: ['10.96.0.0/16', 'fd00:10:96::/112'],
      decoy: '10.254.0.0/16/24,fd00:10:254::/48/64',
    },
    networks: [{ name: 'ovn-stream-veth', topology: 'layer3', subnets: ['10.245.0.0/16/24', 'fd00:10:245::/48/64'] }],
    cilium: { tunnelProtocol: 'geneve', tunnelPort: 6082, hubbleTls: 'disabled' },
  },
};

/**
 * The seed variant of the default release and of the seed's is reached without a version key, as a user
 * reaches it: no values at all (1.20.0), `preset: seed` (1.16.7). The other cases name the version.
 */
const CILIUM_BY_PRESET: Record<string, Record<string, unknown>> = { '1.20.0': {}, '1.16.7': { preset: 'seed' } };

export const CILIUM_CASES: FidelityCase[] = CILIUM_VERSIONS.flatMap((version) => CILIUM_VARIANTS.map((variant) => {
  const values = CILIUM_VARIANT_VALUES[variant];
  return {
    id: `cilium/${version}/${variant}`,
    upstream: [`cilium/${version}/${variant}.yaml`],
    values: variant === 'seed' && version in CILIUM_BY_PRESET ? CILIUM_BY_PRESET[version] : { ...values, cilium: { version, ...values.cilium } },
    projectFiles: ['02-cilium.k8s.yaml'],
  };
}));

/**
 * The feature variants of 1.18 and later (upstream README): each with `ipam.mode=kubernetes`; `KPR` there is
 * kubeProxyReplacement with k8sServiceHost/Port. Their objects are in 02-cilium.k8s.yaml, the GatewayClass
 * (a Gateway API custom resource) in stage2/, the ServiceMonitors (the prometheus-operator's kind) in optional/.
 */
export const CILIUM_FEATURE_VERSIONS = ['1.18.12', '1.19.6', '1.20.0'] as const;
export const CILIUM_FEATURE_VARIANTS = ['hubble-ui', 'metrics', 'wireguard', 'lb-l2-bgp', 'gateway-api', 'egress-bandwidth'] as const;

const KPR = { kubeProxyReplacement: true, k8sServiceHost: 'ovn-control-plane', k8sServicePort: 6443 };
/** The `cilium:` values of each variant. */
const CILIUM_FEATURE_VALUES: Record<typeof CILIUM_FEATURE_VARIANTS[number], Record<string, any>> = {
  // hubble.relay.enabled=true, hubble.ui.enabled=true
  'hubble-ui': { hubble: { relay: true, ui: true } },
  // prometheus.enabled, operator.prometheus.enabled (our default), hubble.metrics.enabled={…}, the three
  // serviceMonitor.enabled; the render's --api-versions stand for the prometheus-operator's CRDs.
  'metrics': { prometheus: true, hubble: { metrics: ['dns', 'drop', 'tcp', 'flow', 'icmp', 'httpV2'] }, serviceMonitors: true },
  // encryption.enabled=true, encryption.type=wireguard, encryption.nodeEncryption=true
  'wireguard': { encryption: 'wireguard', nodeEncryption: true },
  'lb-l2-bgp': { ...KPR, l2Announcements: true, bgpControlPlane: true },
  'gateway-api': { ...KPR, gatewayApi: true },
  'egress-bandwidth': { ...KPR, bpfMasquerade: true, egressGateway: true, bandwidthManager: true, bbr: true },
};
const EXTRA_FILES: Partial<Record<typeof CILIUM_FEATURE_VARIANTS[number], string[]>> = {
  'gateway-api': ['stage2/01-cilium.k8s.yaml'],
  'metrics': ['optional/01-cilium-servicemonitors.k8s.yaml'],
};

export const CILIUM_FEATURE_CASES: FidelityCase[] = CILIUM_FEATURE_VERSIONS.flatMap((version) => CILIUM_FEATURE_VARIANTS.map((variant) => ({
  id: `cilium/${version}/${variant}`,
  upstream: [`cilium/${version}/${variant}.yaml`],
  values: { cilium: { version, ...CILIUM_FEATURE_VALUES[variant] } },
  projectFiles: ['02-cilium.k8s.yaml', ...(EXTRA_FILES[variant] ?? [])],
})));

// ---------------------------------------------------------------------------------------------- multus
export const MULTUS_VERSIONS = ['v4.1.3', 'v4.2.4', 'v4.3.0'] as const;
export const MULTUS_MODES = ['thin', 'thick'] as const;

/** As for Cilium: the default release's thin case with no values, the seed's with `preset: seed`. */
const MULTUS_BY_PRESET: Record<string, Record<string, unknown>> = { 'v4.3.0': {}, 'v4.1.3': { preset: 'seed' } };

/** The release file at each tag against our Multus objects plus the NetworkAttachmentDefinition CRD it carries. */
export const MULTUS_CASES: FidelityCase[] = MULTUS_VERSIONS.flatMap((version) => MULTUS_MODES.map((mode) => ({
  id: `multus/${version}/${mode}`,
  upstream: [`multus/${version}/multus-daemonset${mode === 'thick' ? '-thick' : ''}.yml`],
  values: mode === 'thin' && version in MULTUS_BY_PRESET ? MULTUS_BY_PRESET[version] : { multus: { version, mode } },
  projectFiles: ['03-multus.k8s.yaml', '01-network-crds.k8s.yaml'],
  projectFilter: (o: any) => o.kind !== 'CustomResourceDefinition' || o.metadata.name === NAD_CRD,
})));

// ---------------------------------------------------------------------------------------------- ovn
/**
 * The seed branch's chart rendered with the seed script's flags and k8sAPIServer=https://ovn-control-plane:6443
 * (upstream README): our defaults, with `ovn.mode` picking central or interconnect. The network CRDs we
 * ship take part because the chart ships its CRDs too.
 */
export const OVN_CASES: FidelityCase[] = (['central', 'interconnect'] as const).map((mode) => ({
  id: `ovn/${mode}`,
  upstream: [`ovn-kubernetes/multicni-f08a842/${mode}.yaml`],
  values: { ovn: { mode } },
  projectFiles: ['04-ovn-kubernetes.k8s.yaml', '01-network-crds.k8s.yaml'],
  // ovnkube.sh reads its variables as ${VAR:-default}: '' is unset.
  options: { emptyEnvIsUnset: true },
}));

export const ALL_CASES: FidelityCase[] = [...CILIUM_CASES, ...CILIUM_FEATURE_CASES, ...MULTUS_CASES, ...OVN_CASES];
