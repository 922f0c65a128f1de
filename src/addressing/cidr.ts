import { formatIpAddress, readIpAddress, unmapIpv4 } from './ip-address';
import { IpFamily, addressBits } from './ip-family';

/**
 * An IPv4 or IPv6 network in CIDR notation, with no host bits set.
 *
 * Addresses are read by `readIpAddress` (ip-num for IPv6: a maintained, typed, dependency-free library;
 * a dotted quad without it, so the common IPv4 case never loads it); the arithmetic (contains, overlaps,
 * ordering) works on the first and last address as bigints.
 */
export class Cidr {
  /**
   * Parses `text` such as `10.244.0.0/16` or `fd00:10:244::/56`.
   * @throws when the text is not a CIDR, the prefix is out of range, or host bits are set
   */
  public static parse(text: string): Cidr {
    return Cidr._parseWithAddress(text).cidr;
  }

  /**
   * The one CIDR parser behind `parse` and `multicni check`: `address/prefix`, the address as
   * `readIpAddress` reads it. By default host bits are an error; with `allowHostBits` they are masked off
   * as Go's net.ParseCIDR does (whereabouts' `range` and `exclude`) and the address is returned beside the
   * network, in the network's family. An IPv4-mapped network (`::ffff:10.96.0.0/108`) is IPv4, as Go's
   * `IP.To4` makes it for Kubernetes and OVN-Kubernetes.
   * @internal
   */
  public static _parseWithAddress(text: unknown, options: { readonly allowHostBits?: boolean } = {}): { cidr: Cidr; address: bigint } {
    if (typeof text !== 'string') {
      throw new Error(`invalid cidr ${JSON.stringify(text)}: expected a string such as "10.244.0.0/16"`);
    }
    const trimmed = text.trim();
    if (trimmed !== text || trimmed === '') {
      throw new Error(`invalid cidr "${text}": expected an address and a prefix length such as "10.244.0.0/16", without spaces`);
    }
    const slash = text.indexOf('/');
    if (slash < 0 || text.indexOf('/', slash + 1) >= 0) {
      throw new Error(`invalid cidr "${text}": expected exactly one "/" as in "10.244.0.0/16" or "fd00::/64"`);
    }
    if (text.includes('%')) {
      // Go's net.ParseCIDR (and so Kubernetes and OVN-Kubernetes) rejects zoned addresses in a CIDR.
      throw new Error(`invalid cidr "${text}": a zone index ("${text.slice(text.indexOf('%'), slash)}") is not allowed in a cidr; write the network without it, e.g. "fe80::/64"`);
    }
    const prefixText = text.slice(slash + 1);
    const written = text.includes(':') ? IpFamily.IPV6 : IpFamily.IPV4;
    const bits = addressBits(written);
    if (!/^(0|[1-9][0-9]{0,2})$/.test(prefixText) || Number(prefixText) > bits) {
      throw new Error(`invalid cidr "${text}": prefix length "${prefixText}" must be an integer from 0 to ${bits} for ${written}`);
    }
    const address = readIpAddress(text.slice(0, slash));
    if (typeof address === 'string') throw new Error(`invalid cidr "${text}": ${address}`);
    const prefix = Number(prefixText);
    const hostBits = BigInt(bits - prefix);
    const first = (address.value >> hostBits) << hostBits;
    if (first !== address.value && !options.allowHostBits) {
      throw new Error(`invalid cidr "${text}": host bits are set; the network address is ${new Cidr(written, first, prefix).toString()}`);
    }
    // A network inside ::ffff:0:0/96 has a prefix of 96 or more (a shorter one clears bit 95), so the
    // mapped network is the IPv4 network of the last 32 bits.
    const network = unmapIpv4({ family: written, value: first });
    if (network.family !== written) {
      return { cidr: new Cidr(IpFamily.IPV4, network.value, prefix - 96), address: address.value & 0xffffffffn };
    }
    return { cidr: new Cidr(written, first, prefix), address: address.value };
  }

  /** Parses a comma-separated list such as `10.96.0.0/16,fd00:10:96::/112`. */
  public static parseList(text: string): Cidr[] {
    return splitList(text, 'cidr list').map((item) => Cidr.parse(item));
  }

  /**
   * Number of bits in an address of `family`: 32 or 128, the longest prefix. (A static method here because
   * IpFamily is an enum, which jsii cannot give methods.)
   */
  public static addressBits(family: IpFamily): number {
    return addressBits(family);
  }

  /** The families present among `cidrs`, IPv4 first: the order dual-stack settings are written in. */
  public static familiesOf(cidrs: Cidr[]): IpFamily[] {
    return [IpFamily.IPV4, IpFamily.IPV6].filter((f) => cidrs.some((c) => c.family === f));
  }

  /** @internal first address */
  public readonly _first: bigint;
  /** @internal last address */
  public readonly _last: bigint;

  private constructor(
    /** The address family. */
    public readonly family: IpFamily,
    first: bigint,
    /** The prefix length. */
    public readonly prefix: number,
  ) {
    const hostBits = BigInt(addressBits(family) - prefix);
    this._first = first;
    this._last = first + (1n << hostBits) - 1n;
  }

  /** The network address in canonical form (IPv6 compressed, lowercase). */
  public get network(): string {
    return formatIpAddress(this.family, this._first);
  }

  /** Number of addresses in the range (exact: it is a power of two). */
  public get size(): number {
    return 2 ** (addressBits(this.family) - this.prefix);
  }

  /** True when every address of `other` is in this range (a range contains itself). */
  public contains(other: Cidr): boolean {
    return this.family === other.family && this._first <= other._first && other._last <= this._last;
  }

  /** True when the two ranges share at least one address. */
  public overlaps(other: Cidr): boolean {
    return this.family === other.family && this._first <= other._last && other._first <= this._last;
  }

  /**
   * True when both are the same network. (Not named `equals`: jsii reserves that name, and this API is
   * meant to compile with jsii.)
   */
  public isSameNetwork(other: Cidr): boolean {
    return this.family === other.family && this.prefix === other.prefix && this._first === other._first;
  }

  /** Canonical text: `10.0.0.0/8`, `fd00::/8`. */
  public toString(): string {
    return `${this.network}/${this.prefix}`;
  }

  /** @internal the aligned range of `prefix` length that starts at `first` */
  public static _fromFirst(family: IpFamily, first: bigint, prefix: number): Cidr {
    return new Cidr(family, first, prefix);
  }
}

/** Orders IPv4 before IPv6, then by first address, then larger ranges first. */
export function compareCidrs(a: Cidr, b: Cidr): number {
  if (a.family !== b.family) return a.family === IpFamily.IPV4 ? -1 : 1;
  if (a._first !== b._first) return a._first < b._first ? -1 : 1;
  return a.prefix - b.prefix;
}

/** Splits a comma-separated list, rejecting empty items. */
export function splitList(text: string, what: string): string[] {
  if (typeof text !== 'string' || text.length === 0) {
    throw new Error(`invalid ${what} ${JSON.stringify(text)}: expected one or more comma-separated entries`);
  }
  const items = text.split(',');
  if (items.some((item) => item.length === 0)) {
    throw new Error(`invalid ${what} "${text}": empty entry between commas`);
  }
  return items;
}
