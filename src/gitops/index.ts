// The GitOps output: what Argo CD or Flux needs to deliver the staged layout from a Git repository.
export { GitopsEngine } from './gitops-engine';
export type { GitopsOptions } from './gitops-options';
export type { GitopsFile, GitopsOutput, ManifestFile } from './gitops-files';
export { GITOPS_DIR } from './gitops-files';
export { gitopsSettings, repoPath, DEFAULT_PATH } from './gitops-settings';
export type { GitopsSettings } from './gitops-settings';
export { gitopsOutput } from './gitops-output';
