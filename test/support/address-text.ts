import * as fc from 'fast-check';
import { isIPv4 } from 'net';

// Random IP address and CIDR texts for the property tests of the address parser, and an oracle that reads
// them without our code: Node's net.isIPv4 for IPv4 (no leading zeros, as Go since 1.17) and the WHATWG URL
// parser for IPv6 (compressed forms, dotted-quad tails, no zone), both as Go's net.ParseIP reads them.

/** What the oracle reads in `text`: the family as written and the value, or undefined when it is no address. */
export function oracleAddress(text: string): { family: 'IPv4' | 'IPv6'; value: bigint } | undefined {
  if (isIPv4(text)) return { family: 'IPv4', value: text.split('.').reduce((v, o) => v * 256n + BigInt(o), 0n) };
  // the URL parser strips tabs and newlines and reads %, / and ] itself: only hex digits, colons and dots go in
  if (!text.includes(':') || !/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  let host: string;
  try {
    host = new URL(`http://[${text}]/`).hostname;
  } catch {
    return undefined;
  }
  return { family: 'IPv6', value: ipv6Value(host.slice(1, -1)) };
}

/** The canonical (RFC 5952) text of a 128-bit value, as the WHATWG URL serializer writes it. */
export function oracleIpv6Text(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => ((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
  return new URL(`http://[${groups.join(':')}]/`).hostname.slice(1, -1);
}

/** The value of an IPv6 text in the URL serializer's form (hex groups, at most one `::`). */
function ipv6Value(serialized: string): bigint {
  const [head, tail] = serialized.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((v, g) => (v << 16n) + BigInt(`0x${g}`), 0n);
}

const octetText = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 255 }).map(String) },
  { weight: 1, arbitrary: fc.integer({ min: 256, max: 999 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('00', '01', '010', '0255', '1e2', '', ' 1', '-1') },
);

/** IPv4 texts: mostly valid dotted quads, some with leading zeros, large octets, three or five parts. */
export const ipv4Text: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(octetText, octetText, octetText, octetText).map((o) => o.join('.')) },
  { weight: 1, arbitrary: fc.array(octetText, { minLength: 3, maxLength: 5 }).map((o) => o.join('.')) },
);

/** A 128-bit value, biased to the shapes that matter: zero runs (compression), IPv4-mapped, small. */
const ipv6Value128 = fc.oneof(
  fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
  fc.bigInt({ min: 0n, max: 0xffffffffn }).map((v) => (0xffffn << 32n) | v), // ::ffff:a.b.c.d
  fc.bigInt({ min: 0n, max: 0xffffffffn }), // ::a.b.c.d and small values
  fc.tuple(fc.array(fc.constantFrom(0, 0, 0, 1, 0xffff, 0xfd00, 0x10), { minLength: 8, maxLength: 8 }))
    .map(([g]) => g.reduce((v, x) => (v << 16n) + BigInt(x), 0n)),
);

/** How a value is written: which zero run becomes `::`, case, leading zeros per group, a dotted-quad tail. */
export interface Ipv6Style { readonly compress: number; readonly upper: boolean; readonly pad: readonly number[]; readonly dottedTail: boolean }

const ipv6Style: fc.Arbitrary<Ipv6Style> = fc.record({
  compress: fc.nat(),
  upper: fc.boolean(),
  pad: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 }),
  dottedTail: fc.boolean(),
});

/** Writes `value` in one of the valid IPv6 forms. */
export function writeIpv6(value: bigint, style: Ipv6Style): string {
  const words = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  const groupCount = style.dottedTail ? 6 : 8;
  const groups = words.slice(0, groupCount).map((w, i) => w.toString(16).padStart(Math.min(4, w.toString(16).length + style.pad[i]), '0'));
  const text = (parts: string[]) => parts.join(':');
  const tail = style.dottedTail ? [24, 16, 8, 0].map((s) => (Number(value & 0xffffffffn) >>> s) & 255).join('.') : '';
  // every run of zero groups may be written as "::" (not only the longest): all are valid texts
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < groupCount; i++) {
    if (words[i] !== 0) continue;
    let j = i;
    while (j < groupCount && words[j] === 0) j++;
    for (let a = i; a < j; a++) for (let b = a + 1; b <= j; b++) runs.push([a, b]);
    i = j;
  }
  let out: string;
  if (runs.length === 0 || style.compress % (runs.length + 1) === runs.length) {
    out = text(groups) + (style.dottedTail ? `:${tail}` : '');
  } else {
    const [a, b] = runs[style.compress % (runs.length + 1)];
    const right = text(groups.slice(b)) + (style.dottedTail ? `${b < groupCount ? ':' : ''}${tail}` : '');
    out = `${text(groups.slice(0, a))}::${right}`;
  }
  return style.upper ? out.toUpperCase() : out;
}

/** A small change that usually makes an IPv6 text invalid (and sometimes leaves it valid). */
const ipv6Mutation = fc.constantFrom(
  (t: string) => `${t}:`, (t: string) => `:${t}`, (t: string) => t.replace(':', ':::'), (t: string) => `${t}::1`,
  (t: string) => `1::${t}`, (t: string) => t.replace(/[0-9a-fA-F]/, 'g'), (t: string) => t.replace(/([0-9a-fA-F]+)/, '0$1'),
  (t: string) => t.replace(/([0-9a-fA-F]+)/, '1234$1'), (t: string) => `${t}%eth0`, (t: string) => ` ${t}`,
  (t: string) => t.replace(/\.(\d+)$/, '.0$1'), (t: string) => t.replace(/\.(\d+)$/, '.$1.1'), (t: string) => t.replace(/:[^:]*$/, ''),
  (t: string) => `${t}.1`, (t: string) => t.replace(/\d+$/, '256'), (t: string) => `[${t}]`,
);

/** IPv6 texts: valid forms of random values, and mutations of them. */
export const ipv6Text: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(ipv6Value128, ipv6Style).map(([v, s]) => writeIpv6(v, s)) },
  { weight: 1, arbitrary: fc.tuple(ipv6Value128, ipv6Style, ipv6Mutation).map(([v, s, m]) => m(writeIpv6(v, s))) },
);

/** Any address text, with a few that are neither family. */
export const addressText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: ipv4Text },
  { weight: 5, arbitrary: ipv6Text },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'localhost', '::', ':', ':::', '1.2.3.4/8', '0x1.2.3.4', 'fe80::1%25eth0') },
);

/**
 * CIDR texts: a random address with its host bits usually cleared (so both parsers accept it), written in
 * any of the forms above, and a prefix from 0 to past the family's limit or a malformed one.
 */
export const cidrText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), ipv6Value128, fc.integer({ min: 0, max: 128 }), fc.nat(9), ipv6Style)
      .map(([v4, random, v6, prefixSeed, hostBitsSeed, style]) => {
        const bits = v4 ? 32 : 128;
        // mapped IPv6 values need a prefix of 96 or more to be networks; bias the prefix toward the long end
        const prefix = v4 ? prefixSeed % 33 : (v6 >> 32n === 0xffffn && prefixSeed % 2 === 0 ? 96 + (prefixSeed % 33) : prefixSeed);
        const value = v4 ? random & 0xffffffffn : v6;
        const hostBits = BigInt(bits - prefix);
        const masked = hostBitsSeed === 0 ? value : (value >> hostBits) << hostBits;
        const address = v4 ? [24n, 16n, 8n, 0n].map((s) => ((masked >> s) & 255n).toString()).join('.') : writeIpv6(masked, style);
        return `${address}/${prefix}`;
      }),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(addressText, fc.oneof(fc.integer({ min: 0, max: 130 }).map(String), fc.constantFrom('', '08', '-1', 'x', '1/2', ' 8')))
      .map(([a, p]) => `${a}/${p}`),
  },
  { weight: 1, arbitrary: addressText },
);
