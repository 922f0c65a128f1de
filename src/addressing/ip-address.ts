import { dottedQuadValue, ipNum } from '../util/ip-num';
import { IpFamily } from './ip-family';

// The one reader of IP address text, shared by Cidr.parse, `multicni check` and the host rule (common/host).
// It reads what Go's net.ParseIP reads (and so Kubernetes, Cilium, OVN-Kubernetes, whereabouts): a dotted
// quad without leading zeros, or IPv6 in full or compressed form, with an optional dotted-quad tail
// (`::ffff:10.0.0.1`); no zone (`%eth0`: net.ParseIP refuses it), no spaces.

/** An address as a family and a 32- or 128-bit value. */
export interface IpAddressValue {
  readonly family: IpFamily;
  readonly value: bigint;
}

/**
 * The address `text` is, in the family it is written in (any IPv6 text is IPv6 here, mapped or not),
 * or the reason it is not an address (`not a valid IPv4 address`, …), for the caller's message.
 */
export function readIpAddress(text: string): IpAddressValue | string {
  if (!text.includes(':')) {
    const value = dottedQuadValue(text);
    return value === undefined ? 'not a valid IPv4 address' : { family: IpFamily.IPV4, value: BigInt(value) };
  }
  const zone = text.indexOf('%');
  if (zone >= 0) return `a zone index ("${text.slice(zone)}") is not allowed`;
  const tail = text.slice(text.lastIndexOf(':') + 1);
  if (tail.includes('.') && dottedQuadValue(tail) === undefined) {
    return `"${tail}" is not a dotted-quad IPv4 address at the end of an IPv6 address`;
  }
  // ip-num reads compressed forms and dotted-quad tails; test/addressing/ip-address.test.ts holds it equal
  // to the WHATWG URL parser's IPv6 reading on random texts.
  if (!ipNum().Validator.isValidIPv6String(text)[0]) return 'not a valid IPv6 address';
  return { family: IpFamily.IPV6, value: ipNum().IPv6.fromString(text).getValue() };
}

/**
 * An IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) as the IPv4 address it is to Go (`IP.To4`) and so to
 * Kubernetes and OVN-Kubernetes; any other address unchanged.
 */
export function unmapIpv4(address: IpAddressValue): IpAddressValue {
  return address.family === IpFamily.IPV6 && address.value >> 32n === 0xffffn
    ? { family: IpFamily.IPV4, value: address.value & 0xffffffffn }
    : address;
}

/**
 * Parses one address, `10.0.0.1`, `fd00::1` or `::ffff:10.0.0.1` (IPv4, as Go's `IP.To4` reads it).
 * @throws naming the text when it is not an address
 */
export function parseIpAddress(text: unknown): IpAddressValue {
  if (typeof text !== 'string' || text === '') {
    throw new Error(`invalid address ${JSON.stringify(text)}: expected an address such as "192.168.2.10" or "fd00::10"`);
  }
  const address = readIpAddress(text);
  if (typeof address === 'string') throw new Error(`invalid address "${text}": ${address}`);
  return unmapIpv4(address);
}

/** The family `text` is written in (a colon makes it IPv6), or undefined when it is not an address. */
export function ipAddressFamily(text: string): IpFamily | undefined {
  const address = readIpAddress(text);
  return typeof address === 'string' ? undefined : address.family;
}

/** Canonical text of one address: dotted quad, or IPv6 compressed and lowercase. */
export function formatIpAddress(family: IpFamily, value: bigint): string {
  if (family === IpFamily.IPV4) {
    return [24n, 16n, 8n, 0n].map((shift) => ((value >> shift) & 255n).toString()).join('.');
  }
  const groups: string[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) {
    groups.push(((value >> shift) & 0xffffn).toString(16));
  }
  return ipNum().collapseIPv6Number(groups.join(':'));
}
