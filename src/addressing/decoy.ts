import { AddressPlan } from './address-plan';
import { Cidr } from './cidr';
import { addressBits } from './ip-family';

/** Where and how big a decoy pod range should be. */
export interface DecoySearchOptions {
  /** Prefix length of the block to find, e.g. 16. */
  readonly prefix: number;
  /** Candidate ranges, searched in the order given, lowest address first within each. */
  readonly pool: Cidr[];
}

/**
 * The first block of `prefix` length inside the pool that overlaps no range of the plan.
 * Deterministic: the same plan and options always give the same block. Skips past each conflict
 * instead of stepping block by block, so large IPv6 pools cost O(conflicts).
 * @throws when the pool has no free block, naming the pool and the prefix
 */
export function chooseDecoy(plan: AddressPlan, options: DecoySearchOptions): Cidr {
  if (options.pool.length === 0) {
    throw new Error('invalid decoy pool []: give at least one candidate cidr');
  }
  for (const pool of options.pool) {
    const bits = addressBits(pool.family);
    if (!Number.isInteger(options.prefix) || options.prefix < pool.prefix || options.prefix > bits) {
      throw new Error(`invalid decoy prefix /${options.prefix}: must be between the pool's /${pool.prefix} (${pool}) and /${bits}`);
    }
    const step = 1n << BigInt(bits - options.prefix);
    const taken = plan.ranges.map((r) => r.cidr).filter((c) => c.family === pool.family);
    let first = pool._first;
    while (first + step - 1n <= pool._last) {
      const candidate = Cidr._fromFirst(pool.family, first, options.prefix);
      const conflicts = taken.filter((c) => c.overlaps(candidate));
      if (conflicts.length === 0) return candidate;
      const end = conflicts.reduce((max, c) => (c._last > max ? c._last : max), 0n) + 1n;
      first = ((end + step - 1n) / step) * step;
    }
  }
  throw new Error(
    `no free /${options.prefix} decoy block in pool ${options.pool.join(', ')}: every block overlaps a registered range; give a larger pool or name the decoy`,
  );
}
