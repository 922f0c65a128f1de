/**
 * The GitOps output (src/gitops/): Argo CD's sync waves and sync options on every object and its Application,
 * Flux's kustomization.yaml per stage, GitRepository and Kustomizations, and the layout unchanged without it.
 */
import { App, Chart, ApiObject } from 'cdk8s';
import { GitopsEngine, StagedOutput } from '../../src';
import { yaml } from '../../src/util/yaml';
import { ARGOCD, FLUX, STACKS, render, richValues } from './stacks';

const WAVE = 'argocd.argoproj.io/sync-wave';
const OPTIONS = 'argocd.argoproj.io/sync-options';
const BUILTIN = /^(v1|(apps|batch|policy|autoscaling|[a-z.]*\.k8s\.io)\/)/;

const stageOf = (path: string) => (path.startsWith('stage2/') ? 2 : path.startsWith('stage3/') ? 3 : path.startsWith('optional/') ? 0 : 1);
const manifests = (files: ReturnType<typeof render>) => files.filter((f) => f.objects.length > 0 && !f.path.startsWith('gitops/'));

describe.each(STACKS)('without gitops, %s', (_label, values) => {
  test('renders byte for byte what it renders with the options absent (no annotation, no added file)', () => {
    const plain = render(values());
    const app = new App();
    // the same through the library, options object without gitops
    expect(render(values(), undefined).map((f) => [f.path, f.content])).toEqual(plain.map((f) => [f.path, f.content]));
    expect(plain.some((f) => f.content.includes('argocd.argoproj.io') || f.path.includes('kustomization') || f.path.startsWith('gitops/'))).toBe(false);
    expect(app.charts).toHaveLength(0);
  });
});

describe.each(STACKS)('Argo CD, %s', (_label, values) => {
  const plain = render(values());
  const files = render(values(), ARGOCD);

  test('the same files as without gitops, plus the Application; the same objects but for the annotations', () => {
    expect(files.map((f) => f.path)).toEqual([...plain.map((f) => f.path).filter((p) => !p.startsWith('address-plan')), 'gitops/argocd/application.yaml', 'address-plan.md', 'address-plan.svg']);
    for (const f of manifests(files)) {
      const before = plain.find((p) => p.path === f.path)!;
      const strip = (o: any) => {
        const c = structuredClone(o);
        delete c.metadata.annotations[WAVE];
        delete c.metadata.annotations[OPTIONS];
        if (Object.keys(c.metadata.annotations).length === 0) delete c.metadata.annotations;
        return c;
      };
      const norm = (o: any) => JSON.parse(JSON.stringify(o, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v)));
      expect(f.objects.map(strip).map(norm)).toEqual(before.objects.map(norm));
    }
  });

  test('every object carries its stage\'s wave: stage 1 "0", stage 2 "1", stage 3 "2" (optional/ "1")', () => {
    const waves = new Map<number, Set<string>>();
    for (const f of manifests(files)) {
      for (const o of f.objects) {
        const s = stageOf(f.path);
        waves.set(s, new Set([...(waves.get(s) ?? []), o.metadata.annotations[WAVE]]));
      }
    }
    const expected: Record<number, string> = { 1: '0', 2: '1', 3: '2', 0: '1' };
    for (const [stage, set] of waves) expect([...set]).toEqual([expected[stage]]);
    expect(waves.has(1) && waves.has(2)).toBe(true);
  });

  test('SkipDryRunOnMissingResource on every custom resource and on no built-in object', () => {
    const all = manifests(files).flatMap((f) => f.objects);
    const custom = all.filter((o) => !BUILTIN.test(o.apiVersion) || /^(gateway\.networking\.k8s\.io|k8s\.cni\.cncf\.io)\//.test(o.apiVersion));
    expect(custom.length).toBeGreaterThan(0);
    for (const o of all) {
      const options = String(o.metadata.annotations[OPTIONS] ?? '').split(',').filter((x) => x);
      expect([`${o.kind} ${o.metadata.name}`, options.includes('SkipDryRunOnMissingResource=true')]).toEqual([`${o.kind} ${o.metadata.name}`, custom.includes(o)]);
    }
  });

  test('the Application reads the output directory recursively, without gitops/ and optional/', () => {
    const app = files.find((f) => f.path === 'gitops/argocd/application.yaml')!;
    expect(yaml.parse(app.content)).toEqual(app.objects[0]);
    expect(app.objects[0]).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'cdk8s-multicni', namespace: 'argocd' },
      spec: {
        project: 'default',
        source: {
          repoURL: 'https://git.example.com/fleet/cluster-a.git',
          targetRevision: 'main',
          path: 'dist',
          directory: { recurse: true, exclude: '{gitops/*,optional/*}' },
        },
        destination: { server: 'https://kubernetes.default.svc', namespace: 'default' },
        syncPolicy: {
          automated: { prune: true, selfHeal: true },
          syncOptions: ['PruneLast=true'],
          retry: { limit: 10, backoff: { duration: '10s', factor: 2, maxDuration: '3m' } },
        },
      },
    });
  });

  test('no object of these stacks is too large for client-side apply', () => {
    expect(manifests(files).flatMap((f) => f.objects).filter((o) => String(o.metadata.annotations[OPTIONS]).includes('ServerSideApply'))).toEqual([]);
  });
});

describe('Argo CD options and large objects', () => {
  test('given options reach the Application', () => {
    const app = render({}, {
      ...ARGOCD, repoUrl: 'git@github.com:org/fleet.git', revision: 'v1.2.3', path: './clusters/a/dist/', name: 'cluster-a',
      namespace: 'gitops', project: 'platform', destinationServer: 'https://10.0.0.1:6443',
    }).find((f) => f.path === 'gitops/argocd/application.yaml')!.objects[0];
    expect(app.metadata).toEqual({ name: 'cluster-a', namespace: 'gitops' });
    expect(app.spec.project).toBe('platform');
    expect(app.spec.source).toMatchObject({ repoURL: 'git@github.com:org/fleet.git', targetRevision: 'v1.2.3', path: 'clusters/a/dist' });
    expect(app.spec.destination.server).toBe('https://10.0.0.1:6443');
  });

  test('ServerSideApply on an object whose last-applied annotation would break kube-apiserver\'s 262144-byte limit, joined with SkipDryRun on a CR', () => {
    const app = new App();
    const chart = new Chart(app, 'big');
    // 261,000 bytes of data: its JSON in the last-applied annotation, with the 2 KiB kept for Argo CD's tracking, is over 262,144
    new ApiObject(chart, 'large', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'large', namespace: 'default' }, data: { blob: 'x'.repeat(261_000) } });
    new ApiObject(chart, 'small', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'small', namespace: 'default' }, data: { blob: 'x'.repeat(200_000) } });
    // `<` is 6 bytes in Go's JSON: 45,000 of them make this 40,000-character object too large
    new ApiObject(chart, 'escaped', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'escaped', namespace: 'default' }, data: { blob: '<'.repeat(45_000) } });
    new ApiObject(chart, 'cr', { apiVersion: 'example.com/v1', kind: 'Blob', metadata: { name: 'cr', namespace: 'default', annotations: { 'argocd.argoproj.io/sync-options': 'Prune=false' } }, spec: { blob: 'y'.repeat(270_000) } });
    const files = StagedOutput.render(app, { gitops: ARGOCD, addressPlanFiles: false });
    const byName = new Map(files.flatMap((f) => f.objects).map((o) => [o.metadata.name, o.metadata.annotations]));
    expect(byName.get('large')).toEqual({ [WAVE]: '0', [OPTIONS]: 'ServerSideApply=true' });
    expect(byName.get('small')).toEqual({ [WAVE]: '0' });
    expect(byName.get('escaped')).toEqual({ [WAVE]: '0', [OPTIONS]: 'ServerSideApply=true' });
    expect(byName.get('cr')).toEqual({ [WAVE]: '0', [OPTIONS]: 'Prune=false,SkipDryRunOnMissingResource=true,ServerSideApply=true' });
  });
});

describe.each(STACKS)('Flux, %s', (_label, values) => {
  const plain = render(values());
  const files = render(values(), FLUX);
  const stageDirs = [...new Set(manifests(plain).filter((f) => stageOf(f.path) > 0).map((f) => (f.path.includes('/') ? f.path.slice(0, f.path.indexOf('/')) : '')))];

  test('the manifests byte for byte as without gitops; a kustomization.yaml per stage listing its files in order', () => {
    for (const f of manifests(plain)) expect(files.find((x) => x.path === f.path)?.content).toBe(f.content);
    for (const dir of stageDirs) {
      const k = files.find((f) => f.path === (dir ? `${dir}/kustomization.yaml` : 'kustomization.yaml'))!;
      expect(k.objects).toEqual([]);
      const own = manifests(plain).filter((f) => (dir === '' ? !f.path.includes('/') : f.path.startsWith(`${dir}/`)));
      expect(yaml.parse(k.content)).toEqual({
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        resources: own.map((f) => f.path.slice(dir ? dir.length + 1 : 0)),
        sortOptions: { order: 'fifo' },
      });
    }
    expect(files.some((f) => f.path.startsWith('optional/kustomization'))).toBe(false);
    expect(files.some((f) => f.content.includes('argocd.argoproj.io'))).toBe(false);
  });

  test('a GitRepository and one Kustomization per stage; later stages depend on stage 1, whose health checks are what they need', () => {
    const [repo] = files.find((f) => f.path === 'gitops/flux/git-repository.yaml')!.objects;
    expect(repo).toEqual({
      apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository', metadata: { name: 'cdk8s-multicni', namespace: 'flux-system' },
      spec: { interval: '10m', url: 'https://git.example.com/fleet/cluster-a.git', ref: { branch: 'main' } },
    });
    const ks = files.find((f) => f.path === 'gitops/flux/kustomizations.yaml')!.objects;
    expect(ks.map((k) => [k.metadata.name, k.spec.path, k.spec.dependsOn])).toEqual(stageDirs.map((dir, i) => [
      `cdk8s-multicni-stage${dir === '' ? 1 : dir.slice(5)}`, dir === '' ? './dist' : `./dist/${dir}`, i === 0 ? undefined : [{ name: 'cdk8s-multicni-stage1' }],
    ]));
    for (const k of ks) {
      expect(k.metadata.namespace).toBe('flux-system');
      expect(k.spec).toMatchObject({ interval: '10m', retryInterval: '1m', timeout: '10m', prune: true, sourceRef: { kind: 'GitRepository', name: 'cdk8s-multicni' } });
    }
    const stage1Crds = manifests(plain).filter((f) => !f.path.includes('/')).flatMap((f) => f.objects).filter((o) => o.kind === 'CustomResourceDefinition');
    const checks = ks[0].spec.healthChecks;
    expect(checks.filter((c: any) => c.kind === 'CustomResourceDefinition').map((c: any) => c.name)).toEqual(stage1Crds.map((c) => c.metadata.name));
    const hasStage3 = stageDirs.includes('stage3');
    expect(checks.filter((c: any) => c.kind === 'Deployment')).toEqual(hasStage3 ? [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'cilium-operator', namespace: 'kube-system' }] : []);
    expect(ks.slice(1).every((k) => k.spec.healthChecks === undefined)).toBe(true);
  });
});

describe('Flux options', () => {
  test('scp-like repoUrl is written as ssh://; revision, interval, sourceRef, name, namespace and path reach the objects', () => {
    const files = render(richValues(), {
      engine: GitopsEngine.FLUX, repoUrl: 'git@github.com:org/fleet.git', revision: 'prod', interval: '1h30m', sourceRef: 'fleet',
      name: 'cluster-a', namespace: 'flux', path: 'clusters/a',
    });
    const [repo] = files.find((f) => f.path === 'gitops/flux/git-repository.yaml')!.objects;
    expect(repo.metadata).toEqual({ name: 'fleet', namespace: 'flux' });
    expect(repo.spec).toEqual({ interval: '1h30m', url: 'ssh://git@github.com/org/fleet.git', ref: { branch: 'prod' } });
    const ks = files.find((f) => f.path === 'gitops/flux/kustomizations.yaml')!.objects;
    expect(ks.map((k) => [k.metadata.name, k.metadata.namespace, k.spec.path, k.spec.sourceRef.name, k.spec.interval])).toEqual([
      ['cluster-a-stage1', 'flux', './clusters/a', 'fleet', '1h30m'],
      ['cluster-a-stage2', 'flux', './clusters/a/stage2', 'fleet', '1h30m'],
      ['cluster-a-stage3', 'flux', './clusters/a/stage3', 'fleet', '1h30m'],
    ]);
    expect(ks[2].spec.dependsOn).toEqual([{ name: 'cluster-a-stage1' }]);
  });

  test('the output at the repository\'s top level: path "."', () => {
    const ks = render({}, { ...FLUX, path: '.' }).find((f) => f.path === 'gitops/flux/kustomizations.yaml')!.objects;
    expect(ks.map((k) => k.spec.path)).toEqual(['./', './stage2']);
  });
});
