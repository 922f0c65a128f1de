import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { buildCorpus } from './corpus';

// Runs the real binary, as a user would, to see exit codes and the absence of stack traces.
const root = path.join(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'multicni');
const fixtures = path.join(__dirname, '..', 'check', 'fixtures');
const run = (args: string[], opts: { cwd?: string; input?: Buffer | string } = {}) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: opts.cwd, input: opts.input });
const STACK = /\n\s+at |Error: .*\n.*\.(js|ts):\d+/;

const corpus = buildCorpus();
afterAll(() => fs.rmSync(corpus.dir, { recursive: true, force: true }));

describe('multicni check on a corpus of real-world inputs', () => {
  test.each(corpus.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = run(['check', ...c.args], { cwd: corpus.dir, input: c.stdin ?? '' });
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual(expect.objectContaining({ status: c.exit }));
    expect(r.stdout + r.stderr).not.toMatch(STACK);
    if (c.exit === 2) expect(r.stderr).toMatch(/^multicni( check)?: /);
    if (c.output) expect(c.exit === 2 ? r.stderr : r.stdout).toMatch(c.output);
  });

  test('the corpus is the size of the acceptance set', () => {
    expect(corpus.cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(corpus.cases.map((c) => c.exit))).toEqual(new Set([0, 1, 2]));
  });
});

describe('help and version', () => {
  test('multicni --help lists the subcommands; check --help shows formats, exit codes and the live-cluster recipe', () => {
    const top = run(['--help']);
    expect(top.status).toBe(0);
    expect(top.stdout).toMatch(/usage: multicni <command>/);
    expect(top.stdout).toMatch(/^ {2}check {2}/m);
    const sub = run(['check', '--help']);
    expect(sub.status).toBe(0);
    expect(sub.stdout).toMatch(/--format json/);
    expect(sub.stdout).toMatch(/exit codes: 0 clean, 1 problems, 2 unreadable input or usage error/);
    expect(sub.stdout).toMatch(/kubectl get nodes,configmaps,network-attachment-definitions,ciliumpodippools,ciliumloadbalancerippools/);
  });

  test('multicni --version prints the package version', () => {
    const r = run(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version);
  });

  test('no command, or an unknown one, is a usage error with the help', () => {
    for (const args of [[], ['frobnicate']]) {
      const r = run(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^multicni: (no command given|unknown command "frobnicate")\nusage: multicni/);
    }
  });
});

describe('--format json', () => {
  const readmeSchema = () => {
    const readme = fs.readFileSync(path.join(root, 'docs', 'check.md'), 'utf8');
    const block = /<!-- check-output-schema -->\s*```json\n([^]*?)\n```/.exec(readme);
    expect(block).not.toBeNull();
    return JSON.parse(block![1]);
  };

  test('docs/check.md documents the same schema as schemas/check-output.schema.json', () => {
    expect(readmeSchema()).toEqual(JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'check-output.schema.json'), 'utf8')));
  });

  test('output for clean, overlapping and unreadable input validates against the README schema', () => {
    const validate = new Ajv({ allErrors: true, strict: true }).compile(readmeSchema());
    const outputs = [
      run(['check', '--format', 'json', path.join(fixtures, 'clean')]),
      run(['check', '--format=json', path.join(fixtures, 'overlap'), path.join(__dirname, '..', 'check', 'fixtures', 'forms')]),
      run(['check', '--format', 'json', path.join(corpus.dir, 'alias-bomb.yaml')]),
    ];
    expect(outputs.map((o) => o.status)).toEqual([0, 1, 2]);
    for (const o of outputs) {
      const doc = JSON.parse(o.stdout);
      const ok = validate(doc);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
      expect(doc.exitCode).toBe(o.status);
    }
    const overlap = JSON.parse(outputs[1].stdout);
    const problem = overlap.problems.find((p: any) => p.kind === 'overlap' && /overlaps service "ovn-config svc_cidr"/.test(p.message));
    expect(problem.ranges).toHaveLength(2);
    expect(problem.ranges.map((r: any) => r.role)).toEqual(['primary pod', 'service']);
    expect(problem.ranges[0]).toMatchObject({ cidr: '10.0.0.0/8', hostPrefix: 24, file: path.join(fixtures, 'overlap', 'cilium-config.yaml'), line: 9 }); // grep -n: line 9
    // the schema can fail: a range without its file is rejected
    const broken = JSON.parse(outputs[1].stdout);
    delete broken.ranges[0].file;
    expect(validate(broken)).toBe(false);
  });
});

describe('--format github', () => {
  test('one ::error annotation per problem, at the file and line of the narrower range', () => {
    const r = run(['check', '--format', 'github', 'overlap'], { cwd: corpus.dir });
    expect(r.status).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(errors).toHaveLength(1);
    // overlap/nad.yaml line 5 holds the NAD's config with the clashing subnet
    expect(errors[0]).toMatch(/^::error file=overlap\/nad\.yaml,line=5,title=multicni check::overlap: primary pod "cilium-config cluster-pool-ipv4-cidr" 10\.244\.0\.0\/16\/24 .* overlaps secondary network "clash" 10\.244\.7\.1-10\.244\.7\.254 \(in 10\.244\.7\.0\/24\)/);
  });

  test('every problem of the overlap fixtures gets its own annotation with a real line', () => {
    const r = run(['check', '--format', 'github', path.join(fixtures, 'overlap')]);
    const json = JSON.parse(run(['check', '--format', 'json', path.join(fixtures, 'overlap')]).stdout);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(errors).toHaveLength(json.problems.length);
    for (const e of errors) expect(e).toMatch(/^::error file=[^,]+,line=[1-9]\d*,title=multicni check::/);
    // the OVN env var overlap is reported in nad.yaml where the l2 subnet is written
    const nadLine = fs.readFileSync(path.join(fixtures, 'overlap', 'nad.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('"subnets"')) + 1;
    expect(errors.join('\n')).toContain(`file=${path.join(fixtures, 'overlap', 'nad.yaml').replace(/:/g, '%3A')},line=${nadLine},`);
  });
});

describe('many overlaps', () => {
  /** n NADs of the same layer3 subnet: n(n-1)/2 overlapping pairs. */
  const nads = (n: number) => Array.from({ length: n }, (_, i) => [
    'apiVersion: k8s.cni.cncf.io/v1', 'kind: NetworkAttachmentDefinition', `metadata: { name: n${i}, namespace: default }`,
    `spec: { config: '{"cniVersion": "0.3.1", "name": "n${i}", "type": "ovn-k8s-cni-overlay", "topology": "layer3", "subnets": "10.128.0.0/16/24", "netAttachDefName": "default/n${i}"}' }`,
  ].join('\n')).join('\n---\n');

  test('text and github group them per range beyond 50 pairs; json lists every pair', () => {
    const input = nads(60); // 1,770 pairs
    const text = run(['check', '-'], { input });
    expect(text.status).toBe(1);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(51); // 49 ranges, the totals, the summary
    expect(lines[0]).toMatch(/^overlap: secondary network "n0" 10\.128\.0\.0\/16\/24 \(owner: .*default\/n0\) overlaps 59 other ranges, first: secondary network "n1" /);
    expect(lines[49]).toBe('overlap: 1,770 overlapping pairs among 60 ranges (11 more ranges not shown); --format json lists every pair');
    expect(lines[50]).toBe('60 ranges checked, 1770 problems');
    const github = run(['check', '--format', 'github', '-'], { input });
    expect(github.stdout.split('\n').filter((l) => l.startsWith('::error '))).toHaveLength(50);
    const jsonRun = spawnSync(process.execPath, [bin, 'check', '--format', 'json', '-'], { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
    const json = JSON.parse(jsonRun.stdout);
    expect(json.problems.filter((p: { kind: string }) => p.kind === 'overlap')).toHaveLength(1770);
  });

  test('up to 50 pairs each is its own line', () => {
    const r = run(['check', '-'], { input: nads(10) }); // 45 pairs
    const overlapLines = r.stdout.split('\n').filter((l) => l.startsWith('overlap: '));
    expect(overlapLines).toHaveLength(45);
    expect(overlapLines.every((l) => / overlaps secondary network "n\d+" /.test(l))).toBe(true);
  });
});
