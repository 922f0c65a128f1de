import { Cidr, splitList } from './cidr';
import { IpFamily, addressBits } from './ip-family';
import { nodeSubnetCount } from './node-subnets';

/**
 * OVN-Kubernetes' cluster-subnet syntax `cidr/hostPrefix`, e.g. `10.254.0.0/16/24`: the cluster range
 * and the length of the subnet each node gets from it. A bare CIDR means the OVN default host prefix
 * (24 for IPv4, 64 for IPv6), and prints back bare, exactly as it was written.
 */
export class ClusterSubnet {
  /** Parses `10.254.0.0/16/24`, `fd00:10:254::/48/64`, or a bare CIDR. */
  public static parse(text: string): ClusterSubnet {
    if (typeof text !== 'string') {
      throw new Error(`invalid cluster subnet ${JSON.stringify(text)}: expected "cidr/hostPrefix" such as "10.254.0.0/16/24"`);
    }
    const parts = text.split('/');
    if (parts.length === 2) {
      return new ClusterSubnet(Cidr.parse(text), undefined);
    }
    if (parts.length !== 3) {
      throw new Error(`invalid cluster subnet "${text}": expected "cidr/hostPrefix" such as "10.254.0.0/16/24"`);
    }
    const cidrText = `${parts[0]}/${parts[1]}`;
    let cidr: Cidr;
    try {
      cidr = Cidr.parse(cidrText);
    } catch (e) {
      throw new Error(`invalid cluster subnet "${text}": ${(e as Error).message}`);
    }
    if (!/^(0|[1-9][0-9]{0,2})$/.test(parts[2])) {
      throw new Error(`invalid cluster subnet "${text}": host prefix "${parts[2]}" must be an integer`);
    }
    return ClusterSubnet.of(cidr, Number(parts[2]), text);
  }

  /** Parses OVN's comma-separated dual-stack form, e.g. `10.254.0.0/16/24,fd00:10:254::/48/64`. */
  public static parseList(text: string): ClusterSubnet[] {
    return splitList(text, 'cluster subnet list').map((item) => ClusterSubnet.parse(item));
  }

  /** Prints a list the way OVN-Kubernetes reads it: comma-separated, no spaces. */
  public static formatList(subnets: ClusterSubnet[]): string {
    return subnets.map((s) => s.toString()).join(',');
  }

  /**
   * A cluster subnet from a range and a host prefix.
   * @throws when the host prefix is not longer than the range's prefix or exceeds the address length
   */
  public static of(cidr: Cidr, hostPrefix: number, text?: string): ClusterSubnet {
    const shown = text ?? `${cidr.toString()}/${hostPrefix}`;
    const bits = addressBits(cidr.family);
    if (!Number.isInteger(hostPrefix) || hostPrefix <= cidr.prefix || hostPrefix > bits) {
      throw new Error(
        `invalid cluster subnet "${shown}": host prefix ${hostPrefix} must be longer than the cluster prefix ${cidr.prefix} and at most ${bits}`,
      );
    }
    // OVN-Kubernetes' ParseClusterSubnetEntries: "IPv6 only supports /64 host subnets".
    if (cidr.family === IpFamily.IPV6 && hostPrefix !== 64) {
      throw new Error(`invalid cluster subnet "${shown}": OVN-Kubernetes supports only /64 host subnets for IPv6, got /${hostPrefix}`);
    }
    return new ClusterSubnet(cidr, hostPrefix);
  }

  private constructor(
    /** The whole cluster range. */
    public readonly cidr: Cidr,
    private readonly explicitHostPrefix: number | undefined,
  ) {}

  /** The prefix length of each node's subnet (OVN's default when none was written). */
  public get hostPrefix(): number {
    return this.explicitHostPrefix ?? ClusterSubnet.defaultHostPrefix(this.cidr.family);
  }

  /** How many node subnets the range holds (capped at Number.MAX_SAFE_INTEGER for huge IPv6 ranges). */
  public get nodeSubnetCount(): number {
    return nodeSubnetCount(this.cidr.prefix, this.hostPrefix);
  }

  /** `cidr/hostPrefix`, or the bare CIDR when it was given bare. */
  public toString(): string {
    return this.explicitHostPrefix === undefined ? this.cidr.toString() : `${this.cidr.toString()}/${this.explicitHostPrefix}`;
  }

  /** OVN-Kubernetes' per-node default: /24 for IPv4, /64 for IPv6. */
  public static defaultHostPrefix(family: IpFamily): number {
    return family === IpFamily.IPV4 ? 24 : 64;
  }
}
