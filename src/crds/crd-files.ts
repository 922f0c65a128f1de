import * as fs from 'fs';
import * as path from 'path';

/**
 * The folder `crds/` at the package root, shipped for users to apply or import. Its YAML files are the
 * single source of the CRDs: `cdk8s import` generates `imports/` from them, and `npm run crds` the objects
 * synth embeds (src/crds/generated/crd-objects.ts, checked against the files by a test).
 * Compiled code sits one level deeper (`lib/src/crds/`) than the source (`src/crds/`); both are tried,
 * in a fixed order.
 */
export function crdsDirectory(): string {
  const candidates = [path.join(__dirname, '..', '..', 'crds'), path.join(__dirname, '..', '..', '..', 'crds')];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'network-attachment-definitions.yaml')));
  if (!found) {
    throw new Error(`crds: folder not found at ${candidates.join(' or ')}; the package must ship crds/`);
  }
  return found;
}
