/**
 * What an address range is for. Enum-like class (not a union) so the API compiles with jsii;
 * `RangeRole.custom()` covers roles this library does not know.
 */
export class RangeRole {
  /** Addresses of the nodes themselves (e.g. kind's docker network). */
  public static readonly NODE_NETWORK = new RangeRole('node network');
  /** The cluster's Service CIDR (kube-apiserver `--service-cluster-ip-range`). */
  public static readonly SERVICE = new RangeRole('service');
  /** The primary pod network, owned by the primary CNI (Cilium). */
  public static readonly PRIMARY_POD = new RangeRole('primary pod');
  /** The decoy pod network given to OVN-Kubernetes as `net_cidr` so it never claims Cilium's addresses. */
  public static readonly DECOY_POD = new RangeRole('decoy pod');
  /** OVN-Kubernetes' join subnet between gateway routers and the cluster router. */
  public static readonly OVN_JOIN = new RangeRole('ovn join');
  /** OVN-Kubernetes' transit switch subnet (interconnect mode). */
  public static readonly OVN_TRANSIT = new RangeRole('ovn transit');
  /** OVN-Kubernetes' masquerade subnet for host-to-service traffic. */
  public static readonly OVN_MASQUERADE = new RangeRole('ovn masquerade');
  /** A subnet of a secondary network (a NetworkAttachmentDefinition). */
  public static readonly SECONDARY_NETWORK = new RangeRole('secondary network', true);
  /**
   * A pool of LoadBalancer Service addresses (Cilium's `CiliumLoadBalancerIPPool`, MetalLB's
   * `IPAddressPool`). Per pool: two pools claiming the same block are two claims.
   */
  public static readonly LOAD_BALANCER = new RangeRole('load balancer', true);
  /** An address pod traffic leaves the cluster from (Cilium's egress gateway `egressIP`). */
  public static readonly EGRESS_IP = new RangeRole('egress ip');

  /** A role this library has no constant for. */
  public static custom(name: string): RangeRole {
    if (!/^[a-z0-9][a-z0-9 ._-]*$/.test(name ?? '')) {
      throw new Error(`invalid range role "${name}": use lowercase letters, digits, spaces, ".", "_" or "-"`);
    }
    return new RangeRole(name);
  }

  private constructor(
    /** The role's name, as shown in messages. */
    public readonly name: string,
    /**
     * Whether ranges of this role belong to a named network: the same range registered under two names
     * is then two claims (two networks), not one range seen twice.
     */
    public readonly perNetwork: boolean = false,
  ) {}

  public toString(): string {
    return this.name;
  }
}
