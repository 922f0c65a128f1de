import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { runPlan } from '../../src/cli/plan-command';
import { runMain, tmpDir } from '../support/run-app';

const root = path.join(__dirname, '..', '..');

function plan(args: string[], cwd?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const before = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = runPlan(args, (l) => out.push(l), (l) => err.push(l));
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    process.chdir(before);
  }
}

/** synth of a values text into `dir/name` (and the values file beside it). */
function synthInto(dir: string, name: string, values: string): { outdir: string; values: string } {
  const file = path.join(dir, `${name}.yaml`);
  fs.writeFileSync(file, values);
  const outdir = path.join(dir, name);
  const r = runMain(['--values', file, '--outdir', outdir, '--no-kind-config']);
  expect(r.code).toBe(0);
  return { outdir, values: file };
}

const schemaFile = () => JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'plan-diff.schema.json'), 'utf8'));

describe('multicni plan --diff', () => {
  const dir = tmpDir('multicni-plan-diff-');
  const base = synthInto(dir, 'base', '');
  const write = (name: string, text: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };

  test('exit 0 with nothing changed, and the markdown says so', () => {
    const r = plan(['--diff', base.outdir]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe(`## multicni plan --diff ${base.outdir}\n\nNo change to the address plan, the components or the networks.`);
  });

  test('exit 0 when every change is safe; 1 when one is disruptive; 1 for not in place', () => {
    const safe = plan(['--diff', base.outdir, '--values', write('safe.yaml', 'networks:\n  - name: ovn-stream-veth\n    subnets: [10.245.0.0/16/24]\n  - name: storage\n    topology: layer2\n    subnets: [10.50.0.0/24]\n')]);
    expect(safe.code).toBe(0);
    expect(safe.out).toMatch(/\*\*Safe to apply\*\* — 0 not in place, 0 disruptive, 1 safe\./);
    expect(safe.out).toContain('| network default/storage | — | `topology=layer2, subnets=10.50.0.0/24, mtu=1300` |');
    const disruptive = plan(['--diff', base.outdir, '--values', write('mtu.yaml', 'ovn:\n  mtu: 1350\n')]);
    expect(disruptive.code).toBe(1);
    expect(disruptive.out).toMatch(/### Disruptive/);
    const notInPlace = plan(['--diff', base.outdir, '--values', write('pods.yaml', 'addressing:\n  primaryPodCidrs: [10.240.0.0/16]\n')]);
    expect(notInPlace.code).toBe(1);
    expect(notInPlace.out).toMatch(/### Not in place: cannot be applied to the running cluster\n\n\| change \|.*\n\|---.*\n\| primary pod range \| `10\.244\.0\.0\/16` \| `10\.240\.0\.0\/16` \|/);
  });

  test('exit 2 for an unreadable OLD, a bad git source, a bad values file, a bad format, or --outdir', () => {
    expect(plan(['--diff', path.join(dir, 'absent')])).toMatchObject({ code: 2, err: expect.stringMatching(/^multicni plan: --diff .*absent/) });
    const empty = path.join(dir, 'empty');
    fs.mkdirSync(empty, { recursive: true });
    expect(plan(['--diff', empty])).toMatchObject({ code: 2, err: expect.stringMatching(/holds no Kubernetes objects/) });
    expect(plan(['--diff', 'git:HEAD'])).toMatchObject({ code: 2, err: expect.stringMatching(/expected git:REV:PATH/) });
    expect(plan(['--diff', 'git:no-such-revision-x:dist'], dir)).toMatchObject({ code: 2, err: expect.stringMatching(/git ls-tree failed/) });
    expect(plan(['--diff', base.outdir, '--values', write('bad.yaml', 'cilium:\n  version: "9.9"\n')])).toMatchObject({ code: 2, err: expect.stringMatching(/bad\.yaml: cilium\.version: invalid value "9\.9"/) });
    expect(plan(['--diff', base.outdir, '--format', 'svg'])).toMatchObject({ code: 2, err: expect.stringMatching(/--format "svg" is not valid with --diff/) });
    expect(plan(['--diff', base.outdir, '--outdir', dir])).toMatchObject({ code: 2 });
    expect(plan(['--new', base.outdir])).toMatchObject({ code: 2, err: expect.stringMatching(/--new is only valid with --diff/) });
    expect(plan(['--diff'])).toMatchObject({ code: 2, err: expect.stringMatching(/--diff needs a value/) });
    // a hand-edited record: the line that is not JSON is named
    const edited = path.join(dir, 'edited');
    fs.cpSync(base.outdir, edited, { recursive: true });
    const file = fs.readdirSync(edited).map((f) => path.join(edited, f)).find((f) => f.endsWith('.yaml') && fs.readFileSync(f, 'utf8').includes('multicni-address-plan'))!;
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/(ranges: \|-?\n)/, '$1    not json\n'));
    expect(plan(['--diff', edited])).toMatchObject({ code: 2, err: expect.stringMatching(/ConfigMap kube-system\/multicni-address-plan: data\.ranges line 1 is not a JSON object: "not json"/) });
  });

  test('--new compares two output directories (an app written with the constructs)', () => {
    const other = synthInto(dir, 'interconnect', 'ovn:\n  mode: interconnect\n');
    const r = plan(['--diff', base.outdir, '--new', other.outdir, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).changes).toEqual([expect.objectContaining({ rule: 'ovn-mode', before: 'central', after: 'interconnect' })]);
  });

  test('git:REV:PATH reads the output as a revision has it, from any directory of the repository', () => {
    const repo = path.join(dir, 'repo');
    fs.mkdirSync(path.join(repo, 'sub'), { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    fs.cpSync(base.outdir, path.join(repo, 'dist'), { recursive: true });
    git('add', '-A');
    git('commit', '-qm', 'dist');
    fs.rmSync(path.join(repo, 'dist'), { recursive: true }); // the working tree is not read
    const r = plan(['--diff', 'git:main:dist', '--values', write('cp.yaml', 'cilium:\n  version: "1.19.6"\n')], path.join(repo, 'sub'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\| Cilium release \| `1\.20\.0` \| `1\.19\.6` \|/);
    expect(r.out).toMatch(/`cilium-minor-downgrade`/);
    expect(plan(['--diff', 'git:main:nothing-here'], repo)).toMatchObject({ code: 2, err: expect.stringMatching(/no YAML or JSON files under nothing-here at main/) });
  });

  test('decoy: auto keeps the decoy OLD records, as synth does; --redecoy shows the move as not in place', () => {
    const values = 'addressing:\n  decoy: auto\nnetworks:\n  - name: n1\n    subnets: [10.0.0.0/16/24]\n';
    const old = synthInto(dir, 'auto', values);
    // n1 goes: a fresh choice would take the block it held (10.0.0.0/16), moving the decoy
    const grown = write('moved.yaml', 'addressing:\n  decoy: auto\nnetworks:\n  - name: n3\n    topology: layer2\n    subnets: [192.168.77.0/24]\n');
    const kept = plan(['--diff', old.outdir, '--values', grown, '--format', 'json']);
    const keptDoc = JSON.parse(kept.out);
    expect(keptDoc.changes.map((c: any) => c.rule)).toEqual(['network-removed', 'network-added']);
    expect(kept.code).toBe(1); // the removal is disruptive
    const moved = JSON.parse(plan(['--diff', old.outdir, '--values', grown, '--redecoy', '--format', 'json']).out);
    expect(moved.changes.find((c: any) => c.rule === 'decoy')).toMatchObject({ classification: 'not in place', before: '10.1.0.0/16/24', after: '10.0.0.0/16/24' });
  });

  test('--format github: one workflow command per change, by class, escaped', () => {
    const r = plan(['--diff', base.outdir, '--values', write('gh.yaml', 'ovn:\n  mode: interconnect\nmultus:\n  mode: thick\n'), '--format', 'github']);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::warning title=disruptive%3A Multus mode::thin → thick: /);
    expect(lines[1]).toMatch(/^::error title=not in place%3A OVN-Kubernetes mode::central → interconnect: .*\[ovn-mode; /);
  });

  describe('--format json', () => {
    const docsSchema = () => {
      const block = /<!-- plan-diff-schema -->\s*```json\n([^]*?)\n```/.exec(fs.readFileSync(path.join(root, 'docs', 'plan-diff.md'), 'utf8'));
      expect(block).not.toBeNull();
      return JSON.parse(block![1]);
    };

    test('docs/plan-diff.md documents the same schema as schemas/plan-diff.schema.json', () => {
      expect(docsSchema()).toEqual(schemaFile());
    });

    test('output of no change, safe, disruptive and not-in-place diffs validates, and the schema can fail', () => {
      const validate = new Ajv({ allErrors: true, strict: true }).compile(schemaFile());
      const runs = [
        plan(['--diff', base.outdir, '--format', 'json']),
        plan(['--diff', base.outdir, '--format', 'json', '--values', write('j1.yaml', 'multus:\n  version: v4.2.4\n')]),
        plan(['--diff', base.outdir, '--format', 'json', '--values', write('j2.yaml', 'cilium:\n  encryption: wireguard\n')]),
        plan(['--diff', base.outdir, '--format', 'json', '--values', write('j3.yaml', 'addressing:\n  serviceCidrs: [10.97.0.0/16]\n')]),
      ];
      expect(runs.map((r) => r.code)).toEqual([0, 0, 1, 1]);
      const docs = runs.map((r) => JSON.parse(r.out));
      for (const [i, doc] of docs.entries()) {
        expect(validate(doc)).toBe(true);
        expect(validate.errors ?? []).toEqual([]);
        expect(doc.exitCode).toBe(runs[i].code);
      }
      expect(docs.map((d) => d.verdict)).toEqual(['safe', 'safe', 'disruptive', 'not in place']);
      expect(docs[3].summary).toEqual({ safe: 0, disruptive: 0, notInPlace: 1 });
      expect(docs[3].changes[0]).toMatchObject({ area: 'addressing', subject: 'service range', before: '10.96.0.0/16', after: '10.97.0.0/16', classification: 'not in place', rule: 'service-range' });
      const broken = structuredClone(docs[3]);
      delete broken.changes[0].source;
      expect(validate(broken)).toBe(false);
    });
  });
});
