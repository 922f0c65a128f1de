// `preset: seed` reproduces the seed's deployment exactly as the default did before the defaults became
// Cilium 1.20.0 and Multus v4.3.0. fixtures/seed-default-output.json holds that default's objects, written
// once from main at 68feb0e (before the switch) and never regenerated, so this test holds the old behaviour.
import * as fs from 'fs';
import * as path from 'path';
import { parse, parseAllDocuments } from 'yaml';
import { valuesToProps } from '../../src/app/values';
import { CiliumVersion, MultiCniChart, MultusVersion, Preset } from '../../src';
import { App } from 'cdk8s';
import { runMain, tmpDir } from '../support/run-app';

interface SeedOutput {
  readonly warnings: string[];
  readonly kindConfig: unknown;
  readonly files: Array<{ path: string; objects: unknown[] }>;
}
const SEED: SeedOutput = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'seed-default-output.json'), 'utf8'));

/** `npm run synth -- --values FILE` with `values` as the file; every manifest read back from its YAML. */
function synthWith(values: string) {
  const dir = tmpDir('multicni-preset-');
  fs.writeFileSync(path.join(dir, 'values.yaml'), values);
  const run = runMain(['--values', path.join(dir, 'values.yaml'), '--outdir', path.join(dir, 'dist'), '--kind-config', path.join(dir, 'kind.yaml')]);
  expect({ code: run.code, err: run.code === 0 ? '' : run.err }).toEqual({ code: 0, err: '' });
  const files = SEED.files.map((f) => ({
    path: f.path,
    objects: parseAllDocuments(fs.readFileSync(path.join(dir, 'dist', f.path), 'utf8')).map((d) => d.toJS()),
  }));
  const manifests = fs.readdirSync(path.join(dir, 'dist'), { recursive: true }).map(String).filter((p) => p.endsWith('.yaml')).sort();
  return { run, files, manifests, kindConfig: parse(fs.readFileSync(path.join(dir, 'kind.yaml'), 'utf8')) };
}

const file = (files: SeedOutput['files'], p: string) => files.find((f) => f.path === p)!;

/**
 * The deliberate changes to the seed's objects made after the fixture was written, each undone here so the
 * comparison still covers everything else. Each is asserted before it is undone, so a change that stops
 * happening fails this test too.
 */
function undoLaterChanges(files: SeedOutput['files']): SeedOutput['files'] {
  return files.map((f) => ({
    path: f.path,
    objects: f.objects.filter((o: any) => {
      // Issue 24: the output records its address plan (src/plan/address-plan-record.ts).
      return !(o.kind === 'ConfigMap' && o.metadata?.name === 'multicni-address-plan' && o.metadata?.namespace === 'kube-system');
    }).map((o: any) => withoutLabels(o)).map((o: any) => {
      // Issue 24: the certgen Job is named after a hash of its spec, so an upgrade can replace it (src/cilium/hubble.ts).
      if (o.kind === 'Job' && String(o.metadata?.name).startsWith('hubble-generate-certs')) {
        expect(o.metadata.name).toMatch(/^hubble-generate-certs-[0-9a-f]{10}$/);
        return { ...o, metadata: { ...o.metadata, name: 'hubble-generate-certs' } };
      }
      return o;
    }),
  }));
}

/**
 * Issue 24: every object carries app.kubernetes.io/managed-by (src/common/object-labels.ts), and the
 * ovn-kubernetes namespace the Pod Security level privileged; asserted, then taken off.
 */
function withoutLabels(o: any): any {
  const labels = { ...(o.metadata?.labels ?? {}) };
  expect([o.kind, o.metadata?.name, labels['app.kubernetes.io/managed-by']]).toEqual([o.kind, o.metadata?.name, 'cdk8s-multicni']);
  delete labels['app.kubernetes.io/managed-by'];
  if (o.kind === 'Namespace' && o.metadata.name === 'ovn-kubernetes') {
    for (const mode of ['enforce', 'audit', 'warn']) {
      expect(labels[`pod-security.kubernetes.io/${mode}`]).toBe('privileged');
      delete labels[`pod-security.kubernetes.io/${mode}`];
    }
  }
  const { labels: _, ...metadata } = o.metadata;
  return { ...o, metadata: Object.keys(labels).length > 0 ? { ...metadata, labels } : metadata };
}

describe('preset: seed', () => {
  const seed = synthWith('preset: seed\n');
  const current = synthWith('{}\n');

  test('writes the files of the seed default, object for object, and the same kind config', () => {
    expect(seed.manifests).toEqual(SEED.files.map((f) => f.path).sort());
    const written = undoLaterChanges(seed.files);
    for (const f of SEED.files) expect({ path: f.path, objects: file(written, f.path).objects }).toEqual(f);
    expect(seed.kindConfig).toEqual(SEED.kindConfig);
  });

  test('the fixture is the seed: Cilium 1.16.7 and Multus v4.1.3 thin', () => {
    const images = JSON.stringify(SEED.files.flatMap((f) => f.objects)).match(/"image":"[^"]*"/g)!;
    expect(images.filter((i) => i.includes('/cilium:'))[0]).toContain('quay.io/cilium/cilium:v1.16.7@sha256:');
    expect(new Set(images.filter((i) => i.includes('multus-cni')))).toEqual(new Set(['"image":"ghcr.io/k8snetworkplumbingwg/multus-cni:v4.1.3"']));
    expect(SEED.warnings).toEqual([]);
  });

  test('prints one warning line: the Cilium it installs is end-of-life', () => {
    expect(seed.run.errLines).toEqual([expect.stringMatching(/^warning: cilium: installs Cilium 1\.16\.7, which is end-of-life \(the 1\.16 line ended with 1\.16\.19: [^;]*; for a supported Cilium drop preset: seed or set cilium\.version to 1\.20\.0, 1\.19\.6 or 1\.18\.12$/)]);
    expect(current.run.errLines).toEqual([]);
  });

  test('the default differs from it only in the releases: every other file is the same, object for object', () => {
    const releaseFiles = ['02-cilium.k8s.yaml', '03-multus.k8s.yaml'];
    const written = undoLaterChanges(current.files);
    for (const f of SEED.files.filter((x) => !releaseFiles.includes(x.path))) expect(file(written, f.path)).toEqual(f);
    expect(current.kindConfig).toEqual(SEED.kindConfig);
    const text = (p: string) => JSON.stringify(file(current.files, p).objects);
    expect(text('02-cilium.k8s.yaml')).toContain('quay.io/cilium/cilium:v1.20.0@sha256:');
    expect(text('02-cilium.k8s.yaml')).not.toContain('v1.16.7');
    expect(text('03-multus.k8s.yaml')).toContain('ghcr.io/k8snetworkplumbingwg/multus-cni:v4.3.0"');
    expect(text('03-multus.k8s.yaml')).not.toContain('v4.1.3');
  });

  test('an explicit version wins over the preset', () => {
    const mixed = synthWith('preset: seed\ncilium: { version: "1.20.0" }\nmultus: { version: v4.3.0 }\n');
    expect(mixed.files).toEqual(current.files);
    expect(mixed.run.errLines).toEqual([]);
    const props = valuesToProps({ preset: 'seed', multus: { version: 'v4.2.4' } });
    const chart = new MultiCniChart(new App(), 'c', props);
    expect([chart.cilium.version, chart.multus.version]).toEqual([CiliumVersion.V1_16_7, MultusVersion.V4_2_4]);
  });

  test('values key preset: current, seed or unset; anything else is refused naming the key and the valid values', () => {
    expect(valuesToProps({ preset: 'seed' }).preset).toBe(Preset.SEED);
    expect(valuesToProps({ preset: 'current' }).preset).toBe(Preset.CURRENT);
    expect(valuesToProps({ preset: null }).preset).toBeUndefined();
    expect(() => valuesToProps({ preset: 'old' })).toThrow(/^preset: invalid value "old": expected one of current, seed/);
    expect(() => valuesToProps({ cilium: { preset: 'seed' } })).toThrow(/^cilium\.preset: unknown key/);
  });

  test('the chart passes its preset to Cilium and Multus, whose own preset wins', () => {
    const chart = (props: object) => new MultiCniChart(new App(), 'c', { apiServer: 'https://10.0.0.1:6443', ...props });
    const seeded = chart({ preset: Preset.SEED });
    expect([seeded.cilium.version, seeded.multus.version]).toEqual([CiliumVersion.V1_16_7, MultusVersion.V4_1_3]);
    const own = chart({ preset: Preset.SEED, cilium: { preset: Preset.CURRENT }, multus: { preset: Preset.CURRENT } });
    expect([own.cilium.version, own.multus.version]).toEqual([CiliumVersion.V1_20_0, MultusVersion.V4_3_0]);
    expect(() => chart({ preset: 'seed' })).toThrow(/^preset: invalid value "seed": expected Preset\.CURRENT or Preset\.SEED/);
  });
});
