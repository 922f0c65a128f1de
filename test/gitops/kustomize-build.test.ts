/**
 * `kustomize build` of each stage directory synth wrote for Flux (the real kustomize v5.8.3, built by
 * test/apiserver/build.sh --kustomize from test/apiserver/go/kustomize) gives exactly that stage's objects, in
 * the order its files list them. Skipped with the reason printed when kustomize is not built, except under
 * CI=true, where it is built and its absence fails.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { yaml } from '../../src/util/yaml';
import { listing, runMain, tmpDir } from '../support/run-app';

const ROOT = path.join(__dirname, '..', '..');
const BUILD = path.join(ROOT, 'test', 'apiserver', 'build.sh');
const ci = process.env.CI === 'true';

function kustomizePath(): { path?: string; reason?: string } {
  const r = spawnSync('bash', [BUILD, ci ? '--kustomize' : '--kustomize-path'], { encoding: 'utf8' });
  const file = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0) return { reason: `build.sh failed: ${r.stderr.trim()}` };
  if (!fs.existsSync(file)) return { reason: `${file} is not built (run: bash test/apiserver/build.sh --kustomize)` };
  return { path: file };
}

const kustomize = kustomizePath();
if (kustomize.path === undefined && !ci) console.log(`skipping the kustomize build tests: ${kustomize.reason}`);
const run = kustomize.path !== undefined || ci ? describe : describe.skip;

run('kustomize build of each stage', () => {
  test('equals the objects of the files the stage\'s kustomization.yaml lists, in order', () => {
    expect(kustomize.reason).toBeUndefined();
    const repo = tmpDir('multicni-kustomize-');
    fs.mkdirSync(path.join(repo, '.git'));
    const values = path.join(repo, 'v.yaml');
    fs.writeFileSync(values, [
      fs.readFileSync(path.join(ROOT, 'examples', 'values-cilium-resources.yaml'), 'utf8'),
      'gitops: { engine: flux, repoUrl: "https://git.example.com/fleet.git" }',
    ].join('\n'));
    const cwd = process.cwd();
    process.chdir(repo);
    try {
      const r = runMain(['--values', values, '--outdir', 'dist', '--no-kind-config']);
      expect(r.err).toBe('');
    } finally {
      process.chdir(cwd);
    }
    const dist = path.join(repo, 'dist');
    const files = listing(dist);
    const stages = Object.keys(files).filter((f) => f.endsWith('kustomization.yaml')).sort();
    expect(stages).toEqual(['kustomization.yaml', 'stage2/kustomization.yaml', 'stage3/kustomization.yaml']);
    for (const k of stages) {
      const dir = path.dirname(k) === '.' ? '' : path.dirname(k);
      const listed: string[] = yaml.parse(files[k]).resources;
      const expected = listed.flatMap((f) => yaml.parseAllDocuments(files[dir ? `${dir}/${f}` : f]).map((d) => d.toJS()));
      const r = spawnSync(kustomize.path!, ['build', path.join(dist, dir)], { encoding: 'utf8', maxBuffer: 64 << 20 });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const built = yaml.parseAllDocuments(r.stdout).map((d) => d.toJS());
      expect({ dir, objects: built }).toEqual({ dir, objects: expected });
    }
  });
});
