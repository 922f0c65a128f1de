import { showValue } from '../common/field-error';

/** An OVN-Kubernetes secondary network topology (NAD `topology`). */
export class OvnTopology {
  /** A routed network: one subnet per node carved from `cidr/hostPrefix`, like the cluster network. */
  public static readonly LAYER3 = new OvnTopology('layer3');
  /** One logical switch spanning all nodes: plain CIDRs (or none, for no IPAM). */
  public static readonly LAYER2 = new OvnTopology('layer2');
  /** A logical switch bridged to a physical network on each node (`ovn-bridge-mappings`), optionally VLAN-tagged. */
  public static readonly LOCALNET = new OvnTopology('localnet');

  /** The topology named by `text` (`layer3`, `layer2`, `localnet`). */
  public static of(text: string): OvnTopology {
    const found = [OvnTopology.LAYER3, OvnTopology.LAYER2, OvnTopology.LOCALNET].find((t) => t.name === text);
    if (!found) throw new Error(`invalid topology ${showValue(text)}: expected "layer3", "layer2" or "localnet"`);
    return found;
  }

  private constructor(
    /** The value OVN-Kubernetes reads. */
    public readonly name: string,
  ) {}
}

/** The role of an OVN-Kubernetes network for the pods attached to it (NAD `role`). */
export class NetworkRole {
  /** An extra interface beside the pod's default network. */
  public static readonly SECONDARY = new NetworkRole('secondary');
  /** The pod's primary network (user-defined network segmentation); layer3 and layer2 only. */
  public static readonly PRIMARY = new NetworkRole('primary');

  /** The role named by `text` (`secondary`, `primary`). */
  public static of(text: string): NetworkRole {
    const found = [NetworkRole.SECONDARY, NetworkRole.PRIMARY].find((r) => r.name === text);
    if (!found) throw new Error(`invalid role ${showValue(text)}: expected "secondary" or "primary"`);
    return found;
  }

  private constructor(
    /** The value OVN-Kubernetes reads. */
    public readonly name: string,
  ) {}
}
