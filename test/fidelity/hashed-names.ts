/**
 * Objects named after a hash of their content (the certgen Jobs `hubble-generate-certs-<10 hex>`): the
 * chart hashes its template text, we hash the spec we render, so the digits never agree. Both sides' names
 * are replaced by `<base>-<hash>` so the objects are compared field by field, and the names themselves
 * become one difference, `<kind> <ns>/<base>-<hash>: metadata.name`, listed like any other.
 */
import { Difference } from './compare';

const HASHED = [{ kind: 'Job', base: 'hubble-generate-certs' }];

export function normalizeHashedNames(upstream: any[], project: any[]): { upstream: any[]; project: any[]; differences: Difference[] } {
  const differences: Difference[] = [];
  const rename = (objects: any[]) => {
    const names = new Map<string, string>();
    const renamed = objects.map((o) => {
      const h = HASHED.find((x) => x.kind === o.kind && (o.metadata?.name === x.base || new RegExp(`^${x.base}-[0-9a-f]{10}$`).test(o.metadata?.name)));
      if (!h) return o;
      const key = `${o.kind} ${o.metadata.namespace ? o.metadata.namespace + '/' : ''}${h.base}-<hash>`;
      names.set(key, o.metadata.name);
      return { ...o, metadata: { ...o.metadata, name: `${h.base}-<hash>` } };
    });
    return { renamed, names };
  };
  const u = rename(upstream);
  const p = rename(project);
  for (const key of new Set([...u.names.keys(), ...p.names.keys()])) {
    const a = u.names.get(key);
    const b = p.names.get(key);
    if (a !== undefined && b !== undefined && a !== b) differences.push({ id: `${key}: metadata.name`, upstream: a, project: b });
  }
  return { upstream: u.renamed, project: p.renamed, differences };
}
