import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tmpDir } from '../support/tmp-dir';

// The README's recipe with the real cdk8s CLI (a devDependency): cdk8s.yaml names a scratch output, the app
// ends with StagedOutput.write(app, 'dist'). The CLI empties its output, runs the app with CDK8S_OUTDIR set
// and fails unless the app left its manifests there. Here the app loads this checkout's sources; the package
// test runs the same recipe against the packed tarball, in TypeScript and Python.

const root = path.join(__dirname, '..', '..');

function cdk8sSynth(dir: string): { code: number | null; out: string } {
  const r = spawnSync(path.join(root, 'node_modules', '.bin', 'cdk8s'), ['synth', '--no-check-upgrade'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CDK8S_OUTDIR: '' } });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

test('npx cdk8s synth with output .cdk8s.out and StagedOutput.write(app, \'dist\'): both directories hold the staged layout', () => {
  const dir = tmpDir('multicni-cdk8s-cli-');
  fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), 'language: typescript\napp: node main.js\noutput: .cdk8s.out\n');
  fs.writeFileSync(path.join(dir, 'main.js'), [
    `const { load } = require(${JSON.stringify(path.join(root, 'bin', 'load'))});`,
    `const { App } = require(${JSON.stringify(path.join(root, 'node_modules', 'cdk8s'))});`,
    "const { MultiCniChart, StagedOutput } = load('src/index');",
    'const app = new App();',
    "new MultiCniChart(app, 'multicni', { apiServer: 'https://ovn-control-plane:6443' });",
    "StagedOutput.write(app, 'dist');",
    '',
  ].join('\n'));
  const r = cdk8sSynth(dir);
  expect(r.out).not.toMatch(/ERROR|No manifests/);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/- \.cdk8s\.out\/02-cilium\.k8s\.yaml/);
  const list = (d: string) => fs.readdirSync(d, { recursive: true }).map(String).filter((f) => f !== '.cdk8s-multicni').sort();
  expect(list(path.join(dir, 'dist'))).toContain(path.join('stage2', '01-networks.k8s.yaml'));
  expect(list(path.join(dir, '.cdk8s.out'))).toEqual(list(path.join(dir, 'dist')));
  for (const f of list(path.join(dir, 'dist')).filter((name) => name.endsWith('.yaml'))) {
    expect(fs.readFileSync(path.join(dir, '.cdk8s.out', f), 'utf8')).toBe(fs.readFileSync(path.join(dir, 'dist', f), 'utf8'));
  }
}, 120_000);
