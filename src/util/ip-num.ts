import type * as IpNum from 'ip-num';

// ip-num is loaded on first use: IPv4 text (the default stack and most plans) is read without it, and
// loading it costs ~20 ms of a ~0.5 s synth. IPv6 text goes through it (src/addressing/ip-address.ts).

let loaded: typeof IpNum | undefined;

/** The ip-num module, required on the first call. */
export function ipNum(): typeof IpNum {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('ip-num') as typeof IpNum);
}

const DOTTED_QUAD = /^(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})$/;

/**
 * The 32-bit value of a dotted-quad IPv4 address: four decimal octets of 0-255 without leading zeros,
 * exactly the texts ip-num's `Validator.isValidIPv4String` accepts (test/util/ip-num.test.ts holds the two
 * equal); undefined for any other text.
 */
export function dottedQuadValue(text: string): number | undefined {
  const m = DOTTED_QUAD.exec(text);
  if (m === null) return undefined;
  const octets = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  if (octets.some((octet) => octet > 255)) return undefined;
  return ((octets[0] * 256 + octets[1]) * 256 + octets[2]) * 256 + octets[3];
}
