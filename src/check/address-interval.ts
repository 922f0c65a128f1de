import { dottedQuadValue, ipNum } from '../util/ip-num';
import { Cidr, IpFamily } from '../addressing';

/**
 * A run of consecutive addresses `first..last` of one family. CIDR blocks are always nested or
 * disjoint; these are not (whereabouts' `range_start`/`range_end` cut a block anywhere), so the checker
 * compares intervals, not blocks. Internal: bigints never leave src/check (results carry strings).
 */
export interface AddressInterval {
  readonly family: IpFamily;
  readonly first: bigint;
  readonly last: bigint;
}

/** The interval a CIDR block covers. */
export function intervalOf(cidr: Cidr): AddressInterval {
  return { family: cidr.family, first: cidr._first, last: cidr._last };
}

/**
 * Parses one address, `10.0.0.1` or `fd00::1`.
 * @throws naming the text when it is not an address
 */
export function parseAddress(text: unknown): { family: IpFamily; value: bigint } {
  if (typeof text !== 'string' || text === '') {
    throw new Error(`invalid address ${JSON.stringify(text)}: expected an address such as "192.168.2.10" or "fd00::10"`);
  }
  if (text.includes(':')) {
    if (!ipNum().Validator.isValidIPv6String(text)[0]) throw new Error(`invalid address "${text}": not a valid IPv6 address`);
    return { family: IpFamily.IPV6, value: ipNum().IPv6.fromString(text).getValue() };
  }
  const value = dottedQuadValue(text);
  if (value === undefined) throw new Error(`invalid address "${text}": not a valid IPv4 address`);
  return { family: IpFamily.IPV4, value: BigInt(value) };
}

/**
 * Parses `address/prefix` allowing host bits, as Go's net.ParseCIDR does (whereabouts' `range`,
 * `exclude`): the block is the masked network, `address` is returned beside it.
 */
export function parseLooseCidr(text: unknown): { cidr: Cidr; address: bigint } {
  if (typeof text !== 'string') {
    throw new Error(`invalid cidr ${JSON.stringify(text)}: expected a string such as "192.168.2.0/24"`);
  }
  const slash = text.indexOf('/');
  if (slash < 0) throw new Error(`invalid cidr "${text}": expected "address/prefix" such as "192.168.2.0/24"`);
  const { family, value } = parseAddress(text.slice(0, slash));
  const bits = family === IpFamily.IPV4 ? 32 : 128;
  const prefixText = text.slice(slash + 1);
  if (!/^(0|[1-9][0-9]{0,2})$/.test(prefixText) || Number(prefixText) > bits) {
    throw new Error(`invalid cidr "${text}": prefix length "${prefixText}" must be an integer from 0 to ${bits} for ${family}`);
  }
  const hostBits = BigInt(bits - Number(prefixText));
  const network = (value >> hostBits) << hostBits;
  return { cidr: Cidr._fromFirst(family, network, Number(prefixText)), address: value };
}

/** Canonical text of one address. */
export function formatAddress(family: IpFamily, value: bigint): string {
  return Cidr._fromFirst(family, value, family === IpFamily.IPV4 ? 32 : 128).network;
}

/** `interval` minus every block of `holes`, as sorted disjoint intervals (possibly none). */
export function subtract(interval: AddressInterval, holes: AddressInterval[]): AddressInterval[] {
  const cuts = holes
    .filter((h) => h.family === interval.family && h.first <= interval.last && interval.first <= h.last)
    .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const out: AddressInterval[] = [];
  let next = interval.first;
  for (const cut of cuts) {
    if (cut.first > next) out.push({ family: interval.family, first: next, last: cut.first - 1n });
    if (cut.last + 1n > next) next = cut.last + 1n;
    if (next > interval.last) return out;
  }
  if (next <= interval.last) out.push({ family: interval.family, first: next, last: interval.last });
  return out;
}

/** The smallest CIDR block holding every address of `interval`. */
export function coveringBlock(interval: AddressInterval): Cidr {
  const bits = interval.family === IpFamily.IPV4 ? 32 : 128;
  let prefix = bits;
  while (prefix > 0 && (interval.first >> BigInt(bits - prefix)) !== (interval.last >> BigInt(bits - prefix))) prefix--;
  const shift = BigInt(bits - prefix);
  return Cidr._fromFirst(interval.family, (interval.first >> shift) << shift, prefix);
}

/** `10.0.0.5-10.0.0.9`, or one address. */
export function formatInterval(i: AddressInterval): string {
  return i.first === i.last ? formatAddress(i.family, i.first) : `${formatAddress(i.family, i.first)}-${formatAddress(i.family, i.last)}`;
}

