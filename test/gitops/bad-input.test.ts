/** Bad gitops values: one line naming the key path, the value and what is valid; nothing written. */
import * as fs from 'fs';
import * as path from 'path';
import { gitopsForOutdir } from '../../src/app/gitops-repo';
import { GitopsEngine } from '../../src';
import { listing, runMain, tmpDir } from '../support/run-app';
import { render } from './stacks';

const BAD: Array<[string, any, RegExp]> = [
  ['repoUrl not a URL', { engine: GitopsEngine.ARGOCD, repoUrl: 'not a url' }, /^gitops\.repoUrl: invalid value "not a url": expected an https:\/\/, http:\/\/, ssh:\/\/ or git:\/\/ URL/],
  ['repoUrl without host', { engine: GitopsEngine.ARGOCD, repoUrl: 'https://' }, /^gitops\.repoUrl: invalid value "https:\/\/": expected/],
  ['repoUrl ftp', { engine: GitopsEngine.ARGOCD, repoUrl: 'ftp://h/r' }, /^gitops\.repoUrl: invalid value "ftp:\/\/h\/r"/],
  ['git:// with Flux', { engine: GitopsEngine.FLUX, repoUrl: 'git://h/r.git' }, /^gitops\.repoUrl: invalid value "git:\/\/h\/r\.git": expected .* with engine flux/],
  ['path with ..', { engine: GitopsEngine.ARGOCD, repoUrl: 'https://h/r', path: '../dist' }, /^gitops\.path: invalid value "\.\.\/dist": expected a directory inside the repository/],
  ['path absolute', { engine: GitopsEngine.ARGOCD, repoUrl: 'https://h/r', path: '/dist' }, /^gitops\.path: invalid value "\/dist"/],
  ['path escaping midway', { engine: GitopsEngine.FLUX, repoUrl: 'https://h/r', path: 'a/../../b' }, /^gitops\.path: invalid value "a\/\.\.\/\.\.\/b"/],
  ['interval not a Go duration', { engine: GitopsEngine.FLUX, repoUrl: 'https://h/r', interval: '10 minutes' }, /^gitops\.interval: invalid value "10 minutes": expected a Go duration/],
  ['interval without unit', { engine: GitopsEngine.FLUX, repoUrl: 'https://h/r', interval: '600' }, /^gitops\.interval: invalid value "600"/],
  ['Flux key with Argo CD', { engine: GitopsEngine.ARGOCD, repoUrl: 'https://h/r', interval: '5m' }, /^gitops\.interval: only valid with engine flux, got engine argocd$/],
  ['Argo CD key with Flux', { engine: GitopsEngine.FLUX, repoUrl: 'https://h/r', project: 'p' }, /^gitops\.project: only valid with engine argocd, got engine flux$/],
  ['namespace not a name', { engine: GitopsEngine.FLUX, repoUrl: 'https://h/r', namespace: 'Flux_System' }, /^gitops\.namespace: invalid value "Flux_System"/],
  ['destinationServer not a URL', { engine: GitopsEngine.ARGOCD, repoUrl: 'https://h/r', destinationServer: 'cluster-a' }, /^gitops\.destinationServer: invalid value "cluster-a"/],
];

describe('bad gitops options', () => {
  test.each(BAD)('%s', (_label, gitops, message) => {
    expect(() => render({}, gitops)).toThrow(message);
  });
});

describe('bad gitops values through synth', () => {
  const dir = tmpDir('multicni-gitops-');
  const write = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  test.each([
    ['unknown engine', 'gitops: { engine: helm, repoUrl: "https://h/r" }', /^.*v\.yaml: gitops\.engine: invalid value "helm": expected one of argocd, flux; nothing was written/],
    ['engine missing', 'gitops: { repoUrl: "https://h/r" }', /^.*v\.yaml: gitops\.engine: required/],
    ['--outdir outside the Git repository', 'gitops: { engine: argocd, repoUrl: "https://h/r" }', /^.*v\.yaml: gitops: the output directory ".*" \(.*\) is outside the Git repository .*; nothing was written/],
  ])('%s: one line, the previous output untouched', (_label, text, message) => {
    const out = path.join(dir, 'out');
    expect(runMain(['--outdir', out, '--no-kind-config']).code).toBe(0);
    const before = listing(out);
    const run = runMain(['--values', write('v.yaml', text), '--outdir', out, '--no-kind-config']);
    expect(run.code).toBe(1);
    expect(run.errLines).toHaveLength(1);
    expect(run.err).toMatch(message);
    expect(listing(out)).toEqual(before);
  });
});

describe('gitops.path against --outdir in a Git work tree', () => {
  const repo = tmpDir('multicni-gitops-repo-');
  fs.mkdirSync(path.join(repo, '.git'));
  const options = { engine: GitopsEngine.FLUX, repoUrl: 'https://h/r' };
  test('derived from the outdir when not given', () => {
    expect(gitopsForOutdir(options, 'clusters/a/dist', repo).path).toBe('clusters/a/dist');
  });
  test('given and the same (normalized): kept', () => {
    expect(gitopsForOutdir({ ...options, path: './clusters/a/dist/' }, 'clusters/a/dist', repo).path).toBe('./clusters/a/dist/');
  });
  test('given and different: refused', () => {
    expect(() => gitopsForOutdir({ ...options, path: 'dist' }, 'clusters/a/dist', repo)).toThrow(/^gitops\.path: invalid value "dist": expected "clusters\/a\/dist", the path of --outdir "clusters\/a\/dist" in the Git repository /);
  });
  test('an outdir outside the work tree: refused', () => {
    expect(() => gitopsForOutdir(options, '../elsewhere', repo)).toThrow(/^gitops: the output directory "\.\.\/elsewhere" .* is outside the Git repository/);
  });
});
