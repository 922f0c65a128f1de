import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { OUTPUT_MARKER, OutputError, writeOutputs } from '../../src/app/atomic-dir';
import { listing, runMain as run, tmpDir } from '../support/run-app';

const ROOT = path.join(__dirname, '..', '..');
const tmp = () => tmpDir('multicni-out-');

function inDir<T>(dir: string, f: () => T): T {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return f();
  } finally {
    process.chdir(before);
  }
}

describe('output directory guards', () => {
  test('a directory with the user\'s files (no marker) is refused and left as it was', () => {
    const dir = tmp();
    const out = path.join(dir, 'mine');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'notes.txt'), 'keep me');
    const r = run(['--outdir', out, '--kind-config', path.join(dir, 'k.yaml')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/refusing to replace a directory that synth did not write \(it holds 1 entry, e\.g\. "notes\.txt", and no \.cdk8s-multicni marker\)/);
    expect(r.err.endsWith(`; nothing was written (${out}/ and ${path.join(dir, 'k.yaml')} are unchanged)`)).toBe(true);
    expect(listing(out)).toEqual({ 'notes.txt': 'keep me' });
    expect(fs.existsSync(path.join(dir, 'k.yaml'))).toBe(false); // the kind config is part of the same transaction
    expect(fs.readdirSync(dir).sort()).toEqual(['mine']);
  });

  test('--outdir . in a folder with files refuses and leaves them; so do the home directory, an ancestor and /', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'a.txt'), 'a');
    const r = inDir(dir, () => run(['--outdir', '.', '--kind-config', 'k.yaml']));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^synth: \.: refusing to replace the working directory/);
    expect(fs.readdirSync(dir)).toEqual(['a.txt']);
    // Refused even when empty or marked: these are never an output directory of their own.
    const sub = path.join(dir, 'sub');
    fs.mkdirSync(sub);
    expect(inDir(sub, () => run(['--outdir', '..', '--kind-config', path.join(os.tmpdir(), 'never.yaml')])).err).toMatch(/refusing to replace an ancestor of the working directory/);
    expect(run(['--outdir', os.homedir(), '--kind-config', path.join(dir, 'k.yaml')]).err).toMatch(/refusing to replace the (home|working) directory|an ancestor/);
    expect(run(['--outdir', '/', '--kind-config', path.join(dir, 'k.yaml')]).err).toMatch(/refusing to replace the root directory/);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.txt', 'sub']);
  });

  test('an empty directory and one synth wrote before are replaced; a file in the way is refused', () => {
    const dir = tmp();
    const out = path.join(dir, 'dist');
    fs.mkdirSync(out);
    expect(run(['--outdir', out, '--kind-config', path.join(dir, 'k.yaml')]).code).toBe(0);
    fs.writeFileSync(path.join(out, 'stale.yaml'), 'x: 1\n'); // dropped by the next synth: the marker says the dir is ours
    expect(run(['--outdir', out, '--kind-config', path.join(dir, 'k.yaml')]).code).toBe(0);
    expect(fs.existsSync(path.join(out, 'stale.yaml'))).toBe(false);
    expect(fs.readFileSync(path.join(out, OUTPUT_MARKER), 'utf8')).toMatch(/replaced as a whole on every synth/);
    fs.writeFileSync(path.join(dir, 'file'), 'f');
    expect(run(['--outdir', path.join(dir, 'file'), '--kind-config', path.join(dir, 'k2.yaml')]).err).toMatch(/file: exists and is not a directory/);
  });

  test('an output of a synth from before the marker (only NN-*.k8s.yaml files and stage2/) is recognized and replaced', () => {
    const dir = tmp();
    const out = path.join(dir, 'dist');
    fs.mkdirSync(path.join(out, 'stage2'), { recursive: true });
    fs.writeFileSync(path.join(out, '02-cilium.k8s.yaml'), 'old');
    fs.writeFileSync(path.join(out, 'stage2', '01-networks.k8s.yaml'), 'old');
    expect(run(['--outdir', out, '--kind-config', path.join(dir, 'k.yaml')]).code).toBe(0);
    expect(fs.readFileSync(path.join(out, '02-cilium.k8s.yaml'), 'utf8')).toMatch(/cilium-config/);
    // One file of the user's among them and it is not ours any more.
    fs.rmSync(path.join(out, OUTPUT_MARKER));
    fs.writeFileSync(path.join(out, 'stage2', 'my-notes.md'), 'mine');
    expect(run(['--outdir', out, '--kind-config', path.join(dir, 'k.yaml')]).err).toMatch(/refusing to replace a directory that synth did not write/);
    expect(fs.readFileSync(path.join(out, 'stage2', 'my-notes.md'), 'utf8')).toBe('mine');
  });

  test('the new output has the mode mkdir gives (0755 under umask 022), not a temp directory\'s 0700', () => {
    const dir = tmp();
    const old = process.umask(0o022);
    try {
      expect(run(['--outdir', path.join(dir, 'dist'), '--kind-config', path.join(dir, 'k.yaml')]).code).toBe(0);
    } finally {
      process.umask(old);
    }
    expect(fs.statSync(path.join(dir, 'dist')).mode & 0o777).toBe(0o755);
    expect(fs.statSync(path.join(dir, 'dist', 'stage2')).mode & 0o777).toBe(0o755);
    expect(fs.statSync(path.join(dir, 'dist', '02-cilium.k8s.yaml')).mode & 0o777).toBe(0o644);
    expect(fs.statSync(path.join(dir, 'k.yaml')).mode & 0o777).toBe(0o644);
  });

  test('a symlinked output is written through to its target and the link stays; a dangling link is refused', () => {
    const dir = tmp();
    const real = path.join(dir, 'real-dist');
    fs.mkdirSync(real);
    fs.symlinkSync(real, path.join(dir, 'dist'));
    expect(run(['--outdir', path.join(dir, 'dist'), '--kind-config', path.join(dir, 'k.yaml')]).code).toBe(0);
    expect(fs.lstatSync(path.join(dir, 'dist')).isSymbolicLink()).toBe(true);
    expect(fs.existsSync(path.join(real, '02-cilium.k8s.yaml'))).toBe(true);
    fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling'));
    const r = run(['--outdir', path.join(dir, 'dangling'), '--kind-config', path.join(dir, 'k2.yaml')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/dangling: is a symbolic link to ".*nowhere", which does not resolve .*; create its target or remove the link/);
  });

  test('a kind config that cannot be written leaves dist/ unchanged, and the message says so', () => {
    const dir = tmp();
    const out = path.join(dir, 'dist');
    expect(run(['--outdir', out, '--kind-config', path.join(dir, 'k.yaml')]).code).toBe(0);
    const before = listing(out);
    fs.mkdirSync(path.join(dir, 'kdir'));
    const r = run(['--values', path.join(ROOT, 'examples', 'values.yaml'), '--outdir', out, '--kind-config', path.join(dir, 'kdir')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nothing was changed$/);
    expect(r.err).not.toMatch(/nothing was written/); // said once, by the failure itself
    expect(r.err).not.toMatch(/left unchanged.*replaced|wrote/);
    expect(listing(out)).toEqual(before);
    expect(fs.readdirSync(dir).sort()).toEqual(['dist', 'k.yaml', 'kdir']);
  });

  test('a kind config inside the output directory is refused (the next synth would delete it)', () => {
    const dir = tmp();
    expect(() => writeOutputs({ dir: path.join(dir, 'd'), files: new Map([['a.yaml', 'a: 1\n']]), siblings: new Map([[path.join(dir, 'd', 'k.yaml'), 'x']]) }))
      .toThrow(OutputError);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('a lock left by a synth that was killed is taken over, with its temporary folders', () => {
    const dir = tmp();
    // A pid that does not exist: beyond pid_max on Linux.
    const dead = 4194305;
    fs.writeFileSync(path.join(dir, '.dist.lock'), `${dead}\n`);
    fs.mkdirSync(path.join(dir, `.dist.new-${dead}-0123abcd`));
    fs.writeFileSync(path.join(dir, `.kind.yaml.new-${dead}-0123abcd`), 'half');
    fs.writeFileSync(path.join(dir, `.dist.new-${process.pid}-89abcdef`), 'a live synth\'s: kept');
    writeOutputs({ dir: path.join(dir, 'dist'), files: new Map([['a.yaml', 'a: 1\n']]), siblings: new Map([[path.join(dir, 'kind.yaml'), 'k']]) });
    expect(fs.readdirSync(dir).sort()).toEqual([`.dist.new-${process.pid}-89abcdef`, 'dist', 'kind.yaml']);
  });

  test('four synths at once leave one complete dist/ and no temporary folders', async () => {
    const dir = tmp();
    const synth = () => new Promise<{ code: number | null; err: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'synth.js'), '--outdir', path.join(dir, 'dist'), '--kind-config', path.join(dir, 'kind.yaml')], { cwd: ROOT });
      let err = '';
      child.stderr.on('data', (d) => { err += d; });
      child.on('close', (code) => resolve({ code, err }));
    });
    const results = await Promise.all([synth(), synth(), synth(), synth()]);
    expect(results).toEqual(Array(4).fill({ code: 0, err: '' }));
    expect(fs.readdirSync(dir).sort()).toEqual(['dist', 'kind.yaml']);
    const files = listing(path.join(dir, 'dist'));
    expect(Object.keys(files).sort()).toEqual([
      '.cdk8s-multicni', '01-network-crds.k8s.yaml', '02-cilium.k8s.yaml', '03-multus.k8s.yaml', '04-ovn-kubernetes.k8s.yaml',
      'address-plan.md', 'address-plan.svg', 'stage2/01-networks.k8s.yaml', 'stage2/02-demo.k8s.yaml',
    ]);
    expect(files['02-cilium.k8s.yaml']).toMatch(/name: cilium-config/);
  }, 60_000);
});
