/**
 * Checks a value against a schema of a Kubernetes OpenAPI v3 spec file (one group-version, as
 * kube-apiserver serves it at /openapi/v3/apis/<group>/<version>), resolving its `$ref`s to
 * `#/components/schemas/...` within the file.
 *
 * What it checks:
 * - `type` (a JSON null is an error here, where the API server reads it as "unset"), `required`,
 *   `oneOf` (IntOrString: integer or string; Quantity: string or number), `allOf`, `items`, `enum`;
 * - unknown fields: an object schema that lists `properties` is closed, as the API server's strict field
 *   validation (`kubectl apply --validate=strict`, kubectl's default) rejects unknown fields; schemas
 *   without `properties` (RawExtension, maps with `additionalProperties`) and those marked
 *   `x-kubernetes-preserve-unknown-fields` stay open;
 * - formats: int32 and int64 ranges, `byte` as base64, `date-time` as RFC 3339;
 * - `x-kubernetes-list-type: map`: no two items with the same `x-kubernetes-list-map-keys` (a missing key
 *   counts as absent, not as its default); `set`: no two equal items.
 * What it does not check (the apiserver suite applies every test stack to real servers of each release,
 * which do): the Go validation of each kind (name syntax, label values, port ranges, quantity syntax,
 * cross-field rules), defaulting, `x-kubernetes-unions`, `x-kubernetes-map-type`, admission.
 * A schema keyword it does not know (other than `x-*` extensions) is an error, so a newer spec cannot
 * pass unchecked.
 */
import * as fs from 'fs';
import * as path from 'path';
import { specFileName } from './openapi-spec';

export type Schema = { readonly [keyword: string]: unknown };

interface GroupVersionKind { group: string; version: string; kind: string }

const REF_PREFIX = '#/components/schemas/';
const KNOWN = new Set([
  '$ref', 'additionalProperties', 'allOf', 'anyOf', 'default', 'description', 'enum', 'format', 'items', 'oneOf',
  'properties', 'required', 'type', 'example',
]);

/** The schemas of one group-version file, and which of them is each kind's. */
export class SpecFile {
  /** The file of apiVersion in a spec dir, or undefined when that release does not serve the group-version. */
  static load(dir: string, apiVersion: string): SpecFile | undefined {
    const file = path.join(dir, specFileName(apiVersion));
    if (!fs.existsSync(file)) return undefined;
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { components?: { schemas?: Record<string, Schema> } };
    return new SpecFile(file, apiVersion, doc.components?.schemas ?? {});
  }

  private readonly kinds = new Map<string, string>();

  constructor(readonly file: string, apiVersion: string, private readonly schemas: Record<string, Schema>) {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    for (const [name, schema] of Object.entries(schemas)) {
      for (const gvk of (schema['x-kubernetes-group-version-kind'] as GroupVersionKind[] | undefined) ?? []) {
        if (gvk.group === group && gvk.version === version) this.kinds.set(gvk.kind, name);
      }
    }
  }

  /** The schema of a kind of this group-version, e.g. `io.k8s.api.apps.v1.DaemonSet`'s. */
  kindSchema(kind: string): Schema | undefined {
    const name = this.kinds.get(kind);
    return name === undefined ? undefined : this.schemas[name];
  }

  resolve(ref: string): Schema {
    const schema = ref.startsWith(REF_PREFIX) ? this.schemas[ref.slice(REF_PREFIX.length)] : undefined;
    if (!schema) throw new Error(`${this.file}: unresolvable $ref ${ref}`);
    return schema;
  }
}

/** Problems of value against schema: `<field path>: <what is wrong>`, the path as the API server writes it. */
export function checkValue(file: SpecFile, schema: Schema, value: unknown): string[] {
  const out: string[] = [];
  check(file, schema, value, '', out);
  return out;
}

const INT32 = 2 ** 31;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(type: string, value: unknown): boolean {
  const actual = jsonType(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function formatProblem(format: string, value: unknown, file: SpecFile): string | undefined {
  switch (format) {
    case 'int32':
      return typeof value === 'number' && !(value >= -INT32 && value < INT32) ? `${value} does not fit in int32` : undefined;
    case 'int64':
      return typeof value === 'number' && !Number.isSafeInteger(value) ? `${value} is not an exact int64` : undefined;
    case 'byte':
      return typeof value === 'string' && !BASE64.test(value) ? 'is not base64' : undefined;
    case 'date-time':
      return typeof value === 'string' && !RFC3339.test(value) ? `${JSON.stringify(value)} is not an RFC 3339 date-time` : undefined;
    case 'double':
    case 'int-or-string': // the schema's oneOf checks it
      return undefined;
    default:
      throw new Error(`${file.file}: unsupported OpenAPI format "${format}"`);
  }
}

function field(at: string, name: string): string {
  return at ? `${at}.${name}` : name;
}

function check(file: SpecFile, schema: Schema, value: unknown, at: string, out: string[]): void {
  const where = at || '<object>';
  for (const k of Object.keys(schema)) {
    if (!KNOWN.has(k) && !k.startsWith('x-')) throw new Error(`${file.file}: unsupported OpenAPI keyword "${k}" (at ${where})`);
  }
  if (typeof schema.$ref === 'string') check(file, file.resolve(schema.$ref), value, at, out);
  for (const sub of (schema.allOf as Schema[] | undefined) ?? []) check(file, sub, value, at, out);
  for (const [keyword, want] of [['oneOf', 1], ['anyOf', 0]] as const) {
    const branches = schema[keyword] as Schema[] | undefined;
    if (!branches) continue;
    const passing = branches.filter((b) => checkValue(file, b, value).length === 0).length;
    if (want === 1 ? passing !== 1 : passing === 0) {
      const types = branches.map((b) => (typeof b.type === 'string' ? b.type : JSON.stringify(b)));
      out.push(`${where}: must be ${keyword === 'oneOf' ? 'exactly one of' : 'one of'} ${types.join(' or ')} (is ${jsonType(value)})`);
      return;
    }
  }
  if (typeof schema.type === 'string' && !hasType(schema.type, value)) {
    out.push(`${where}: must be ${schema.type} (is ${jsonType(value)})`);
    return;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    out.push(`${where}: ${JSON.stringify(value)} is not one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  }
  if (typeof schema.format === 'string') {
    const problem = formatProblem(schema.format, value, file);
    if (problem) out.push(`${where}: ${problem}`);
  }
  if (jsonType(value) === 'object') checkObject(file, schema, value as Record<string, unknown>, at, out);
  if (Array.isArray(value)) checkArray(file, schema, value, at, out);
}

function checkObject(file: SpecFile, schema: Schema, value: Record<string, unknown>, at: string, out: string[]): void {
  const properties = schema.properties as Record<string, Schema> | undefined;
  const additional = schema.additionalProperties as Schema | boolean | undefined;
  const closed = additional === false || (properties !== undefined && additional === undefined && !schema['x-kubernetes-preserve-unknown-fields']);
  for (const required of (schema.required as string[] | undefined) ?? []) {
    if (!(required in value)) out.push(`${field(at, required)}: Required value`);
  }
  for (const [name, v] of Object.entries(value)) {
    const sub = properties?.[name] ?? (typeof additional === 'object' ? additional : undefined);
    if (sub) check(file, sub, v, field(at, name), out);
    else if (closed) out.push(`${field(at, name)}: unknown field`);
  }
}

function checkArray(file: SpecFile, schema: Schema, value: unknown[], at: string, out: string[]): void {
  const items = schema.items as Schema | undefined;
  if (items) value.forEach((v, i) => check(file, items, v, `${at}[${i}]`, out));
  const listType = schema['x-kubernetes-list-type'];
  if (listType !== 'map' && listType !== 'set') return;
  const keys = (schema['x-kubernetes-list-map-keys'] as string[] | undefined) ?? [];
  const seen = new Map<string, number>();
  value.forEach((item, i) => {
    const id = JSON.stringify(listType === 'map' ? keys.map((k) => (item as Record<string, unknown> | null)?.[k] ?? null) : item);
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else {
      const what = listType === 'map' ? `the same ${keys.join(', ')} (${id.slice(1, -1)})` : 'the same value';
      out.push(`${at}[${i}]: Duplicate value: ${at}[${first}] has ${what}`);
    }
  });
}
