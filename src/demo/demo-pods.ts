import { Construct } from 'constructs';
import { k8s } from 'cdk8s-plus-28';
import { OvnNetwork } from '../networks';
import { isDnsLabel } from '../util/k8s-names';
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
   * @default tinypod on ovn-worker and tinypod2 on ovn-worker2 (the seed's kind cluster `ovn`)
   */
  readonly pods?: DemoPodPlacement[];
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

/** The annotation Multus reads to attach extra networks to a pod. */
export const NETWORKS_ANNOTATION = 'k8s.v1.cni.cncf.io/networks';

/** Demo pods with a second interface on an OVN-Kubernetes network; they ping each other across nodes. */
export class DemoPods extends Construct {
  /** The pods. */
  public readonly pods: k8s.KubePod[];

  constructor(scope: Construct, id: string, props: DemoPodsProps) {
    super(scope, id);
    const [netNamespace, netName] = props.network.qualifiedName.split('/');
    const namespace = props.namespace ?? netNamespace;
    if (!isDnsLabel(namespace)) {
      throw new Error(`demo: namespace ${JSON.stringify(namespace)} must be a lowercase DNS label (a-z, 0-9, "-"), at most 63 characters`);
    }
    const placements = props.pods ?? [{ name: 'tinypod', nodeName: 'ovn-worker' }, { name: 'tinypod2', nodeName: 'ovn-worker2' }];
    const names = placements.map((p) => p.name);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) throw new Error(`demo: pod name "${dup}" is used twice; pod names must be unique`);
    const bad = names.find((n) => !isDnsLabel(n));
    if (bad !== undefined) throw new Error(`demo: pod name ${JSON.stringify(bad)} must be a lowercase DNS label (a-z, 0-9, "-"), at most 63 characters`);
    const image = props.image ?? 'registry.k8s.io/e2e-test-images/agnhost:2.36';
    if (!isImageReference(image)) {
      throw new Error(`demo: image ${JSON.stringify(image)} is not an image reference such as "registry.k8s.io/e2e-test-images/agnhost:2.36"`);
    }
    // Multus reads a bare name as "in the pod's namespace".
    const reference = namespace === netNamespace ? netName : props.network.qualifiedName;
    this.pods = placements.map((p) => new k8s.KubePod(this, p.name, {
      metadata: { name: p.name, namespace, labels: { app: 'multicni-demo' }, annotations: { [NETWORKS_ANNOTATION]: reference } },
      spec: {
        ...(p.nodeName ? { nodeSelector: { 'kubernetes.io/hostname': p.nodeName } } : {}),
        containers: [{ name: 'agnhost', image, args: ['pause'] }],
      },
    }));
  }
}
