import { Cidr, IpFamily, formatIpAddress } from '../addressing';

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
 * `address/prefix` with host bits allowed, as Go's net.ParseCIDR reads whereabouts' `range` and `exclude`:
 * the block is the masked network, `address` is returned beside it. Cidr's parser, with host bits masked.
 */
export function parseLooseCidr(text: unknown): { cidr: Cidr; address: bigint } {
  return Cidr._parseWithAddress(text, { allowHostBits: true });
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
  const bits = Cidr.addressBits(interval.family);
  let prefix = bits;
  while (prefix > 0 && (interval.first >> BigInt(bits - prefix)) !== (interval.last >> BigInt(bits - prefix))) prefix--;
  const shift = BigInt(bits - prefix);
  return Cidr._fromFirst(interval.family, (interval.first >> shift) << shift, prefix);
}

/** `10.0.0.5-10.0.0.9`, or one address. */
export function formatInterval(i: AddressInterval): string {
  return i.first === i.last ? formatIpAddress(i.family, i.first) : `${formatIpAddress(i.family, i.first)}-${formatIpAddress(i.family, i.last)}`;
}

