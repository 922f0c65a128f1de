import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { buildSchema, buildValidator, SCHEMA_FILE, schemaText, VALIDATOR_FILE } from '../../scripts/values-schema';
import { valuesToProps } from '../../src/app/values';
import { ENUM_KEYS } from '../../src/app/values-enums';

const ROOT = path.join(__dirname, '..', '..');
const schema = buildSchema();

/** Every key path of the schema (`networks[].topology`) with its schema. */
function keyPaths(node: Record<string, any>, at = ''): Array<[string, Record<string, any>]> {
  const own: Array<[string, Record<string, any>]> = at ? [[at, node]] : [];
  const props = Object.entries(node.properties ?? {}).flatMap(([k, child]) => keyPaths(child as any, at ? `${at}.${k}` : k));
  const items = node.items ? keyPaths(node.items, `${at}[]`).filter(([p]) => p !== `${at}[]`) : [];
  return [...own, ...props, ...items];
}

describe('values.schema.json', () => {
  test('is up to date with the props types (run `npm run schema` after changing them)', () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaText(schema));
    expect(fs.readFileSync(VALIDATOR_FILE, 'utf8')).toBe(buildValidator(schema));
  });

  test('has the sections and the keys the props define, enum-like classes as their names', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(['addressing', 'apiServer', 'cilium', 'demo', 'multus', 'networkCrds', 'networks', 'ovn']);
    const paths = Object.fromEntries(keyPaths(schema));
    expect(paths['ovn.mode'].enum).toEqual(['central', 'interconnect']);
    expect(paths['cilium.routingMode'].enum).toEqual(['tunnel', 'native']);
    expect(paths['cilium.imagePullPolicy'].enum).toEqual(['Always', 'IfNotPresent', 'Never']);
    expect(paths['cilium.ipam'].enum).toEqual(['kubernetes', 'cluster-pool']);
    expect(paths['addressing.nodeCount'].type).toBe('integer');
    expect(paths['addressing.podRangesFromNodes']).toBeUndefined(); // not a values key: the chart sets it
    expect(paths['networks[].name']).toBeDefined();
    expect(paths['networks[].nodeCount']).toBeUndefined(); // one cluster, one node count: addressing.nodeCount
    expect(schema.properties.networks.items.required).toEqual(['name']);
    for (const [key, names] of Object.entries(ENUM_KEYS)) expect({ key, enum: paths[key].enum }).toEqual({ key, enum: Object.keys(names) });
    expect(paths['ovn.mtu'].description).toMatch(/MTU of OVN-Kubernetes pod interfaces.*\n\nDefault: 1400/s);
  });

  test('is a valid draft-07 schema that accepts the example values and refuses a typo', () => {
    const validate = new Ajv({ strict: true }).compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')));
    const example = fs.readFileSync(path.join(ROOT, 'examples', 'values.yaml'), 'utf8');
    expect(example.split('\n')[0]).toBe('# yaml-language-server: $schema=../values.schema.json');
    expect(validate(parse(example))).toBe(true);
    expect(validate({ ovn: { mtuu: 1400 } })).toBe(false);
  });

  test.each(keyPaths(schema))('a wrong type at %s is refused at that key', (key, node) => {
    const wrong = node.type === 'object' || node.type === 'array' ? 'text' : { a: 1 };
    const at = key.split('.').flatMap((k) => (k.endsWith('[]') ? [k.slice(0, -2), 0] : [k])).filter((k) => k !== '');
    const shown = at.reduce<string>((p, k) => (typeof k === 'number' ? `${p}[${k}]` : p ? `${p}.${k}` : k), '');
    expect(() => valuesToProps(valuesWith(schema, at, wrong))).toThrow(new RegExp(`^${shown.replace(/[.[\]]/g, '\\$&')}: invalid value .*: expected `));
  });
});

/** A values document with `leaf` at the path `at`, and every required key on the way set to a value of its type. */
function valuesWith(node: Record<string, any>, at: Array<string | number>, leaf: unknown): unknown {
  if (at.length === 0) return leaf;
  const [key, ...rest] = at;
  if (typeof key === 'number') return [valuesWith(node.items, rest, leaf)];
  const required = Object.fromEntries((node.required ?? []).map((k: string) => [k, ({ string: 'a', integer: 1, boolean: true, array: [] } as any)[node.properties[k].type]]));
  return { ...required, [key]: valuesWith(node.properties[key], rest, leaf) };
}
