import type * as IpNum from 'ip-num';

// ip-num is loaded on first use: canonical IPv4 text (the default stack and most plans) is read without it,
// and loading it costs ~20 ms of a ~0.5 s synth. IPv6, odd forms and every error go through it.

let loaded: typeof IpNum | undefined;

/** The ip-num module, required on the first call. */
export function ipNum(): typeof IpNum {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('ip-num') as typeof IpNum);
}

const DOTTED_QUAD = /^(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})$/;

/**
 * A dotted-quad IPv4 address: four decimal octets of 0-255 without leading zeros, exactly the texts
 * ip-num's `Validator.isValidIPv4String` accepts (test/util/ip-num.test.ts holds the two equal).
 */
export function isDottedQuadIpv4(text: string): boolean {
  const m = DOTTED_QUAD.exec(text);
  return m !== null && [m[1], m[2], m[3], m[4]].every((octet) => Number(octet) <= 255);
}
