import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { synthesize } from '../../src/app/synthesize';
import { valuesToProps } from '../../src/app/values';
import { manifestYaml } from '../../src/app/yaml-text';
import { yaml } from '../../src/util/yaml';

/** What manifestYaml must equal, byte for byte. */
const reference = (object: unknown) => stringify(object, { lineWidth: 0 });

const dualStack = {
  addressing: {
    primaryPodCidrs: ['10.244.0.0/16', 'fd00:10:244::/56'], serviceCidrs: ['10.96.0.0/16', 'fd00:10:96::/112'],
    nodeNetworks: ['172.18.0.0/16', 'fc00:f853:ccd:e793::/64'], decoy: '10.254.0.0/16/24,fd00:10:254::/48/64',
  },
  networks: [{ name: 'dual', subnets: ['10.128.0.0/16/24', 'fd00:10:128::/48/64'] }],
};
/** Values of the stacks whose objects are compared: every version line, both Multus modes, the OVN modes. */
const STACKS: Array<[string, object]> = [
  ['default', {}],
  ['examples/values.yaml', parse(fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'values.yaml'), 'utf8'))],
  ['cilium 1.18.12, multus v4.2.4 thick', { cilium: { version: '1.18.12' }, multus: { version: 'v4.2.4', mode: 'thick' } }],
  ['cilium 1.19.6, ovn interconnect', { cilium: { version: '1.19.6' }, ovn: { mode: 'interconnect' } }],
  ['cilium 1.20.0, multus v4.3.0 thick, dual-stack', { cilium: { version: '1.20.0' }, multus: { version: 'v4.3.0', mode: 'thick' }, ...dualStack }],
];

describe('manifestYaml', () => {
  test.each(STACKS)('writes every object of the %s stack as yaml does', (_label, values) => {
    const objects = synthesize(valuesToProps(values)).files.flatMap((f) => f.objects);
    expect(objects.length).toBeGreaterThan(40);
    for (const o of objects) expect(manifestYaml(o)).toBe(reference(o));
  });

  test('the default stack holds the scalars the fast path leaves to yaml (block text, numbers as strings, cidrs)', () => {
    const text = synthesize(valuesToProps({})).files.flatMap((f) => f.objects).map(manifestYaml).join('---\n');
    expect(text).toMatch(/: \|-?\n/); // a multi-line ConfigMap value
    expect(text).toMatch(/: "\d+"\n/); // a number-like string, quoted
    expect(text).toContain('net_cidr: 10.254.0.0/16/24'); // the decoy, plain although it starts with a digit
  });

  test.each([
    ['nested collections and empty ones', { a: { b: [1, { c: 'x', d: [] }, [2, 3], [], {}], e: {} }, f: null, g: true }],
    ['keywords and numbers as strings', { a: 'true', b: 'null', c: 'NULL', d: '1', e: '0x1f', f: '1e3', g: '.inf', h: '-1', i: '+1', j: '1.2.3.4', k: '' }],
    ['odd keys', { 'a b': 1, 'c:': 2, '1': 3, '': 4, '-x': 5, 'y#z': 6, 'true': 7, '? q': 8, '---': 9, '...': 10 }],
    ['document markers as nested keys (plain there, quoted at a line start)', { a: [{ '---': '' }], b: { '...': { '---': 1 } } }],
    ['indicators and spaces', { a: '- x', b: '#c', c: 'x #y', d: 'x: y', e: ' lead', f: 'trail ', g: '*ref', h: '&anchor', i: '!tag', j: '%x', k: '@x', l: '`x', m: '---', n: '...', o: 'a:b', p: 'http://x:80/y' }],
    ['block text at every depth', { a: 'l1\nl2', b: { c: 'l1\n\nl2\n', d: ['x\ny', { e: '  lead\nl2' }] }, f: [['p\nq']], g: 'end\n\n', h: 'sp  \nx' }],
    ['numbers', { a: 0, b: -0, c: 1.5, d: 1e21, e: NaN, f: Infinity, g: -7, h: Number.MAX_SAFE_INTEGER + 2 }],
    ['undefined values', { a: undefined, b: { c: undefined }, d: [{ e: undefined, f: 1 }] }],
    ['a repeated object (yaml writes an anchor)', (() => { const shared = { x: 1 }; return { a: shared, b: shared }; })()],
    ['long key', { ['k'.repeat(1100)]: 1 }],
    ['unicode and control characters', { a: 'ünïcödé', b: 'tab\there', c: 'bell\u0007', d: 'emoji 🚀', e: '\u00a0nbsp' }],
  ])('writes %s as yaml does', (_label, object) => {
    expect(manifestYaml(object)).toBe(reference(object));
  });

  // What the one-pass writer does not model goes through yaml as a whole document.
  test.each([
    ['a map whose values are all undefined', { a: undefined }],
    ['an undefined sequence item', { a: [1, undefined, 'x'] }],
    ['a Date', { a: new Date(Date.UTC(2024, 1, 29, 12, 30)) }],
    ['a Date in a sequence', { a: ['x', new Date(0)] }],
    ['a bigint', { a: BigInt('12345678901234567890') }],
  ])('writes %s as yaml does, through yaml itself', (_label, object) => {
    const stringify = jest.spyOn(yaml, 'stringify');
    try {
      const text = manifestYaml(object);
      expect(text).toBe(reference(object));
      expect(stringify).toHaveBeenCalledWith(object, { lineWidth: 0 });
    } finally {
      stringify.mockRestore();
    }
  });

  test('writes random JSON as yaml does', () => {
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom('true', 'null', '~', '1', '0o7', '.nan', 'a: b', 'a #b', '- ', 'x\ny', 'x\n', ' ', ':', 'a:', '::1', '10.0.0.0/8', '"q"', "'q'"),
      fc.stringMatching(/^[A-Za-z0-9_./@=+:\- #\n'"]{0,12}$/),
    );
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(text, tie('value'), { maxKeys: 4 }),
    }));
    fc.assert(fc.property(json.object, (object) => {
      expect(manifestYaml(object)).toBe(reference(object));
    }), { numRuns: 3000 });
  });
});
