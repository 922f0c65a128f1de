import { withThousands } from './text';

// The grouped form of an overlap report, shared by the address plan (synth's message) and `multicni check`
// (its text and GitHub formats): n mutually overlapping ranges make n(n-1)/2 pairs, which no one reads.

/** One range of a grouped report. */
export interface OverlapGroup<T> {
  /** The range. */
  readonly range: T;
  /** How many other ranges it overlaps. */
  readonly count: number;
  /** The first range it was found to overlap. */
  readonly firstPartner: T;
  /** Its position in the report's own order, to break ties. */
  readonly order: number;
}

/** One line of a grouped report; `group` is absent on the totals line. */
export interface OverlapGroupLine<T> {
  readonly text: string;
  readonly group?: OverlapGroup<T>;
}

/**
 * At most `maxLines` lines: the ranges with the most overlaps first, "overlaps N other ranges, first: …",
 * then a totals line that ends with `listedBy` (where every pair can be had).
 */
export function groupedOverlapLines<T>(
  groups: OverlapGroup<T>[], pairs: number, describe: (range: T) => string, listedBy: string, maxLines: number,
): OverlapGroupLine<T>[] {
  const ranked = groups.filter((g) => g.count > 0).sort((a, b) => b.count - a.count || a.order - b.order);
  const shown = ranked.slice(0, maxLines - 1);
  const notShown = ranked.length - shown.length;
  return [
    ...shown.map((group) => ({
      group,
      text: `overlap: ${describe(group.range)} overlaps ${withThousands(group.count)} other ranges, first: ${describe(group.firstPartner)}`,
    })),
    {
      text: `overlap: ${withThousands(pairs)} overlapping pairs among ${withThousands(ranked.length)} ranges${notShown > 0 ? ` (${withThousands(notShown)} more ranges not shown)` : ''}; ${listedBy}`,
    },
  ];
}
