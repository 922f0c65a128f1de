import { createHash } from 'crypto';

/**
 * The first `length` hex digits of the SHA-256 of a value's canonical JSON (object keys sorted, so the
 * order in which code built an object does not matter). For names that must change whenever an immutable
 * spec changes, as the Cilium chart names its certgen Job after `sha256sum | trunc 10` of the Job's spec.
 */
export function contentHash(value: unknown, length = 10): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, length);
}

/** JSON with every object's keys in sorted order; `undefined` members are dropped, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]))
    : v));
}
