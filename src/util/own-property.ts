/**
 * Sets `key` as an own, enumerable property of `target`, `__proto__` included: a plain assignment of
 * `__proto__` would replace the prototype instead, and a values key would vanish unchecked.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
