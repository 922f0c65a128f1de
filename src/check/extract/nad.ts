import { Cidr, IpFamily, RangeRole, parseIpAddress } from '../../addressing';
import { OVN_CNI_PLUGIN_TYPE } from '../../common/cni-facts';
import { AddressInterval, parseLooseCidr, subtract } from '../address-interval';
import { ObjectContext, ValueSyntax } from './found';
import { pushExcluded } from './ovn';

const CONFIG = ['spec', 'config'];

/**
 * NetworkAttachmentDefinition `spec.config` (CNI JSON, one plugin or a `plugins` list): OVN-Kubernetes
 * subnets/excludeSubnets, whereabouts `range`/`ipRanges`, and host-local/static `subnet`/`ranges`.
 */
export function extractNad(ctx: ObjectContext, o: any): void {
  const text = o.spec?.config;
  if (typeof text !== 'string' || text.trim() === '') return; // a NAD without config points at a file on the node
  let config: any;
  try {
    config = JSON.parse(text);
  } catch (e) {
    ctx.problem('malformed', `malformed: ${ctx.owner} spec.config is not JSON: ${(e as Error).message}`, ctx.line(CONFIG));
    return;
  }
  if (!config || typeof config !== 'object') return;
  const network = typeof config.name === 'string' ? config.name : ctx.owner;
  const plugins: any[] = Array.isArray(config.plugins) ? config.plugins : [config];
  plugins.forEach((plugin, i) => {
    const at = Array.isArray(config.plugins) ? `plugins[${i}].` : '';
    if (plugin?.type === OVN_CNI_PLUGIN_TYPE) {
      const subnets = ctx.addCidrs([], network, RangeRole.SECONDARY_NETWORK, plugin.subnets, `spec.config ${at}subnets`, CONFIG,
        { syntax: plugin.topology === 'layer3' ? ValueSyntax.CLUSTER_SUBNET : ValueSyntax.CIDR, needles: ['"subnets"'] });
      const excludes = ctx.addCidrs([], `${network} excludeSubnets`, RangeRole.SECONDARY_NETWORK, plugin.excludeSubnets,
        `spec.config ${at}excludeSubnets`, CONFIG, { needles: ['"excludeSubnets"'] });
      pushExcluded(ctx, subnets, excludes);
    }
    const ipam = plugin?.ipam;
    if (!ipam || typeof ipam !== 'object') return;
    if (ipam.type === 'whereabouts' || ipam.range !== undefined || ipam.ipRanges !== undefined) {
      extractWhereabouts(ctx, network, ipam, `${at}ipam`);
    } else {
      extractHostLocal(ctx, network, ipam, `${at}ipam`);
    }
  });
}

interface RangeConfig { range?: unknown; range_start?: unknown; range_end?: unknown; exclude?: unknown }

/**
 * whereabouts (v0.9, pkg/config LoadIPAMConfig and pkg/iphelpers GetIPRange): `range` may carry host bits
 * (the block is its network) or be `start-end/prefix`; the addresses handed out run from the first usable
 * (network + 1) to the last usable (broadcast - 1), narrowed by `range_start`/`range_end` when they lie
 * inside (whereabouts silently ignores them otherwise), minus the `exclude` blocks. The top-level `range`
 * comes first, then each `ipRanges` entry. Not modelled: for IPv6 ranges of /64 or wider whereabouts can
 * only reach the first /65 (its README, "Known limitations"); the whole interval is kept, which can only
 * report more overlaps, never fewer.
 */
function extractWhereabouts(ctx: ObjectContext, network: string, ipam: any, at: string): void {
  const entries: Array<{ cfg: RangeConfig; field: string; needles: string[] }> = [];
  if (typeof ipam.range === 'string' && ipam.range !== '') {
    entries.push({ cfg: { range: ipam.range, range_start: ipam.range_start, range_end: ipam.range_end, exclude: ipam.exclude }, field: `${at}.range`, needles: ['"range"'] });
  } else if (ipam.range !== undefined && ipam.range !== '') {
    ctx.problem('malformed', `malformed: ${ctx.owner} ${network}: whereabouts range ${JSON.stringify(ipam.range)} must be a string such as "192.168.2.0/24"`, ctx.line(CONFIG, '"range"'));
  }
  (Array.isArray(ipam.ipRanges) ? ipam.ipRanges : []).forEach((r: RangeConfig, i: number) => {
    entries.push({ cfg: r ?? {}, field: `${at}.ipRanges[${i}].range`, needles: ['"ipRanges"', ...Array(i + 1).fill('"range"')] });
  });
  for (const { cfg, field, needles } of entries) {
    const text = String(cfg.range);
    const line = ctx.line(CONFIG, ...needles, text);
    try {
      let block: Cidr;
      let start: bigint | undefined;
      let end: bigint | undefined;
      const dash = text.indexOf('-');
      if (dash >= 0) {
        const first = parseIpAddress(text.slice(0, dash));
        const loose = parseLooseCidr(text.slice(dash + 1));
        block = loose.cidr;
        if (first.family !== block.family || !block.contains(Cidr._fromFirst(first.family, first.value, Cidr.addressBits(block.family)))) {
          throw new Error(`invalid range "${text}": start ${text.slice(0, dash)} is not inside ${block}`);
        }
        start = first.value;
        end = loose.address;
      } else {
        block = parseLooseCidr(text).cidr;
        start = optionalAddress(cfg.range_start, 'range_start', block.family);
        end = optionalAddress(cfg.range_end, 'range_end', block.family);
      }
      if (block._last - block._first < 2n) throw new Error(`range "${text}" has no usable addresses (whereabouts needs a block of at least 4 addresses for IPv4, /126 for IPv6)`);
      let first = block._first + 1n;
      let last = block._last - 1n;
      if (start !== undefined && start >= first && start <= last) first = start;
      if (end !== undefined && end >= first && end <= last) last = end;
      const holes: AddressInterval[] = [];
      for (const ex of Array.isArray(cfg.exclude) ? cfg.exclude : cfg.exclude === undefined ? [] : [cfg.exclude]) {
        // pkg/allocate parseExcludedRange: a CIDR (host bits masked) or a bare address
        if (typeof ex === 'string' && !ex.includes('/')) {
          const a = parseIpAddress(ex);
          holes.push({ family: a.family, first: a.value, last: a.value });
          continue;
        }
        const c = parseLooseCidr(ex).cidr;
        holes.push({ family: c.family, first: c._first, last: c._last });
      }
      const intervals = subtract({ family: block.family, first, last }, holes);
      ctx.push(ctx.out.ranges, { name: network, role: RangeRole.SECONDARY_NETWORK, line, field: `spec.config ${field}`, text, block, intervals });
    } catch (e) {
      ctx.problem('malformed', `malformed: ${ctx.owner} ${network}: ${(e as Error).message}`, line);
    }
  }
}

function optionalAddress(value: unknown, key: string, family: IpFamily): bigint | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const a = parseIpAddress(value);
  if (a.family !== family) throw new Error(`${key} "${value}" is ${a.family} but the range is ${family}`);
  return a.value;
}

/**
 * host-local and static-like IPAM: `subnet` (with `rangeStart`/`rangeEnd`) or `ranges: [[{subnet,
 * rangeStart, rangeEnd}]]`. host-local refuses host bits; its default pool is network + 1 to the last
 * address (IPv6) or broadcast - 1 (IPv4).
 */
function extractHostLocal(ctx: ObjectContext, network: string, ipam: any, at: string): void {
  const sets: any[] = [];
  if (ipam.subnet !== undefined) sets.push({ r: ipam, field: `${at}.subnet`, needles: ['"subnet"'] });
  (Array.isArray(ipam.ranges) ? ipam.ranges : []).forEach((set: any, i: number) => {
    (Array.isArray(set) ? set : []).forEach((r: any, j: number) => sets.push({ r: r ?? {}, field: `${at}.ranges[${i}][${j}].subnet`, needles: ['"ranges"'] }));
  });
  for (const { r, field, needles } of sets) {
    for (const found of ctx.addCidrs([], network, RangeRole.SECONDARY_NETWORK, r.subnet, `spec.config ${field}`, CONFIG, { needles })) {
      try {
        const b = found.block;
        let first = b._last - b._first >= 2n ? b._first + 1n : b._first;
        let last = b.family === IpFamily.IPV4 && b._last - b._first >= 2n ? b._last - 1n : b._last;
        const start = optionalAddress(r.rangeStart, 'rangeStart', b.family);
        const end = optionalAddress(r.rangeEnd, 'rangeEnd', b.family);
        for (const [key, v] of [['rangeStart', start], ['rangeEnd', end]] as const) {
          if (v !== undefined && (v < b._first || v > b._last)) throw new Error(`${key} "${key === 'rangeStart' ? r.rangeStart : r.rangeEnd}" is not inside ${b}`);
        }
        if (start !== undefined) first = start;
        if (end !== undefined) last = end;
        const intervals = first <= last ? [{ family: b.family, first, last }] : [];
        ctx.push(ctx.out.ranges, { ...found, intervals });
      } catch (e) {
        ctx.problem('malformed', `malformed: ${ctx.owner} ${network}: ${(e as Error).message}`, found.line);
      }
    }
  }
}

