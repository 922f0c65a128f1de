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
 * Deterministic: the same plan and options always give the same block. The plan's ranges are merged
 * once into sorted, disjoint intervals (O(n log n)); the search then walks them with one pointer, jumping
 * past each covered interval instead of stepping block by block, so large IPv6 pools cost O(intervals).
 * @throws when the pool has no free block, naming the pool and the prefix
 */
export function chooseDecoy(plan: AddressPlan, options: DecoySearchOptions): Cidr {
  if (options.pool.length === 0) {
    throw new Error('invalid decoy pool []: give at least one candidate cidr');
  }
  const covered = new Map<string, Interval[]>();
  for (const pool of options.pool) {
    const bits = addressBits(pool.family);
    if (!Number.isInteger(options.prefix) || options.prefix < pool.prefix || options.prefix > bits) {
      throw new Error(`invalid decoy prefix /${options.prefix}: must be between the pool's /${pool.prefix} (${pool}) and /${bits}`);
    }
    if (!covered.has(pool.family)) covered.set(pool.family, coveredIntervals(plan, pool.family));
    const taken = covered.get(pool.family)!;
    const step = 1n << BigInt(bits - options.prefix);
    let first = pool._first;
    let i = 0;
    while (first + step - 1n <= pool._last) {
      while (i < taken.length && taken[i].last < first) i++;
      // Every block that starts inside a covered interval overlaps it: skip to the first aligned block after it.
      if (i < taken.length && taken[i].first <= first + step - 1n) {
        first = ((taken[i].last + 1n + step - 1n) / step) * step;
        continue;
      }
      return Cidr._fromFirst(pool.family, first, options.prefix);
    }
  }
  throw new Error(
    `no free /${options.prefix} decoy block in pool ${options.pool.join(', ')}: every block overlaps a registered range; give a larger pool or name the decoy`,
  );
}

interface Interval {
  readonly first: bigint;
  last: bigint;
}

/** The addresses of one family the plan's ranges cover, as sorted, disjoint, non-adjacent intervals. */
function coveredIntervals(plan: AddressPlan, family: string): Interval[] {
  const ranges = plan.ranges.map((r) => r.cidr).filter((c) => c.family === family)
    .sort((a, b) => (a._first < b._first ? -1 : a._first > b._first ? 1 : 0));
  const merged: Interval[] = [];
  for (const c of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && c._first <= last.last + 1n) {
      if (c._last > last.last) last.last = c._last;
    } else {
      merged.push({ first: c._first, last: c._last });
    }
  }
  return merged;
}
