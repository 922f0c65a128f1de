import { invalidValue } from '../common/field-error';
import { CiliumPrimaryProps } from './cilium-primary-props';
import { CiliumVersion } from './cilium-version';
import { CiliumEncryption } from './encryption';

/** Encryption, load balancing, routing and Gateway API: the features beyond the seed's install. */
export interface FeatureSettings {
  readonly encryption: CiliumEncryption;
  readonly nodeEncryption: boolean;
  readonly bandwidthManager: boolean;
  readonly bbr: boolean;
  readonly bpfMasquerade: boolean;
  readonly egressGateway: boolean;
  readonly l2Announcements: boolean;
  readonly bgpControlPlane: boolean;
  readonly gatewayApi: boolean;
}

/** What the feature checks need of the other settings. */
export interface FeatureContext {
  readonly version: CiliumVersion;
  readonly kubeProxyReplacement: boolean;
  readonly ipv4: boolean;
  readonly socketLbHostNamespaceOnly?: boolean;
}

/** The first chart line that renders these features as this library does (the feature fidelity cases). */
const SINCE_MINOR = 18;

type FeatureFlag = 'nodeEncryption' | 'bandwidthManager' | 'bbr' | 'bpfMasquerade' | 'egressGateway' | 'l2Announcements' | 'bgpControlPlane' | 'gatewayApi';

/**
 * The features, each checked against the release and against what it needs. Where the chart would ignore a
 * setting or the agent/operator would fail or silently switch the feature off at start-up, synth refuses
 * it instead; each rule names the upstream file that enforces it (cilium/cilium at v1.19.6 and v1.20.0).
 */
export function resolveFeatures(props: CiliumPrimaryProps, context: FeatureContext): FeatureSettings {
  const encryption = props.encryption ?? CiliumEncryption.NONE;
  if (!(encryption instanceof CiliumEncryption)) {
    throw invalidValue('encryption', encryption, 'a CiliumEncryption: CiliumEncryption.NONE or CiliumEncryption.WIREGUARD ("none" or "wireguard" in a values file)');
  }
  if (encryption !== CiliumEncryption.NONE) checkRelease('encryption', encryption.name, context.version);
  const flag = (field: FeatureFlag): boolean => {
    const value = props[field] ?? false;
    if (typeof value !== 'boolean') throw invalidValue(field, value, 'true or false');
    if (value) checkRelease(field, true, context.version);
    return value;
  };
  const features: FeatureSettings = {
    encryption,
    nodeEncryption: flag('nodeEncryption'),
    bandwidthManager: flag('bandwidthManager'),
    bbr: flag('bbr'),
    bpfMasquerade: flag('bpfMasquerade'),
    egressGateway: flag('egressGateway'),
    l2Announcements: flag('l2Announcements'),
    bgpControlPlane: flag('bgpControlPlane'),
    gatewayApi: flag('gatewayApi'),
  };
  checkPrerequisites(features, context);
  return features;
}

/** The releases with these features, as a message names them. */
export function featureReleases(): string {
  const names = CiliumVersion.all().filter((v) => v.atLeast(SINCE_MINOR)).map((v) => v.version);
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function checkRelease(field: string, value: unknown, version: CiliumVersion): void {
  if (!version.atLeast(SINCE_MINOR)) {
    throw invalidValue(field, value, `${field === 'encryption' ? '"none"' : 'false'} with Cilium ${version.version}: ${field} is supported with Cilium ${featureReleases()} (set version)`);
  }
}

function checkPrerequisites(f: FeatureSettings, c: FeatureContext): void {
  // The chart renders encrypt-node only inside `encryption.enabled` (templates/cilium-configmap.yaml).
  if (f.nodeEncryption && f.encryption === CiliumEncryption.NONE) {
    throw invalidValue('nodeEncryption', true, 'encryption "wireguard" with it: the chart renders encrypt-node only when encryption is enabled');
  }
  if (f.bbr) {
    // The chart renders enable-bbr only with the bandwidth manager; the agent sets BBR up in the bandwidth
    // manager's probe, which does nothing while the manager is off (pkg/datapath/linux/bandwidth/bandwidth.go).
    if (!f.bandwidthManager) throw invalidValue('bbr', true, 'bandwidthManager true with it: BBR is set up by the bandwidth manager (pkg/datapath/linux/bandwidth/bandwidth.go)');
    // Without KPR or with iptables masquerading the agent falls back to legacy host routing
    // (pkg/kpr/initializer/kube_proxy_replacement.go), and the bandwidth manager then refuses to start:
    // "BPF bandwidth manager's BBR setup requires BPF host routing." (bandwidth.go probe).
    if (!c.kubeProxyReplacement || !f.bpfMasquerade) {
      throw invalidValue('bbr', true, 'kubeProxyReplacement and bpfMasquerade true with it: BBR needs BPF host routing, which the agent only uses with both, and otherwise fails to start (pkg/datapath/linux/bandwidth/bandwidth.go)');
    }
  }
  if (f.egressGateway) {
    // pkg/egressgateway/manager.go: "egress gateway requires --enable-ipv4-masquerade="true" and
    // --enable-bpf-masquerade="true"", a start-up error; IPv4 masquerading is off without IPv4
    // (pkg/option/config.go: EnableIPv4Masquerade needs EnableIPv4).
    if (!f.bpfMasquerade) throw invalidValue('egressGateway', true, 'bpfMasquerade true with it: the agent refuses to start the egress gateway without BPF masquerading (pkg/egressgateway/manager.go)');
    if (!c.ipv4) throw invalidValue('egressGateway', true, 'an IPv4 pod range with it: the egress gateway needs IPv4 masquerading, off in an IPv6-only cluster (pkg/egressgateway/manager.go)');
  }
  // Documentation/network/l2-announcements.rst, Prerequisites: "Kube Proxy replacement mode must be
  // enabled"; neither the chart nor the agent checks it, the announced IPs are then not served by Cilium.
  if (f.l2Announcements && !c.kubeProxyReplacement) {
    throw invalidValue('l2Announcements', true, 'kubeProxyReplacement true with it: L2 announcements need the kube-proxy replacement (Cilium docs network/l2-announcements, Prerequisites)');
  }
  if (f.gatewayApi) {
    // operator/pkg/gateway-api/cell.go (newGatewayAPIPreconditions): without kube-proxy-replacement the
    // operator logs a warning and runs without Gateway API. (The chart's validate.yaml also wants l7Proxy
    // and an explicit kubeProxyReplacement: this library always renders both.)
    if (!c.kubeProxyReplacement) {
      throw invalidValue('gatewayApi', true, 'kubeProxyReplacement true with it: without it the operator switches Gateway API off at start-up (operator/pkg/gateway-api/cell.go)');
    }
    // The 1.20 chart forces bpf-lb-sock-hostns-only "true" with Gateway API (templates/cilium-configmap.yaml).
    if (c.version.atLeast(20) && c.socketLbHostNamespaceOnly === false) {
      throw invalidValue('socketLbHostNamespaceOnly', false, 'true or unset with gatewayApi on Cilium 1.20: the chart forces bpf-lb-sock-hostns-only "true" for Gateway API\'s per-backend weights');
    }
  }
}
