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
  let stage1 = 0;
  let stage2 = 0;
  for (const component of components) {
    const id = component.node.id;
    const own = byComponent.get(id);
    if (own === undefined) continue;
    const second = stage2Components.has(id);
    const index = String(second ? ++stage2 : ++stage1).padStart(2, '0');
    files.push({ path: `${second ? STAGE2_DIR + '/' : ''}${index}-${fileNamePart(id)}.k8s.yaml`, objects: own });
  }
  const placed = files.reduce((n, f) => n + f.objects.length, 0);
  if (placed !== objects.length) {
    const missing = objects.filter((o) => !componentOf.has(keyOf(o))).map(keyOf);
    throw new Error(`layout: ${objects.length - placed} objects belong to no component of the chart (${missing.join(', ')}); two objects may share a kind, namespace and name`);
  }
  return files;
}

/**
 * A custom resource of a CRD shipped in stage 1, or a pod (or pod template) that names secondary networks:
 * those networks are custom resources too, and Multus fails the pod's sandbox until they exist.
 */
function needsStage2(o: any, shippedGroups: Set<string>): boolean {
  const apiVersion = String(o.apiVersion);
  if (apiVersion.includes('/') && shippedGroups.has(apiVersion.split('/')[0])) return true;
  const podMeta = o.kind === 'Pod' ? o.metadata : o.spec?.template?.metadata;
  return podMeta?.annotations?.[NETWORKS_ANNOTATION] !== undefined;
}

/** The YAML text of a file: documents separated by `---`, as kubectl reads them (src/util/kubectl-yaml.ts). */
export function renderYaml(objects: any[]): string {
  return objects.map(kubectlYaml).join('---\n');
}
