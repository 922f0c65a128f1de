/**
 * The built-in-object validator of the unit tests: the OpenAPI v3 spec of each Kubernetes release the
 * real-component suites run, checked by openapi-check.ts. Skipped with a printed reason only where the
 * specs cannot be had (no cache, no Go) outside CI.
 */
import * as fs from 'fs';
import * as path from 'path';
import { builtinSchemasAvailable, ManifestObject, validateBuiltin, validateManifests } from './k8s-schema';
import { checkValue, SpecFile } from './openapi-check';
import { openApiSpecDirs, specFileName, testedKubernetesVersions } from './openapi-spec';

const available = builtinSchemasAvailable();
const describeSpec = available ? describe : describe.skip;

const [OLDEST, NEWEST] = [testedKubernetesVersions()[0], testedKubernetesVersions().slice(-1)[0]];
const BOTH = `(Kubernetes ${OLDEST}, ${NEWEST})`;

function pod(spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'p', namespace: 'n' }): ManifestObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: { containers: [{ name: 'c', image: 'busybox' }], ...spec } } as ManifestObject;
}

describe('the tested Kubernetes versions', () => {
  test('are the k8s.io/kubernetes requirements of the harness modules: two minors, oldest first', () => {
    const versions = testedKubernetesVersions();
    expect(versions).toHaveLength(2);
    for (const v of versions) expect(v).toMatch(/^v1\.\d+\.\d+$/);
    const minors = versions.map((v) => Number(v.split('.')[1]));
    expect(minors[0]).toBeLessThan(minors[1]);
    for (const v of versions) {
      const dir = path.join(__dirname, '..', 'apiserver', 'go', `kubernetes-1.${v.split('.')[1]}`);
      expect(fs.readFileSync(path.join(dir, 'go.mod'), 'utf8')).toContain(`k8s.io/kubernetes ${v}\n`);
    }
  });

  test('spec file names follow the server\'s /openapi/v3 paths', () => {
    expect(specFileName('v1')).toBe('api__v1_openapi.json');
    expect(specFileName('apps/v1')).toBe('apis__apps__v1_openapi.json');
    expect(specFileName('rbac.authorization.k8s.io/v1')).toBe('apis__rbac.authorization.k8s.io__v1_openapi.json');
  });
});

describeSpec('validateBuiltin against each release\'s OpenAPI v3 spec', () => {
  test('a valid Pod has no problems', () => {
    expect(validateBuiltin(pod({ hostNetwork: true, containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 53, protocol: 'UDP' }, { containerPort: 53, protocol: 'TCP' }] }] }))).toEqual([]);
  });

  test('an unknown field, a wrong type, a missing required field', () => {
    const problems = validateBuiltin(pod({ hostNetwrok: true, priority: 'high', containers: [{ image: 'x' }] }));
    expect(problems.sort()).toEqual([
      `v1/Pod n/p: spec.containers[0].name: Required value ${BOTH}`,
      `v1/Pod n/p: spec.hostNetwrok: unknown field ${BOTH}`,
      `v1/Pod n/p: spec.priority: must be integer (is string) ${BOTH}`,
    ]);
  });

  test('unknown fields of nested objects (metadata, container) are found; free-form maps stay open', () => {
    expect(validateBuiltin(pod({}, { name: 'p', labels: { anything: 'goes' }, annotation: { a: 'b' } }))).toEqual([
      `v1/Pod p: metadata.annotation: unknown field ${BOTH}`,
    ]);
    expect(validateBuiltin({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'any-key': 'x' } })).toEqual([]);
    expect(validateBuiltin({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { mtu: 1400 } })).toEqual([
      `v1/ConfigMap c: data.mtu: must be string (is integer) ${BOTH}`,
    ]);
  });

  test('int32, IntOrString and Quantity', () => {
    const container = (extra: Record<string, unknown>) => pod({ containers: [{ name: 'c', image: 'x', ...extra }] });
    expect(validateBuiltin(container({ ports: [{ containerPort: 2 ** 31 }] }))).toEqual([
      `v1/Pod n/p: spec.containers[0].ports[0].containerPort: 2147483648 does not fit in int32 ${BOTH}`,
    ]);
    const probe = (port: unknown) => container({ readinessProbe: { httpGet: { port } } });
    expect(validateBuiltin(probe(8080))).toEqual([]);
    expect(validateBuiltin(probe('http'))).toEqual([]);
    expect(validateBuiltin(probe(true))).toEqual([
      `v1/Pod n/p: spec.containers[0].readinessProbe.httpGet.port: must be exactly one of integer or string (is boolean) ${BOTH}`,
    ]);
    expect(validateBuiltin(container({ resources: { limits: { memory: '64Mi', cpu: 1 } } }))).toEqual([]);
    expect(validateBuiltin(container({ resources: { limits: { memory: ['64Mi'] } } }))).toEqual([
      `v1/Pod n/p: spec.containers[0].resources.limits.memory: must be exactly one of string or number (is array) ${BOTH}`,
    ]);
  });

  test('list-type map: two items with the same keys are a duplicate (a missing key is not its default)', () => {
    const ports = (...p: object[]) => pod({ containers: [{ name: 'c', image: 'x', ports: p }] });
    expect(validateBuiltin(ports({ containerPort: 53, protocol: 'UDP' }, { containerPort: 53, protocol: 'UDP' }))).toEqual([
      `v1/Pod n/p: spec.containers[0].ports[1]: Duplicate value: spec.containers[0].ports[0] has the same containerPort, protocol (53,"UDP") ${BOTH}`,
    ]);
    expect(validateBuiltin(ports({ containerPort: 53 }, { containerPort: 53, protocol: 'TCP' }))).toEqual([]);
    expect(validateBuiltin(pod({ containers: [{ name: 'c', image: 'x' }, { name: 'c', image: 'y' }] }))).toEqual([
      `v1/Pod n/p: spec.containers[1]: Duplicate value: spec.containers[0] has the same name ("c") ${BOTH}`,
    ]);
  });

  test('null is not "unset" here', () => {
    expect(validateBuiltin(pod({ nodeName: null }))).toEqual([`v1/Pod n/p: spec.nodeName: must be string (is null) ${BOTH}`]);
  });

  test('each release has its own schema: a field of one release only is a problem of the other', () => {
    // PodSpec.workloadRef is in the v1.35 spec only, PodSpec.schedulingGroup in v1.37's only.
    expect(validateBuiltin(pod({ workloadRef: { name: 'w', podGroup: 'g' } }))).toEqual([`v1/Pod n/p: spec.workloadRef: unknown field (Kubernetes ${NEWEST})`]);
    expect(validateBuiltin(pod({ schedulingGroup: {} }))).toEqual([`v1/Pod n/p: spec.schedulingGroup: unknown field (Kubernetes ${OLDEST})`]);
  });

  test('a kind a release does not serve is a problem, never a pass', () => {
    expect(validateBuiltin({ apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', metadata: { name: 'x' } })).toEqual([
      `policy/v1beta1/PodSecurityPolicy x: no upstream schema for policy/v1beta1 PodSecurityPolicy ${BOTH}`,
    ]);
    expect(validateBuiltin({ apiVersion: 'apps/v1', kind: 'Widget', metadata: { name: 'x' } })).toEqual([
      `apps/v1/Widget x: no upstream schema for apps/v1 Widget ${BOTH}`,
    ]);
  });

  test('validateManifests sends built-ins to the specs and custom resources to their CRDs', () => {
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com', scope: 'Namespaced', names: { kind: 'Widget', plural: 'widgets', singular: 'widget', listKind: 'WidgetList' },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { size: { type: 'integer' } } } } }],
      },
    };
    expect(validateManifests([crd, { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, size: 3 }] as ManifestObject[])).toEqual([]);
    expect(validateManifests([{ ...crd, spec: { ...crd.spec, scope: 7 } }] as ManifestObject[])).toEqual([
      `apiextensions.k8s.io/v1/CustomResourceDefinition widgets.example.com: spec.scope: must be string (is integer) ${BOTH}`,
    ]);
  });
});

describeSpec('checkValue', () => {
  const dir = () => (openApiSpecDirs() as { dirs: Map<string, string> }).dirs.get(NEWEST)!;

  test('a schema keyword it does not know is an error, not a pass', () => {
    const file = SpecFile.load(dir(), 'v1')!;
    expect(() => checkValue(file, { type: 'string', pattern: '^a$' }, 'b')).toThrow(/unsupported OpenAPI keyword "pattern"/);
    expect(() => checkValue(file, { type: 'string', format: 'uuid' }, 'b')).toThrow(/unsupported OpenAPI format "uuid"/);
  });

  test('every keyword and format of the tested specs is one it knows', () => {
    // Every schema node of every spec file, checked with a value of its type (so formats are reached too).
    let nodes = 0;
    const errors: string[] = [];
    for (const version of testedKubernetesVersions()) {
      const specDir = (openApiSpecDirs() as { dirs: Map<string, string> }).dirs.get(version)!;
      for (const f of fs.readdirSync(specDir).filter((n) => n.endsWith('.json'))) {
        const schemas = JSON.parse(fs.readFileSync(path.join(specDir, f), 'utf8')).components?.schemas ?? {};
        const file = new SpecFile(f, 'unused/v0', schemas);
        for (const node of Object.values(schemas).flatMap(schemaNodes)) {
          try {
            checkValue(file, node, sampleOf(node));
          } catch (e) {
            errors.push(`${version} ${(e as Error).message}`);
          }
          nodes++;
        }
      }
    }
    expect(errors).toEqual([]);
    expect(nodes).toBeGreaterThan(10_000);
  });
});

/** A schema and every schema nested in it (properties, items, additionalProperties, allOf, oneOf, anyOf). */
function schemaNodes(schema: any): any[] {
  const nested = [
    ...Object.values(schema.properties ?? {}),
    ...(schema.items ? [schema.items] : []),
    ...(typeof schema.additionalProperties === 'object' ? [schema.additionalProperties] : []),
    ...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? []),
  ];
  return [schema, ...nested.flatMap(schemaNodes)];
}

function sampleOf(schema: any): unknown {
  switch (schema.type) {
    case 'integer': case 'number': return 0;
    case 'string': return '';
    case 'boolean': return false;
    case 'array': return [];
    default: return {};
  }
}
