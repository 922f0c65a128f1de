// Facts of kube-apiserver that decide how a GitOps engine must apply an object.

/**
 * The API groups kube-apiserver serves itself (v1.35 and v1.37: the group-version files of their OpenAPI v3
 * specs, api/openapi-spec/v3/, with `''` the core group). Every other group is served by a CRD (or an
 * aggregated API server): its objects are custom resources. test/gitops/kubernetes-facts.test.ts holds the
 * list to the specs.
 */
export const BUILTIN_GROUPS: ReadonlySet<string> = new Set([
  '', 'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'apiregistration.k8s.io', 'apps',
  'authentication.k8s.io', 'authorization.k8s.io', 'autoscaling', 'batch', 'certificates.k8s.io',
  'coordination.k8s.io', 'discovery.k8s.io', 'events.k8s.io', 'flowcontrol.apiserver.k8s.io',
  'internal.apiserver.k8s.io', 'lifecycle.k8s.io', 'networking.k8s.io', 'node.k8s.io', 'policy',
  'rbac.authorization.k8s.io', 'resource.k8s.io', 'scheduling.k8s.io', 'storage.k8s.io', 'storagemigration.k8s.io',
]);

/** The API group of an object (`''` for `v1`). */
export function groupOf(o: any): string {
  const apiVersion = String(o?.apiVersion ?? '');
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
}

/** Whether an object is a custom resource: its group is not one kube-apiserver serves itself. */
export function isCustomResource(o: any): boolean {
  return !BUILTIN_GROUPS.has(groupOf(o));
}

/**
 * kube-apiserver's limit on the total size of an object's annotations, `TotalAnnotationSizeLimitB` =
 * 256 * (1 << 10) in k8s.io/apimachinery pkg/api/validation/objectmeta.go (v0.35.0): the sum of
 * len(key) + len(value) over all annotations must not exceed it.
 */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * (1 << 10);

/** The annotation client-side apply (kubectl, Argo CD's default) stores the whole applied object in. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * Room kept for what the engine adds to the object before it is stored (Argo CD's tracking annotation
 * `argocd.argoproj.io/tracking-id: app:group/Kind:namespace/name`, once in the annotations and once inside
 * the stored JSON).
 */
export const ENGINE_ANNOTATION_MARGIN = 2048;

/**
 * The annotations' total size (as ValidateAnnotationsSize counts it) that client-side apply would give the
 * object: its own annotations plus the last-applied annotation holding its JSON. The JSON is Go's
 * encoding/json form, which escapes `<`, `>`, `&`, U+2028 and U+2029 as `\u003c`… (6 bytes each).
 */
export function clientSideApplyAnnotationSize(o: any): number {
  const json = JSON.stringify(o);
  let size = Buffer.byteLength(json, 'utf8');
  for (const c of json) {
    if (c === '<' || c === '>' || c === '&') size += 5;
    else if (c === '\u2028' || c === '\u2029') size += 3;
  }
  const annotations: Record<string, string> = o?.metadata?.annotations ?? {};
  const own = Object.entries(annotations).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(String(v)), 0);
  return own + LAST_APPLIED_ANNOTATION.length + size;
}

/** Whether client-side apply would fail on the object: its last-applied annotation would break the limit. */
export function tooLargeForClientSideApply(o: any): boolean {
  return clientSideApplyAnnotationSize(o) + ENGINE_ANNOTATION_MARGIN > TOTAL_ANNOTATION_SIZE_LIMIT;
}
