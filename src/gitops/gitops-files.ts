/** A manifest file of the staged layout, as the GitOps output reads and writes it. */
export interface ManifestFile {
  /** Path relative to the output directory (`02-cilium.k8s.yaml`, `stage2/01-networks.k8s.yaml`). */
  readonly path: string;
  /** Its objects, in apply order. */
  readonly objects: any[];
  /** 1, 2 or 3: the stage it belongs to; 0 for a file no stage applies (`optional/`). */
  readonly stage: number;
}

/** A file the GitOps output adds to the layout. */
export interface GitopsFile {
  /** Path relative to the output directory. */
  readonly path: string;
  /** The YAML documents of the file, in order. */
  readonly documents: any[];
  /** Those of them that are Kubernetes objects (none for a kustomization.yaml). */
  readonly objects: any[];
}

/** The layout with the GitOps engine's additions. */
export interface GitopsOutput {
  /** The manifest files, in the same order, their objects annotated where the engine needs it (copies). */
  readonly manifests: ManifestFile[];
  /** The files added: the engine's own objects under `gitops/`, Flux's `kustomization.yaml` per stage. */
  readonly added: GitopsFile[];
}

/** The directory, relative to the output directory, of the engine's own objects (excluded from what it applies). */
export const GITOPS_DIR = 'gitops';

/** The directory of a file path, `''` at the top. */
export function dirOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

/** The files of each stage in order, stages 1, 2, 3; a stage without files is left out. */
export function stagesOf(files: readonly ManifestFile[]): { stage: number; dir: string; files: ManifestFile[] }[] {
  const stages: { stage: number; dir: string; files: ManifestFile[] }[] = [];
  for (const stage of [1, 2, 3]) {
    const own = files.filter((f) => f.stage === stage);
    if (own.length === 0) continue;
    const dirs = [...new Set(own.map((f) => dirOf(f.path)))];
    if (dirs.length !== 1) throw new Error(`gitops: the files of stage ${stage} are in ${dirs.length} directories (${dirs.map((d) => JSON.stringify(d)).join(', ')}); each stage needs one`);
    stages.push({ stage, dir: dirs[0], files: own });
  }
  return stages;
}
