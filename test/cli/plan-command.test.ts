import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runPlan } from '../../src/cli/plan-command';

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

  test('svg; a values file with an overlap exits 1 and draws it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-'));
    try {
      const values = path.join(dir, 'v.yaml');
      fs.writeFileSync(values, 'networks:\n  - name: n1\n    subnets: ["10.244.0.0/24"]\n');
      const r = run(['--values', values, '--format', 'svg']);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/^<svg /);
      expect(r.out).toContain('overlap (1)');
      expect(run(['--format', 'svg']).out).toContain('overlap (0)');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an App-wide problem that is no range (a shared tunnel port) is named in the values file\'s words and exits 1', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-'));
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
