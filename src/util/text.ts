// Number and string formatting for generated files. Neither goes through ICU: `toLocaleString` and
// `localeCompare` load ICU's locale data on their first call (about 20 ms of a synth), and
// `localeCompare` orders by the process locale, so two machines could write different files.

/** An integer with comma thousands separators, as `en-US` writes it: `65536` → `65,536`. */
export function withThousands(n: number | bigint): string {
  const digits = (n < 0 ? -n : n).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
}

/** A construct id as part of a file name: lowercase, every run of other characters than `a-z0-9.-` one `-`. */
export function fileNamePart(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9.-]+/g, '-');
}

/**
 * A count of addresses as a person reads it: digits with thousands separators up to 2^32 (`65,536`), a
 * power of two beyond, where the digits would no longer help (`2^64`, `~2^63` when not exact).
 */
export function bigSizeText(n: bigint): string {
  if (n <= 2n ** 32n) return withThousands(n);
  const log = n.toString(2).length - 1;
  return n === 2n ** BigInt(log) ? `2^${log}` : `~2^${log}`;
}

/** `2^bits` as bigSizeText writes it: `65,536`, `2^64`. */
export function powerOfTwoText(bits: number): string {
  return bigSizeText(1n << BigInt(bits));
}

/** Orders strings by UTF-16 code unit: the same on every machine, whatever its locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
