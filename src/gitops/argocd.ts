import { GITOPS_DIR, GitopsOutput, ManifestFile } from './gitops-files';
import { GitopsSettings } from './gitops-settings';
import { isCustomResource, tooLargeForClientSideApply } from './kubernetes-facts';

/** Argo CD's annotations (gitops-engine pkg/sync/common/types.go: AnnotationSyncWave, AnnotationSyncOptions). */
export const SYNC_WAVE = 'argocd.argoproj.io/sync-wave';
export const SYNC_OPTIONS = 'argocd.argoproj.io/sync-options';
/** Sync options (same file: SyncOptionSkipDryRunOnMissingResource, SyncOptionServerSideApply). */
export const SKIP_DRY_RUN = 'SkipDryRunOnMissingResource=true';
export const SERVER_SIDE_APPLY = 'ServerSideApply=true';

/**
 * The sync wave of each stage. Within one wave gitops-engine orders the objects by kind
 * (pkg/sync/sync_tasks.go of github.com/argoproj/argo-cd/gitops-engine/v3 v3.6.2: `kindOrder`, Helm's
 * order, Namespace first, then NetworkPolicy … ConfigMap, StorageClass, PersistentVolume(Claim),
 * CustomResourceDefinition before the RBAC kinds, Services and workloads; kinds it does not list, custom
 * resources among them, last), so stage 1 can be one wave: its Namespaces and CRDs go first. A wave starts
 * once the previous one is synced and healthy, so stage 2 (custom resources of stage 1's CRDs) is the next
 * wave and stage 3 (of the CRDs cilium-operator registers once it runs) the one after. `optional/` is not
 * part of the Application (its CRDs are not shipped); its objects get stage 2's wave for anyone who applies
 * that directory with an Application of their own.
 */
export const STAGE_WAVES: ReadonlyMap<number, string> = new Map([[1, '0'], [2, '1'], [3, '2'], [0, '1']]);

/** The file of the Application, relative to the output directory. */
export const APPLICATION_FILE = `${GITOPS_DIR}/argocd/application.yaml`;

/**
 * Argo CD's directory `exclude` (one glob, `{a,b}` alternatives): matched by gitops-engine's repo server
 * against each file's path relative to `source.path` (reposerver/repository/repository.go,
 * getPotentiallyValidManifestFile → util/glob.Match, gobwas/glob compiled without separators, so `*` also
 * matches `/`).
 */
export function directoryExclude(optionalDir: string): string {
  return `{${GITOPS_DIR}/*,${optionalDir}/*}`;
}

/**
 * The retry of the automated sync: stage 3's custom resources fail to apply until cilium-operator has
 * registered their CRDs, which it does once it runs (seconds to minutes after stage 1).
 */
export const RETRY = { limit: 10, backoff: { duration: '10s', factor: 2, maxDuration: '3m' } };

/** Every object annotated for Argo CD, and the Application over the output directory. */
export function argocdOutput(files: readonly ManifestFile[], settings: GitopsSettings, optionalDir: string): GitopsOutput {
  const manifests = files.map((f) => ({ ...f, objects: f.objects.map((o) => annotated(o, STAGE_WAVES.get(f.stage)!)) }));
  return {
    manifests,
    added: [{ path: APPLICATION_FILE, documents: [application(settings, optionalDir)], objects: [application(settings, optionalDir)] }],
  };
}

/** A copy of an object with its sync wave and the sync options it needs. */
function annotated(o: any, wave: string): any {
  const copy = structuredClone(o);
  // `annotations` first in metadata, as the key order cdk8s writes (sorted) puts it.
  const { annotations: own, ...restOfMetadata } = copy.metadata ?? {};
  const annotations: Record<string, string> = { ...own };
  annotations[SYNC_WAVE] = wave;
  const options = (annotations[SYNC_OPTIONS] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  // The CRD of a custom resource may not be served yet at dry-run time: stage 1's are created in this sync,
  // cilium.io's by the operator later.
  if (isCustomResource(copy) && !options.includes(SKIP_DRY_RUN)) options.push(SKIP_DRY_RUN);
  if (options.length > 0) annotations[SYNC_OPTIONS] = options.join(',');
  // Checked with the annotations it will carry (ServerSideApply's own few bytes are inside the margin).
  if (tooLargeForClientSideApply(copy) && !options.includes(SERVER_SIDE_APPLY)) {
    options.push(SERVER_SIDE_APPLY);
    annotations[SYNC_OPTIONS] = options.join(',');
  }
  copy.metadata = { annotations: Object.fromEntries(Object.entries(annotations).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), ...restOfMetadata };
  return copy;
}

/** The Application: the output directory, recursively, without gitops/ and optional/. */
function application(s: GitopsSettings, optionalDir: string): any {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: s.name, namespace: s.namespace },
    spec: {
      project: s.project,
      source: {
        repoURL: s.repoUrl,
        targetRevision: s.revision,
        path: s.path,
        directory: { recurse: true, exclude: directoryExclude(optionalDir) },
      },
      // Every namespaced object of the output names its namespace; one without would go to `default`,
      // as with `kubectl apply -f dist/`.
      destination: { server: s.destinationServer, namespace: 'default' },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        // The output ships its own Namespace objects (no CreateNamespace); objects dropped from the output
        // are pruned only after every wave has synced.
        syncOptions: ['PruneLast=true'],
        retry: RETRY,
      },
    },
  };
}
