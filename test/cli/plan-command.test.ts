import * as fs from 'fs';
import * as path from 'path';
import { runPlan } from '../../src/cli/plan-command';
import { runMain, tmpDir } from '../support/run-app';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runPlan(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('multicni plan', () => {
  test('markdown by default, every range of the default stack', () => {
    const r = run([]);
    expect(r.code).toBe(0);
    for (const cidr of ['10.96.0.0/16', '10.244.0.0/16', '10.245.0.0/16/24', '10.254.0.0/16/24', '100.64.0.0/16', '100.88.0.0/16', '169.254.0.0/17', '172.18.0.0/16']) {
      expect(r.out).toContain(`| \`${cidr}\` |`);
    }
  });

  test.each([
    ['the default stack', ''],
    ['decoy: auto', 'addressing:\n  decoy: auto\nnetworks:\n  - name: n1\n    subnets: [10.0.0.0/16/24]\n'],
    ['dual-stack decoy: auto', 'addressing:\n  primaryPodCidrs: [10.244.0.0/16, "fd00:10:244::/56"]\n  serviceCidrs: [10.96.0.0/16, "fd00:10:96::/112"]\n  decoy: auto\n'],
  ])('shows exactly the ranges synth plans (%s): the same text as dist/address-plan.md', (_, yaml) => {
    const dir = tmpDir('multicni-plan-');
    const values = path.join(dir, 'v.yaml');
    fs.writeFileSync(values, yaml);
    const r = run(['--values', values]);
    expect(r.code).toBe(0);
    const synth = runMain(['--values', values, '--outdir', path.join(dir, 'd'), '--kind-config', path.join(dir, 'k.yaml')]);
    expect(synth.code).toBe(0);
    const written = fs.readFileSync(path.join(dir, 'd', 'address-plan.md'), 'utf8');
    expect(written).toMatch(/decoy/);
    expect(`${r.out}\n`).toBe(written);
    const svg = run(['--values', values, '--format', 'svg']);
    expect(`${svg.out}\n`).toBe(fs.readFileSync(path.join(dir, 'd', 'address-plan.svg'), 'utf8'));
  });

  test('svg; a values file with an overlap exits 1 and draws it', () => {
    const dir = tmpDir('multicni-plan-');
    const values = path.join(dir, 'v.yaml');
    fs.writeFileSync(values, 'networks:\n  - name: n1\n    subnets: ["10.244.0.0/24"]\n');
    const r = run(['--values', values, '--format', 'svg']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^<svg /);
    expect(r.out).toContain('overlap (1)');
    expect(run(['--format', 'svg']).out).toContain('overlap (0)');
  });

  test('a bad values file is worded as synth words it: key path, long values cut, unprintables escaped', () => {
    const dir = tmpDir('multicni-plan-');
    const files: Array<[string, string, RegExp]> = [
      ['decoy.yaml', 'addressing:\n  decoy: 10.254.0.0/16/8\n', /: addressing\.decoy: invalid cluster subnet "10\.254\.0\.0\/16\/8"/],
      ['long.yaml', `addressing:\n  decoy: "10.254.0.0/16/24\\a${'y'.repeat(100)}"\n`, /: addressing\.decoy: invalid cluster subnet "10\.254\.0\.0\/16\/24\\x07y+…" \(117 characters\)/],
      ['api.yaml', `apiServer: "https://\\a${'x'.repeat(200)}:6443"\n`, /: apiServer: invalid api server address "https:\/\/(\\x07|\\u0007)x+…" \(214 characters\)/],
      ['typo.yaml', 'ovn:\n  mtuu: 1400\n', /: ovn\.mtuu: unknown key/],
    ];
    for (const [name, text, wording] of files) {
      const values = path.join(dir, name);
      fs.writeFileSync(values, text);
      const plan = run(['--values', values]);
      const synth = runMain(['--values', values, '--outdir', path.join(dir, 'dist'), '--kind-config', path.join(dir, 'kind.yaml')]);
      expect(plan.code).toBe(2);
      expect(synth.code).toBe(1);
      const suffix = `; nothing was written (${path.join(dir, 'dist')}/ and ${path.join(dir, 'kind.yaml')} are unchanged)`;
      expect(synth.err.endsWith(suffix)).toBe(true);
      expect(plan.err).toBe(`multicni plan: ${synth.err.slice(0, -suffix.length)}`);
      expect(plan.err.startsWith(`multicni plan: ${values}: `)).toBe(true);
      expect(plan.err).toMatch(wording);
      // eslint-disable-next-line no-control-regex -- the test looks for control characters
      expect(plan.err).not.toMatch(/[\u0000-\u001f]/);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(files.map(([name]) => name).sort());
  });

  test('an App-wide problem that is no range (a shared tunnel port) is named in the values file\'s words and exits 1', () => {
    const dir = tmpDir('multicni-plan-');
    try {
      const values = path.join(dir, 'v.yaml');
      fs.writeFileSync(values, 'ovn:\n  encapPort: 8472\n');
      const r = run(['--values', values]);
      expect(r.code).toBe(1);
      expect(r.out).toContain('| `10.244.0.0/16` |'); // the plan is still printed
      expect(r.err.split('\n')).toEqual([
        `multicni plan: ${values}: ovn.encapPort: udp port 8472 is both ovn.encapPort (set; multicni/ovn-kubernetes) and cilium.tunnelPort (the vxlan default; multicni/cilium): `
        + 'both tunnels bind their port in every node\'s host network namespace, so the second to start fails with "address already in use"; '
        + 'choose another port for one of them: ovn.encapPort or cilium.tunnelPort',
      ]);
      fs.writeFileSync(values, 'ovn:\n  encapPort: 7000\ncilium:\n  tunnelProtocol: geneve\n');
      expect(run(['--values', values])).toMatchObject({ code: 0, err: '' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('bad command lines name the problem', () => {
    expect(run(['--format', 'png'])).toMatchObject({ code: 2, err: expect.stringContaining('--format "png" is not valid; use markdown or svg') });
    expect(run(['--values'])).toMatchObject({ code: 2, err: expect.stringContaining('--values needs a value') });
    expect(run(['--values', '/nonexistent.yaml'])).toMatchObject({ code: 2, err: expect.stringContaining('/nonexistent.yaml: cannot read: no such file') });
  });
});
