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
 * `2^bits` as a person reads it: digits with thousands separators up to 2^32 (`65,536`), `2^bits` beyond,
 * where the digits would no longer help (and a `number` would no longer be exact).
 */
export function powerOfTwoText(bits: number): string {
  return bits <= 32 ? withThousands(2 ** bits) : `2^${bits}`;
}

/** Orders strings by UTF-16 code unit: the same on every machine, whatever its locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
