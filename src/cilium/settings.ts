import { ImagePullPolicy } from 'cdk8s-plus-28';
import { Cidr, IpFamily } from '../addressing';
import { parseField } from '../common/field-error';
import { CiliumPrimaryProps } from './cilium-primary-props';
import { HubbleTls } from './hubble-tls';
import { CiliumVersion } from './cilium-version';
import { CiliumImages } from './images';
import { IpamMode } from './ipam-mode';
import { RoutingMode, TunnelProtocol } from './routing';
import { CILIUM_VXLAN_PORT, OVN_GENEVE_PORT } from '../common/cni-facts';
import { isImageReference } from '../util/image-reference';

/** The props, checked and with every default applied. */
export interface CiliumSettings {
  readonly version: CiliumVersion;
  readonly ipamMode: string;
  /** The pod ranges Cilium allocates from: `podCidrs` (kubernetes) or the pools (cluster-pool). */
  readonly podCidrs: Cidr[];
  readonly ipv4MaskSize?: number;
  readonly ipv6MaskSize?: number;
  readonly ipv4: boolean;
  readonly ipv6: boolean;
  readonly cniExclusive: boolean;
  readonly routingMode: RoutingMode;
  readonly tunnelProtocol?: TunnelProtocol;
  readonly tunnelPort?: number;
  readonly ipv4NativeRoutingCidr?: Cidr;
  readonly ipv6NativeRoutingCidr?: Cidr;
  readonly autoDirectNodeRoutes: boolean;
  readonly kubeProxyReplacement: boolean;
  readonly k8sServiceHost?: string;
  readonly k8sServicePort?: number;
  readonly socketLbHostNamespaceOnly?: boolean;
  readonly devices?: string[];
  readonly clusterName: string;
  readonly clusterId: number;
  readonly operatorReplicas: number;
  readonly imagePullPolicy: string;
  readonly images: { readonly agent: string; readonly operator: string; readonly envoy: string; readonly certgen: string };
  readonly hubbleTls: boolean;
  readonly certgenSchedule: string;
  readonly certValidityDays: number;
}

/** Checks every prop (throwing on the first bad one) and applies the defaults. */
export function resolveSettings(props: CiliumPrimaryProps): CiliumSettings {
  const version = props.version ?? CiliumVersion.V1_16_7;
  if (!(version instanceof CiliumVersion)) {
    throw new Error(`cilium: version must be one of ${CiliumVersion.all().map((v) => `CiliumVersion.V${v.version.replace(/\./g, '_')}`).join(', ')}, got ${JSON.stringify(version)}`);
  }
  const ipam = props.ipam ?? IpamMode.KUBERNETES;
  if (!(ipam instanceof IpamMode)) {
    throw new Error(`cilium: ipam must be IpamMode.KUBERNETES or IpamMode.clusterPool({...}), got ${JSON.stringify(ipam)}`);
  }
  const pool = ipam.clusterPoolOptions;
  let podCidrs: Cidr[];
  let ipv4MaskSize: number | undefined;
  let ipv6MaskSize: number | undefined;
  if (pool) {
    if (props.podCidrs !== undefined) {
      throw new Error(`cilium: podCidrs ${JSON.stringify(props.podCidrs)} only applies to IpamMode.KUBERNETES; with cluster-pool IPAM the pools of IpamMode.clusterPool({ podCidrs }) are the pod ranges`);
    }
    podCidrs = cidrList('ipam.clusterPool.podCidrs', pool.podCidrs, false);
    ipv4MaskSize = maskSize('ipam.clusterPool.ipv4MaskSize', pool.ipv4MaskSize, 24, IpFamily.IPV4, podCidrs);
    ipv6MaskSize = maskSize('ipam.clusterPool.ipv6MaskSize', pool.ipv6MaskSize, 120, IpFamily.IPV6, podCidrs);
  } else {
    podCidrs = cidrList('podCidrs', props.podCidrs ?? ['10.244.0.0/16'], true);
  }
  const ipv4 = podCidrs.some((c) => c.family === IpFamily.IPV4);
  const ipv6 = podCidrs.some((c) => c.family === IpFamily.IPV6);

  const routingMode = props.routingMode ?? RoutingMode.TUNNEL;
  if (!Object.values(RoutingMode).includes(routingMode)) {
    throw new Error(`cilium: routingMode must be RoutingMode.TUNNEL or RoutingMode.NATIVE, got ${JSON.stringify(routingMode)}`);
  }
  // As the chart: tunnel-protocol/-port and the native-routing CIDRs are rendered whenever given; the
  // protocol defaults to VXLAN only for tunnel routing (native routing can still use it, e.g. for DSR).
  // From 1.18 on the chart renders the protocol with native routing too.
  const tunnelProtocol = props.tunnelProtocol ?? (routingMode === RoutingMode.TUNNEL || version.atLeast(18) ? TunnelProtocol.VXLAN : undefined);
  if (tunnelProtocol !== undefined && !Object.values(TunnelProtocol).includes(tunnelProtocol)) {
    throw new Error(`cilium: tunnelProtocol must be TunnelProtocol.VXLAN or TunnelProtocol.GENEVE, got ${JSON.stringify(tunnelProtocol)}`);
  }
  if (props.tunnelPort !== undefined) checkPort('tunnelPort', props.tunnelPort);
  if (tunnelProtocol !== undefined || props.tunnelPort !== undefined) {
    const port = props.tunnelPort ?? (tunnelProtocol === TunnelProtocol.GENEVE ? OVN_GENEVE_PORT : CILIUM_VXLAN_PORT);
    if (port === OVN_GENEVE_PORT) {
      const given = props.tunnelPort === undefined ? `tunnelProtocol ${tunnelProtocol} without tunnelPort uses` : `tunnelPort ${port} is`;
      throw new Error(`cilium: ${given} UDP ${OVN_GENEVE_PORT}, which OVN-Kubernetes' Geneve tunnel already binds on every node; set tunnelPort to a free port (e.g. 6082) or use TunnelProtocol.VXLAN (UDP ${CILIUM_VXLAN_PORT})`);
    }
  }
  const native = routingMode === RoutingMode.NATIVE;
  const ipv4NativeRoutingCidr = nativeRoutingCidr('ipv4NativeRoutingCidr', props.ipv4NativeRoutingCidr, IpFamily.IPV4, podCidrs, native);
  const ipv6NativeRoutingCidr = nativeRoutingCidr('ipv6NativeRoutingCidr', props.ipv6NativeRoutingCidr, IpFamily.IPV6, podCidrs, native);

  // The agent refuses to start with both (daemon/cmd/daemon_main.go, cilium/cilium: "auto-direct-node-routes
  // cannot be used with tunneling. Packets must be routed through the tunnel device.").
  const autoDirectNodeRoutes = props.autoDirectNodeRoutes ?? false;
  if (typeof autoDirectNodeRoutes !== 'boolean') {
    throw new Error(`cilium: autoDirectNodeRoutes must be true or false, got ${JSON.stringify(autoDirectNodeRoutes)}`);
  }
  if (autoDirectNodeRoutes && !native) {
    throw new Error('cilium: autoDirectNodeRoutes true needs RoutingMode.NATIVE, got routingMode tunnel: the agent refuses auto-direct-node-routes with tunneling (packets must go through the tunnel device)');
  }

  const kubeProxyReplacement = props.kubeProxyReplacement ?? false;
  const host = props.k8sServiceHost;
  const port = props.k8sServicePort;
  if ((host === undefined) !== (port === undefined)) {
    throw new Error(`cilium: k8sServiceHost and k8sServicePort must be set together, got k8sServiceHost ${JSON.stringify(host)} and k8sServicePort ${JSON.stringify(port)}`);
  }
  if (host !== undefined) checkHost(host);
  if (port !== undefined) checkPort('k8sServicePort', port);
  if (kubeProxyReplacement && host === undefined) {
    throw new Error('cilium: kubeProxyReplacement true needs k8sServiceHost and k8sServicePort: without kube-proxy the agent cannot reach the API server through the kubernetes Service');
  }

  const devices = props.devices;
  if (devices !== undefined) {
    if (!Array.isArray(devices) || devices.length === 0) {
      throw new Error(`cilium: devices must be a non-empty list of interface names such as ["eth0"], got ${JSON.stringify(devices)}`);
    }
    devices.forEach((d, i) => {
      // Linux interface names: 1-15 bytes, no whitespace or '/'; Cilium also accepts a trailing '+' wildcard.
      if (typeof d !== 'string' || !/^[A-Za-z0-9_.:@-]{1,15}\+?$/.test(d)) {
        throw new Error(`cilium: devices[${i}] must be a network interface name (1-15 letters, digits, "_.:@-", optional trailing "+"), got ${JSON.stringify(d)}`);
      }
    });
  }

  const clusterName = props.clusterName ?? 'default';
  if (typeof clusterName !== 'string' || clusterName.length > 32 || !/^([a-z0-9][-a-z0-9]*)?[a-z0-9]$/.test(clusterName)) {
    throw new Error(`cilium: clusterName must be at most 32 lowercase letters, digits and "-", starting and ending with a letter or digit, got ${JSON.stringify(clusterName)}`);
  }
  const clusterId = props.clusterId ?? 0;
  if (!Number.isInteger(clusterId) || clusterId < 0 || clusterId > 255) {
    throw new Error(`cilium: clusterId must be an integer from 0 to 255, got ${JSON.stringify(clusterId)}`);
  }
  if (clusterName === 'default' && clusterId !== 0) {
    throw new Error(`cilium: clusterId ${clusterId} needs a clusterName other than "default" (Cluster Mesh tells clusters apart by name)`);
  }

  const operatorReplicas = props.operatorReplicas ?? 2;
  if (!Number.isInteger(operatorReplicas) || operatorReplicas < 1) {
    throw new Error(`cilium: operatorReplicas must be an integer >= 1, got ${JSON.stringify(operatorReplicas)}`);
  }

  const imagePullPolicy = props.imagePullPolicy ?? ImagePullPolicy.IF_NOT_PRESENT;
  if (!Object.values(ImagePullPolicy).includes(imagePullPolicy)) {
    throw new Error(`cilium: imagePullPolicy must be one of ${Object.values(ImagePullPolicy).join(', ')}, got ${JSON.stringify(imagePullPolicy)}`);
  }

  const registry = props.imageRegistry ?? CiliumImages.DEFAULT_REGISTRY;
  if (typeof registry !== 'string' || !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?(\/[a-z0-9]+([._-]+[a-z0-9]+)*)*$/.test(registry)) {
    throw new Error(`cilium: imageRegistry must be a registry host with optional port and path, without a trailing "/", such as "registry.example.com/cilium", got ${JSON.stringify(registry)}`);
  }
  const image = (field: string, given: string | undefined, upstream: string) => {
    if (given === undefined) return registry === CiliumImages.DEFAULT_REGISTRY ? upstream : CiliumImages.inRegistry(upstream, registry);
    checkImage(field, given);
    return given;
  };
  const images = {
    agent: image('agentImage', props.agentImage, version.images.agent),
    operator: image('operatorImage', props.operatorImage, version.images.operator),
    envoy: image('envoyImage', props.envoyImage, version.images.envoy),
    certgen: image('certgenImage', props.certgenImage, version.images.certgen),
  };

  const tls = props.hubbleTls ?? HubbleTls.CRON_JOB;
  if (!(tls instanceof HubbleTls)) {
    throw new Error(`cilium: hubbleTls must be HubbleTls.CRON_JOB, HubbleTls.cronJob({...}) or HubbleTls.DISABLED, got ${JSON.stringify(tls)}`);
  }
  const certgenSchedule = tls.certGen?.schedule ?? '0 0 1 */4 *';
  if (typeof certgenSchedule !== 'string' || !/^\S+( \S+){4}$/.test(certgenSchedule)) {
    throw new Error(`cilium: hubbleTls schedule must be a cron expression of five space-separated fields such as "0 0 1 */4 *", got ${JSON.stringify(certgenSchedule)}`);
  }
  const certValidityDays = tls.certGen?.certValidityDays ?? 365;
  if (!Number.isInteger(certValidityDays) || certValidityDays < 1) {
    throw new Error(`cilium: hubbleTls certValidityDays must be an integer >= 1, got ${JSON.stringify(certValidityDays)}`);
  }

  return {
    version,
    ipamMode: ipam.mode,
    podCidrs,
    ipv4MaskSize: ipv4 ? ipv4MaskSize : undefined,
    ipv6MaskSize: ipv6 ? ipv6MaskSize : undefined,
    ipv4,
    ipv6,
    cniExclusive: props.cniExclusive ?? false,
    routingMode,
    tunnelProtocol,
    tunnelPort: props.tunnelPort,
    ipv4NativeRoutingCidr,
    ipv6NativeRoutingCidr,
    autoDirectNodeRoutes,
    kubeProxyReplacement,
    k8sServiceHost: host,
    k8sServicePort: port,
    socketLbHostNamespaceOnly: props.socketLbHostNamespaceOnly,
    devices: devices ? [...devices] : undefined,
    clusterName,
    clusterId,
    operatorReplicas,
    imagePullPolicy,
    images,
    hubbleTls: tls.enabled,
    certgenSchedule,
    certValidityDays,
  };
}

/** A list of CIDRs; with `perFamily`, one or two entries of different families. */
function cidrList(field: string, texts: string[], perFamily: boolean): Cidr[] {
  if (!Array.isArray(texts) || texts.length === 0) {
    throw new Error(`cilium: ${field} must be a non-empty list of cidrs such as ["10.244.0.0/16"], got ${JSON.stringify(texts)}`);
  }
  const cidrs = texts.map((t, i) => parseField(`cilium: ${field}[${i}]`, t, Cidr.parse));
  if (perFamily && (cidrs.length > 2 || (cidrs.length === 2 && cidrs[0].family === cidrs[1].family))) {
    throw new Error(`cilium: ${field} must hold one cidr per family (IPv4, IPv6 or one of each), got ${JSON.stringify(texts)}`);
  }
  return cidrs;
}

/** The per-node mask size of one family; only given when the pools have that family. */
function maskSize(field: string, given: number | undefined, upstream: number, family: IpFamily, pools: Cidr[]): number | undefined {
  const ofFamily = pools.filter((c) => c.family === family);
  if (ofFamily.length === 0) {
    if (given !== undefined) {
      throw new Error(`cilium: ${field} ${given} needs an ${family} cidr in ipam.clusterPool.podCidrs, got ${JSON.stringify(pools.map(String))}`);
    }
    return undefined;
  }
  const size = given ?? upstream;
  const bits = family === IpFamily.IPV4 ? 32 : 128;
  const widest = Math.max(...ofFamily.map((c) => c.prefix));
  if (!Number.isInteger(size) || size <= widest || size > bits) {
    throw new Error(`cilium: ${field} must be an integer longer than every ${family} pool's prefix (/${widest}) and at most ${bits}, got ${JSON.stringify(size)}`);
  }
  return size;
}

/**
 * The native-routing CIDR of a family: required with native routing when the family is in use (Cilium
 * needs it to know what not to masquerade; masquerading is on by default), and must hold the family's pod ranges.
 */
function nativeRoutingCidr(field: string, text: string | undefined, family: IpFamily, podCidrs: Cidr[], required: boolean): Cidr | undefined {
  const pods = podCidrs.filter((c) => c.family === family);
  if (pods.length === 0) {
    if (text !== undefined) {
      throw new Error(`cilium: ${field} "${text}" given but the pod ranges ${JSON.stringify(podCidrs.map(String))} have no ${family}`);
    }
    return undefined;
  }
  if (text === undefined) {
    if (!required) return undefined;
    throw new Error(`cilium: RoutingMode.NATIVE needs ${field}: the ${family} range reached without masquerading, containing the pod ranges ${JSON.stringify(pods.map(String))}`);
  }
  const cidr = parseField(`cilium: ${field}`, text, Cidr.parse);
  if (cidr.family !== family) {
    throw new Error(`cilium: ${field} must be an ${family} cidr, got "${text}"`);
  }
  const outside = pods.filter((p) => !cidr.contains(p));
  if (outside.length > 0) {
    throw new Error(`cilium: ${field} "${text}" must contain the pod ranges, but ${outside.map(String).join(', ')} is outside it: pod-to-pod traffic would be masqueraded`);
  }
  return cidr;
}

function checkPort(field: string, port: number): void {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`cilium: ${field} must be an integer from 1 to 65535, got ${JSON.stringify(port)}`);
  }
}

function checkHost(host: string): void {
  const ipv4 = /^(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}$/;
  const ipv6 = /^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*$/;
  const dns = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$/;
  const looksNumeric = /^[0-9.]+$/.test(host ?? '');
  if (typeof host !== 'string' || !(ipv4.test(host) || (!looksNumeric && dns.test(host)) || (host.includes(':') && ipv6.test(host)))) {
    throw new Error(`cilium: k8sServiceHost must be an IP address or DNS name of the API server (no scheme, port or brackets), such as "172.18.0.2", got ${JSON.stringify(host)}`);
  }
}

/** An image reference with a tag and/or digest. */
function checkImage(field: string, ref: string): void {
  if (!isImageReference(ref, true)) {
    throw new Error(`cilium: ${field} must be an image reference with a tag and/or digest, such as "registry.example.com/cilium/cilium:v1.16.7@sha256:…", got ${JSON.stringify(ref)}`);
  }
}
