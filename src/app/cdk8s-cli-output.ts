import * as fs from 'fs';
import * as path from 'path';

/**
 * `cdk8s synth` runs the app with `CDK8S_OUTDIR` set to its output directory, which it has just emptied,
 * and stops with "app expected to create <dir>" unless the app leaves its manifests there (cdk8s-cli
 * lib/util.js `synthApp`: `pathExists(outdir)`, then `findManifests` lists its `*.yaml`). An app that writes
 * the staged layout elsewhere copies the same files there too, so the CLI's recipe works unchanged.
 * Nothing is done when the variable is unset or names `outdir` itself.
 * @returns the directory written, if any
 */
export function copyToCdk8sOutdir(files: { path: string; content: string }[], outdir: string): string | undefined {
  const target = process.env.CDK8S_OUTDIR;
  if (!target || path.resolve(target) === path.resolve(outdir)) return undefined;
  fs.mkdirSync(target, { recursive: true });
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(target, f.path)), { recursive: true });
    fs.writeFileSync(path.join(target, f.path), f.content);
  }
  return target;
}
