import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { buildSchema, buildValidator, SCHEMA_FILE, schemaText, VALIDATOR_FILE } from '../../scripts/values-schema';
import { synthesize } from '../../src/app/synthesize';
import { valuesToProps } from '../../src/app/values';
import { ENUM_KEYS } from '../../src/app/values-enums';

const ROOT = path.join(__dirname, '..', '..');
const schema = buildSchema();

/** The type of a key besides the null an optional key also takes. */
function typeOf(node: Record<string, any>): string {
  return Array.isArray(node.type) ? node.type.filter((t: string) => t !== 'null').join('+') : node.type;
}

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
    expect(Object.keys(schema.properties).sort()).toEqual(['addressing', 'apiServer', 'cilium', 'demo', 'gitops', 'multus', 'networkCrds', 'networks', 'ovn', 'preset']);
    const paths = Object.fromEntries(keyPaths(schema));
    expect(paths['cilium.preset']).toBeUndefined(); // one preset per file: the top-level key
    expect(paths['multus.preset']).toBeUndefined();
    expect(paths['ovn.mode'].enum).toEqual(['central', 'interconnect', null]);
    expect(paths['cilium.routingMode'].enum).toEqual(['tunnel', 'native', null]);
    expect(paths['cilium.imagePullPolicy'].enum).toEqual(['Always', 'IfNotPresent', 'Never', null]);
    expect(paths['cilium.ipam'].enum).toEqual(['kubernetes', 'cluster-pool', null]);
    expect(paths['addressing.nodeCount'].type).toEqual(['integer', 'null']);
    expect(paths['addressing.podRangesFromNodes']).toBeUndefined(); // not a values key: the chart sets it
    expect(paths['networks[].name']).toBeDefined();
    expect(paths['networks[].nodeCount']).toBeUndefined(); // one cluster, one node count: addressing.nodeCount
    expect(schema.properties.networks.items.required).toEqual(['name']);
    for (const [key, names] of Object.entries(ENUM_KEYS)) {
      // A list of enum-like instances (`cilium.hubble.metrics[]`): the names on the items, which never take null.
      const listItems = key.endsWith('[]') ? paths[key.slice(0, -2)].items : undefined;
      if (listItems) expect({ key, enum: listItems.enum }).toEqual({ key, enum: Object.keys(names) });
      // A required key (gitops.engine) never takes null either.
      else if (key === 'gitops.engine') expect({ key, enum: paths[key].enum }).toEqual({ key, enum: Object.keys(names) });
      else expect({ key, enum: paths[key].enum }).toEqual({ key, enum: [...Object.keys(names), null] });
    }
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
    const wrong = typeOf(node) === 'object' || typeOf(node) === 'array' ? 'text' : { a: 1 };
    const at = key.split('.').flatMap((k) => (k.endsWith('[]') ? [k.slice(0, -2), 0] : [k])).filter((k) => k !== '');
    const shown = at.reduce<string>((p, k) => (typeof k === 'number' ? `${p}[${k}]` : p ? `${p}.${k}` : k), '');
    expect(() => valuesToProps(valuesWith(schema, at, wrong))).toThrow(new RegExp(`^${shown.replace(/[.[\]]/g, '\\$&')}: invalid value .*: expected `));
  });
});

describe('null for a key (helm: `key: ~` unsets it)', () => {
  const validate = new Ajv({ strict: true }).compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')));
  const withNulls = parse([
    'apiServer: ~',
    'addressing:',
    '  nodeCount: null',
    '  decoySearch: ~',
    'cilium:',
    '  hubbleTls: null',
    '  routingMode: ~',
    '  clusterPool: ~',
    'multus: null',
    'networks:',
    '  - name: blue',
    '    subnets: [10.245.0.0/16/24]',
    '    mtu: ~',
    '    topology: ~',
    'demo:',
    '  enabled: true',
    '  pods:',
    '    - name: a',
    '      nodeName: ~',
  ].join('\n'));
  const withoutNulls = { addressing: {}, cilium: {}, demo: { enabled: true, pods: [{ name: 'a' }] }, networks: [{ name: 'blue', subnets: ['10.245.0.0/16/24'] }] };

  test('the schema lets every optional key take null, and no required key nor list item', () => {
    const notNullable = keyPaths(schema).filter(([, node]) => !(Array.isArray(node.type) && node.type.includes('null'))).map(([p]) => p);
    // a label selector requirement needs its key and operator: 2 keys in each of the 13 selectors (8 of the
    // Cilium resources, 5 of a network's policies: podSelector, and a peer's two in ingress and in egress)
    const requirement = (p: string) => /\.matchExpressions\[\]\.(key|operator)$/.test(p);
    expect(notNullable.filter(requirement)).toHaveLength(26);
    expect(notNullable.filter((p) => !requirement(p))).toEqual([
      'cilium.loadBalancerPools[].name', 'cilium.loadBalancerPools[].blocks',
      'cilium.l2AnnouncementPolicies[].name',
      'cilium.bgp.localAsn', 'cilium.bgp.peers', 'cilium.bgp.peers[].name', 'cilium.bgp.peers[].address', 'cilium.bgp.peers[].asn',
      'cilium.egressGatewayPolicies[].name', 'cilium.egressGatewayPolicies[].destinationCidrs', 'cilium.egressGatewayPolicies[].gatewayNodeSelector',
      'cilium.clusterPool.podCidrs',
      'networks[].policies[].name', 'networks[].policies[].ingress[].from[].ipBlock.cidr', 'networks[].policies[].egress[].to[].ipBlock.cidr',
      'networks[].name', 'demo.pods[].name', 'gitops.engine', 'gitops.repoUrl',
    ]);
    const items: unknown[] = [];
    const collect = (node: Record<string, any>): void => {
      if (node.items) items.push(node.items.type);
      for (const child of [...Object.values(node.properties ?? {}), ...(node.items ? [node.items] : [])]) collect(child as Record<string, any>);
    };
    collect(schema);
    // 16, the Cilium resources add 24 (two in each of their 8 label selectors and 8 lists of their own), a network's
    // policies 20 (two in each of their 5 selectors; policies, policyTypes, and ingress, egress, from, to, ports and except)
    expect(items.length).toBe(60);
    expect(items.filter((t) => typeof t !== 'string')).toEqual([]);
  });

  test('values.schema.json accepts null for optional keys, as synth does', () => {
    expect(validate(withNulls)).toBe(true);
    expect(validate({ ovn: null, cilium: { version: null, ipam: null } })).toBe(true);
  });

  test('synth reads null as absent: the output is that of the values without the null keys', () => {
    expect(valuesToProps(withNulls)).toEqual(valuesToProps(withoutNulls));
    const texts = (values: object) => new Map(synthesize(valuesToProps(values)).files.map((f) => [f.path, f.content]));
    const expected = texts(withoutNulls);
    const got = texts(withNulls);
    expect([...got.keys()]).toEqual([...expected.keys()]);
    for (const [file, text] of expected) expect({ file, same: got.get(file) === text }).toEqual({ file, same: true });
    // the defaults of the keys set to null: Hubble with TLS, tunnel routing, one network and the demo pods
    expect(got.get('02-cilium.k8s.yaml')).toMatch(/^ {2}hubble-disable-tls: "false"$/m);
    expect(got.get('02-cilium.k8s.yaml')).toMatch(/^ {2}routing-mode: tunnel$/m);
    expect([...got.keys()]).toContain('stage2/01-networks.k8s.yaml');
  });

  test.each([
    ['a required key', { networks: [{ name: null }] }, /^networks\[0\]\.name: required/],
    ['a required key of an optional section', { cilium: { ipam: 'cluster-pool', clusterPool: { podCidrs: null } } }, /^cilium\.clusterPool\.podCidrs: required/],
    ['a list item', { addressing: { serviceCidrs: [null] } }, /^addressing\.serviceCidrs: invalid value \[null\]: expected a list of strings/],
  ])('null for %s is refused by the schema and by synth', (_, values, message) => {
    expect(validate(values)).toBe(false);
    expect(() => valuesToProps(values)).toThrow(message);
  });

  test('a wrong value of an optional key is still described without the null', () => {
    expect(() => valuesToProps({ addressing: { nodeCount: 'three' } })).toThrow(/^addressing\.nodeCount: invalid value "three": expected an integer$/);
    expect(() => valuesToProps({ cilium: { routingMode: 'nope' } })).toThrow(/^cilium\.routingMode: invalid value "nope": expected one of tunnel, native$/);
  });
});

/** A values document with `leaf` at the path `at`, and every required key on the way set to a value of its type. */
function valuesWith(node: Record<string, any>, at: Array<string | number>, leaf: unknown): unknown {
  if (at.length === 0) return leaf;
  const [key, ...rest] = at;
  if (typeof key === 'number') return [valuesWith(node.items, rest, leaf)];
  const valueOf = (child: Record<string, any>) => child.enum?.[0] ?? ({ string: 'a', integer: 1, boolean: true, array: [], object: {} } as any)[typeOf(child)];
  const required = Object.fromEntries((node.required ?? []).map((k: string) => [k, valueOf(node.properties[k])]));
  return { ...required, [key]: valuesWith(node.properties[key], rest, leaf) };
}
