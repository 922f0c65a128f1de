import { AddressPlan, Cidr, ClusterSubnet, IpFamily, chooseDecoy } from '../addressing';
import { invalidValue, parseField } from '../common/field-error';

/** Options for a decoy chosen automatically from free space. */
export interface AutomaticDecoyOptions {
  /**
   * Size of the IPv4 decoy range.
   * @default 16
   */
  readonly ipv4Prefix?: number;
  /**
   * Per-node subnet length of the IPv4 decoy.
   * @default 24
   */
  readonly ipv4HostPrefix?: number;
  /**
   * IPv4 candidates, searched in order.
   * @default ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']
   */
  readonly ipv4Pool?: string[];
  /**
   * Size of the IPv6 decoy range.
   * @default 48
   */
  readonly ipv6Prefix?: number;
  /**
   * Per-node subnet length of the IPv6 decoy (OVN-Kubernetes supports /64 only).
   * @default 64
   */
  readonly ipv6HostPrefix?: number;
  /**
   * IPv6 candidates, searched in order.
   * @default ['fd00::/8']
   */
  readonly ipv6Pool?: string[];
}

/**
 * The decoy pod range OVN-Kubernetes gets as `net_cidr`: named by the user, or chosen from free space.
 */
export abstract class DecoyNetwork {
  /** The seed's decoy, `10.254.0.0/16/24`. */
  public static seed(): DecoyNetwork {
    return DecoyNetwork.fixed('10.254.0.0/16/24');
  }

  /** A decoy given in OVN's syntax, comma-separated for dual-stack: `10.254.0.0/16/24,fd00:10:254::/48/64`. */
  public static fixed(clusterSubnets: string): DecoyNetwork {
    return new FixedDecoy(parseField('decoy', clusterSubnets, (t) => ClusterSubnet.parseList(t)));
  }

  /** A decoy chosen deterministically: the first free block of each family in the pool. */
  public static automatic(options: AutomaticDecoyOptions = {}): DecoyNetwork {
    return new AutomaticDecoy(options);
  }

  /**
   * A decoy that `DecoyNetwork.automatic()` chose in an earlier synth, read back from its output
   * (`StagedOutput.previousDecoy(dir)`): kept where it is, so pods' OVN-Kubernetes addresses do not move when
   * ranges are added. It is never moved silently: a range that now overlaps it is refused; choose again
   * with `automatic()` (synth: `--redecoy`) or name a decoy with `fixed()`.
   */
  public static kept(clusterSubnets: string): DecoyNetwork {
    return new KeptDecoy(parseField('decoy', clusterSubnets, (t) => ClusterSubnet.parseList(t)));
  }

  /** @internal resolves the decoy for these families against the ranges already in the plan */
  public abstract _resolve(plan: AddressPlan, families: IpFamily[]): ClusterSubnet[];

  /** @internal whether the decoy depends on the other ranges of the plan */
  public get _automatic(): boolean {
    return false;
  }

  /** @internal whether the decoy is an automatic choice of an earlier synth, kept */
  public get _kept(): boolean {
    return false;
  }
}

class FixedDecoy extends DecoyNetwork {
  constructor(private readonly subnets: ClusterSubnet[]) {
    super();
  }

  public _resolve(): ClusterSubnet[] {
    return this.subnets;
  }
}

class KeptDecoy extends FixedDecoy {
  public get _kept(): boolean {
    return true;
  }
}

class AutomaticDecoy extends DecoyNetwork {
  constructor(private readonly options: AutomaticDecoyOptions) {
    super();
    // Bad options fail when the decoy is made, not when the plan is checked.
    for (const family of [IpFamily.IPV4, IpFamily.IPV6]) this.search(family);
  }

  private search(family: IpFamily): { prefix: number; hostPrefix: number; pool: Cidr[] } {
    const v4 = family === IpFamily.IPV4;
    const options = this.options;
    const prefix = (v4 ? options.ipv4Prefix : options.ipv6Prefix) ?? (v4 ? 16 : 48);
    const hostPrefix = (v4 ? options.ipv4HostPrefix : options.ipv6HostPrefix) ?? (v4 ? 24 : 64);
    const poolField = v4 ? 'decoy.ipv4Pool' : 'decoy.ipv6Pool';
    const texts = (v4 ? options.ipv4Pool : options.ipv6Pool) ?? (v4 ? ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] : ['fd00::/8']);
    if (!Array.isArray(texts) || texts.length === 0) {
      throw invalidValue(poolField, texts, `at least one candidate ${family} cidr`);
    }
    const pool = texts.map((text, i) => parseField(`${poolField}[${i}]`, text, Cidr.parse));
    const wrong = pool.findIndex((c) => c.family !== family);
    if (wrong >= 0) {
      throw invalidValue(`${poolField}[${wrong}]`, texts[wrong], `an ${family} range`);
    }
    const bits = Cidr.addressBits(family);
    const prefixField = v4 ? 'decoy.ipv4Prefix' : 'decoy.ipv6Prefix';
    if (!Number.isInteger(prefix) || prefix < 1 || prefix > bits) {
      throw invalidValue(prefixField, prefix, `a prefix length from 1 to ${bits}`);
    }
    const tooSmall = pool.find((c) => c.prefix > prefix);
    if (tooSmall) {
      throw invalidValue(prefixField, prefix, `a prefix of ${tooSmall.prefix} or longer, as the pool entry ${tooSmall} is smaller than one /${prefix} block (or a larger pool entry)`);
    }
    // The host prefix is checked as OVN-Kubernetes checks cluster subnets (longer than the block, /64 for IPv6).
    parseField('decoy', `${pool[0].network}/${prefix}/${hostPrefix}`, (t) => ClusterSubnet.of(Cidr._fromFirst(family, pool[0]._first, prefix), hostPrefix, t));
    return { prefix, hostPrefix, pool };
  }

  public get _automatic(): boolean {
    return true;
  }

  public _resolve(plan: AddressPlan, families: IpFamily[]): ClusterSubnet[] {
    return families.map((family) => {
      const { prefix, hostPrefix, pool } = this.search(family);
      const block = chooseDecoy(plan, { prefix, pool });
      return parseField('decoy', `${block}/${hostPrefix}`, ClusterSubnet.parse);
    });
  }
}
