import { Cidr, compareCidrs } from './cidr';
import { ClusterSubnet } from './cluster-subnet';
import { IpFamily } from './ip-family';
import { hostPrefixProblem, nodeSubnetsProblem } from './node-subnets';
import { RangeRole } from './range-role';
import { groupedOverlapLines } from '../util/overlap-groups';

/** A range to register in an AddressPlan. */
export interface AddressRangeOptions {
  /** Human name of the range, e.g. `cilium cluster-pool` or `default/ovn-stream-veth`. */
  readonly name: string;
  /** The range. */
  readonly cidr: Cidr;
  /** What the range is for. */
  readonly role: RangeRole;
  /** Who registered it (usually a construct path). */
  readonly owner: string;
  /**
   * Per-node subnet length, for ranges written `cidr/hostPrefix`.
   * @default - not split per node
   */
  readonly hostPrefix?: number;
  /**
   * Nodes that each need a subnet of `hostPrefix` from this range.
   * @default - not checked
   */
  readonly nodeCount?: number;
  /**
   * A role whose ranges this one is meant to lie inside, e.g. an L2-announced LoadBalancer pool or an egress
   * IP inside a node network. Sharing addresses with ranges of that role is then the intended relationship,
   * not an overlap; lying inside none of them is a problem (`placement:`), given with `withinReason`.
   * @default - none: the range may share no address with any other range
   */
  readonly within?: RangeRole;
  /**
   * Why the range must lie inside a range of `within`, for the message.
   * @default - no reason given
   */
  readonly withinReason?: string;
}

/** Cluster subnets (`cidr/hostPrefix`) to register in an AddressPlan. */
export interface ClusterSubnetRangeOptions {
  /** Human name of the ranges. */
  readonly name: string;
  /** The subnets, one per family. */
  readonly subnets: ClusterSubnet[];
  /** What the ranges are for. */
  readonly role: RangeRole;
  /** Who registered them. */
  readonly owner: string;
  /**
   * Nodes that each need a subnet.
   * @default - not checked
   */
  readonly nodeCount?: number;
}

/** A registered range. Registering the same range with the same role twice merges the owners. */
export interface AddressRange extends AddressRangeOptions {
  /** Every owner that registered this exact range and role, in registration order. */
  readonly owners: string[];
}

/** Two ranges that share addresses. */
export interface OverlapPair {
  /** The range that comes first in address order (the larger one when both start at one address). */
  readonly first: AddressRange;
  /** The range that lies inside `first` or shares addresses with it. */
  readonly second: AddressRange;
}

/** Roles whose families must agree (OVN rejects an IPv4 cluster subnet with an IPv6 service subnet). */
const CLUSTER_ROLES = [RangeRole.PRIMARY_POD, RangeRole.SERVICE, RangeRole.DECOY_POD];

/**
 * Every address range of a cluster with its role and owner. `check()` reports each overlapping pair,
 * malformed per-node splits and inconsistent families; nothing is ever adjusted.
 */
export class AddressPlan {
  /** Overlaps listed one pair a line up to this many; more are grouped per range. */
  public static readonly MAX_LISTED_OVERLAPS = 50;

  private readonly entries: AddressRange[] = [];
  /** Merge candidates by `mergeKey`: indexes into `entries`, in registration order. */
  private readonly byKey = new Map<string, number[]>();

  /**
   * Adds a range. The identical range in the same role from another owner is one range with two owners
   * (two components stating the same fact); for per-network roles the network name must match too.
   */
  public register(options: AddressRangeOptions): void {
    if (!(options.cidr instanceof Cidr)) {
      throw new Error(`invalid range "${options.name}": cidr must be a Cidr (use Cidr.parse), got ${JSON.stringify(options.cidr)}`);
    }
    // Candidates for a merge share role, network (and name, for per-network roles): one map lookup, so
    // building a plan of n ranges is O(n) instead of a scan per range. The bucket keeps registration order,
    // so the first compatible entry is the one a scan of all entries would find.
    const key = mergeKey(options);
    const bucket = this.byKey.get(key);
    // A range stated without a per-node split (kind's podSubnet) is the same range as one stated with it.
    const index = bucket?.find((i) => {
      const e = this.entries[i];
      return e.hostPrefix === options.hostPrefix || e.hostPrefix === undefined || options.hostPrefix === undefined;
    });
    if (index !== undefined) {
      const same = this.entries[index];
      const owners = same.owners.includes(options.owner) ? same.owners : [...same.owners, options.owner];
      this.entries[index] = {
        ...same,
        owners,
        hostPrefix: same.hostPrefix ?? options.hostPrefix,
        nodeCount: same.nodeCount ?? options.nodeCount,
      };
      return;
    }
    if (bucket) bucket.push(this.entries.length);
    else this.byKey.set(key, [this.entries.length]);
    // One literal of fixed shape, not a spread: every entry then has the same hidden class.
    this.entries.push({
      name: options.name,
      cidr: options.cidr,
      role: options.role,
      owner: options.owner,
      hostPrefix: options.hostPrefix,
      nodeCount: options.nodeCount,
      within: options.within,
      withinReason: options.withinReason,
      owners: [options.owner],
    });
  }

  /** Registers each entry of a cluster-subnet list (`cidr/hostPrefix`). */
  public registerClusterSubnets(options: ClusterSubnetRangeOptions): void {
    for (const subnet of options.subnets) {
      this.register({
        name: options.name,
        role: options.role,
        owner: options.owner,
        nodeCount: options.nodeCount,
        cidr: subnet.cidr,
        hostPrefix: subnet.hostPrefix,
      });
    }
  }

  /** All registered ranges, in registration order. */
  public get ranges(): AddressRange[] {
    return [...this.entries];
  }

  /** Registered ranges of one role. */
  public rangesOf(role: RangeRole): AddressRange[] {
    return this.entries.filter((e) => e.role === role);
  }

  /** Every problem of the plan, one line each; empty when the plan is sound. */
  public check(): string[] {
    return [...this.overlaps(), ...this.placementProblems(), ...this.hostPrefixProblems(), ...this.familyProblems()];
  }

  /**
   * The overlaps as lines for a person: every overlapping pair while there are at most
   * `AddressPlan.MAX_LISTED_OVERLAPS`; beyond that, grouped per range (the ranges with the most overlaps
   * first, at most `MAX_LISTED_OVERLAPS` lines) and a last line with the totals, so a plan of thousands of
   * mutually overlapping networks fails with a message one can read. `overlapPairs()` lists every pair.
   */
  public overlaps(): string[] {
    const nested = this.placedPairs().map(overlapLine);
    const { sorted, pairs, counts, firstPartner } = this.sweep(false);
    if (pairs === 0) return nested; // the usual case: no second sort and sweep to list nothing
    if (pairs <= AddressPlan.MAX_LISTED_OVERLAPS) return [...this.sweep(true).lines, ...nested];
    const groups = sorted.flatMap((range, order) => (counts[order] > 0 ? [{ range, order, count: counts[order], firstPartner: sorted[firstPartner[order]] }] : []));
    return [...groupedOverlapLines(groups, pairs, describe, 'AddressPlan.overlapPairs() and `multicni check --format json` list every pair', AddressPlan.MAX_LISTED_OVERLAPS)
      .map((line) => line.text), ...nested];
  }

  /** Every overlapping pair as data (earlier range in address order first); O(n log n + k) for k pairs. */
  public overlapPairs(): OverlapPair[] {
    return [...this.sweep(true).pairList, ...this.placedPairs()];
  }

  /**
   * The overlaps of ranges registered `within` a role (few: LB pools, egress IPs) with every other range but
   * those of that role: O(m·n) for m such ranges, outside the sweep, whose stack needs every pair counted.
   */
  private placedPairs(): OverlapPair[] {
    const pairs: OverlapPair[] = [];
    this.entries.forEach((range, index) => {
      if (range.within === undefined) return;
      this.entries.forEach((other, otherIndex) => {
        if (other.role === range.within || (other.within !== undefined && otherIndex <= index) || otherIndex === index) return;
        if (!range.cidr.overlaps(other.cidr)) return;
        pairs.push(compareCidrs(range.cidr, other.cidr) <= 0 ? { first: range, second: other } : { first: other, second: range });
      });
    });
    return pairs;
  }

  /** Ranges registered `within` a role that lie inside no range of it (same family). */
  private placementProblems(): string[] {
    const problems: string[] = [];
    for (const range of this.entries) {
      if (range.within === undefined) continue;
      const candidates = this.rangesOf(range.within).filter((c) => c.cidr.family === range.cidr.family);
      if (candidates.some((c) => c.cidr.contains(range.cidr))) continue;
      const where = candidates.length === 0 ? `the plan has no ${range.cidr.family} ${range.within} range` : `it is inside none of ${candidates.map(describe).join(', ')}`;
      problems.push(`placement: ${describe(range)} must lie inside a ${range.within} range, and ${where}${range.withinReason ? `; ${range.withinReason}` : ''}`);
    }
    return problems;
  }

  /**
   * Sorting and one sweep. CIDR ranges are either disjoint or nested, so the ranges still open at a given
   * start form a chain kept on a stack; each range overlaps exactly the ranges on the stack when it is
   * reached. Counting costs O(n log n) whatever the number of pairs; listing (`list`) adds O(k).
   */
  private sweep(list: boolean): {
    sorted: AddressRange[]; pairs: number; counts: number[]; firstPartner: number[]; lines: string[]; pairList: OverlapPair[];
  } {
    // Ranges placed `within` a role are compared by placedPairs instead.
    const sorted = this.entries.filter((e) => e.within === undefined).sort((a, b) => compareCidrs(a.cidr, b.cidr));
    const counts = new Array<number>(sorted.length).fill(0);
    const firstPartner = new Array<number>(sorted.length).fill(-1);
    const lines: string[] = [];
    const pairList: OverlapPair[] = [];
    const open: number[] = [];
    // A range overlaps its ancestors (the stack when it is reached) and its descendants (every range
    // reached while it is on the stack, counted from the pushes between its push and its pop), so the
    // counts cost O(n) whatever the number of pairs.
    const pushedAt = new Array<number>(sorted.length).fill(0);
    let pushes = 0;
    const pop = () => {
      const done = open.pop()!;
      counts[done] += pushes - pushedAt[done] - 1;
    };
    let pairs = 0;
    sorted.forEach((range, order) => {
      while (open.length > 0) {
        const top = sorted[open[open.length - 1]];
        if (top.cidr.family === range.cidr.family && top.cidr._last >= range.cidr._first) break;
        pop();
      }
      pairs += open.length;
      counts[order] += open.length;
      if (open.length > 0) {
        const top = open[open.length - 1];
        firstPartner[order] = top;
        // only the top can still lack a partner: anything deeper had the range above it reached already
        if (firstPartner[top] < 0) firstPartner[top] = order;
      }
      if (list) {
        for (let i = open.length - 1; i >= 0; i--) {
          const earlier = sorted[open[i]];
          lines.push(overlapLine({ first: earlier, second: range }));
          pairList.push({ first: earlier, second: range });
        }
      }
      pushedAt[order] = pushes++;
      open.push(order);
    });
    while (open.length > 0) pop();
    return { sorted, pairs, counts, firstPartner, lines, pairList };
  }

  private hostPrefixProblems(): string[] {
    const problems: string[] = [];
    for (const range of this.entries) {
      if (range.hostPrefix === undefined) continue;
      const hostPrefix = hostPrefixProblem(describe(range), range.cidr.family, range.cidr.prefix, range.hostPrefix);
      const nodeSubnets = hostPrefix === undefined && range.nodeCount !== undefined
        ? nodeSubnetsProblem(describe(range), range.cidr.prefix, range.hostPrefix, range.nodeCount)
        : undefined;
      for (const problem of [hostPrefix, nodeSubnets]) if (problem !== undefined) problems.push(problem);
    }
    return problems;
  }

  private familyProblems(): string[] {
    const present = CLUSTER_ROLES
      .map((role) => ({ role, families: familiesOf(this.rangesOf(role)) }))
      .filter((r) => r.families.length > 0);
    if (present.length < 2) return [];
    const reference = present[0];
    return present.slice(1)
      .filter((r) => r.families.join('+') !== reference.families.join('+'))
      .map((r) => `family: ${reference.role} ranges are ${reference.families.join('+')} but ${r.role} ranges are ${r.families.join('+')}; all cluster ranges need the same families`);
  }
}

/** What two registrations must share to be one range: role, network and, for per-network roles, the name. */
function mergeKey(options: AddressRangeOptions): string {
  // hex, not decimal: converting a 128-bit bigint to hex is cheaper
  const cidr = options.cidr;
  const base = `${options.role.name}|${options.within?.name ?? ''}|${cidr.family}|${cidr._first.toString(16)}|${cidr.prefix}`;
  return options.role.perNetwork ? `${base}|${options.name}` : base;
}

function familiesOf(ranges: AddressRange[]): IpFamily[] {
  return Cidr.familiesOf(ranges.map((r) => r.cidr));
}

function overlapLine(pair: OverlapPair): string {
  return `overlap: ${describe(pair.first)} overlaps ${describe(pair.second)}`;
}

/** `decoy pod "ovn net_cidr" 10.254.0.0/16 (owner: chart/deception)` */
function describe(range: AddressRange): string {
  const text = range.hostPrefix === undefined ? range.cidr.toString() : `${range.cidr.toString()}/${range.hostPrefix}`;
  const owners = range.owners.length <= 3 ? range.owners.join(', ') : `${range.owners.slice(0, 3).join(', ')} and ${range.owners.length - 3} more`;
  return `${range.role} "${range.name}" ${text} (owner: ${owners})`;
}
