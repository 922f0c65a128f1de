import { GitopsEngine } from './gitops-engine';

/**
 * How a GitOps engine reads the output from its Git repository (values key `gitops`). With these, the
 * staged output also carries what the engine needs (docs/gitops.md): for Argo CD sync waves and sync
 * options on every object and an `Application` in `gitops/argocd/`; for Flux a `kustomization.yaml` per
 * stage and a `GitRepository` and one `Kustomization` per stage in `gitops/flux/`.
 */
export interface GitopsOptions {
  /** The engine: `argocd` or `flux` (in code `GitopsEngine.ARGOCD` / `GitopsEngine.FLUX`). */
  readonly engine: GitopsEngine;

  /**
   * The Git repository the output is committed to: an `https://`, `http://`, `ssh://` or `git://` URL, or
   * scp-like `git@host:path` (Flux takes no `git://`; scp-like is written for it as `ssh://git@host/path`).
   */
  readonly repoUrl: string;

  /**
   * The branch (Flux: `ref.branch`) or revision (Argo CD: `targetRevision`) to deliver.
   * @default main
   */
  readonly revision?: string;

  /**
   * The output directory's path inside the repository, relative to its top level (no `..`, no leading `/`).
   * `multicni synth` derives it from `--outdir` when it runs inside a Git checkout and refuses a `path`
   * that disagrees.
   * @default dist
   */
  readonly path?: string;

  /**
   * The name of the Argo CD `Application`; for Flux the prefix of the `Kustomization` names
   * (`NAME-stage1`, `NAME-stage2`, `NAME-stage3`).
   * @default cdk8s-multicni
   */
  readonly name?: string;

  /**
   * The namespace of the engine's own objects: the `Application` (Argo CD), the `GitRepository` and
   * `Kustomization`s (Flux).
   * @default - argocd (Argo CD), flux-system (Flux)
   */
  readonly namespace?: string;

  /**
   * Argo CD only: the `AppProject` of the `Application`.
   * @default default
   */
  readonly project?: string;

  /**
   * Argo CD only: the cluster the `Application` deploys to (`spec.destination.server`).
   * @default https://kubernetes.default.svc
   */
  readonly destinationServer?: string;

  /**
   * Flux only: the name of the `GitRepository` the `Kustomization`s read (their `sourceRef`).
   * @default cdk8s-multicni
   */
  readonly sourceRef?: string;

  /**
   * Flux only: how often the `GitRepository` is fetched and each `Kustomization` reconciled, a Go
   * duration of `h`, `m`, `s` and `ms` (e.g. `10m`, `1h30m`).
   * @default 10m
   */
  readonly interval?: string;
}
