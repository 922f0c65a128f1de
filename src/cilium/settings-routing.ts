import { Cidr, IpFamily } from '../addressing';
import { CILIUM_GENEVE_PORT, CILIUM_VXLAN_PORT } from '../common/cni-facts';
import { invalidValue, parseField, quotedChoice, showValue } from '../common/field-error';
import { checkPort } from '../common/host';
import { CiliumPrimaryProps } from './cilium-primary-props';
import { CiliumVersion } from './cilium-version';
import { RoutingMode, TunnelProtocol } from './routing';

/** How pod traffic crosses between nodes. */
export interface RoutingSettings {
  readonly routingMode: RoutingMode;
  readonly tunnelProtocol?: TunnelProtocol;
  readonly tunnelPort?: number;
  readonly ipv4NativeRoutingCidr?: Cidr;
  readonly ipv6NativeRoutingCidr?: Cidr;
  readonly autoDirectNodeRoutes: boolean;
}

/** Routing mode, tunnel and native-routing ranges, checked against each other and the pod ranges. */
export function resolveRouting(props: CiliumPrimaryProps, version: CiliumVersion, podCidrs: Cidr[]): RoutingSettings {
  const routingMode = props.routingMode ?? RoutingMode.TUNNEL;
  if (!Object.values(RoutingMode).includes(routingMode)) {
    throw invalidValue('routingMode', routingMode, quotedChoice(Object.values(RoutingMode)));
  }
  const native = routingMode === RoutingMode.NATIVE;
  return {
    routingMode,
    ...resolveTunnel(props, routingMode, version),
    ipv4NativeRoutingCidr: nativeRoutingCidr('ipv4NativeRoutingCidr', props.ipv4NativeRoutingCidr, IpFamily.IPV4, podCidrs, native),
    ipv6NativeRoutingCidr: nativeRoutingCidr('ipv6NativeRoutingCidr', props.ipv6NativeRoutingCidr, IpFamily.IPV6, podCidrs, native),
    autoDirectNodeRoutes: resolveAutoDirectNodeRoutes(props.autoDirectNodeRoutes, native),
  };
}

/**
 * As the chart: tunnel-protocol/-port are rendered whenever given; the protocol defaults to VXLAN only
 * for tunnel routing (native routing can still use it, e.g. for DSR). From 1.18 on the chart renders the
 * protocol with native routing too. Whether the port is free of OVN-Kubernetes' Geneve is an App-wide
 * fact, checked at synth (common/tunnel-ports).
 */
function resolveTunnel(props: CiliumPrimaryProps, routingMode: RoutingMode, version: CiliumVersion): { tunnelProtocol?: TunnelProtocol; tunnelPort?: number } {
  const tunnelProtocol = props.tunnelProtocol ?? (routingMode === RoutingMode.TUNNEL || version.atLeast(18) ? TunnelProtocol.VXLAN : undefined);
  if (tunnelProtocol !== undefined && !Object.values(TunnelProtocol).includes(tunnelProtocol)) {
    throw invalidValue('tunnelProtocol', tunnelProtocol, quotedChoice(Object.values(TunnelProtocol)));
  }
  const tunnelPort = props.tunnelPort === undefined ? undefined : checkPort('tunnelPort', props.tunnelPort);
  return { tunnelProtocol, tunnelPort };
}

/**
 * The UDP port the agent's tunnel device binds on every node, and how it was reached: `tunnelPort` if
 * given, else the protocol's default (cilium/cilium pkg/datapath/tunnel newConfig). Native routing binds
 * none: the agent creates a tunnel device only when a feature asks for one, and of those CiliumPrimary
 * renders only routing-mode tunnel.
 */
export function tunnelDevicePort(routing: RoutingSettings): { port?: number; source: string } {
  if (routing.routingMode !== RoutingMode.TUNNEL) return { source: 'native routing, no tunnel' };
  if (routing.tunnelPort !== undefined) return { port: routing.tunnelPort, source: 'set' };
  const protocol = routing.tunnelProtocol ?? TunnelProtocol.VXLAN;
  return { port: protocol === TunnelProtocol.GENEVE ? CILIUM_GENEVE_PORT : CILIUM_VXLAN_PORT, source: `the ${protocol} default` };
}

/**
 * The native-routing CIDR of a family: required with native routing when the family is in use (Cilium
 * needs it to know what not to masquerade; masquerading is on by default), and must hold the family's pod ranges.
 */
function nativeRoutingCidr(field: string, text: string | undefined, family: IpFamily, podCidrs: Cidr[], required: boolean): Cidr | undefined {
  const podCidrsOfFamily = podCidrs.filter((cidr) => cidr.family === family);
  if (podCidrsOfFamily.length === 0) {
    if (text !== undefined) {
      throw invalidValue(field, text, `no ${family} range: the pod ranges ${showValue(podCidrs.map(String))} have no ${family}`);
    }
    return undefined;
  }
  if (text === undefined) {
    if (!required) return undefined;
    throw new Error(`${field}: required with routingMode native: the ${family} range reached without masquerading, containing the pod ranges ${showValue(podCidrsOfFamily.map(String))}`);
  }
  const cidr = parseField(field, text, Cidr.parse);
  if (cidr.family !== family) throw invalidValue(field, text, `an ${family} cidr`);
  const outside = podCidrsOfFamily.filter((podCidr) => !cidr.contains(podCidr));
  if (outside.length > 0) {
    throw invalidValue(field, text, `a range containing the pod ranges, but ${outside.map(String).join(', ')} is outside it: pod-to-pod traffic would be masqueraded`);
  }
  return cidr;
}

/**
 * The agent refuses to start with auto-direct-node-routes and tunneling (daemon/cmd/daemon_main.go,
 * cilium/cilium: "auto-direct-node-routes cannot be used with tunneling. Packets must be routed through
 * the tunnel device.").
 */
function resolveAutoDirectNodeRoutes(given: boolean | undefined, native: boolean): boolean {
  const autoDirectNodeRoutes = given ?? false;
  if (typeof autoDirectNodeRoutes !== 'boolean') throw invalidValue('autoDirectNodeRoutes', autoDirectNodeRoutes, 'true or false');
  if (autoDirectNodeRoutes && !native) {
    throw invalidValue('autoDirectNodeRoutes', true, 'routingMode native with it: the agent refuses auto-direct-node-routes with tunneling (packets must go through the tunnel device)');
  }
  return autoDirectNodeRoutes;
}
