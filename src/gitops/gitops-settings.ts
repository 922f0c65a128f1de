import { invalidValue } from '../common/field-error';
import { isDnsLabel, isDnsSubdomain } from '../util/k8s-names';
import { GitopsEngine } from './gitops-engine';
import { GitopsOptions } from './gitops-options';

/** GitopsOptions checked, with every default filled in. */
export interface GitopsSettings {
  readonly engine: GitopsEngine;
  /** As given (Argo CD); for Flux scp-like `user@host:path` is `ssh://user@host/path`. */
  readonly repoUrl: string;
  readonly revision: string;
  /** Normalized: no `./`, no doubled or trailing `/`; `.` for the repository's top level. */
  readonly path: string;
  readonly name: string;
  readonly namespace: string;
  readonly project: string;
  readonly destinationServer: string;
  readonly sourceRef: string;
  readonly interval: string;
}

export const DEFAULT_REVISION = 'main';
export const DEFAULT_PATH = 'dist';
export const DEFAULT_NAME = 'cdk8s-multicni';
export const DEFAULT_PROJECT = 'default';
export const DEFAULT_DESTINATION_SERVER = 'https://kubernetes.default.svc';
export const DEFAULT_SOURCE_REF = 'cdk8s-multicni';
export const DEFAULT_INTERVAL = '10m';
/** The namespaces each engine installs itself into by default (Argo CD's install manifests, `flux install`). */
const DEFAULT_NAMESPACE = new Map([[GitopsEngine.ARGOCD, 'argocd'], [GitopsEngine.FLUX, 'flux-system']]);

/**
 * The duration pattern of Flux's `interval`, `retryInterval` and `timeout` fields (the CRDs of
 * kustomize-controller and source-controller v1.10.2, `+kubebuilder:validation:Pattern`): a Go duration
 * (time.ParseDuration) of h, m, s and ms, unsigned.
 */
export const FLUX_DURATION = /^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/;

/** scp-like Git addresses (`git@github.com:org/repo.git`), as git reads them: user@host:path, no `//` after the colon. */
const SCP_LIKE = /^([A-Za-z0-9._~-]+)@([A-Za-z0-9.-]+):(?!\/\/)(\S+)$/;
const URL_SCHEMES = ['https', 'http', 'ssh', 'git'];
/** Flux's GitRepository CRD: `url` pattern `^(http|https|ssh)://.*$` (source-controller v1.10.2). */
const FLUX_SCHEMES = ['https', 'http', 'ssh'];

// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const UNPRINTABLE = /[\s\x00-\x1f\x7f]/;
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const CONTROL = /[\x00-\x1f\x7f]/;

const REPO_URL_EXPECTED = 'an https://, http://, ssh:// or git:// URL with a host, or scp-like git@host:path';

const ARGOCD_ONLY = ['project', 'destinationServer'] as const;
const FLUX_ONLY = ['sourceRef', 'interval'] as const;

/** The options checked and completed. @throws `gitops.key: invalid value …` (the values-file key path) */
export function gitopsSettings(options: GitopsOptions): GitopsSettings {
  const engine = options.engine;
  if (!GitopsEngine.all().includes(engine)) {
    throw invalidValue('gitops.engine', engine, 'GitopsEngine.ARGOCD or GitopsEngine.FLUX ("argocd" or "flux" in a values file)');
  }
  const other = engine === GitopsEngine.ARGOCD ? FLUX_ONLY : ARGOCD_ONLY;
  for (const key of other) {
    if (options[key] !== undefined) {
      const owner = engine === GitopsEngine.ARGOCD ? GitopsEngine.FLUX : GitopsEngine.ARGOCD;
      throw new Error(`gitops.${key}: only valid with engine ${owner.name}, got engine ${engine.name}`);
    }
  }
  const name = options.name ?? DEFAULT_NAME;
  // Flux names its Kustomizations NAME-stageN: the longest (NAME-stage3) must still be a subdomain.
  if (!isDnsSubdomain(name) || name.length > 253 - '-stage3'.length) {
    throw invalidValue('gitops.name', name, `a Kubernetes object name (lowercase a-z, 0-9, '-' and '.', at most ${253 - '-stage3'.length} characters)`);
  }
  const namespace = options.namespace ?? DEFAULT_NAMESPACE.get(engine)!;
  if (!isDnsLabel(namespace)) throw invalidValue('gitops.namespace', namespace, "a namespace name (lowercase a-z, 0-9 and '-', at most 63 characters)");
  const revision = options.revision ?? DEFAULT_REVISION;
  if (typeof revision !== 'string' || revision === '' || UNPRINTABLE.test(revision)) {
    throw invalidValue('gitops.revision', revision, 'a branch name (or, for Argo CD, a tag or commit), without spaces');
  }
  const sourceRef = options.sourceRef ?? DEFAULT_SOURCE_REF;
  if (!isDnsSubdomain(sourceRef)) throw invalidValue('gitops.sourceRef', sourceRef, "a Kubernetes object name (lowercase a-z, 0-9, '-' and '.')");
  const interval = options.interval ?? DEFAULT_INTERVAL;
  if (typeof interval !== 'string' || !FLUX_DURATION.test(interval)) {
    throw invalidValue('gitops.interval', interval, 'a Go duration of h, m, s and ms, e.g. 10m or 1h30m (the pattern of Flux\'s interval fields)');
  }
  const project = options.project ?? DEFAULT_PROJECT;
  if (!isDnsSubdomain(project)) throw invalidValue('gitops.project', project, "an AppProject name (lowercase a-z, 0-9, '-' and '.')");
  const destinationServer = options.destinationServer ?? DEFAULT_DESTINATION_SERVER;
  if (!isHttpUrl(destinationServer)) throw invalidValue('gitops.destinationServer', destinationServer, 'the https:// (or http://) URL of a cluster\'s API server, as Argo CD registers it');
  return {
    engine,
    repoUrl: checkRepoUrl(options.repoUrl, engine),
    revision,
    path: repoPath(options.path ?? DEFAULT_PATH),
    name,
    namespace,
    project,
    destinationServer,
    sourceRef,
    interval,
  };
}

/** The repository URL checked; for Flux scp-like becomes ssh://. */
function checkRepoUrl(url: unknown, engine: GitopsEngine): string {
  if (typeof url !== 'string' || url === '' || UNPRINTABLE.test(url)) throw invalidValue('gitops.repoUrl', url, REPO_URL_EXPECTED);
  const scp = SCP_LIKE.exec(url);
  if (scp) {
    // git's scp-like syntax is its ssh transport; Flux takes only the URL form of it.
    return engine === GitopsEngine.FLUX ? `ssh://${scp[1]}@${scp[2]}/${scp[3].replace(/^\/+/, '')}` : url;
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1].toLowerCase();
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    host = '';
  }
  if (scheme === undefined || !URL_SCHEMES.includes(scheme) || host === '') throw invalidValue('gitops.repoUrl', url, REPO_URL_EXPECTED);
  if (engine === GitopsEngine.FLUX && !FLUX_SCHEMES.includes(scheme)) {
    throw invalidValue('gitops.repoUrl', url, 'an https://, http:// or ssh:// URL, or scp-like git@host:path, with engine flux (Flux\'s GitRepository takes no git://)');
  }
  return url;
}

function isHttpUrl(text: unknown): boolean {
  if (typeof text !== 'string' || UNPRINTABLE.test(text) || !/^https?:\/\//.test(text)) return false;
  try {
    return new URL(text).hostname !== '';
  } catch {
    return false;
  }
}

/**
 * A path inside the repository, relative to its top level: no leading `/`, no `..` segment, no `\`,
 * normalized (`./dist/` → `dist`; the top level itself is `.`).
 * @throws `gitops.path: invalid value …`
 */
export function repoPath(text: unknown): string {
  const expected = 'a directory inside the repository, relative to its top level, without ".." or a leading "/" (e.g. dist or clusters/prod/dist)';
  if (typeof text !== 'string' || text === '' || text.startsWith('/') || /^[A-Za-z]:/.test(text) || text.includes('\\') || CONTROL.test(text)) {
    throw invalidValue('gitops.path', text, expected);
  }
  const segments = text.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) throw invalidValue('gitops.path', text, expected);
  return segments.length === 0 ? '.' : segments.join('/');
}
