import { Cidr, IpFamily, RangeRole, formatIpAddress, hostPrefixProblem, nodeSubnetsProblem } from '../addressing';
import { AddressInterval, formatInterval, intervalOf } from './address-interval';
import { CheckProblem, CheckedRange, ManifestCheckResult } from './check-result';
import { Extraction, Found, LOAD_BALANCER, NODE_POD_RANGE } from './extract/found';

/**
 * The checks on extracted ranges. They mirror the AddressPlan's rules (pairwise disjoint, one range with
 * several owners when two objects state the same fact, valid host prefixes, one family set across pod,
 * service and decoy ranges) but compare address intervals rather than CIDR blocks — whereabouts'
 * range_start/range_end/exclude and LB start/stop cut blocks anywhere — and keep each problem's ranges
 * as data for the JSON and GitHub outputs, which the plan's one-line reports cannot give.
 */
export function analyze(ex: Extraction, notes: string[]): ManifestCheckResult {
  const all = [...ex.ranges, ...ex.nativeRouting, ...ex.nodePodRanges].sort((a, b) => a.order - b.order);
  const checked = new Map<Found, CheckedRange>();
  all.forEach((f, id) => checked.set(f, toChecked(f, id)));
  const plain = (fs: Found[]) => fs.map((f) => checked.get(f)!);
  const problems: CheckProblem[] = ex.problems.map((p) => ({ ...p, ranges: plain(p.ranges) }));
  const at = (f: Found) => ({ file: f.file, line: f.line });

  const groups = mergeClaims(ex.ranges);
  for (const [a, b] of overlappingPairs(groups)) {
    problems.push({ kind: 'overlap', message: `overlap: ${describe(a)} overlaps ${describe(b)}`, ...at(culprit(a.first, b.first)), ranges: plain([a.first, b.first]) });
  }

  for (const g of groups) {
    if (g.hostPrefix === undefined) continue;
    const hostPrefix = hostPrefixProblem(describe(g), g.first.block.family, g.first.block.prefix, g.hostPrefix);
    if (hostPrefix) {
      problems.push({ kind: 'host-prefix', message: hostPrefix, ...at(g.first), ranges: plain([g.first]) });
    } else if (ex.nodeCount > 0 && !g.first.name.startsWith('CiliumPodIPPool')) {
      const nodeSubnets = nodeSubnetsProblem(describe(g), g.first.block.prefix, g.hostPrefix, ex.nodeCount, 'nodes read');
      if (nodeSubnets) problems.push({ kind: 'node-subnets', message: nodeSubnets, ...at(g.first), ranges: plain([g.first]) });
    }
  }

  const clusterRoles = [RangeRole.PRIMARY_POD, RangeRole.SERVICE, RangeRole.DECOY_POD]
    .map((role) => ({ role, members: groups.filter((g) => g.first.role === role) }))
    .filter((r) => r.members.length > 0)
    .map((r) => ({ ...r, families: Cidr.familiesOf(r.members.map((g) => g.first.block)) }));
  for (const r of clusterRoles.slice(1)) {
    const reference = clusterRoles[0];
    if (r.families.join('+') !== reference.families.join('+')) {
      problems.push({ kind: 'family', message: `family: ${reference.role} ranges are ${reference.families.join('+')} but ${r.role} ranges are ${r.families.join('+')}; all cluster ranges need the same families`, ...at(r.members[0].first), ranges: plain([reference.members[0].first, r.members[0].first]) });
    }
  }

  // Native routing means "no masquerade inside": a pod range outside it would be masqueraded by surprise.
  const pods = groups.filter((g) => g.first.role === RangeRole.PRIMARY_POD);
  for (const nr of ex.nativeRouting) {
    for (const p of pods.filter((pod) => pod.first.block.family === nr.block.family && !nr.block.contains(pod.first.block))) {
      problems.push({ kind: 'native-routing', message: `native routing: ${nr.name} ${nr.block} (owner: ${nr.owner}) does not contain primary pod range ${p.first.name} ${p.first.block} (owner: ${p.owners.join(', ')})`, ...at(nr), ranges: plain([nr, p.first]) });
    }
  }

  // kube-controller-manager gives each node pod ranges out of the cluster's: inside it, never shared.
  const nodes = mergeClaims(ex.nodePodRanges);
  for (const [a, b] of overlappingPairs(nodes)) {
    problems.push({ kind: 'overlap', message: `overlap: ${describe(a)} overlaps ${describe(b)}`, ...at(culprit(a.first, b.first)), ranges: plain([a.first, b.first]) });
  }
  for (const n of nodes) {
    const sameFamily = pods.filter((p) => p.first.block.family === n.first.block.family);
    if (sameFamily.length > 0 && !sameFamily.some((p) => p.first.block.contains(n.first.block))) {
      problems.push({ kind: 'node-pod-range', message: `node pod range: ${describe(n)} is not inside any primary pod range (${sameFamily.map((p) => `${p.first.block} from ${p.first.name}`).join(', ')})`, ...at(n.first), ranges: plain([n.first, sameFamily[0].first]) });
    }
  }

  return { ranges: all.map((f) => checked.get(f)!), problems, notes };
}

/**
 * Where an overlap is reported (the one GitHub annotation): at the narrower range — the claim carved out
 * of someone else's space, like a network added inside the pod range — and at the one read later when
 * both are as wide.
 */
function culprit(a: Found, b: Found): Found {
  const size = (f: Found) => f.intervals.reduce((n, i) => n + (i.last - i.first + 1n), 0n);
  const sa = size(a);
  const sb = size(b);
  if (sa !== sb) return sa < sb ? a : b;
  return a.order > b.order ? a : b;
}

/** Ranges stated by several objects: the first statement, every owner, the host prefix any gave. */
interface Claim {
  readonly first: Found;
  readonly owners: string[];
  hostPrefix?: number;
}

/** Roles whose ranges belong to one named thing: the same addresses under two names are two claims. */
function keyedByName(role: RangeRole): boolean {
  return role.perNetwork || role === LOAD_BALANCER || role === NODE_POD_RANGE;
}

function mergeClaims(found: Found[]): Claim[] {
  const claims: Claim[] = [];
  const byKey = new Map<string, Claim[]>();
  for (const f of found) {
    const key = `${f.role.name}|${keyedByName(f.role) ? f.name : ''}|${f.block.family}|${f.block.prefix}|${f.intervals.map((i) => `${i.first}-${i.last}`).join(',')}`;
    const same = byKey.get(key) ?? [];
    const claim = same.find((c) => c.hostPrefix === undefined || f.hostPrefix === undefined || c.hostPrefix === f.hostPrefix);
    if (claim) {
      if (!claim.owners.includes(f.owner)) claim.owners.push(f.owner);
      claim.hostPrefix = claim.hostPrefix ?? f.hostPrefix;
      continue;
    }
    const created: Claim = { first: f, owners: [f.owner], hostPrefix: f.hostPrefix };
    same.push(created);
    byKey.set(key, same);
    claims.push(created);
  }
  return claims;
}

/**
 * Every pair of claims sharing an address, each pair once: intervals sorted by start (IPv4 first, longer
 * first on a tie) and swept once, keeping those still open. O(n log n + k) when few intervals nest.
 */
function overlappingPairs(claims: Claim[]): Array<[Claim, Claim]> {
  const pieces: Array<{ claim: Claim; i: AddressInterval }> = [];
  for (const claim of claims) for (const i of claim.first.intervals) pieces.push({ claim, i });
  pieces.sort((a, b) => {
    if (a.i.family !== b.i.family) return a.i.family === IpFamily.IPV4 ? -1 : 1;
    if (a.i.first !== b.i.first) return a.i.first < b.i.first ? -1 : 1;
    return a.i.last === b.i.last ? 0 : a.i.last > b.i.last ? -1 : 1;
  });
  const pairs: Array<[Claim, Claim]> = [];
  const seen = new Set<string>();
  const index = new Map(claims.map((c, n) => [c, n]));
  let open: Array<{ claim: Claim; i: AddressInterval }> = [];
  for (const p of pieces) {
    open = open.filter((o) => o.i.family === p.i.family && o.i.last >= p.i.first);
    for (const o of open) {
      if (o.claim === p.claim) continue;
      const key = `${index.get(o.claim)}|${index.get(p.claim)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      pairs.push([o.claim, p.claim]);
    }
    open.push(p);
  }
  return pairs;
}

/** `decoy pod "ovn-config net_cidr" 10.254.0.0/16/24 (owner: dist/x.yaml#2 ConfigMap ovn-kubernetes/ovn-config)` */
function describe(c: Claim): string {
  const owners = c.owners.length <= 3 ? c.owners.join(', ') : `${c.owners.slice(0, 3).join(', ')} and ${c.owners.length - 3} more`;
  return `${c.first.role} "${c.first.name}" ${rangeText(c.first, c.hostPrefix)} (owner: ${owners})`;
}

function isWhole(f: Found): boolean {
  const whole = intervalOf(f.block);
  return f.intervals.length === 1 && f.intervals[0].first === whole.first && f.intervals[0].last === whole.last;
}

function rangeText(f: Found, hostPrefix: number | undefined): string {
  if (isWhole(f)) return hostPrefix === undefined ? f.block.toString() : `${f.block}/${hostPrefix}`;
  if (f.intervals.length === 0) return `no addresses (in ${f.block})`;
  return `${f.intervals.map(formatInterval).join(', ')} (in ${f.block})`;
}

function toChecked(f: Found, id: number): CheckedRange {
  return {
    id,
    name: f.name,
    role: f.role.name,
    owner: f.owner,
    file: f.file,
    line: f.line,
    field: f.field,
    text: f.text,
    family: f.block.family,
    cidr: f.block.toString(),
    ...(f.hostPrefix === undefined ? {} : { hostPrefix: f.hostPrefix }),
    intervals: f.intervals.map((i) => ({ first: formatIpAddress(i.family, i.first), last: formatIpAddress(i.family, i.last) })),
  };
}
