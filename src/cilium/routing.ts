/** How pod traffic crosses between nodes (`routing-mode` in cilium-config). */
export enum RoutingMode {
  /** Encapsulated in a VXLAN or Geneve tunnel between nodes (upstream default). */
  TUNNEL = 'tunnel',
  /** Routed natively: the network between the nodes must route the pod ranges. */
  NATIVE = 'native',
}

/** The encapsulation of `RoutingMode.TUNNEL` (`tunnel-protocol` in cilium-config). */
export enum TunnelProtocol {
  /** VXLAN, UDP 8472 by default (upstream default). */
  VXLAN = 'vxlan',
  /** Geneve, UDP 6081 by default: also OVN-Kubernetes' default Geneve port (see `tunnelPort`). */
  GENEVE = 'geneve',
}
