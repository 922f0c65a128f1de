/**
 * Validates manifests: built-in objects against the OpenAPI v3 spec of every Kubernetes release the
 * real-component suites run (test/util/openapi-spec.ts: v1.35 and v1.37 today, from the k8s.io/kubernetes
 * module the test API servers are built from), custom resources against the openAPIV3Schema of the CRDs we
 * ship (ajv).
 *
 * The built-in check walks the spec's schemas itself (openapi-check.ts): they use a dozen keywords, and
 * compiling them with ajv cost about a second of CPU per kind and release. What it checks and what not is
 * listed there.
 */
import Ajv from 'ajv';
import { checkValue, SpecFile } from './openapi-check';
import { openApiSpecDirs } from './openapi-spec';

export interface ManifestObject {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string };
  [key: string]: unknown;
}

/** One release's spec, a group-version file loaded when first needed. */
class ReleaseSchemas {
  private readonly files = new Map<string, SpecFile | undefined>();

  constructor(readonly version: string, private readonly dir: string) {}

  /** Problems of obj, or undefined when this release does not serve its apiVersion and kind. */
  check(obj: ManifestObject): string[] | undefined {
    if (!this.files.has(obj.apiVersion)) this.files.set(obj.apiVersion, SpecFile.load(this.dir, obj.apiVersion));
    const file = this.files.get(obj.apiVersion);
    const schema = file?.kindSchema(obj.kind);
    return schema && checkValue(file!, schema, obj);
  }
}

let releases: ReleaseSchemas[] | undefined;
let warned = false;

/** The tested releases' schemas, or undefined (with a printed reason, once) when their specs are unavailable here (never in CI). */
function releaseSchemas(): ReleaseSchemas[] | undefined {
  if (releases) return releases;
  const specs = openApiSpecDirs();
  if (!specs.available) {
    if (!warned) console.warn(`SKIPPING the OpenAPI validation of built-in objects: ${specs.reason}`);
    warned = true;
    return undefined;
  }
  releases = [...specs.dirs].map(([version, dir]) => new ReleaseSchemas(version, dir));
  return releases;
}

/** Whether built-in objects are validated here; tests that expect a built-in problem skip without it. */
export function builtinSchemasAvailable(): boolean {
  return releaseSchemas() !== undefined;
}

/**
 * Problems of one built-in object against every tested release (each problem names the releases it
 * appears in); an apiVersion/kind a release does not serve is a problem, never a pass.
 */
export function validateBuiltin(obj: ManifestObject): string[] {
  const where = `${obj.apiVersion}/${obj.kind} ${obj.metadata?.namespace ? obj.metadata.namespace + '/' : ''}${obj.metadata?.name}`;
  const byProblem = new Map<string, string[]>();
  for (const release of releaseSchemas() ?? []) {
    const problems = release.check(obj) ?? [`no upstream schema for ${obj.apiVersion} ${obj.kind}`];
    for (const p of problems) byProblem.set(p, [...(byProblem.get(p) ?? []), release.version]);
  }
  return [...byProblem].map(([p, versions]) => `${where}: ${p} (Kubernetes ${versions.join(', ')})`);
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
