/** The pod ranges and per-node mask sizes of Cilium's cluster-pool IPAM. */
export interface ClusterPoolOptions {
  /**
   * The pools the operator carves node ranges from, IPv4 and/or IPv6 (Helm
   * `ipam.operator.clusterPoolIPv4PodCIDRList` / `clusterPoolIPv6PodCIDRList`). The families given are
   * the families Cilium runs with. Required: upstream's default `10.0.0.0/8` contains kubeadm's and
   * kind's service range (10.96.0.0/12), which Cilium does not check.
   */
  readonly podCidrs: string[];
  /**
   * Length of the IPv4 range each node gets (`cluster-pool-ipv4-mask-size`).
   * @default 24 (as upstream)
   */
  readonly ipv4MaskSize?: number;
  /**
   * Length of the IPv6 range each node gets (`cluster-pool-ipv6-mask-size`).
   * @default 120 (as upstream)
   */
  readonly ipv6MaskSize?: number;
}

/**
 * How the Cilium agent gets pod addresses (`ipam` in cilium-config). Enum-like class so the API
 * compiles with jsii.
 */
export class IpamMode {
  /**
   * Each node's `spec.podCIDR(s)`, allocated by kube-controller-manager from the cluster's podSubnet
   * (`--cluster-cidr`); as in the seed. Give that podSubnet as `CiliumPrimaryProps.podCidrs`.
   */
  public static readonly KUBERNETES = new IpamMode('kubernetes');

  /** The Cilium operator allocates each node a range of `podCidrs` (`ipam: cluster-pool`). */
  public static clusterPool(options: ClusterPoolOptions): IpamMode {
    return new IpamMode('cluster-pool', options);
  }

  private constructor(
    /** The `ipam` value of cilium-config. */
    public readonly mode: string,
    /** The cluster-pool settings, for `IpamMode.clusterPool()`. */
    public readonly clusterPoolOptions?: ClusterPoolOptions,
  ) {}

  public toString(): string {
    return this.mode;
  }
}
