import { AddressPlan, RangeRole } from '../addressing';
import { ManifestDocument, readManifests } from './manifest-reader';
import { ExtractedRanges, FoundRange, extractRanges } from './range-extractor';

/** The verdict on a set of manifests. */
export interface ManifestCheckResult {
  /** Every claiming range found, in reading order. */
  readonly ranges: FoundRange[];
  /** One line per problem: overlaps, malformed values, bad host prefixes or families, excludes, native routing. */
  readonly problems: string[];
}

/** Checks manifests already parsed (e.g. `Testing.synth(chart)` output or `readManifests`). */
export function checkManifestDocuments(docs: ManifestDocument[]): ManifestCheckResult {
  const found = extractRanges(docs);
  const plan = new AddressPlan();
  for (const r of found.ranges) plan.register(r);
  return { ranges: found.ranges, problems: [...found.problems, ...plan.check(), ...nativeRoutingProblems(found)] };
}

/** Reads files and directories, then checks them. @throws ManifestReadError on unreadable input */
export function checkManifestFiles(paths: string[]): ManifestCheckResult {
  return checkManifestDocuments(readManifests(paths));
}

/** Checks plain objects (one source label for all). */
export function checkManifestObjects(objects: any[], source = 'input'): ManifestCheckResult {
  return checkManifestDocuments(objects.map((object, i) => ({ source: `${source}#${i + 1}`, object })));
}

// Native routing means "no masquerade inside": a pod range outside it would be masqueraded by surprise.
function nativeRoutingProblems(found: ExtractedRanges): string[] {
  const pods = found.ranges.filter((r) => r.role === RangeRole.PRIMARY_POD);
  return found.nativeRouting.flatMap((nr) => pods
    .filter((p) => p.cidr.family === nr.cidr.family && !nr.cidr.contains(p.cidr))
    .map((p) => `native routing: ${nr.name} ${nr.cidr} (owner: ${nr.owner}) does not contain primary pod range ${p.name} ${p.cidr} (owner: ${p.owner})`));
}
