// The one error grammar of the project: `field.path: invalid value "shown": expected what would be valid`.
// Every component words its own `expected …`; the path, the quoting and the truncation are here.

/**
 * Longest string a message shows whole; a longer one is cut to its first SHOWN_CUT characters, `…`, and its
 * length. Also the limit of synth's one-line errors (src/app/error-message.ts).
 */
export const SHOWN_MAX = 80;
/** The characters of a too-long string a message keeps. */
export const SHOWN_CUT = SHOWN_MAX - 20;

/**
 * A value as a message shows it: JSON (strings quoted), a string longer than SHOWN_MAX characters cut with its
 * length, an object by its class name, `undefined` as such.
 */
export function showValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string' && value.length > SHOWN_MAX) {
    return `${JSON.stringify(value.slice(0, SHOWN_CUT)).slice(0, -1)}…" (${value.length} characters)`;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && value.constructor !== Object) {
    return value.constructor?.name ?? 'an object';
  }
  const json = JSON.stringify(value) ?? String(value);
  return json.length > SHOWN_MAX * 2 ? `${json.slice(0, SHOWN_MAX)}… (${json.length} characters)` : json;
}

/** `a.b` / `a[0]`: a key appended to a path (an empty path is the root). */
export function fieldPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/** `field: invalid value "v": expected …`. */
export function invalidValue(field: string, value: unknown, expected: string): Error {
  return new Error(`${field}: invalid value ${showValue(value)}: expected ${expected}`);
}

/** Runs `build`, prefixing any error it throws with the field it concerns (`addressing.decoySearch: …`). */
export function atField<T>(field: string, build: () => T): T {
  try {
    return build();
  } catch (e) {
    throw new Error(`${field}: ${(e as Error).message}`);
  }
}

/** Runs a parser, prefixing its error with the field that held the bad text (`nodeNetworks[1]: …`). */
export function parseField<T>(field: string, text: string, parse: (text: string) => T): T {
  return atField(field, () => parse(text));
}

/** `"a" or "b"`, `"a", "b" or "c"`: allowed values as a values file and a TypeScript string enum both spell them. */
export function quotedChoice(values: readonly string[]): string {
  const quoted = values.map((value) => JSON.stringify(value));
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** A message that starts with a key path (`ingress[0].ports[1]: …`). */
const KEY_PATH_START = /^[A-Za-z][A-Za-z0-9]*(\[\d+\])*(\.[A-Za-z][A-Za-z0-9]*(\[\d+\])*)*: /;

/**
 * As atField, but a message that starts with a key path is joined to the prefix with a dot, so nested
 * components give one path (`networks[0].policies[1]` + `ingress[0].from[0]: …` →
 * `networks[0].policies[1].ingress[0].from[0]: …`).
 */
export function atKeyPath<T>(prefix: string, build: () => T): T {
  try {
    return build();
  } catch (e) {
    const message = (e as Error).message;
    throw new Error(KEY_PATH_START.test(message) ? `${prefix}.${message}` : `${prefix}: ${message}`);
  }
}
