import * as fs from 'fs';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { ChartAddressPlan, DeceptiveNetworkConfig, DecoyNetwork, RangeRole, StagedOutput } from '../../src';
import { runPlan } from '../../src/cli/plan-command';
import { runMain, tmpDir } from '../support/run-app';

// decoy: auto is chosen once: the output records it (ConfigMap kube-system/multicni-address-plan), the next
// synth keeps it, and only --redecoy (or a named decoy) moves it.

const dir = tmpDir('multicni-decoy-');
const outdir = path.join(dir, 'dist');
const values = (networks: string) => {
  const file = path.join(dir, `v-${Math.random().toString(36).slice(2)}.yaml`);
  fs.writeFileSync(file, `addressing:\n  decoy: auto\nnetworks:\n${networks}`);
  return file;
};
const synth = (file: string, ...extra: string[]) => runMain(['--values', file, '--outdir', outdir, '--kind-config', path.join(dir, 'kind.yaml'), ...extra]);
const netCidr = () => /net_cidr: (\S+)/.exec(fs.readFileSync(path.join(outdir, '04-ovn-kubernetes.k8s.yaml'), 'utf8'))![1];

const n1 = '  - name: n1\n    subnets: [10.0.0.0/16/24]\n';
const n2 = '  - name: n2\n    topology: layer2\n    subnets: [10.1.0.0/24]\n';
const n3 = '  - name: n3\n    subnets: [10.5.0.0/16/24]\n';

test('the first synth chooses, prints and records the decoy', () => {
  const r = synth(values(n1));
  expect(r.err).toBe('');
  expect(netCidr()).toBe('10.1.0.0/16/24');
  expect(r.out).toMatch(/^decoy \(addressing\.decoy: auto\): 10\.1\.0\.0\/16\/24, chosen now and recorded in .*\/dist\/ \(ConfigMap kube-system\/multicni-address-plan\); the next synth keeps it$/m);
  const ovn = fs.readFileSync(path.join(outdir, '04-ovn-kubernetes.k8s.yaml'), 'utf8');
  expect(ovn).toMatch(/name: multicni-address-plan\n {2}namespace: kube-system\ndata:\n {2}decoy: 10\.1\.0\.0\/16\/24\n {2}decoy-choice: auto\n/);
});

test('the next synth keeps it where a fresh choice would move it (n1 removed frees 10.0.0.0/16)', () => {
  const r = synth(values(n3));
  expect(r.err).toBe('');
  expect(netCidr()).toBe('10.1.0.0/16/24');
  // multicni plan reads the same output and shows the kept decoy, as synth wrote it
  const plan: string[] = [];
  expect(runPlan(['--values', values(n3), '--outdir', outdir], (l) => plan.push(l), () => {})).toBe(0);
  expect(`${plan.join('\n')}\n`).toBe(fs.readFileSync(path.join(outdir, 'address-plan.md'), 'utf8'));
  expect(r.out).toMatch(/^decoy \(addressing\.decoy: auto\): 10\.1\.0\.0\/16\/24, kept from .*\/dist\/ \(synth --redecoy chooses again/m);
  // the same values into an empty directory choose afresh: the first free /16
  expect(runMain(['--values', values(n3), '--outdir', path.join(dir, 'fresh'), '--no-kind-config']).out).toMatch(/decoy \(addressing\.decoy: auto\): 10\.0\.0\.0\/16\/24, chosen now/);
});

test('a range added over the kept decoy is refused, saying how to move it; nothing is written', () => {
  const before = fs.readFileSync(path.join(outdir, '04-ovn-kubernetes.k8s.yaml'), 'utf8');
  const r = synth(values(n3 + n2));
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/networks\[1\]\.subnets: overlap: decoy pod "ovn net_cidr \(automatic decoy kept from the previous output\)" 10\.1\.0\.0\/16\/24 .* overlaps secondary network "n2" 10\.1\.0\.0\/24 .*; the decoy 10\.1\.0\.0\/16\/24 is decoy: auto's earlier choice, kept from .*\/dist\/; to move it run synth with --redecoy/);
  expect(fs.readFileSync(path.join(outdir, '04-ovn-kubernetes.k8s.yaml'), 'utf8')).toBe(before);
});

test('--redecoy chooses again (and says so); --redecoy with a named decoy is refused', () => {
  const r = synth(values(n3 + n2), '--redecoy');
  expect(r.err).toBe('');
  expect(netCidr()).toBe('10.0.0.0/16/24');
  expect(r.out).toMatch(/10\.0\.0\.0\/16\/24, chosen now/);
  const named = path.join(dir, 'named.yaml');
  fs.writeFileSync(named, 'addressing:\n  decoy: 10.200.0.0/16/24\n');
  const refused = synth(named, '--redecoy');
  expect(refused.code).toBe(2);
  expect(refused.err).toMatch(/--redecoy: only with addressing\.decoy: auto/);
  // a named decoy is recorded as given, and the next decoy: auto does not keep it
  expect(synth(named).code).toBe(0);
  expect(fs.readFileSync(path.join(outdir, '04-ovn-kubernetes.k8s.yaml'), 'utf8')).toMatch(/decoy-choice: given/);
  expect(synth(values(n3)).out).toMatch(/10\.0\.0\.0\/16\/24, chosen now/);
});

test('StagedOutput.previousDecoy gives code the same kept decoy (undefined for an output without a record)', () => {
  const app = new App();
  const chart = new Chart(app, 'c');
  const decoy = StagedOutput.previousDecoy(outdir) ?? DecoyNetwork.automatic();
  const config = new DeceptiveNetworkConfig(chart, 'addressing', { decoy });
  // the last synth above recorded 10.0.0.0/16/24 as automatic; a fresh choice here would also be 10.0.0.0/16,
  // so the test reads the kind of decoy, not only its value
  expect(config.netCidr).toBe('10.0.0.0/16/24');
  expect(ChartAddressPlan.of(chart).ranges.find((r) => r.role === RangeRole.DECOY_POD)?.name).toMatch(/kept from the previous output/);
  expect(StagedOutput.previousDecoy(path.join(dir, 'nothing-here'))).toBeUndefined();
});
