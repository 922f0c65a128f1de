/**
 * Object-by-object comparison of two manifest sets (an upstream reference and our output), reduced to
 * what changes a cluster's behaviour: the inventory, ConfigMap data (JSON/YAML values parsed), each
 * workload's pod (containers in order, image, command, args, env by effective value, mounts resolved to
 * their volume source, securityContext with capabilities as sets, probes, tolerations, host namespaces,
 * priority class, ServiceAccount), the effective RBAC of every subject, Services, and a generic diff of
 * every other object present on both sides.
 *
 * Each difference has a stable `id` (no positions that shift when an unrelated item is added) so that a
 * list of intended differences can name it.
 */
import { parseAllDocuments } from 'yaml';

export interface Difference {
  /** Stable, human-readable location, e.g. `DaemonSet kube-system/kube-multus-ds: container kube-multus: image`. */
  readonly id: string;
  /** The upstream side (undefined: absent there). */
  readonly upstream?: unknown;
  /** Our side (undefined: absent here). */
  readonly project?: unknown;
}

export interface CompareOptions {
  /** Namespace of namespaced objects that name none (a helm render without `--namespace` in templates). */
  readonly defaultNamespace?: string;
  /**
   * Treat an env var set to '' as unset. Right for entrypoint scripts that read `${VAR:-default}` (the
   * OVN-Kubernetes ovnkube.sh); off by default.
   */
  readonly emptyEnvIsUnset?: boolean;
}

const CLUSTER_SCOPED = new Set([
  'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'Namespace', 'PriorityClass', 'StorageClass',
  'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'APIService', 'PersistentVolume',
  'IngressClass', 'RuntimeClass', 'CSIDriver', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding',
]);
const WORKLOADS = new Set(['DaemonSet', 'Deployment', 'StatefulSet', 'Job', 'CronJob', 'ReplicaSet', 'Pod']);
const RBAC = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

/**
 * Parses multi-document YAML into objects (documents without `kind` are dropped), as YAML 1.1 like
 * kubectl (sigs.k8s.io/yaml): helm's `defaultMode: 0400` is octal 256 there. A null field is dropped: the
 * API server decodes it as absent.
 */
export function parseManifests(text: string): any[] {
  return parseAllDocuments(text, { version: '1.1' }).map((d) => dropNulls(d.toJS())).filter((o) => o && typeof o === 'object' && o.kind);
}

function dropNulls(v: any): any {
  if (Array.isArray(v)) return v.map(dropNulls);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null).map(([k, x]) => [k, dropNulls(x)]));
  return v;
}

export function objectKey(o: any, defaultNamespace = ''): string {
  const ns = CLUSTER_SCOPED.has(o.kind) ? '' : (o.metadata?.namespace ?? defaultNamespace);
  return `${o.kind} ${ns ? ns + '/' : ''}${o.metadata?.name ?? ''}`;
}

/** Every difference between `upstream` and `project`, sorted by id. */
export function compareManifests(upstream: any[], project: any[], options: CompareOptions = {}): Difference[] {
  const out: Difference[] = [];
  const up = index(upstream, options.defaultNamespace);
  const pr = index(project, options.defaultNamespace);
  for (const k of union(up.keys(), pr.keys())) {
    if (!pr.has(k)) out.push({ id: `${k}: only upstream`, upstream: 'present' });
    else if (!up.has(k)) out.push({ id: `${k}: only project`, project: 'present' });
  }
  const upMaps = configMaps(up);
  const prMaps = configMaps(pr);
  for (const [k, a] of up) {
    const b = pr.get(k);
    if (!b) continue;
    if (a.kind === 'ConfigMap') compareConfigMap(k, a, b, out);
    else if (WORKLOADS.has(a.kind)) compareWorkload(k, a, b, { up: upMaps, pr: prMaps, options }, out);
    else if (a.kind === 'Service') deepDiff(`${k}: spec`, omit(a.spec, ['clusterIP', 'clusterIPs']), omit(b.spec, ['clusterIP', 'clusterIPs']), out);
    else if (a.kind === 'Secret') compareSecret(k, a, b, out);
    else if (a.kind === 'CustomResourceDefinition') deepDiff(`${k}: spec`, crdSpec(a.spec), crdSpec(b.spec), out);
    else if (!RBAC.has(a.kind)) compareOther(k, a, b, out);
  }
  compareRbac(upstream, project, options.defaultNamespace, out);
  return out.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

function index(objects: any[], defaultNamespace?: string): Map<string, any> {
  const m = new Map<string, any>();
  for (const o of objects) {
    const k = objectKey(o, defaultNamespace);
    if (m.has(k)) throw new Error(`two objects ${k} in one manifest set`);
    m.set(k, o);
  }
  return m;
}

function union<T>(a: Iterable<T>, b: Iterable<T>): T[] {
  return [...new Set([...a, ...b])].sort();
}

function omit(o: any, keys: string[]): any {
  if (!o || typeof o !== 'object') return o;
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
}

function show(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(canonical(v));
}

/** JSON with sorted keys, so that equal values compare equal as strings. */
function canonical(v: any): any {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])]));
  return v;
}

export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

const isScalar = (v: unknown) => v === null || typeof v !== 'object';

/**
 * Generic structural diff. Objects key by key; arrays of scalars as multisets (`+item` only project,
 * `-item` only upstream, `order` when only the order differs); other arrays item by item.
 */
export function deepDiff(path: string, a: any, b: any, out: Difference[]): void {
  if (same(a, b)) return;
  if (a === undefined || b === undefined || isScalar(a) || isScalar(b) || Array.isArray(a) !== Array.isArray(b)) {
    out.push({ id: path, upstream: a, project: b });
    return;
  }
  if (Array.isArray(a)) {
    if (a.every(isScalar) && b.every(isScalar)) {
      diffList(path, a, b, out);
      return;
    }
    if (a.length !== b.length && (a.length === 0 || b.length === 0)) {
      out.push({ id: path, upstream: a, project: b });
      return;
    }
    for (let i = 0; i < Math.max(a.length, b.length); i++) deepDiff(`${path}[${i}]`, a[i], b[i], out);
    return;
  }
  for (const k of union(Object.keys(a), Object.keys(b))) deepDiff(`${path}.${k}`, a[k], b[k], out);
}

/** A list compared as a multiset of items, plus its order when the items agree. */
function diffList(path: string, a: unknown[], b: unknown[], out: Difference[]): void {
  if (same(a, b)) return;
  const count = (l: unknown[]) => l.reduce<Map<string, number>>((m, x) => m.set(show(x), (m.get(show(x)) ?? 0) + 1), new Map());
  const ca = count(a);
  const cb = count(b);
  const raw = new Map([...a, ...b].map((x) => [show(x), x]));
  let differ = false;
  for (const item of union(ca.keys(), cb.keys())) {
    const n = (cb.get(item) ?? 0) - (ca.get(item) ?? 0);
    // Strings are shown in plain quotes (no JSON escapes), so ids stay readable.
    const label = typeof raw.get(item) === 'string' ? `"${raw.get(item)}"` : item;
    if (n > 0) out.push({ id: `${path} +${label}`, project: raw.get(item) });
    if (n < 0) out.push({ id: `${path} -${label}`, upstream: raw.get(item) });
    differ ||= n !== 0;
  }
  if (!differ) out.push({ id: `${path} order`, upstream: a, project: b });
}

/** A list of objects keyed by a field: matched by key, missing ones reported whole. */
function diffKeyed(path: string, a: any[] | undefined, b: any[] | undefined, keyOf: (x: any) => string, out: Difference[]): void {
  const ma = new Map((a ?? []).map((x) => [keyOf(x), x]));
  const mb = new Map((b ?? []).map((x) => [keyOf(x), x]));
  for (const k of union(ma.keys(), mb.keys())) deepDiff(`${path} ${k}`, ma.get(k), mb.get(k), out);
}

/** A list of objects whose order does not matter: a set of canonical JSON strings. */
function diffSet(path: string, a: any[] | undefined, b: any[] | undefined, out: Difference[]): void {
  const sa = new Set((a ?? []).map(show));
  const sb = new Set((b ?? []).map(show));
  for (const x of union(sa, sb)) {
    if (!sb.has(x)) out.push({ id: `${path} -${x}`, upstream: JSON.parse(x) });
    if (!sa.has(x)) out.push({ id: `${path} +${x}`, project: JSON.parse(x) });
  }
}

// ------------------------------------------------------------------------------------------- ConfigMaps

/** A ConfigMap value as structured data when it is a JSON or YAML document, else the string. */
export function parseValue(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      return JSON.parse(t);
    } catch {
      /* not JSON */
    }
  }
  if (t.includes('\n') && /^[A-Za-z0-9_"'-]+:(\s|$)/m.test(t)) {
    try {
      const docs = parseAllDocuments(t);
      if (docs.length === 1 && docs[0].errors.length === 0) {
        const y = docs[0].toJS();
        if (y && typeof y === 'object') return y;
      }
    } catch {
      /* not YAML */
    }
  }
  return v;
}

function compareConfigMap(k: string, a: any, b: any, out: Difference[]): void {
  const da = a.data ?? {};
  const db = b.data ?? {};
  for (const key of union(Object.keys(da), Object.keys(db))) {
    deepDiff(`${k}: data[${key}]`, parseValue(da[key]), parseValue(db[key]), out);
  }
  deepDiff(`${k}: binaryData keys`, Object.keys(a.binaryData ?? {}).sort(), Object.keys(b.binaryData ?? {}).sort(), out);
}

function configMaps(objects: Map<string, any>): Map<string, Record<string, string>> {
  const m = new Map<string, Record<string, string>>();
  for (const o of objects.values()) {
    if (o.kind === 'ConfigMap') m.set(`${o.metadata?.namespace ?? ''}/${o.metadata?.name}`, o.data ?? {});
  }
  return m;
}

/** Any other object: every field but metadata; of metadata only a Namespace's labels (pod security admission reads them). */
function compareOther(k: string, a: any, b: any, out: Difference[]): void {
  for (const key of union(Object.keys(a), Object.keys(b)).filter((x) => x !== 'metadata')) deepDiff(`${k}: ${key}`, a[key], b[key], out);
  if (a.kind === 'Namespace') deepDiff(`${k}: metadata.labels`, a.metadata?.labels, b.metadata?.labels, out);
}

function compareSecret(k: string, a: any, b: any, out: Difference[]): void {
  // Values are not compared: generated keys and certificates differ by nature.
  deepDiff(`${k}: type`, a.type, b.type, out);
  const keys = (s: any) => [...Object.keys(s.data ?? {}), ...Object.keys(s.stringData ?? {})].sort();
  deepDiff(`${k}: data keys`, keys(a), keys(b), out);
}

/** The behaviour of a CRD: its names (listKind defaulted as the API server does), scope and versions. */
function crdSpec(spec: any): any {
  const strip = (v: any): any => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([key]) => key !== 'description').map(([key, x]) => [key, strip(x)]));
    return v;
  };
  return {
    ...strip(spec),
    names: { listKind: `${spec?.names?.kind}List`, ...spec?.names, shortNames: [...(spec?.names?.shortNames ?? [])].sort() },
  };
}

// ------------------------------------------------------------------------------------------- workloads

interface WorkloadContext {
  readonly up: Map<string, Record<string, string>>;
  readonly pr: Map<string, Record<string, string>>;
  readonly options: CompareOptions;
}

function podTemplate(o: any): any {
  if (o.kind === 'Pod') return { metadata: o.metadata, spec: o.spec };
  if (o.kind === 'CronJob') return o.spec?.jobTemplate?.spec?.template ?? {};
  return o.spec?.template ?? {};
}

/** The workload's own spec without the pod template. */
function workloadSpec(o: any): any {
  if (o.kind === 'Pod') return undefined;
  if (o.kind === 'CronJob') {
    return { ...omit(o.spec, ['jobTemplate']), jobTemplate: { metadata: o.spec?.jobTemplate?.metadata, spec: omit(o.spec?.jobTemplate?.spec, ['template']) } };
  }
  return omit(o.spec, ['template']);
}

const POD_HANDLED = ['containers', 'initContainers', 'volumes', 'tolerations', 'serviceAccount', 'serviceAccountName'];
const CONTAINER_HANDLED = ['name', 'env', 'envFrom', 'volumeMounts', 'securityContext', 'ports', 'command', 'args'];

function compareWorkload(k: string, a: any, b: any, ctx: WorkloadContext, out: Difference[]): void {
  const ns = a.metadata?.namespace ?? ctx.options.defaultNamespace ?? '';
  deepDiff(`${k}: spec`, workloadSpec(a), workloadSpec(b), out);
  const ta = podTemplate(a);
  const tb = podTemplate(b);
  deepDiff(`${k}: template labels`, ta.metadata?.labels, tb.metadata?.labels, out);
  deepDiff(`${k}: template annotations`, ta.metadata?.annotations, tb.metadata?.annotations, out);
  const pa = ta.spec ?? {};
  const pb = tb.spec ?? {};
  deepDiff(`${k}: pod`, omit(pa, POD_HANDLED), omit(pb, POD_HANDLED), out);
  deepDiff(`${k}: pod.serviceAccountName`, pa.serviceAccountName ?? pa.serviceAccount, pb.serviceAccountName ?? pb.serviceAccount, out);
  diffSet(`${k}: pod.tolerations`, pa.tolerations, pb.tolerations, out);
  for (const group of ['initContainers', 'containers']) {
    const ca: any[] = pa[group] ?? [];
    const cb: any[] = pb[group] ?? [];
    const na = ca.map((c) => c.name);
    const nb = cb.map((c) => c.name);
    if (!same(na, nb)) out.push({ id: `${k}: ${group} names`, upstream: na, project: nb });
    for (const name of union(na, nb)) {
      const x = ca.find((c) => c.name === name);
      const y = cb.find((c) => c.name === name);
      const path = `${k}: ${group === 'containers' ? 'container' : 'initContainer'} ${name}`;
      if (!x || !y) continue; // reported by the names difference
      compareContainer(path, { c: x, pod: pa, maps: ctx.up }, { c: y, pod: pb, maps: ctx.pr }, ns, ctx.options, out);
    }
  }
  // Volumes nobody mounts still matter (e.g. a projected token); compared by source, not by name.
  diffList(`${k}: volume sources`, (pa.volumes ?? []).map(volumeSource).sort(), (pb.volumes ?? []).map(volumeSource).sort(), out);
}

interface Side {
  readonly c: any;
  readonly pod: any;
  readonly maps: Map<string, Record<string, string>>;
}

function compareContainer(path: string, a: Side, b: Side, ns: string, options: CompareOptions, out: Difference[]): void {
  for (const key of union(Object.keys(a.c), Object.keys(b.c)).filter((x) => !CONTAINER_HANDLED.includes(x))) {
    deepDiff(`${path}: ${key}`, a.c[key], b.c[key], out);
  }
  for (const field of ['command', 'args']) {
    const x = a.c[field];
    const y = b.c[field];
    if (x === undefined || y === undefined) deepDiff(`${path}: ${field}`, x, y, out);
    else diffList(`${path}: ${field}`, x, y, out);
  }
  deepDiff(`${path}: env`, effectiveEnv(a, ns, options), effectiveEnv(b, ns, options), out);
  diffSet(`${path}: envFrom`, a.c.envFrom, b.c.envFrom, out);
  diffKeyed(`${path}: port`, a.c.ports, b.c.ports, (p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`, out);
  deepDiff(`${path}: securityContext`, securityContext(a.c.securityContext), securityContext(b.c.securityContext), out);
  deepDiff(`${path}: mounts`, resolvedMounts(a), resolvedMounts(b), out);
}

/** Capabilities as sorted sets: their order means nothing. */
function securityContext(sc: any): any {
  if (!sc?.capabilities) return sc;
  const caps = sc.capabilities;
  return { ...sc, capabilities: { ...caps, add: caps.add && [...caps.add].sort(), drop: caps.drop && [...caps.drop].sort() } };
}

/** Env by name → the value the process sees: literal, the ConfigMap's value, or a description of the reference. */
function effectiveEnv(s: Side, ns: string, options: CompareOptions): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of s.c.env ?? []) {
    let v: string;
    if (e.valueFrom?.configMapKeyRef) {
      const ref = e.valueFrom.configMapKeyRef;
      const data = s.maps.get(`${ns}/${ref.name}`);
      const value = data?.[ref.key];
      // An optional reference to a missing key leaves the variable unset (the kubelet skips it).
      if (value === undefined && ref.optional) continue;
      v = value !== undefined ? value : `<configMap ${ref.name} key ${ref.key} missing>`;
    } else if (e.valueFrom) {
      v = `<${show(e.valueFrom)}>`;
    } else {
      v = e.value ?? '';
    }
    if (options.emptyEnvIsUnset && v === '') continue;
    env[e.name] = v;
  }
  return env;
}

/** A volume described by where its data comes from, independent of its name. */
function volumeSource(v: any): string {
  const { name, ...source } = v ?? {};
  if (source.hostPath) return `hostPath:${String(source.hostPath.path).replace(/(.)\/$/, '$1')}${source.hostPath.type ? ` (${source.hostPath.type})` : ''}`;
  if (source.configMap) return `configMap:${source.configMap.name}${source.configMap.items ? ` items=${show(source.configMap.items)}` : ''}${source.configMap.defaultMode !== undefined ? ` mode=${source.configMap.defaultMode}` : ''}`;
  if (source.secret) return `secret:${source.secret.secretName}${source.secret.items ? ` items=${show(source.secret.items)}` : ''}${source.secret.optional ? ' optional' : ''}`;
  return show(source);
}

/** mountPath → `<volume source>[ subPath=…][ ro][ propagation]`: robust to volume renames. */
function resolvedMounts(s: Side): Record<string, string> {
  const volumes = new Map<string, any>((s.pod.volumes ?? []).map((v: any) => [v.name, v]));
  const out: Record<string, string> = {};
  for (const m of s.c.volumeMounts ?? []) {
    const v = volumes.get(m.name);
    // `/var/run/ovn/` and `/var/run/ovn` are one mount point.
    out[String(m.mountPath).replace(/(.)\/+$/, '$1')] = [
      v ? volumeSource(v) : `<no volume ${m.name}>`,
      m.subPath ? `subPath=${m.subPath}` : '',
      m.readOnly ? 'ro' : '',
      m.mountPropagation && m.mountPropagation !== 'None' ? m.mountPropagation : '',
    ].filter(Boolean).join(' ');
  }
  return out;
}

// ------------------------------------------------------------------------------------------- RBAC

/**
 * Effective permissions per subject: the rules of every Role/ClusterRole bound to it, flattened to
 * `scope group/resource[/names] verb` grants, minus grants the same side also covers by a wildcard.
 * Reported per subject and (scope, group, resource) with the verbs only one side grants.
 */
function compareRbac(upstream: any[], project: any[], defaultNamespace: string | undefined, out: Difference[]): void {
  const ga = grants(upstream, defaultNamespace);
  const gb = grants(project, defaultNamespace);
  for (const subject of union(ga.keys(), gb.keys())) {
    const a = ga.get(subject) ?? new Set<string>();
    const b = gb.get(subject) ?? new Set<string>();
    report(`RBAC ${subject}: only upstream`, [...a].filter((g) => !covered(g, b)), 'upstream');
    report(`RBAC ${subject}: only project`, [...b].filter((g) => !covered(g, a)), 'project');
  }
  function report(prefix: string, list: string[], side: 'upstream' | 'project'): void {
    const byResource = new Map<string, string[]>();
    for (const g of list) {
      const [scope, resource, verb] = g.split('|');
      const key = `${scope} ${resource}`;
      byResource.set(key, [...(byResource.get(key) ?? []), verb]);
    }
    for (const [key, verbs] of byResource) out.push({ id: `${prefix}: ${key} ${verbs.sort().join(',')}`, [side]: verbs.sort() });
  }
}

function grants(objects: any[], defaultNamespace?: string): Map<string, Set<string>> {
  const roles = new Map<string, any[]>();
  for (const o of objects) {
    if (o.kind === 'ClusterRole') roles.set(`ClusterRole ${o.metadata.name}`, o.rules ?? []);
    if (o.kind === 'Role') roles.set(`Role ${o.metadata.namespace ?? defaultNamespace}/${o.metadata.name}`, o.rules ?? []);
  }
  const out = new Map<string, Set<string>>();
  for (const o of objects) {
    if (o.kind !== 'RoleBinding' && o.kind !== 'ClusterRoleBinding') continue;
    const bindingNs = o.metadata.namespace ?? defaultNamespace;
    const scope = o.kind === 'ClusterRoleBinding' ? '<cluster>' : `<namespace:${bindingNs}>`;
    const role = o.roleRef.kind === 'ClusterRole' ? `ClusterRole ${o.roleRef.name}` : `Role ${bindingNs}/${o.roleRef.name}`;
    const rules = roles.get(role) ?? [{ missingRole: role }];
    for (const s of o.subjects ?? []) {
      const subject = s.kind === 'ServiceAccount' ? `ServiceAccount ${s.namespace ?? bindingNs}/${s.name}` : `${s.kind} ${s.name}`;
      const set = out.get(subject) ?? new Set<string>();
      out.set(subject, set);
      for (const r of rules) {
        if (r.missingRole) {
          set.add(`${scope}|<missing:${r.missingRole}>|bind`);
          continue;
        }
        for (const verb of r.verbs ?? []) {
          for (const url of r.nonResourceURLs ?? []) set.add(`${scope}|url:${url}|${verb}`);
          for (const group of r.apiGroups ?? []) {
            for (const res of r.resources ?? []) {
              const names = r.resourceNames?.length ? `/{${[...r.resourceNames].sort().join(',')}}` : '';
              set.add(`${scope}|${group || 'core'}:${res}${names}|${verb}`);
            }
          }
        }
      }
    }
  }
  return out;
}

/** Whether `grant` is also given by some grant of `set`, wildcards and cluster scope included. */
function covered(grant: string, set: Set<string>): boolean {
  if (set.has(grant)) return true;
  const [scope, resource, verb] = grant.split('|');
  const [group, rest = ''] = resource.split(':');
  const [res, names] = rest.split('/{');
  for (const other of set) {
    const [s, r, v] = other.split('|');
    const [g, orest = ''] = r.split(':');
    const [ores, onames] = orest.split('/{');
    if (s !== scope && s !== '<cluster>') continue;
    if (v !== verb && v !== '*') continue;
    if (g !== group && g !== '*') continue;
    if (ores !== res && ores !== '*' && !(ores.endsWith('/*') && res.startsWith(ores.slice(0, -1)))) continue;
    if (onames !== undefined && onames !== names) continue;
    return true;
  }
  return false;
}
