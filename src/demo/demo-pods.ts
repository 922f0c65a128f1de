import { Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { labelManaged } from '../common/object-labels';
import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { OvnNetwork } from '../networks';
import { MULTUS_NETWORKS_ANNOTATION } from '../common/cni-facts';
import { ChartAddressPlan, DEFAULT_NODE_COUNT, clusterNodeCount, ensureNamespace } from '../plan';
import { isDnsLabel } from '../util/k8s-names';
import { invalidValue } from '../common/field-error';
import { isImageReference } from '../util/image-reference';

/** One demo pod and the node it runs on. */
export interface DemoPodPlacement {
  /** The pod's name. */
  readonly name: string;
  /**
   * The node (`kubernetes.io/hostname`) to pin the pod to, so the demo crosses nodes.
   * @default - scheduled anywhere
   */
  readonly nodeName?: string;
}

/** Pods attached to a secondary network, as the seed's demo (`tinypod`, `tinypod2`). */
export interface DemoPodsProps {
  /** The network the pods attach to through `k8s.v1.cni.cncf.io/networks`. */
  readonly network: OvnNetwork;
  /**
   * The pods.
   * @default tinypod on ovn-worker and tinypod2 on ovn-worker2 (the seed's kind cluster `ovn`) when the
   * cluster has at least 3 nodes; with fewer, the same pods unpinned (those workers do not exist)
   */
  readonly pods?: DemoPodPlacement[];
  /**
   * Nodes of the cluster (the kind config has one control plane and `nodeCount - 1` workers named
   * `ovn-worker`, `ovn-worker2`, …): the default pods are pinned to two workers only when both exist.
   * @default - the cluster's node count (`clusterNodeCount`: the App's DeceptiveNetworkConfig's nodeCount, else 3)
   */
  readonly nodeCount?: number;
  /**
   * The namespace of the pods.
   * @default - the network's namespace
   */
  readonly namespace?: string;
  /**
   * The container image.
   * @default 'registry.k8s.io/e2e-test-images/agnhost:2.36' (the seed's)
   */
  readonly image?: string;
}

/** The annotation Multus reads to attach extra networks to a pod (defined in src/common/cni-facts.ts). */
export const NETWORKS_ANNOTATION = MULTUS_NETWORKS_ANNOTATION;

/** Demo pods with a second interface on an OVN-Kubernetes network; they ping each other across nodes. */
export class DemoPods extends Construct {
  /** The pods. */
  public readonly pods: k8s.KubePod[];

  constructor(scope: Construct, id: string, props: DemoPodsProps) {
    super(scope, id);
    const [networkNamespace, networkName] = props.network.qualifiedName.split('/');
    const namespace = props.namespace ?? networkNamespace;
    if (!isDnsLabel(namespace)) {
      throw invalidValue('namespace', namespace, 'a namespace name: a lowercase DNS label (a-z, 0-9, "-"), at most 63 characters');
    }
    // The cluster's node count is read once every construct exists (a DeceptiveNetworkConfig created after
    // these pods counts too): it decides the default pins and the warnings, never which pods there are.
    const nodeCount = () => props.nodeCount ?? clusterNodeCount(this);
    const placements = props.pods ?? defaultPlacements(DEFAULT_NODE_COUNT);
    const placed = () => props.pods ?? defaultPlacements(nodeCount());
    ChartAddressPlan._beforeCheck(this, () => this.warnAboutMissingWorkers(placed(), nodeCount()));
    checkPodNames(placements.map((p) => p.name));
    const image = props.image ?? DEFAULT_IMAGE;
    if (!isImageReference(image)) {
      throw invalidValue('image', image, `an image reference such as "${DEFAULT_IMAGE}"`);
    }
    // Multus reads a bare name as "in the pod's namespace".
    const reference = namespace === networkNamespace ? networkName : props.network.qualifiedName;
    const namespaceObject = ensureNamespace(this, namespace);
    this.pods = placements.map((placement, index) => new k8s.KubePod(this, `Pod${index}`, {
      metadata: { name: placement.name, namespace, labels: { app: 'multicni-demo' }, annotations: { [NETWORKS_ANNOTATION]: reference } },
      spec: {
        nodeSelector: Lazy.any({ produce: () => {
          const nodeName = placed()[index].nodeName;
          return nodeName ? { 'kubernetes.io/hostname': nodeName } : undefined;
        } }),
        containers: [{ name: 'agnhost', image, args: ['pause'] }],
      },
    }));
    if (namespaceObject) this.pods.forEach((pod) => pod.addDependency(namespaceObject));
    labelManaged(this); // app.kubernetes.io/managed-by on every object (src/common/object-labels)
  }

  /** kind names workers ovn-worker, ovn-worker2, …: a pin beyond the node count would leave the pod Pending. */
  private warnAboutMissingWorkers(placements: DemoPodPlacement[], nodeCount: number): void {
    for (const placement of placements) {
      const worker = /^ovn-worker(\d*)$/.exec(placement.nodeName ?? '');
      const index = worker ? (worker[1] === '' ? 1 : Number(worker[1])) : 0;
      if (worker && index > nodeCount - 1) {
        ChartAddressPlan.warn(this, `demo: pod ${placement.name} is pinned to node ${placement.nodeName}, but a kind cluster of ${nodeCount} node${nodeCount === 1 ? '' : 's'} (the kind config written beside dist/) has no such worker; the pod would stay Pending there`);
      }
    }
  }
}

/** The seed's image. */
const DEFAULT_IMAGE = 'registry.k8s.io/e2e-test-images/agnhost:2.36';

/** tinypod and tinypod2, on the seed's two workers when the cluster has them. */
function defaultPlacements(nodeCount: number): DemoPodPlacement[] {
  const pinned = nodeCount >= 3;
  return [{ name: 'tinypod', nodeName: pinned ? 'ovn-worker' : undefined }, { name: 'tinypod2', nodeName: pinned ? 'ovn-worker2' : undefined }];
}

/** Names are checked as `pods[i].name` (the chart's `demo` section; `demo.pods` in a values file). */
function checkPodNames(names: string[]): void {
  const duplicate = names.findIndex((name, i) => names.indexOf(name) !== i);
  if (duplicate >= 0) {
    const name = names[duplicate];
    throw invalidValue(`pods[${duplicate}].name`, name, `a name no other pod has: pods[${names.indexOf(name)}] is named so already`);
  }
  const bad = names.findIndex((name) => !isDnsLabel(name));
  if (bad >= 0) throw invalidValue(`pods[${bad}].name`, names[bad], 'a pod name: a lowercase DNS label (a-z, 0-9, "-"), at most 63 characters');
}
