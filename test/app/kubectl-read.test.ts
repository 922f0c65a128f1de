import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { renderYaml } from '../../src/app/manifest-layout';
import { synthesize } from '../../src/app/synthesize';
import { valuesToProps } from '../../src/app/values';
import { yaml } from '../../src/util/yaml';
import { ALL_CASES } from '../fidelity/cases';
import { ACCEPTED } from '../support/accepted-values';
import { tmpDir } from '../support/tmp-dir';

// Every YAML file synth writes, read as kubectl reads it (k8s.io/apimachinery's YAML document reader and
// sigs.k8s.io/yaml, YAML 1.1 rules: test/apiserver/go/yamlreader), must be the objects synth rendered.
// The helper is built by test/apiserver/build.sh (`npm run pretest:apiserver`); without it the tests are
// skipped with the reason printed, except under CI=true, where its absence fails.

const ROOT = path.join(__dirname, '..', '..');

function helperPath(): { path?: string; reason?: string } {
  const r = spawnSync('bash', [path.join(ROOT, 'test', 'apiserver', 'build.sh'), '--yamlreader-path'], { encoding: 'utf8' });
  const file = r.stdout.trim();
  if (r.status !== 0) return { reason: `build.sh --yamlreader-path failed: ${r.stderr.trim()}` };
  if (!fs.existsSync(file)) return { reason: `${file} is not built (run: bash test/apiserver/build.sh)` };
  return { path: file };
}

const helper = helperPath();
const ci = process.env.CI === 'true';
if (helper.path === undefined && !ci) {

  console.log(`skipping the kubectl reader tests: ${helper.reason}`);
}
const run = helper.path !== undefined || ci ? describe : describe.skip;

/** Each file of `files` (relative path → text), as kubectl reads it: its documents as JSON. */
function kubectlRead(files: Record<string, string>): Record<string, unknown[]> {
  if (helper.path === undefined) throw new Error(`the kubectl YAML reader is missing: ${helper.reason}`);
  const dir = tmpDir('multicni-kubectl-read-');
  const paths = Object.keys(files).map((name) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, files[name]);
    return file;
  });
  const r = spawnSync(helper.path, paths, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`yamlreader: ${r.stderr}`);
  const read: Record<string, unknown[]> = JSON.parse(r.stdout);
  return Object.fromEntries(Object.keys(files).map((name) => [name, read[path.join(dir, name)]]));
}

/** The objects as JSON has them (what kubectl sends): no undefined members. */
const asJson = (objects: unknown[]) => JSON.parse(JSON.stringify(objects));

/** The stacks of the test corpus: the default, every accepted values file, every fidelity case's values. */
const STACKS: Array<[string, unknown]> = [
  ['default', {}],
  ...ACCEPTED.map(([label, text]): [string, unknown] => [`values: ${label}`, yaml.parse(text.replace(/^\ufeff/, ''))]),
  ...ALL_CASES.map((c): [string, unknown] => [`fidelity: ${c.id}`, c.values]),
];

run('what kubectl reads is what synth meant', () => {
  test('every manifest and the kind config of every stack of the test corpus', () => {
    const files: Record<string, string> = {};
    const meant: Record<string, unknown[]> = {};
    const kindConfigs: string[] = [];
    STACKS.forEach(([, values], i) => {
      const out = synthesize(valuesToProps(values));
      for (const f of out.files.filter((x) => x.path.endsWith('.yaml'))) {
        files[`${i}/${f.path}`] = f.content;
        meant[`${i}/${f.path}`] = asJson(f.objects);
      }
      files[`${i}/kind.yaml`] = out.kindConfig;
      kindConfigs.push(`${i}/kind.yaml`);
    });
    const read = kubectlRead(files);
    expect(Object.keys(meant).length).toBeGreaterThan(STACKS.length * 5);
    for (const name of Object.keys(meant)) expect([name, read[name]]).toEqual([name, meant[name]]);
    for (const name of kindConfigs) {
      const [config] = read[name] as any[];
      // the kind config has no object behind it: what kubectl reads is what a YAML 1.2 reader reads, and a cluster
      expect([name, config]).toEqual([name, yaml.parse(files[name])]);
      expect([name, config.kind, config.name, typeof config.networking.podSubnet]).toEqual([name, 'Cluster', 'ovn', 'string']);
    }
  }, 600_000);

  // Plain scalars that YAML 1.1 or Go's number syntax read as another type, and text around them.
  const TRICKY = ['y', 'Y', 'n', 'N', 'yes', 'Yes', 'YES', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF',
    'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL', '~', '', '<<',
    '0b1', '-0b1', '0B1', '0x1f', '0X1F', '+0x1f', '0o7', '0O7', '012', '08', '1_000', '1e3', '1E3', '1e3_', '+_1',
    '.5', '-.5', '5.', '1.0', '1:20', '1:20.5', '.inf', '-.Inf', '.nan', '2001-12-14', '2001-12-14t21:59:43.10-05:00',
    '2001-12-14 21:59:43.10 -5', '0', '-0', '+1', '9223372036854775808', '1e400'];
  const word = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 6 }), fc.stringMatching(/^[0-9a-fA-FxXoObBeE_.+-]{1,6}$/));
  const joined = fc.tuple(fc.array(word, { minLength: 2, maxLength: 3 }), fc.constantFrom(' ', ': ', '-', ', ', '\n', ' #'))
    .map(([ws, separator]) => ws.join(separator));
  const text = fc.oneof({ weight: 3, arbitrary: word }, { weight: 1, arbitrary: joined });
  // DNS-1123 labels, as names and namespaces are: YAML words and number forms among them
  const label = fc.oneof(fc.constantFrom(...TRICKY.filter((t) => /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(t))), fc.stringMatching(/^[a-z0-9]{1,4}$/));
  const configMapKey = fc.oneof(fc.constantFrom(...TRICKY.filter((t) => /^[-._a-zA-Z0-9]+$/.test(t))), fc.stringMatching(/^[-._a-zA-Z0-9]{1,5}$/));
  const configMap = fc.record({
    apiVersion: fc.constant('v1'),
    kind: fc.constant('ConfigMap'),
    metadata: fc.record({ name: label, namespace: label, labels: fc.dictionary(configMapKey, label, { maxKeys: 2 }) }),
    data: fc.dictionary(configMapKey, text, { maxKeys: 6 }),
  });

  test('property: ConfigMaps with generated names and values, rendered as synth renders files', () => {
    fc.assert(fc.property(fc.array(configMap, { minLength: 1, maxLength: 8 }), (objects) => {
      const read = kubectlRead({ 'f.yaml': renderYaml(objects) });
      expect(read['f.yaml']).toEqual(asJson(objects));
    }), { numRuns: 60 });
  }, 300_000);

  test('property: networks named and namespaced with YAML words, through synth', () => {
    // one network name each: a name shared across namespaces would have to share the config too
    const names = fc.uniqueArray(fc.tuple(label, label), { minLength: 1, maxLength: 4, selector: ([name]) => name });
    fc.assert(fc.property(names, (pairs) => {
      const networks = pairs.map(([name, namespace], i) => ({ name, namespace, topology: 'layer2', subnets: [`10.${245 + i}.0.0/24`] }));
      const out = synthesize(valuesToProps({ networks, demo: { enabled: false } }));
      const yamlFiles = out.files.filter((f) => f.path.endsWith('.yaml'));
      const read = kubectlRead(Object.fromEntries(yamlFiles.map((f) => [f.path, f.content])));
      for (const f of yamlFiles) expect([f.path, read[f.path]]).toEqual([f.path, asJson(f.objects)]);
      // the names did reach the manifests
      const nads = yamlFiles.flatMap((f) => read[f.path] as any[]).filter((o) => o.kind === 'NetworkAttachmentDefinition');
      expect(nads.map((o) => `${o.metadata.namespace}/${o.metadata.name}`).sort()).toEqual(pairs.map(([n, ns]) => `${ns}/${n}`).sort());
    }), { numRuns: 8 });
  }, 600_000);
});
