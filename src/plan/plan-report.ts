import { AddressPlan, AddressRange, Cidr, IpFamily } from '../addressing';
import { bigSizeText, compareText, powerOfTwoText } from '../util/text';

// The address plan for people reviewing a pull request: a Markdown table and an SVG map. Both are pure
// functions of the plan, so the same plan gives byte-identical files.

function cidrText(r: AddressRange): string {
  return r.hostPrefix === undefined ? r.cidr.toString() : `${r.cidr.toString()}/${r.hostPrefix}`;
}

function sorted(plan: AddressPlan): AddressRange[] {
  return plan.ranges.sort((a, b) => (a.cidr.family === b.cidr.family ? 0 : a.cidr.family === IpFamily.IPV4 ? -1 : 1)
    || (a.cidr._first < b.cidr._first ? -1 : a.cidr._first > b.cidr._first ? 1 : a.cidr.prefix - b.cidr.prefix)
    || compareText(a.role.name, b.role.name) || compareText(a.name, b.name));
}

/** Union of the ranges of one family as [first, last] intervals. */
function union(ranges: AddressRange[]): Array<[bigint, bigint]> {
  const out: Array<[bigint, bigint]> = [];
  for (const r of [...ranges].sort((a, b) => (a.cidr._first < b.cidr._first ? -1 : a.cidr._first > b.cidr._first ? 1 : 0))) {
    const last = out[out.length - 1];
    if (last && r.cidr._first <= last[1] + 1n) last[1] = last[1] > r.cidr._last ? last[1] : r.cidr._last;
    else out.push([r.cidr._first, r.cidr._last]);
  }
  return out;
}

/** Per family: how many ranges, addresses planned (overlaps counted once), addresses free. */
function familySummary(ranges: AddressRange[]) {
  return [IpFamily.IPV4, IpFamily.IPV6].flatMap((family) => {
    const own = ranges.filter((r) => r.cidr.family === family);
    if (own.length === 0) return [];
    const used = union(own).reduce((n, [a, b]) => n + (b - a + 1n), 0n);
    const total = 2n ** BigInt(Cidr.addressBits(family));
    return [{ family, count: own.length, used, free: total - used }];
  });
}

/** The plan as Markdown: one row per range (range, role, name, owner, size) and free space per family. */
export function addressPlanMarkdown(plan: AddressPlan): string {
  const ranges = sorted(plan);
  const problems = plan.check();
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    '# Address plan',
    '',
    '| range | family | role | name | owner | size | per node |',
    '|---|---|---|---|---|---|---|',
    ...ranges.map((r) => `| \`${cidrText(r)}\` | ${r.cidr.family} | ${esc(r.role.name)} | ${esc(r.name)} | ${esc(r.owners.join(', '))} | ${powerOfTwoText(Cidr.addressBits(r.cidr.family) - r.cidr.prefix)} | ${
      r.hostPrefix === undefined ? '' : `${powerOfTwoText(r.hostPrefix - r.cidr.prefix)} subnets of /${r.hostPrefix}${r.nodeCount === undefined ? '' : ` for ${r.nodeCount} nodes`}`} |`),
    '',
    '| family | ranges | addresses planned | addresses free |',
    '|---|---|---|---|',
    ...familySummary(ranges).map((s) => `| ${s.family} | ${s.count} | ${bigSizeText(s.used)} | ${bigSizeText(s.free)} |`),
    '',
    problems.length === 0 ? 'No problems: every range is disjoint and well-formed.' : `## ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
    ...(problems.length === 0 ? [] : ['', ...problems.map((p) => `- ${esc(p)}`)]),
    '',
  ];
  return lines.join('\n');
}

const ROLE_COLOURS: Record<string, string> = {
  'node network': '#6b7280',
  'service': '#2563eb',
  'primary pod': '#16a34a',
  'decoy pod': '#a855f7',
  'ovn join': '#f59e0b',
  'ovn transit': '#0891b2',
  'ovn masquerade': '#db2777',
  'secondary network': '#65a30d',
  'load balancer': '#ea580c',
  'egress ip': '#0f766e',
};
const OVERLAP = '#dc2626';

function colourOf(role: string): string {
  if (ROLE_COLOURS[role]) return ROLE_COLOURS[role];
  let h = 0;
  for (const c of role) h = (h * 31 + c.charCodeAt(0)) % 360;
  return `hsl(${h}, 45%, 45%)`;
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The plan as an SVG map, one band per family. The address space is drawn on a compressed axis: each
 * stretch between range boundaries gets a width growing with the log of its size, and each free gap a
 * fixed narrow slot labelled with its size, so a /112 and a /8 are both visible. Nested or overlapping
 * ranges go on lower lanes; every overlap is drawn in red with a red outline on both ranges.
 */
export function addressPlanSvg(plan: AddressPlan): string {
  const ranges = sorted(plan);
  const width = 1000;
  const left = 20;
  const laneHeight = 34;
  const parts: string[] = [];
  let y = 64;
  const roles = [...new Set(ranges.map((r) => r.role.name))];
  for (const family of [IpFamily.IPV4, IpFamily.IPV6]) {
    const own = ranges.filter((r) => r.cidr.family === family);
    if (own.length === 0) continue;
    // axis: boundaries of every range, plus the ends of the family's space
    // (sorted, then deduplicated by neighbour: V8 hashes 128-bit bigints badly, so no Set or Map keyed by them)
    const points = [0n, 2n ** BigInt(Cidr.addressBits(family)), ...own.flatMap((r) => [r.cidr._first, r.cidr._last + 1n])]
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .filter((p, i, all) => i === 0 || p !== all[i - 1]);
    // Linear in the ranges after sorting (plans of thousands of networks): coverage of each axis stretch from
    // one sweep over the range boundaries, x positions by map, lanes and overlaps from the nesting order.
    const indexOf = new Map(points.map((p, i) => [p.toString(16), i]));
    const depth = new Array<number>(points.length).fill(0);
    for (const r of own) {
      depth[indexOf.get(r.cidr._first.toString(16))!]++;
      depth[indexOf.get((r.cidr._last + 1n).toString(16))!]--;
    }
    for (let i = 1; i < depth.length; i++) depth[i] += depth[i - 1];
    const coveredAt = (i: number) => depth[i] > 0;
    const weights = points.slice(0, -1).map((p, i) => (coveredAt(i) ? 2 + (points[i + 1] - p).toString(2).length / 4 : 0.6));
    const total = weights.reduce((a, b) => a + b, 0);
    const xs = [left];
    for (const w of weights) xs.push(xs[xs.length - 1] + (w / total) * (width - 2 * left));
    const xOf = (v: bigint) => xs[indexOf.get(v.toString(16))!];
    // lanes: a range goes on the first lane where it overlaps nothing already placed. Ranges come sorted by
    // start (the larger first) and CIDRs are nested or disjoint, so only a lane's last range can overlap it.
    const lanes: AddressRange[][] = [];
    const laneOf = new Map<AddressRange, number>();
    for (const r of own) {
      let lane = lanes.findIndex((l) => !l[l.length - 1].cidr.overlaps(r.cidr));
      if (lane < 0) lane = lanes.push([]) - 1;
      lanes[lane].push(r);
      laneOf.set(r, lane);
    }
    // every overlapping pair once (the plan's sweep), in the order of `own`
    const order = new Map(own.map((r, i) => [r, i]));
    const pairs = plan.overlapPairs().filter((p) => order.has(p.first) && order.has(p.second))
      .map((p) => [order.get(p.first)!, order.get(p.second)!].sort((a, b) => a - b))
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const overlapping = new Set<AddressRange>();
    const overlaps: Array<[bigint, bigint]> = [];
    for (const [i, j] of pairs) {
      overlapping.add(own[i]).add(own[j]);
      const a = own[i].cidr._first > own[j].cidr._first ? own[i].cidr._first : own[j].cidr._first;
      const b = own[i].cidr._last < own[j].cidr._last ? own[i].cidr._last : own[j].cidr._last;
      overlaps.push([a, b]);
    }
    parts.push(`<text x="${left}" y="${y - 12}" class="h">${family} (${own.length} range${own.length === 1 ? '' : 's'})</text>`);
    const bandTop = y;
    const bandHeight = lanes.length * laneHeight;
    parts.push(`<rect x="${left}" y="${bandTop}" width="${width - 2 * left}" height="${bandHeight}" fill="#f3f4f6" stroke="#d1d5db"/>`);
    points.slice(0, -1).forEach((p, i) => {
      if (coveredAt(i)) return;
      // the end gaps are labelled from the band's edge inwards so the text stays inside the picture
      const [x, anchor] = i === 0 ? [xs[0], 'start'] : i === points.length - 2 ? [xs[i + 1], 'end'] : [(xs[i] + xs[i + 1]) / 2, 'middle'];
      parts.push(`<text x="${x.toFixed(1)}" y="${(bandTop + bandHeight + 12).toFixed(1)}" class="f" text-anchor="${anchor}">free ${xml(bigSizeText(points[i + 1] - p))}</text>`);
    });
    for (const r of own) {
      const x0 = xOf(r.cidr._first);
      const x1 = xOf(r.cidr._last + 1n);
      const ry = bandTop + laneOf.get(r)! * laneHeight + 3;
      const bad = overlapping.has(r);
      parts.push(`<g><title>${xml(`${cidrText(r)} ${r.role.name} "${r.name}" (owner: ${r.owners.join(', ')})`)}</title>`
        + `<rect x="${x0.toFixed(1)}" y="${ry}" width="${(x1 - x0).toFixed(1)}" height="${laneHeight - 6}" fill="${colourOf(r.role.name)}"`
        + `${bad ? ` stroke="${OVERLAP}" stroke-width="3"` : ' stroke="#ffffff"'}/>`
        + `<text x="${((x0 + x1) / 2).toFixed(1)}" y="${ry + laneHeight / 2}" class="l" text-anchor="middle">${xml(cidrText(r))}</text></g>`);
    }
    for (const [a, b] of overlaps) {
      const x0 = xOf(a);
      const x1 = xOf(b + 1n);
      parts.push(`<rect x="${x0.toFixed(1)}" y="${bandTop}" width="${(x1 - x0).toFixed(1)}" height="${bandHeight}" fill="${OVERLAP}" fill-opacity="0.45"><title>overlap</title></rect>`);
    }
    y = bandTop + bandHeight + 50;
  }
  // legend
  roles.forEach((role, i) => {
    const x = left + (i % 4) * 240;
    const ly = y + Math.floor(i / 4) * 20;
    parts.push(`<rect x="${x}" y="${ly - 10}" width="12" height="12" fill="${colourOf(role)}"/><text x="${x + 18}" y="${ly}" class="k">${xml(role)}</text>`);
  });
  const legendRows = Math.ceil(roles.length / 4);
  const problems = plan.overlapPairs().length;
  const ly = y + legendRows * 20 + 4;
  parts.push(`<rect x="${left}" y="${ly - 10}" width="12" height="12" fill="${OVERLAP}"/><text x="${left + 18}" y="${ly}" class="k">overlap (${problems})</text>`);
  const height = ly + 16;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    '<style>text{font-family:sans-serif}.h{font-size:14px;font-weight:bold}.l{font-size:10px;fill:#fff}.f{font-size:9px;fill:#6b7280}.k{font-size:11px}</style>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${left}" y="18" class="h">Address plan</text>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
