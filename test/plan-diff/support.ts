import { parseManifestText } from '../../src/check';
import { synthesize, valuesToProps } from '../../src/app';
import { yaml } from '../../src/util/yaml';

const cache = new Map<string, any[]>();

/** The objects synth writes for a values file (YAML text), read back from the files' text as `plan --diff` reads them. */
export function outputOf(values: string): any[] {
  const hit = cache.get(values);
  if (hit) return structuredClone(hit);
  const files = synthesize(valuesToProps(yaml.parse(values) ?? {})).files;
  const objects = files.filter((f) => f.objects.length > 0).flatMap((f) => parseManifestText(f.content, f.path).map((d) => d.object));
  cache.set(values, objects);
  return structuredClone(objects);
}

/** The object of a kind and name among `objects` (throws when absent, so a test cannot pass on nothing). */
export function objectOf(objects: any[], kind: string, name: string): any {
  const found = objects.find((o) => o.kind === kind && o.metadata?.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in the output`);
  return found;
}
