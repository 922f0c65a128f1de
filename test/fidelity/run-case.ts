import * as fs from 'fs';
import * as path from 'path';
import { synthesize } from '../../src/app/synthesize';
import { valuesToProps } from '../../src/app/values';
import { FidelityCase } from './cases';
import { Difference, compareManifests, parseManifests } from './compare';
import { normalizeHashedNames } from './hashed-names';

/** Synthesizes the case's values and compares the selected objects with the reference files. */
export function compareCase(upstreamDir: string, c: FidelityCase): Difference[] {
  const upstream = c.upstream.flatMap((f) => parseManifests(fs.readFileSync(path.join(upstreamDir, f), 'utf8')));
  const out = synthesize(valuesToProps(c.values));
  const project = c.projectFiles.flatMap((f) => {
    const text = out.files.find((file) => file.path === f)?.content;
    if (text === undefined) throw new Error(`${c.id}: synth output has no ${f} (files: ${out.files.map((file) => file.path).join(', ')})`);
    return parseManifests(text);
  }).filter(c.projectFilter ?? (() => true));
  const named = normalizeHashedNames(upstream, project);
  return [...compareManifests(named.upstream, named.project, c.options), ...named.differences].sort((a, b) => a.id.localeCompare(b.id));
}
