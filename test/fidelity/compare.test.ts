/**
 * The comparator on small hand-built objects, independent of the upstream references: it must find
 * each kind of difference the fidelity suite relies on, and none where there is none.
 */
import { checkAgainstIntended, formatReport } from './check-intended';
import { Difference, compareManifests, parseManifests } from './compare';

const ds = (over: { container?: any; init?: any; pod?: any; volumes?: any[] } = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent', namespace: 'ns' },
  spec: {
    selector: { matchLabels: { app: 'a' } },
    template: {
      metadata: { labels: { app: 'a' } },
      spec: {
        serviceAccountName: 'sa',
        hostNetwork: true,
        tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }, { operator: 'Exists', effect: 'NoExecute' }],
        initContainers: [{ name: 'init', image: 'img:1', command: ['/install'], ...over.init }],
        containers: [{
          name: 'main',
          image: 'img:1',
          command: ['/run'],
          args: ['--a=1', '--b=2'],
          env: [{ name: 'X', value: '1' }, { name: 'FROM_MAP', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'k' } } }],
          securityContext: { capabilities: { add: ['NET_ADMIN', 'SYS_ADMIN'] } },
          volumeMounts: [{ name: 'conf', mountPath: '/etc/conf/' }],
          livenessProbe: { httpGet: { path: '/healthz', port: 9879 } },
          ...over.container,
        }],
        volumes: over.volumes ?? [{ name: 'conf', hostPath: { path: '/etc/conf' } }],
        ...over.pod,
      },
    },
  },
});
const cm = (data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'ns' }, data });
const role = (verbs: string[], resources = ['pods']) => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' }, rules: [{ apiGroups: [''], resources, verbs }] });
const binding = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'r' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'r' }, subjects: [{ kind: 'ServiceAccount', name: 'sa', namespace: 'ns' }] };
const base = () => [cm({ k: 'v', 'conf.json': '{"a": 1, "b": [1, 2]}' }), ds(), role(['get', 'list']), binding];

const ids = (d: Difference[]) => d.map((x) => x.id);

describe('compareManifests', () => {
  test('identical sets have no differences; reordered capabilities, tolerations and trailing slashes are not differences', () => {
    expect(compareManifests(base(), base())).toEqual([]);
    const reordered = base();
    const c = (reordered[1] as any).spec.template.spec;
    c.containers[0].securityContext.capabilities.add.reverse();
    c.tolerations.reverse();
    c.containers[0].volumeMounts[0].mountPath = '/etc/conf';
    expect(compareManifests(base(), reordered)).toEqual([]);
  });

  test('inventory: objects on one side only', () => {
    const extra = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'x', namespace: 'ns' } };
    expect(ids(compareManifests([...base(), extra], base()))).toEqual(['ServiceAccount ns/x: only upstream']);
    expect(ids(compareManifests(base(), [...base(), extra]))).toEqual(['ServiceAccount ns/x: only project']);
  });

  test('ConfigMap values are parsed and deep-compared', () => {
    const changed = base();
    changed[0] = cm({ k: 'v', 'conf.json': '{"b": [1, 3], "a": 1}' });
    expect(compareManifests(base(), changed)).toEqual([
      { id: 'ConfigMap ns/cfg: data[conf.json].b +3', project: 3 },
      { id: 'ConfigMap ns/cfg: data[conf.json].b -2', upstream: 2 },
    ]);
    // Same JSON, other formatting: equal.
    changed[0] = cm({ k: 'v', 'conf.json': '{ "b": [1,2],\n "a": 1 }' });
    expect(compareManifests(base(), changed)).toEqual([]);
  });

  test('containers: image, args, env (by effective value), capabilities, probes, mounts', () => {
    const changed = base();
    changed[0] = cm({ k: 'other', 'conf.json': '{"a": 1, "b": [1, 2]}' });
    changed[1] = ds({
      container: {
        image: 'img:2',
        args: ['--b=2', '--a=1', '--c'],
        securityContext: { capabilities: { add: ['NET_ADMIN'] } },
        livenessProbe: { httpGet: { path: '/healthz', port: 9880 } },
        volumeMounts: [{ name: 'conf', mountPath: '/etc/conf', readOnly: true }],
      },
    });
    expect(ids(compareManifests(base(), changed))).toEqual([
      'ConfigMap ns/cfg: data[k]',
      'DaemonSet ns/agent: container main: args +"--c"',
      'DaemonSet ns/agent: container main: env.FROM_MAP',
      'DaemonSet ns/agent: container main: image',
      'DaemonSet ns/agent: container main: livenessProbe.httpGet.port',
      'DaemonSet ns/agent: container main: mounts./etc/conf',
      'DaemonSet ns/agent: container main: securityContext.capabilities.add -"SYS_ADMIN"',
    ]);
  });

  test('a renamed volume with the same source is no difference; another source is', () => {
    const renamed = base();
    renamed[1] = ds({ container: { volumeMounts: [{ name: 'etc-conf', mountPath: '/etc/conf' }] }, volumes: [{ name: 'etc-conf', hostPath: { path: '/etc/conf' } }] });
    expect(compareManifests(base(), renamed)).toEqual([]);
    const moved = base();
    moved[1] = ds({ volumes: [{ name: 'conf', hostPath: { path: '/var/conf' } }] });
    expect(compareManifests(base(), moved)).toEqual([
      { id: 'DaemonSet ns/agent: container main: mounts./etc/conf', upstream: 'hostPath:/etc/conf', project: 'hostPath:/var/conf' },
      { id: 'DaemonSet ns/agent: volume sources +"hostPath:/var/conf"', project: 'hostPath:/var/conf' },
      { id: 'DaemonSet ns/agent: volume sources -"hostPath:/etc/conf"', upstream: 'hostPath:/etc/conf' },
    ]);
  });

  test('pod fields: order of containers, host namespaces, tolerations, ServiceAccount, priority class', () => {
    const changed = base();
    const d = ds({ pod: { hostPID: true, priorityClassName: 'system-node-critical', serviceAccountName: 'other', tolerations: [{ operator: 'Exists' }] } });
    d.spec.template.spec.containers.push({ ...d.spec.template.spec.containers[0], name: 'side' });
    d.spec.template.spec.containers.reverse();
    changed[1] = d;
    expect(ids(compareManifests(base(), changed))).toEqual([
      'DaemonSet ns/agent: containers names',
      'DaemonSet ns/agent: pod.hostPID',
      'DaemonSet ns/agent: pod.priorityClassName',
      'DaemonSet ns/agent: pod.serviceAccountName',
      'DaemonSet ns/agent: pod.tolerations +{"operator":"Exists"}',
      'DaemonSet ns/agent: pod.tolerations -{"effect":"NoExecute","operator":"Exists"}',
      'DaemonSet ns/agent: pod.tolerations -{"effect":"NoSchedule","operator":"Exists"}',
    ]);
  });

  test('effective RBAC per ServiceAccount, wildcards honoured', () => {
    const more = [cm({ k: 'v', 'conf.json': '{"a": 1, "b": [1, 2]}' }), ds(), role(['get', 'list', 'watch']), binding];
    expect(compareManifests(base(), more)).toEqual([
      { id: 'RBAC ServiceAccount ns/sa: only project: <cluster> core:pods watch', project: ['watch'] },
    ]);
    // '*' covers every verb the other side lists, but not the other way round.
    const star = [cm({ k: 'v', 'conf.json': '{"a": 1, "b": [1, 2]}' }), ds(), role(['*']), binding];
    expect(ids(compareManifests(base(), star))).toEqual(['RBAC ServiceAccount ns/sa: only project: <cluster> core:pods *']);
    expect(ids(compareManifests(star, base()))).toEqual(['RBAC ServiceAccount ns/sa: only upstream: <cluster> core:pods *']);
    // The same rules through a differently named role and binding: no difference.
    const renamed = base();
    renamed[2] = { ...role(['list', 'get']), metadata: { name: 'r2' } };
    renamed[3] = { ...binding, metadata: { name: 'r2' }, roleRef: { ...binding.roleRef, name: 'r2' } };
    expect(ids(compareManifests(base(), renamed))).toEqual(['ClusterRole r2: only project', 'ClusterRole r: only upstream', 'ClusterRoleBinding r2: only project', 'ClusterRoleBinding r: only upstream']);
  });

  test('Services: spec compared, cluster IPs ignored', () => {
    const svc = (port: number, clusterIP?: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'ns' }, spec: { clusterIP, selector: { app: 'a' }, ports: [{ port }] } });
    expect(compareManifests([svc(80, 'None')], [svc(80)])).toEqual([]);
    expect(ids(compareManifests([svc(80)], [svc(81)]))).toEqual(['Service ns/s: spec.ports[0].port']);
  });

  test('CRDs by behaviour: descriptions ignored, listKind defaulted, short names a set', () => {
    const crd = (names: any, description?: string) => ({
      apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'xs.example.com' },
      spec: { group: 'example.com', scope: 'Namespaced', names, versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', description } } }] },
    });
    expect(compareManifests([crd({ kind: 'X', plural: 'xs', shortNames: ['a', 'b'] }, 'one')], [crd({ kind: 'X', listKind: 'XList', plural: 'xs', shortNames: ['b', 'a'] }, 'two')])).toEqual([]);
    expect(ids(compareManifests([crd({ kind: 'X', plural: 'xs', shortNames: ['b'] })], [crd({ kind: 'X', plural: 'xs', shortNames: ['a', 'b'] })])))
      .toEqual(['CustomResourceDefinition xs.example.com: spec.names.shortNames +"a"']);
  });

  test('other objects: every field but metadata, and a Namespace\'s labels', () => {
    const ns = (labels: any) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n', labels } });
    expect(ids(compareManifests([ns({ 'pod-security.kubernetes.io/enforce': 'privileged' })], [ns(undefined)])))
      .toEqual(['Namespace n: metadata.labels']);
    const sa = (automount?: boolean) => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 's', namespace: 'ns', labels: { x: '1' } }, automountServiceAccountToken: automount });
    expect(compareManifests([sa()], [{ ...sa(), metadata: { name: 's', namespace: 'ns' } }])).toEqual([]);
    expect(compareManifests([sa()], [sa(false)])).toEqual([{ id: 'ServiceAccount ns/s: automountServiceAccountToken', project: false }]);
  });

  test('YAML 1.1 like kubectl: 0400 is octal; null is absent', () => {
    expect(parseManifests('kind: A\nmode: 0400\nx: null\n')).toEqual([{ kind: 'A', mode: 256 }]);
  });

  test('parses multi-document YAML and drops empty documents', () => {
    expect(parseManifests('---\n# c\n---\nkind: A\nmetadata: {name: x}\n---\n')).toEqual([{ kind: 'A', metadata: { name: 'x' } }]);
  });
});

describe('checkAgainstIntended', () => {
  const diffs: Difference[] = [
    { id: 'a', upstream: 1, project: 2 },
    { id: 'b', upstream: 'x', project: 'y' },
  ];
  test('listed, unlisted, wrong value and stale entries', () => {
    const p = checkAgainstIntended('c1', diffs, [
      { cases: ['c1'], id: 'a', project: 3, reason: 'r' },
      { cases: ['c1'], id: 'gone', reason: 'r' },
      { cases: ['c2'], id: 'b', reason: 'other case' },
    ]);
    expect(p.unlisted.map((d) => d.id)).toEqual(['b']);
    expect(p.wrongValue.map((w) => w.difference.id)).toEqual(['a']);
    expect(p.stale.map((e) => e.id)).toEqual(['gone']);
    expect(p.matched).toBe(0);
    const report = formatReport('c1', p);
    expect(report).toContain('1 difference(s) not listed:\n  b\n      upstream: "x"\n      project:  "y"');
    expect(report).toContain('listed project value: 3');
    expect(report).toContain('no longer occur');
  });
  test('everything listed: nothing to report', () => {
    const p = checkAgainstIntended('c1', diffs, [{ cases: ['c1'], id: 'a', project: 2, reason: 'r' }, { cases: ['c1', 'c2'], id: 'b', reason: 'r' }]);
    expect(p).toEqual({ unlisted: [], wrongValue: [], stale: [], matched: 2 });
  });
});
