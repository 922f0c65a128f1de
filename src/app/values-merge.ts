import { setOwn } from '../util/own-property';

/**
 * Values files merged left to right as helm merges repeated `--values` (helm's pkg/cli/values `mergeMaps`):
 * a mapping of a later file is merged key by key into the earlier one's, recursively; anything else
 * (a scalar, a list, `null`) replaces what was there. Lists are never concatenated: the last file that
 * names `networks` gives all of them. A `null` is kept, and unsets the key afterwards (`key: ~` means the
 * default, as in one file). A file with no document (empty, or only comments) changes nothing.
 */
export function mergeValues(layers: unknown[]): unknown {
  return layers.reduce<unknown>((merged, layer) => (layer === null || layer === undefined ? merged : mergeTwo(merged, layer)), {});
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mergeTwo(base: unknown, over: unknown): unknown {
  if (!isMapping(base) || !isMapping(over)) return over;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(base)) setOwn(out, key, base[key]);
  for (const key of Object.keys(over)) {
    setOwn(out, key, Object.prototype.hasOwnProperty.call(base, key) ? mergeTwo(base[key], over[key]) : over[key]);
  }
  return out;
}

/**
 * The file to name for a problem at `keyPath` (`networks[2].subnets`, `addressing.decoy`) of the merged
 * values: the last file that sets that key, else the last that sets its nearest enclosing key (a list comes
 * whole from one file); undefined when no file sets any of it (a problem with a default).
 */
export function fileOfKey(files: string[], layers: unknown[], keyPath: string): string | undefined {
  const segments = keyPath.split(/\.|(?=\[)/).map((s) => (/^\[\d+\]$/.test(s) ? Number(s.slice(1, -1)) : s));
  for (let depth = segments.length; depth > 0; depth--) {
    for (let i = layers.length - 1; i >= 0; i--) {
      if (sets(layers[i], segments.slice(0, depth))) return files[i];
    }
  }
  return undefined;
}

function sets(value: unknown, path: (string | number)[]): boolean {
  let at = value;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!Array.isArray(at) || key >= at.length) return false;
      at = at[key];
    } else {
      if (!isMapping(at) || !Object.prototype.hasOwnProperty.call(at, key)) return false;
      at = at[key];
    }
  }
  return true;
}
