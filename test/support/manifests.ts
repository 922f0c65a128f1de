// Reading synthesized manifests in tests: one object by kind and name. (test/cilium/helpers.ts has its own
// `find` with the same rule; it can import this one.)

/** What the tests read from the synthesized YAML. */
export interface Obj {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [key: string]: any;
}

/** The one object of `kind` named `name`; none or several is an error that lists what there is. */
export function find<T extends { kind: string; metadata?: { name?: string } }>(objs: T[], kind: string, name: string): T {
  const found = objs.filter((o) => o.kind === kind && o.metadata?.name === name);
  if (found.length !== 1) {
    throw new Error(`expected one ${kind} ${name}, found ${found.length} in ${objs.map((o) => `${o.kind}/${o.metadata?.name}`).join(', ')}`);
  }
  return found[0];
}
