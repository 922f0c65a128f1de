import { Cidr, IpFamily, parseIpAddress } from '../addressing';

/**
 * One block of a LoadBalancer IP pool, as Cilium's `spec.blocks[]` takes it: a `cidr`, or a `start` and
 * optional `stop` address (without `stop`, the one address `start`: `ipRangeFromBlock` in
 * operator/pkg/lbipam/lbipam.go).
 */
export interface LoadBalancerPoolBlock {
  /**
   * The block as a CIDR, e.g. `172.18.255.0/28`.
   * @default - a `start`–`stop` range instead
   */
  readonly cidr?: string;
  /**
   * First address of a range.
   * @default - a `cidr` instead
   */
  readonly start?: string;
  /**
   * Last address of the range (inclusive), same family as `start`, not before it.
   * @default - `start`: the one address
   */
  readonly stop?: string;
}

/** A block read: what to render and the CIDRs that cover exactly its addresses. */
export interface ParsedBlock {
  readonly family: IpFamily;
  /** `10.0.0.0/24` or `10.0.0.5-10.0.0.9`. */
  readonly text: string;
  /** The addresses as CIDRs (one for a `cidr` block, the fewest aligned blocks for a range). */
  readonly cidrs: Cidr[];
  readonly rendered: Record<string, string>;
}

/** Reads a block; errors name the key under `field` and the text. */
export function parseBlock(field: string, block: LoadBalancerPoolBlock): ParsedBlock {
  if (block.cidr !== undefined) {
    if (block.start !== undefined || block.stop !== undefined) {
      throw new Error(`${field}: invalid value ${JSON.stringify(block)}: expected either cidr or start (and stop), not both`);
    }
    let cidr: Cidr;
    try {
      cidr = Cidr.parse(block.cidr);
    } catch (e) {
      throw new Error(`${field}.cidr: ${(e as Error).message}`);
    }
    return { family: cidr.family, text: cidr.toString(), cidrs: [cidr], rendered: { cidr: block.cidr } };
  }
  if (block.start === undefined) {
    throw new Error(`${field}: invalid value ${JSON.stringify(block)}: expected a cidr, or a start address (and stop)`);
  }
  const start = atKey(`${field}.start`, () => parseIpAddress(block.start));
  const stop = block.stop === undefined ? start : atKey(`${field}.stop`, () => parseIpAddress(block.stop));
  if (stop.family !== start.family) {
    throw new Error(`${field}.stop: invalid value "${block.stop}": expected an ${start.family} address like start "${block.start}" (one range has one family)`);
  }
  if (stop.value < start.value) {
    throw new Error(`${field}.stop: invalid value "${block.stop}": expected an address at or after start "${block.start}"`);
  }
  const rendered: Record<string, string> = { start: block.start!, ...(block.stop !== undefined ? { stop: block.stop } : {}) };
  const text = block.stop === undefined ? block.start! : `${block.start}-${block.stop}`;
  return { family: start.family, text, cidrs: rangeCidrs(start.family, start.value, stop.value), rendered };
}

function atKey<T>(field: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    throw new Error(`${field}: ${(e as Error).message}`);
  }
}

/** The fewest aligned CIDR blocks that hold exactly first..last (each the largest that fits at its start). */
export function rangeCidrs(family: IpFamily, first: bigint, last: bigint): Cidr[] {
  const bits = Cidr.addressBits(family);
  const out: Cidr[] = [];
  let at = first;
  while (at <= last) {
    let size = 0;
    while (size < bits && (at & ((1n << BigInt(size + 1)) - 1n)) === 0n && at + (1n << BigInt(size + 1)) - 1n <= last) size++;
    out.push(Cidr._fromFirst(family, at, bits - size));
    at += 1n << BigInt(size);
  }
  return out;
}
