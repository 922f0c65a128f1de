import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MARKER_TEXT, OUTPUT_MARKER } from '../../src/app/output-common';
import { synthesize } from '../../src/app/synthesize';
import { valuesToProps } from '../../src/app/values';
import { buildPackages, pkg, readTree, sh } from './packages';

// The package as users get it: `npm run package`, the tarball installed into an empty folder (npm) and the
// wheel into a fresh venv (PyPI for cdk8s and its jsii runtime). Slow (registry installs), so it is its own
// jest project; it is part of `npm test` and `.ci/run` and never skipped.

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'multicni-package-'));
let built: { tarball: string; wheel: string };
/** The files the synth app of this checkout renders, the reference for every consumer. */
let expected: Record<string, string>;
/** The output directory as written: those files plus synth's marker file. */
let expectedTree: Record<string, string>;

beforeAll(() => {
  built = buildPackages();
  const out = synthesize(valuesToProps({}));
  expected = Object.fromEntries(out.files.map((f) => [f.path, f.content]));
  expectedTree = { ...expected, [OUTPUT_MARKER]: MARKER_TEXT };
}, 600_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('npm tarball', () => {
  test('holds compiled JS, .d.ts, crds, bin, README, LICENSE and .jsii; no TypeScript sources or tests', () => {
    const entries = sh('tar', ['tzf', built.tarball]).split('\n').filter(Boolean).map((e) => e.replace(/^package\//, ''));
    for (const f of ['package.json', 'README.md', 'LICENSE', '.jsii', 'bin/multicni', 'bin/load.js', 'bin/synth.js',
      'lib/src/index.js', 'lib/src/index.d.ts', 'lib/src/app/staged-output.js', 'lib/imports/nad-k8s.cni.cncf.io.js', 'lib/imports/nad-k8s.cni.cncf.io.d.ts',
      'crds/network-attachment-definitions.yaml', 'node_modules/yaml/package.json', 'node_modules/ip-num/package.json']) {
      expect([f, entries.includes(f)]).toEqual([f, true]);
    }
    const own = entries.filter((e) => !e.startsWith('node_modules/'));
    expect(own.filter((e) => e.endsWith('.ts') && !e.endsWith('.d.ts'))).toEqual([]);
    expect(own.filter((e) => /^(test|src|imports|bench|examples)\//.test(e) || /\.test\./.test(e))).toEqual([]);
  });

  describe('installed into an empty folder', () => {
    const app = path.join(work, 'consumer');
    beforeAll(() => {
      fs.mkdirSync(app);
      fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
      const dev = pkg.devDependencies;
      sh('npm', ['install', '--no-audit', '--no-fund', built.tarball, `cdk8s@${dev.cdk8s}`, `constructs@${dev.constructs}`,
        `cdk8s-plus-28@${dev['cdk8s-plus-28']}`, `typescript@${dev.typescript}`, `ts-node@${dev['ts-node']}`, `cdk8s-cli@${dev['cdk8s-cli']}`,
        `@types/node@${dev['@types/node']}`], { cwd: app });
    }, 600_000);

    test('npx multicni --help names the commands', () => {
      const r = require('child_process').spawnSync('npx', ['--no-install', 'multicni', '--help'], { cwd: app, encoding: 'utf8' });
      const help = `${r.stdout}${r.stderr}`;
      expect(r.status).toBe(0);
      for (const command of ['check', 'synth', 'plan']) expect(help).toMatch(new RegExp(`^  ${command} `, 'm'));
      expect(sh('npx', ['--no-install', 'multicni', 'synth', '--help'], { cwd: app })).toMatch(/--values FILE[\s\S]*--outdir DIR[\s\S]*--kind-config FILE/);
      expect(sh('npx', ['--no-install', 'multicni', 'plan', '--help'], { cwd: app })).toMatch(/--format FORMAT/);
    });

    test('npx multicni synth writes the staged layout, byte-identical to this checkout\'s synth', () => {
      const log = sh('npx', ['--no-install', 'multicni', 'synth'], { cwd: app });
      expect(log).toMatch(/synthesized 64 objects into dist\/ and 3 into dist\/stage2\//);
      expect(readTree(path.join(app, 'dist'))).toEqual(expectedTree);
      expect(fs.readFileSync(path.join(app, 'kind-config.yaml'), 'utf8')).toMatch(/podSubnet: 10\.244\.0\.0\/16/);
      expect(sh('npx', ['--no-install', 'multicni', 'plan'], { cwd: app })).toBe(expected['address-plan.md']);
      // the installed package runs its compiled lib/, never TypeScript
      expect(fs.existsSync(path.join(app, 'node_modules', 'cdk8s-multicni', 'src'))).toBe(false);
    });

    test('a TypeScript app imports the constructs and writes the same layout with StagedOutput', () => {
      fs.writeFileSync(path.join(app, 'main.ts'), [
        "import { App } from 'cdk8s';",
        "import { MultiCniChart, OvnDeploymentMode, StagedOutput } from 'cdk8s-multicni';",
        'const app = new App();',
        "new MultiCniChart(app, 'multicni', { apiServer: 'https://ovn-control-plane:6443' });",
        "StagedOutput.write(app, 'ts-out');",
        'const other = new App();',
        "new MultiCniChart(other, 'multicni', { apiServer: 'https://10.0.0.10:6443', ovn: { mode: OvnDeploymentMode.INTERCONNECT } });",
        "StagedOutput.write(other, 'ts-out-ic');",
        '',
      ].join('\n'));
      sh('npx', ['--no-install', 'tsc', '--strict', '--target', 'ES2020', '--module', 'commonjs', '--skipLibCheck', 'main.ts'], { cwd: app });
      sh(process.execPath, ['main.js'], { cwd: app });
      expect(readTree(path.join(app, 'ts-out'))).toEqual(expectedTree);
      expect(fs.readFileSync(path.join(app, 'ts-out-ic', '04-ovn-kubernetes.k8s.yaml'), 'utf8')).toMatch(/ovnkube-controller|OVN_ENABLE_INTERCONNECT/);
    }, 120_000);

    test('docs/cdk8s-cli.md, as written: npx cdk8s synth with its tsconfig.json, cdk8s.yaml and main.ts fills dist/ and the CLI\'s output', () => {
      const recipe = path.join(work, 'cli-ts');
      fs.mkdirSync(recipe);
      fs.symlinkSync(path.join(app, 'node_modules'), path.join(recipe, 'node_modules'));
      fs.copyFileSync(path.join(app, 'package.json'), path.join(recipe, 'package.json'));
      const doc = cliDoc('TypeScript');
      for (const file of ['tsconfig.json', 'cdk8s.yaml', 'main.ts']) fs.writeFileSync(path.join(recipe, file), docFile(doc, file));
      const log = sh('npx', ['--no-install', 'cdk8s', 'synth', '--no-check-upgrade'], { cwd: recipe, env: { ...process.env, CDK8S_OUTDIR: '' } });
      expect(log).toMatch(/- \.cdk8s\.out\/02-cilium\.k8s\.yaml/);
      expect(readTree(path.join(recipe, 'dist'))).toEqual(expectedTree);
      expect(readTree(path.join(recipe, '.cdk8s.out'))).toEqual(expected);
    }, 300_000);
  });
});

/** A section (`## TypeScript`, `## Python`) of docs/cdk8s-cli.md. */
function cliDoc(section: string): string {
  const text = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'cdk8s-cli.md'), 'utf8');
  return text.split(/^## /m).find((s) => s.startsWith(`${section}\n`))!;
}

/** The code block that follows the line naming `file` (`\`main.ts\`:`) in a section of the doc. */
function docFile(section: string, file: string): string {
  const m = new RegExp(`^\`${file.replace(/\./g, '\\.')}\`:\\n+\`\`\`\\w*\\n([\\s\\S]*?)^\`\`\`$`, 'm').exec(section);
  if (!m) throw new Error(`docs/cdk8s-cli.md: no ${file} block`);
  return m[1];
}

describe('Python wheel', () => {
  test('in a fresh venv (cdk8s from PyPI) MultiCniChart synthesizes byte-identical to TypeScript', () => {
    const venv = path.join(work, 'venv');
    sh('python3', ['-m', 'venv', venv]);
    const pip = path.join(venv, 'bin', 'pip');
    const dev = pkg.devDependencies;
    sh(pip, ['install', '--no-input', '--disable-pip-version-check', built.wheel, `cdk8s==${dev.cdk8s}`,
      `constructs==${dev.constructs}`, `cdk8s-plus-28==${dev['cdk8s-plus-28']}`]);
    const script = path.join(work, 'app.py');
    const out = path.join(work, 'py-out');
    fs.writeFileSync(script, [
      'import sys',
      'from cdk8s import App',
      'from cdk8s_multicni import MultiCniChart, StagedOutput',
      'app = App()',
      'MultiCniChart(app, "multicni", api_server="https://ovn-control-plane:6443")',
      'files = StagedOutput.write(app, sys.argv[1])',
      'print(len(files))',
      '',
    ].join('\n'));
    expect(sh(path.join(venv, 'bin', 'python'), [script, out]).trim()).toBe(String(Object.keys(expected).length));
    expect(readTree(out)).toEqual(expectedTree);
    expect(sh(path.join(venv, 'bin', 'pip'), ['show', 'cdk8s'])).toMatch(new RegExp(`Version: ${dev.cdk8s.replace(/\./g, '\\.')}`));

    // docs/cdk8s-cli.md's Python recipe with the cdk8s CLI (this checkout's devDependency), the venv as `.venv`
    const recipe = path.join(work, 'cli-py');
    fs.mkdirSync(recipe);
    fs.symlinkSync(venv, path.join(recipe, '.venv'));
    const doc = cliDoc('Python');
    for (const file of ['cdk8s.yaml', 'main.py']) fs.writeFileSync(path.join(recipe, file), docFile(doc, file));
    const log = sh(path.join(__dirname, '..', '..', 'node_modules', '.bin', 'cdk8s'), ['synth', '--no-check-upgrade'], { cwd: recipe, env: { ...process.env, CDK8S_OUTDIR: '' } });
    expect(log).toMatch(/- \.cdk8s\.out\/02-cilium\.k8s\.yaml/);
    expect(readTree(path.join(recipe, 'dist'))).toEqual(expectedTree);
    expect(readTree(path.join(recipe, '.cdk8s.out'))).toEqual(expected);
  }, 900_000);
});
