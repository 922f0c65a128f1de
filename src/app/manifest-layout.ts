import { ApiObject, Chart } from 'cdk8s';
import { MULTUS_NETWORKS_ANNOTATION as NETWORKS_ANNOTATION } from '../common/cni-facts';
import { kubectlYaml } from '../util/kubectl-yaml';
import { fileNamePart } from '../util/text';

/** One output file: a relative path and its objects, in apply order. */
export interface LayoutFile {
  /** Path relative to the output directory, e.g. `02-cilium.k8s.yaml` or `stage2/01-networks.k8s.yaml`. */
  readonly path: string;
  /** The objects. */
  readonly objects: any[];
}

/** The directory, relative to the output directory, of objects that need CRDs from the first apply. */
export const STAGE2_DIR = 'stage2';
/**
 * The directory of objects whose CRDs this stack does not ship at all (the prometheus-operator's
 * ServiceMonitors): applied by hand where those CRDs exist, `kubectl apply -f dist/optional/`.
 */
export const OPTIONAL_DIR = 'optional';
/** API groups of CRDs that a cluster may or may not have, and this stack does not ship. */
const OPTIONAL_GROUPS = new Set(['monitoring.coreos.com']);

/** Whether an object is a custom resource of an OPTIONAL_GROUPS CRD. */
export function isOptionalObject(o: any): boolean {
  const apiVersion = String(o.apiVersion);
  return apiVersion.includes('/') && OPTIONAL_GROUPS.has(apiVersion.split('/')[0]);
}

/**
 * API groups of CRDs that a feature needs installed before the stack and that the stack does not ship:
 * Gateway API's (Cilium's operator looks for them once, at start-up; docs/cilium-features.md). Their custom
 * resources (the GatewayClass) go to `stage2/`, in a file named after their component, applied once CRDs
 * are established; the rest of the component stays in stage 1.
 */
const PREINSTALLED_CRD_GROUPS = new Set(['gateway.networking.k8s.io']);

/**
 * Lays a chart out for `kubectl apply -f dist/` then `kubectl apply -f dist/stage2/`:
 * one file per top-level component of the chart, numbered in construct order. Custom resources of a
 * CRD that the chart itself ships (and the components that hold them) cannot be applied in the same
 * pass as their CRD, so their component goes to `stage2/`. `kubectl apply -f dir` does not recurse, so
 * the first command never touches `stage2/`.
 */
export function layoutChart(chart: Chart): LayoutFile[] {
  const objects = chart.toJson(); // validates the whole chart (the address plan included) and orders by dependency
  const shippedGroups = new Set(objects.filter((o) => o.kind === 'CustomResourceDefinition').map((o) => o.spec.group));
  const components = chart.node.children.filter((c) => c.node.findAll().some((x) => ApiObject.isApiObject(x)));

  const keyOf = (o: any) => `${o.apiVersion}|${o.kind}|${o.metadata?.namespace ?? ''}|${o.metadata?.name ?? ''}`;
  const componentOf = new Map<string, string>();
  for (const component of components) {
    for (const apiObject of component.node.findAll().filter(ApiObject.isApiObject) as ApiObject[]) {
      componentOf.set(keyOf({ apiVersion: apiObject.apiVersion, kind: apiObject.kind, metadata: { name: apiObject.name, namespace: apiObject.metadata.namespace } }), component.node.id);
    }
  }
  const stage2Components = new Set(objects
    .filter((o) => needsStage2(o, shippedGroups))
    .map((o) => componentOf.get(keyOf(o))));

  // One pass groups the objects by component (chart.toJson() order kept within each), so the layout is
  // linear in the number of objects however many components the chart has.
  const byComponent = new Map<string, any[]>();
  for (const o of objects) {
    const id = componentOf.get(keyOf(o));
    if (id === undefined) continue;
    const own = byComponent.get(id);
    if (own) own.push(o);
    else byComponent.set(id, [o]);
  }
  const files: LayoutFile[] = [];
  const optional: LayoutFile[] = [];
  let stage1 = 0;
  let stage2 = 0;
  const stage1Files: LayoutFile[] = [];
  const stage2Files: LayoutFile[] = [];
  for (const component of components) {
    const id = component.node.id;
    const all = byComponent.get(id);
    if (all === undefined) continue;
    const name = fileNamePart(id);
    // A component's optional objects go to their own file (e.g. optional/01-cilium-servicemonitors.k8s.yaml),
    // numbered in the component's order; the rest of the component stays in its stage.
    const extra = all.filter(isOptionalObject);
    if (extra.length > 0) {
      const kinds = [...new Set(extra.map((o) => String(o.kind).toLowerCase()))].join('-');
      optional.push({ path: `${OPTIONAL_DIR}/${String(optional.length + 1).padStart(2, '0')}-${name}-${kinds}s.k8s.yaml`, objects: extra });
    }
    const own = all.filter((o) => !isOptionalObject(o));
    if (own.length === 0) continue;
    if (stage2Components.has(id)) {
      stage2Files.push({ path: `${STAGE2_DIR}/${String(++stage2).padStart(2, '0')}-${name}.k8s.yaml`, objects: own });
      continue;
    }
    // Objects of CRDs installed before the stack (Gateway API) wait for stage 2; the rest stays in stage 1.
    const later = own.filter(needsPreinstalledCrd);
    const now = own.filter((o) => !needsPreinstalledCrd(o));
    if (now.length > 0) stage1Files.push({ path: `${String(++stage1).padStart(2, '0')}-${name}.k8s.yaml`, objects: now });
    if (later.length > 0) stage2Files.push({ path: `${STAGE2_DIR}/${String(++stage2).padStart(2, '0')}-${name}.k8s.yaml`, objects: later });
  }
  files.push(...stage1Files, ...stage2Files, ...optional);
  const placed = files.reduce((n, f) => n + f.objects.length, 0);
  if (placed !== objects.length) {
    const missing = objects.filter((o) => !componentOf.has(keyOf(o))).map(keyOf);
    throw new Error(`layout: ${objects.length - placed} objects belong to no component of the chart (${missing.join(', ')}); two objects may share a kind, namespace and name`);
  }
  return files;
}

/** A custom resource of a CRD the stack needs installed beforehand (PREINSTALLED_CRD_GROUPS). */
function needsPreinstalledCrd(o: any): boolean {
  const apiVersion = String(o.apiVersion);
  return apiVersion.includes('/') && PREINSTALLED_CRD_GROUPS.has(apiVersion.split('/')[0]);
}

/**
 * A custom resource of a CRD shipped in stage 1, or a pod (or pod template) that names secondary networks:
 * those networks are custom resources too, and Multus fails the pod's sandbox until they exist.
 */
function needsStage2(o: any, shippedGroups: Set<string>): boolean {
  if (isOptionalObject(o)) return false;
  const apiVersion = String(o.apiVersion);
  if (apiVersion.includes('/') && shippedGroups.has(apiVersion.split('/')[0])) return true;
  const podMeta = o.kind === 'Pod' ? o.metadata : o.spec?.template?.metadata;
  return podMeta?.annotations?.[NETWORKS_ANNOTATION] !== undefined;
}

/** The YAML text of a file: documents separated by `---`, as kubectl reads them (src/util/kubectl-yaml.ts). */
export function renderYaml(objects: any[]): string {
  return objects.map(kubectlYaml).join('---\n');
}
