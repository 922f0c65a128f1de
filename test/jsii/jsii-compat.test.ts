import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// The package is compiled by jsii (npm run build, tsconfig.build.json) for npm and Python users. This guard
// compiles a copy of src/ and imports/ with the package.json and tsconfig of the package, using jsii from
// node_modules (devDependency `jsii`, same 5.9 line as `typescript`), so a change that breaks jsii
// (a member named `equals`, a private type in a public signature, ...) fails `npm test`.
// Offline: the support-policy check that downloads releases.json from GitHub is switched off below.

const root = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>; peerDependencies: Record<string, string>; devDependencies: Record<string, string>;
  bundledDependencies: string[]; files: string[];
  jsii: { tsconfig: string; targets: { python: { distName: string; module: string } } };
};

function installedPackageJson(name: string): { version: string } {
  return JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`, { paths: [root] }), 'utf8'));
}

/** A dependency that ships a jsii assembly (cdk8s, cdk8s-plus-28, constructs) must be a peer dependency
 * for jsii; any other (yaml, ip-num) can only be used if it is bundled. */
function isJsiiAssembly(name: string): boolean {
  return fs.existsSync(path.join(path.dirname(require.resolve(`${name}/package.json`, { paths: [root] })), '.jsii'));
}

interface JsiiRun { status: number | null; signal: NodeJS.Signals | null; output: string; errors: string[]; warnings: string[]; assembly?: { types?: Record<string, unknown> } }

/** Copies what jsii needs into a temp dir (plus `extraFiles`, relative to it), compiles there, cleans up. */
function compileWithJsii(extraFiles: Record<string, string> = {}, appendToIndex = ''): JsiiRun {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'multicni-jsii-'));
  const modules = path.join(dir, 'node_modules');
  try {
    // the package's own jsii configuration: package.json and the tsconfig it names
    for (const sub of ['src', 'imports']) fs.cpSync(path.join(root, sub), path.join(dir, sub), { recursive: true });
    for (const file of ['README.md', 'LICENSE', 'package.json', pkg.jsii.tsconfig]) fs.copyFileSync(path.join(root, file), path.join(dir, file));
    for (const [file, text] of Object.entries(extraFiles)) fs.writeFileSync(path.join(dir, file), text);
    if (appendToIndex) fs.appendFileSync(path.join(dir, 'src', 'index.ts'), appendToIndex);
    fs.symlinkSync(path.join(root, 'node_modules'), modules, 'dir');

    const jsiiBin = require.resolve('jsii/bin/jsii', { paths: [root] });
    const nodeMajor = process.versions.node.split('.')[0];
    const r = spawnSync(process.execPath, [jsiiBin], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 170_000,
      env: {
        ...process.env,
        FORCE_COLOR: '0',
        NO_COLOR: '1',
        JSII_SILENCE_SUPPORT_WARNING: '1', // otherwise jsii fetches releases.json from GitHub
        JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: nodeMajor,
        JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1',
        JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION: '1',
      },
    });
    // eslint-disable-next-line no-control-regex -- strips terminal colour escapes
    const output = `${r.stdout ?? ''}\n${r.stderr ?? ''}\n${r.error ? String(r.error) : ''}`.replace(/\x1b\[[0-9;]*m/g, '');
    const lines = output.split('\n');
    const assemblyFile = path.join(dir, '.jsii');
    return {
      status: r.status,
      signal: r.signal,
      output,
      errors: lines.filter((l) => /\berror JSII\d*/.test(l)),
      warnings: lines.filter((l) => /\bwarning JSII\d*/.test(l)),
      assembly: fs.existsSync(assemblyFile) ? JSON.parse(fs.readFileSync(assemblyFile, 'utf8')) : undefined,
    };
  } finally {
    if (fs.existsSync(modules)) fs.unlinkSync(modules); // the link only, never the repo's node_modules
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('package.json is what jsii and a consumer need', () => {
  test('jsii assemblies are peers (pinned as dev dependencies), everything else is bundled', () => {
    const runtime = [...Object.keys(pkg.peerDependencies), ...Object.keys(pkg.dependencies)];
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual(['cdk8s', 'cdk8s-plus-28', 'constructs']);
    for (const name of runtime) expect([name, isJsiiAssembly(name)]).toEqual([name, name in pkg.peerDependencies]);
    expect([...pkg.bundledDependencies].sort()).toEqual(Object.keys(pkg.dependencies).sort());
    for (const peer of Object.keys(pkg.peerDependencies)) {
      expect(pkg.devDependencies[peer]).toBe(installedPackageJson(peer).version);
    }
    expect(pkg.jsii.targets.python).toEqual({ distName: 'cdk8s-multicni', module: 'cdk8s_multicni' });
    expect(fs.readFileSync(path.join(root, 'LICENSE'), 'utf8')).toMatch(/Apache License\s+Version 2\.0, January 2004[\s\S]*END OF TERMS AND CONDITIONS/);
  });
});

describe('jsii compatibility of the public API', () => {
  test('src/ compiles with jsii without errors', () => {
    const run = compileWithJsii();
    if (run.warnings.length > 0) console.warn(`jsii warnings (allowed):\n${run.warnings.join('\n')}`);
    if (run.status !== 0 || run.errors.length > 0) console.error(run.output);
    expect(run.errors).toEqual([]);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    expect(Object.keys(run.assembly?.types ?? {}).length).toBeGreaterThan(0);
  }, 180_000);

  // The guard must be able to fail: the same harness rejects a member jsii forbids.
  test('a jsii-incompatible public member makes the compile fail', () => {
    const run = compileWithJsii(
      { 'src/jsii-canary.ts': 'export class JsiiCanary {\n  public equals(other: JsiiCanary): boolean { return other === this; }\n}\n' },
      "export * from './jsii-canary';\n",
    );
    expect(run.status).not.toBe(0);
    expect(run.errors.join('\n')).toMatch(/error JSII5016: Members cannot be named "equals"/);
  }, 180_000);
});
