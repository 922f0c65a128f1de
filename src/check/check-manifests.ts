import { analyze } from './analysis';
import { ManifestCheckResult } from './check-result';
import { extractAll } from './extract';
import { ManifestDocument, ManifestInputs, ManifestReadError, readManifestInputs, yamlTypeProblemsOf } from './manifest-reader';

/**
 * Checks manifests already parsed (e.g. `Testing.synth(chart)` output or `readManifests`); documents read
 * from YAML text also by how kubectl reads their names and ConfigMap data (`yaml-type`).
 */
export function checkManifestDocuments(docs: ManifestDocument[], notes: string[] = []): ManifestCheckResult {
  const result = analyze(extractAll(docs), notes);
  const typed = docs.flatMap((d) => yamlTypeProblemsOf(d.object));
  return typed.length === 0 ? result : { ...result, problems: [...result.problems, ...typed] };
}

/** Reads files, directories and `-` (standard input), then checks them. @throws ManifestReadError on unreadable input */
export function checkManifestFiles(paths: string[]): ManifestCheckResult {
  const inputs = readManifestInputs(paths);
  if (inputs.errors.length > 0) throw new ManifestReadError(inputs.errors.join('; '));
  return checkManifestDocuments(inputs.documents, inputs.notes);
}

/** Reads and checks, never throwing: unreadable inputs come back in `errors` (what the CLI uses). */
export function checkInputs(paths: string[], readStdin?: () => Buffer): { inputs: ManifestInputs; result: ManifestCheckResult } {
  const inputs = readManifestInputs(paths, readStdin);
  return { inputs, result: checkManifestDocuments(inputs.documents, inputs.notes) };
}

/** Checks plain objects (one source label for all). */
export function checkManifestObjects(objects: any[], source = 'input'): ManifestCheckResult {
  return checkManifestDocuments(objects.map((object, i) => ({ source: `${source}#${i + 1}`, object, file: source })));
}
