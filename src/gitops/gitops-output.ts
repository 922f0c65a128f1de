import { argocdOutput } from './argocd';
import { fluxOutput } from './flux';
import { GitopsEngine } from './gitops-engine';
import { GitopsOutput, ManifestFile } from './gitops-files';
import { GitopsOptions } from './gitops-options';
import { gitopsSettings } from './gitops-settings';

/**
 * The staged layout made deliverable by the engine of `options`: the manifests (annotated copies for
 * Argo CD) and the files the engine adds. `optionalDir` is the directory no stage applies.
 * @throws `gitops.key: problem` for bad options
 */
export function gitopsOutput(files: readonly ManifestFile[], options: GitopsOptions, optionalDir: string): GitopsOutput {
  const settings = gitopsSettings(options);
  return settings.engine === GitopsEngine.ARGOCD ? argocdOutput(files, settings, optionalDir) : fluxOutput(files, settings);
}
