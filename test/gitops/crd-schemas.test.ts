/** The Application and the Flux objects validate against the engines' own CRDs (test/gitops/fixtures/). */
import * as fs from 'fs';
import * as path from 'path';
import { yaml } from '../../src/util/yaml';
import { validateCustom } from '../util/k8s-schema';
import { ARGOCD, FLUX, render, richValues } from './stacks';
import { GitopsEngine } from '../../src';

const crd = (file: string) => yaml.parse(fs.readFileSync(path.join(__dirname, 'fixtures', file), 'utf8'));
const CRDS = ['argoproj.io_applications.yaml', 'kustomize.toolkit.fluxcd.io_kustomizations.yaml', 'source.toolkit.fluxcd.io_gitrepositories.yaml'].map(crd);

test.each([
  ['Argo CD, defaults', ARGOCD],
  ['Argo CD, every key', { ...ARGOCD, revision: 'v1', path: 'a/b', name: 'x', namespace: 'y', project: 'p', destinationServer: 'https://10.0.0.1:6443' }],
  ['Flux, defaults', FLUX],
  ['Flux, every key', { engine: GitopsEngine.FLUX, repoUrl: 'git@h:o/r.git', revision: 'prod', path: 'a', name: 'x', namespace: 'y', sourceRef: 's', interval: '1h30m' }],
])('%s: the gitops/ objects are valid', (_label, gitops) => {
  const objects = render(richValues(), gitops as any).filter((f) => f.path.startsWith('gitops/')).flatMap((f) => f.objects);
  expect(objects.length).toBeGreaterThan(0);
  expect(objects.flatMap((o) => validateCustom(o, CRDS))).toEqual([]);
});

test('the check is not vacuous: a Kustomization with a bad interval and a GitRepository with scp-like url are refused', () => {
  const files = render({}, FLUX);
  const [k] = files.find((f) => f.path === 'gitops/flux/kustomizations.yaml')!.objects;
  const [r] = files.find((f) => f.path === 'gitops/flux/git-repository.yaml')!.objects;
  expect(validateCustom({ ...k, spec: { ...k.spec, interval: '10 minutes' } }, CRDS).join()).toMatch(/\/spec\/interval must match pattern/);
  expect(validateCustom({ ...r, spec: { ...r.spec, url: 'git@h:o/r.git' } }, CRDS).join()).toMatch(/\/spec\/url must match pattern/);
});
