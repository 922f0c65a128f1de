import type { ImagePullPolicy } from 'cdk8s-plus-28';
import { checkImagePullPolicy } from '../common/image-pull-policy';
import { IpFamily } from '../addressing';
import { isDnsLabel } from '../util/k8s-names';
import { OVN_GENEVE_PORT } from '../common/cni-facts';
import { invalidValue, parseField } from '../common/field-error';
import { checkPort } from '../common/host';
import { checkMtu } from '../common/mtu';
import { ApiServerAddress } from './api-server-address';
import { OVN_IMAGES, imageReference } from './images';
import { IOvnAddressPlan, isOvnAddressPlan } from './ovn-address-plan';
import { DEFAULT_HOST_NETWORK_NAMESPACE, OVN_NAMESPACE } from './names';
import { OvnDeploymentMode, OvnSecondaryProps } from './ovn-secondary-props';

/** One family's OVN-internal subnets, as given by the address plan (IOvnAddressPlan). */
export interface FamilySubnets {
  readonly family: IpFamily;
  /** `v4` or `v6`: the prefix of the env vars and config keys. */
  readonly tag: 'v4' | 'v6';
  readonly join: string;
  readonly masquerade: string;
  readonly transit: string;
}

/** Validated, defaulted props: what the builders render. Internal. */
export interface OvnSettings {
  readonly mode: OvnDeploymentMode;
  readonly interconnect: boolean;
  readonly apiServer: ApiServerAddress;
  /**
   * The address plan, kept to read its `netCidr` (the decoy) at synth: an automatic decoy is chosen only when
   * every range of the cluster is known. The other ranges are read from it here, at construction.
   */
  readonly network: IOvnAddressPlan;
  readonly svcCidr: string;
  readonly subnets: FamilySubnets[];
  readonly mtu: number;
  readonly encapPort: number;
  readonly image: string;
  readonly imagePullPolicy: ImagePullPolicy;
  readonly hostNetworkNamespace: string;
  readonly secondaryCni: boolean;
  readonly persistentIps: boolean;
  readonly egressQos: boolean;
  /** Required labels of control-plane nodes; undefined: `node-role.kubernetes.io/control-plane` exists. */
  readonly controlPlaneNodeSelector?: Record<string, string>;
}

/** Checks every prop and applies the defaults; throws naming the prop, the value and what is valid. */
export function resolveSettings(props: OvnSecondaryProps): OvnSettings {
  // Checked in this order, so that of several bad props the first one here is reported.
  const network = checkRequired(props);
  const apiServer = parseField('apiServer', props.apiServer, ApiServerAddress.parse);
  const mode = checkMode(props.mode ?? OvnDeploymentMode.CENTRAL);
  const mtu = checkMtu('mtu', props.mtu ?? 1400, network.families.includes(IpFamily.IPV6));
  const encapPort = checkEncapPort(props.encapPort);
  const { image, imagePullPolicy } = resolveImage(props);
  const hostNetworkNamespace = checkHostNetworkNamespace(props.hostNetworkNamespace ?? DEFAULT_HOST_NETWORK_NAMESPACE);
  const egressQos = checkEgressQos(props.egressQos, network.secondaryCni);
  const interconnect = mode === OvnDeploymentMode.INTERCONNECT;
  return {
    mode,
    interconnect,
    apiServer,
    network,
    svcCidr: network.svcCidr,
    subnets: familySubnets(network),
    mtu,
    encapPort,
    image,
    imagePullPolicy,
    hostNetworkNamespace,
    secondaryCni: network.secondaryCni,
    persistentIps: flag('persistentIps', props.persistentIps, interconnect),
    egressQos,
    controlPlaneNodeSelector: checkNodeSelector('controlPlaneNodeSelector', props.controlPlaneNodeSelector),
  };
}

// Label syntax as kube-apiserver validates it (apimachinery validation.IsQualifiedName / IsValidLabelValue).
const LABEL_NAME = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;

function checkNodeSelector(field: string, selector: Record<string, string> | undefined): Record<string, string> | undefined {
  if (selector === undefined) return undefined;
  for (const [key, value] of Object.entries(selector)) {
    const prefix = key.includes('/') ? key.slice(0, key.indexOf('/')) : '';
    if (!LABEL_NAME.test(key) || prefix.length > 253) {
      throw invalidValue(`${field}`, key, 'label keys as Kubernetes validates them: an optional DNS-subdomain prefix and "/", then up to 63 alphanumerics, "-", "_" or "." starting and ending alphanumeric');
    }
    if (typeof value !== 'string' || !LABEL_VALUE.test(value)) {
      throw invalidValue(`${field}.${key}`, value, 'a label value: up to 63 alphanumerics, "-", "_" or ".", starting and ending alphanumeric (or empty)');
    }
  }
  return selector;
}

/** The props object, its address plan and the api server are required; returns the plan. */
function checkRequired(props: OvnSecondaryProps): IOvnAddressPlan {
  if (props === undefined || props === null || typeof props !== 'object') {
    throw invalidValue('props', props, 'an OvnSecondaryProps object with at least network and apiServer');
  }
  const network = props.network;
  if (!isOvnAddressPlan(network)) {
    throw invalidValue('network', network, 'an IOvnAddressPlan such as a DeceptiveNetworkConfig');
  }
  if (props.apiServer === undefined) {
    throw invalidValue('apiServer', props.apiServer, 'the api server\'s url, such as "https://172.18.0.2:6443" (OVN-Kubernetes cannot discover it)');
  }
  return network;
}

function checkMode(mode: OvnDeploymentMode): OvnDeploymentMode {
  if (!Object.values(OvnDeploymentMode).includes(mode)) {
    throw invalidValue('mode', mode, 'OvnDeploymentMode.CENTRAL or OvnDeploymentMode.INTERCONNECT ("central" or "interconnect" in a values file)');
  }
  return mode;
}

function checkEncapPort(given: number | undefined): number {
  return given === undefined ? OVN_GENEVE_PORT : checkPort('encapPort', given);
}

function resolveImage(props: OvnSecondaryProps): { image: string; imagePullPolicy: ImagePullPolicy } {
  const image = imageReference(
    props.imageRepository ?? OVN_IMAGES.ovnKubernetes.repository,
    props.imageTag ?? OVN_IMAGES.ovnKubernetes.tag,
  );
  return { image, imagePullPolicy: checkImagePullPolicy('imagePullPolicy', props.imagePullPolicy) };
}

function checkHostNetworkNamespace(hostNetworkNamespace: string): string {
  if (!isDnsLabel(hostNetworkNamespace)) {
    throw invalidValue('hostNetworkNamespace', hostNetworkNamespace, 'a namespace name (lowercase letters, digits and "-", at most 63)');
  }
  if (hostNetworkNamespace === OVN_NAMESPACE) {
    throw invalidValue('hostNetworkNamespace', hostNetworkNamespace, `a namespace other than "${OVN_NAMESPACE}", where OVN-Kubernetes itself runs`);
  }
  return hostNetworkNamespace;
}

function checkEgressQos(given: boolean | undefined, secondaryCni: boolean): boolean {
  const egressQos = flag('egressQos', given, false);
  if (egressQos && secondaryCni) {
    throw invalidValue('egressQos', egressQos,
      'false while network.secondaryCni is true (or secondaryCni false): with the secondary-CNI option OVN-Kubernetes skips the address sets of default-network pods, and an EgressQoS object then probably panics ovnkube on a nil address set');
  }
  return egressQos;
}

/** One entry per family of the plan, with that family's OVN-internal subnets. */
function familySubnets(network: IOvnAddressPlan): FamilySubnets[] {
  return network.families.map((family) => ({
    family,
    tag: family === IpFamily.IPV4 ? 'v4' : 'v6',
    join: required(network, network.joinSubnet(family), 'join', family),
    masquerade: required(network, network.masqueradeSubnet(family), 'masquerade', family),
    transit: required(network, network.transitSubnet(family), 'transit', family),
  }));
}

function flag(field: string, value: boolean | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') {
    throw invalidValue(field, value, 'true or false');
  }
  return value;
}

// An IOvnAddressPlan gives one subnet per family (DeceptiveNetworkConfig guarantees it); this only guards against a broken invariant.
function required(network: IOvnAddressPlan, value: string | undefined, what: string, family: IpFamily): string {
  if (value === undefined) {
    throw invalidValue('network', network, `an address plan with an ${family} ${what} subnet, as the cluster has ${family}`);
  }
  return value;
}
