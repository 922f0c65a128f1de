import { GITOPS_DIR, GitopsFile, GitopsOutput, ManifestFile, stagesOf } from './gitops-files';
import { GitopsSettings } from './gitops-settings';

/** The directory, relative to the output directory, of the Flux objects. */
export const FLUX_DIR = `${GITOPS_DIR}/flux`;
/** kustomize's file name: kustomize-controller builds exactly what a path's kustomization.yaml lists. */
export const KUSTOMIZATION_FILE = 'kustomization.yaml';
/** The Deployment stage 3 waits for: it registers the cilium.io CRDs (Cilium's chart names it so). */
export const CRD_REGISTERING_DEPLOYMENT = 'cilium-operator';

/** How often a failed reconciliation is retried: stage 3 waits for the operator's CRDs this way. */
export const RETRY_INTERVAL = '1m';
/** How long an apply and its health checks may take (stage 1 pulls Cilium's and OVN-Kubernetes' images). */
export const TIMEOUT = '10m';

/**
 * For Flux: a kustomization.yaml in each stage's directory listing that stage's files in apply order
 * (`sortOptions: fifo`, so `kustomize build` keeps that order), and in gitops/flux/ the GitRepository and
 * one Kustomization per stage. Field names are those of the v1 APIs of source-controller and
 * kustomize-controller v1.10.2 (api/v1/gitrepository_types.go, kustomization_types.go).
 */
export function fluxOutput(files: readonly ManifestFile[], s: GitopsSettings): GitopsOutput {
  const stages = stagesOf(files);
  const added: GitopsFile[] = stages.map(({ dir, files: own }) => {
    const config = {
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: own.map((f) => f.path.slice(dir === '' ? 0 : dir.length + 1)),
      sortOptions: { order: 'fifo' },
    };
    return { path: dir === '' ? KUSTOMIZATION_FILE : `${dir}/${KUSTOMIZATION_FILE}`, documents: [config], objects: [] };
  });
  const repository = {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'GitRepository',
    metadata: { name: s.sourceRef, namespace: s.namespace },
    spec: { interval: s.interval, url: s.repoUrl, ref: { branch: s.revision } },
  };
  const first = stages[0];
  const kustomizations = stages.map(({ stage, dir }) => ({
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name: `${s.name}-stage${stage}`, namespace: s.namespace },
    spec: {
      // Stages 2 and 3 need only what stage 1 installs: its CRDs (stage 2), the operator that registers
      // cilium.io's (stage 3); neither needs the other.
      ...(first && stage !== first.stage ? { dependsOn: [{ name: `${s.name}-stage${first.stage}` }] } : {}),
      interval: s.interval,
      retryInterval: RETRY_INTERVAL,
      timeout: TIMEOUT,
      path: repoDir(s.path, dir),
      prune: true,
      sourceRef: { kind: 'GitRepository', name: s.sourceRef },
      ...(stage === first?.stage ? healthChecks(first.files, stages.some((x) => x.stage === 3)) : {}),
    },
  }));
  added.push({ path: `${FLUX_DIR}/git-repository.yaml`, documents: [repository], objects: [repository] });
  added.push({ path: `${FLUX_DIR}/kustomizations.yaml`, documents: kustomizations, objects: kustomizations });
  return { manifests: [...files], added };
}

/** `./dist`, `./dist/stage2`: the path of a stage's directory from the repository's top level. */
function repoDir(path: string, dir: string): string {
  const parts = [...(path === '.' ? [] : [path]), ...(dir === '' ? [] : [dir])];
  return `./${parts.join('/')}`;
}

/**
 * Stage 1 is ready for the next stages when its CRDs are established and, with a stage 3, cilium-operator is
 * available (kstatus, which kustomize-controller's health checks use, reads both). Not `wait: true`: that
 * would wait for every DaemonSet of stage 1 on every node, which the next stages do not need.
 */
function healthChecks(files: ManifestFile[], stage3: boolean): { healthChecks?: any[] } {
  const objects = files.flatMap((f) => f.objects);
  const checks = objects
    .filter((o) => o.kind === 'CustomResourceDefinition' || (stage3 && o.kind === 'Deployment' && o.metadata?.name === CRD_REGISTERING_DEPLOYMENT))
    .map((o) => ({
      apiVersion: o.apiVersion,
      kind: o.kind,
      name: o.metadata.name,
      ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}),
    }));
  return checks.length > 0 ? { healthChecks: checks } : {};
}
