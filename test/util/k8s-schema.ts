/**
 * Validates manifests against the upstream Kubernetes OpenAPI schemas (kubernetes-models 4.5, generated
 * from Kubernetes 1.33) and custom resources against the openAPIV3Schema of the CRDs we ship.
 * Offline: both schemas are in node_modules / the manifests themselves.
 */
import Ajv from 'ajv';

export interface ManifestObject {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string };
  [key: string]: unknown;
}

/** Problems of one built-in object; an unknown apiVersion/kind is a problem, never a pass. */
export function validateBuiltin(obj: ManifestObject): string[] {
  const where = `${obj.apiVersion}/${obj.kind} ${obj.metadata?.namespace ? obj.metadata.namespace + '/' : ''}${obj.metadata?.name}`;
  const [group, version] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : ['', obj.apiVersion];
  const modulePath = `kubernetes-models/${group ? group + '/' : ''}${version}/${obj.kind}`;
  let Model: new (data: unknown) => { validate(): void };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    Model = require(modulePath)[obj.kind];
  } catch {
    return [`${where}: no upstream schema for ${obj.apiVersion} ${obj.kind}`];
  }
  if (typeof Model !== 'function') return [`${where}: no upstream schema for ${obj.apiVersion} ${obj.kind}`];
  try {
    new Model(obj).validate();
    return [];
  } catch (e) {
    return [`${where}: ${(e as Error).message}`];
  }
}

const ajv = new Ajv({ strict: false, allErrors: true, logger: false });

/** Problems of one custom resource against the CRDs given; a kind without a CRD is a problem. */
export function validateCustom(obj: ManifestObject, crds: ManifestObject[]): string[] {
  const where = `${obj.apiVersion}/${obj.kind} ${obj.metadata?.name}`;
  const [group, version] = obj.apiVersion.split('/');
  const crd = crds.find((c) => {
    const spec = c.spec as { group: string; names: { kind: string } };
    return spec.group === group && spec.names.kind === obj.kind;
  });
  if (!crd) return [`${where}: no CRD shipped for ${obj.apiVersion} ${obj.kind}`];
  const versions = (crd.spec as { versions: Array<{ name: string; served: boolean; schema?: { openAPIV3Schema: object } }> }).versions;
  const v = versions.find((x) => x.name === version);
  if (!v || !v.served) return [`${where}: CRD ${crd.metadata?.name} does not serve version ${version}`];
  if (!v.schema) return [`${where}: CRD ${crd.metadata?.name} version ${version} has no schema`];
  const validate = ajv.compile(v.schema.openAPIV3Schema);
  if (validate(obj)) return [];
  return (validate.errors ?? []).map((e) => `${where}: ${e.instancePath || '/'} ${e.message}`);
}

const BUILTIN_GROUP = /^(v1|[a-z0-9.]*k8s\.io\/|apps\/|batch\/|policy\/|autoscaling\/)/;

/** Validates every object: built-ins against upstream schemas, the rest against the CRDs among them (or given). */
export function validateManifests(objects: ManifestObject[], extraCrds: ManifestObject[] = []): string[] {
  const crds = [...extraCrds, ...objects.filter((o) => o.kind === 'CustomResourceDefinition')];
  return objects.flatMap((o) => {
    const builtin = BUILTIN_GROUP.test(o.apiVersion) && !o.apiVersion.startsWith('k8s.cni.cncf.io/');
    return builtin && !isCustomGroup(o.apiVersion, crds) ? validateBuiltin(o) : validateCustom(o, crds);
  });
}

function isCustomGroup(apiVersion: string, crds: ManifestObject[]): boolean {
  const group = apiVersion.split('/')[0];
  return crds.some((c) => (c.spec as { group: string }).group === group);
}
