import { Cidr, ClusterSubnet, RangeRole } from '../../addressing';
import { AddressInterval, intervalOf } from '../address-interval';
import { ManifestDocument, locatorOf } from '../manifest-reader';

/** A range as extracted, before it becomes plain data (internal: it holds bigints). */
export interface Found {
  readonly name: string;
  readonly role: RangeRole;
  readonly owner: string;
  readonly file: string;
  readonly line: number;
  readonly field: string;
  readonly text: string;
  /** The block it lies in. */
  readonly block: Cidr;
  /** What it really hands out or claims (the block, or less). */
  readonly intervals: AddressInterval[];
  readonly hostPrefix?: number;
  /** Reading order. */
  readonly order: number;
}

/** A problem found while extracting. */
export interface FoundProblem {
  readonly kind: string;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly ranges: Found[];
}

/** Everything the extractors gather. */
export interface Extraction {
  /** Ranges that claim addresses: they must be pairwise disjoint. */
  readonly ranges: Found[];
  /** Cilium native-routing ranges: they must contain the primary pod ranges. */
  readonly nativeRouting: Found[];
  /** Nodes' spec.podCIDRs: inside a primary pod range, disjoint from each other. */
  readonly nodePodRanges: Found[];
  /** Number of Node objects read (0: unknown). */
  nodeCount: number;
  readonly problems: FoundProblem[];
}

/** Roles the extractors use beside the address plan's own. */
export const LOAD_BALANCER = RangeRole.LOAD_BALANCER;
export const NATIVE_ROUTING = RangeRole.custom('native routing');
export const NODE_POD_RANGE = RangeRole.custom('node pod range');

/** How a value is read. */
export enum ValueSyntax {
  /** A CIDR with no host bits. */
  CIDR,
  /** OVN-Kubernetes' `cidr/hostPrefix` (or a bare CIDR). */
  CLUSTER_SUBNET,
}

/** One object being read: its owner label, position lookup, and helpers that add to the extraction. */
export class ObjectContext {
  public readonly owner: string;
  public readonly file: string;

  constructor(public readonly doc: ManifestDocument, public readonly out: Extraction, private readonly counter: { next: number }) {
    const o = doc.object;
    this.owner = `${doc.source} ${o.kind ?? '?'} ${o.metadata?.namespace ? o.metadata.namespace + '/' : ''}${o.metadata?.name ?? '?'}`;
    this.file = doc.file ?? doc.source.replace(/#[^#]*$/, '');
  }

  /** Line of a field of this object (and of `needles` inside its text); 0 when unknown. */
  public line(path: ReadonlyArray<string | number>, ...needles: string[]): number {
    return locatorOf(this.doc.object)?.line(path, ...needles) ?? this.doc.line ?? 0;
  }

  /** Adds a ready range. */
  public push(into: Found[], range: Omit<Found, 'owner' | 'file' | 'order'> & { owner?: string }): Found {
    const found: Found = { ...range, owner: range.owner ?? this.owner, file: this.file, order: this.counter.next++ };
    into.push(found);
    return found;
  }

  /** Records a problem at a line of this object. */
  public problem(kind: string, message: string, line: number, ranges: Found[] = []): void {
    this.out.problems.push({ kind, message, file: this.file, line, ranges });
  }

  /**
   * Adds every range of `value` (a string with comma/space-separated items, or a list) as whole blocks;
   * malformed items are problems. Returns what was added.
   */
  public addCidrs(
    into: Found[], name: string, role: RangeRole, value: unknown, field: string, path: ReadonlyArray<string | number>,
    options: { syntax?: ValueSyntax; hostPrefix?: number; needles?: string[]; owner?: string } = {},
  ): Found[] {
    const added: Found[] = [];
    for (const item of splitRanges(value)) {
      const line = this.line(path, ...(options.needles ?? []), item);
      try {
        let block: Cidr;
        let hostPrefix = options.hostPrefix;
        if (options.syntax === ValueSyntax.CLUSTER_SUBNET) {
          const s = ClusterSubnet.parse(item);
          block = s.cidr;
          hostPrefix = hostPrefix ?? s.hostPrefix;
        } else {
          block = Cidr.parse(item);
        }
        added.push(this.push(into, { name, role, line, field, text: item, block, intervals: [intervalOf(block)], hostPrefix, owner: options.owner }));
      } catch (e) {
        this.problem('malformed', `malformed: ${options.owner ?? this.owner} ${name}: ${(e as Error).message}`, line);
      }
    }
    return added;
  }
}

/** Splits a value that may hold several ranges: comma-, space- or list-separated. */
export function splitRanges(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.flatMap((v) => splitRanges(v));
  return String(value).split(/[\s,]+/).filter((s) => s.length > 0);
}
