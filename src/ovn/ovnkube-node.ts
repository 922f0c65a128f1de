import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { localDatabase, northd, ovnController, ovnkubeOnNode, ovsMetricsExporter } from './containers';
import { OvnEnv, OvnkubeTarget } from './env';
import { NAMES, ZONE_NAME_LABEL } from './names';
import { nodeDaemonSet } from './pod';
import { OvnSettings } from './settings';

/**
 * DaemonSet `ovnkube-node` on every Linux node.
 * - Central: ovnkube (`ovn-node`), ovn-controller and the OVS metrics exporter, against `ovnkube-db`.
 * - Interconnect: each node is its own zone with local NB/SB databases, ovn-northd, ovnkube
 *   (`ovnkube-controller-with-node`), ovn-controller and the exporter.
 */
export class OvnkubeNode extends Construct {
  /** The DaemonSet. */
  public readonly daemonSet: k8s.KubeDaemonSet;

  constructor(scope: Construct, id: string, s: OvnSettings) {
    super(scope, id);
    const env = new OvnEnv(s);
    const containers = s.interconnect
      ? [
        localDatabase(env, 'nb'),
        localDatabase(env, 'sb'),
        northd(env),
        ovnkubeOnNode(env, 'ovnkube-controller', OvnkubeTarget.CONTROLLER_WITH_NODE),
        ovnController(env),
        ovsMetricsExporter(env),
      ]
      : [
        ovnkubeOnNode(env, 'ovnkube-node', OvnkubeTarget.NODE),
        ovnController(env),
        ovsMetricsExporter(env),
      ];
    this.daemonSet = nodeDaemonSet(this, s, {
      name: NAMES.node,
      serviceAccount: NAMES.node,
      hostPid: true,
      holdsDatabases: s.interconnect,
      containers,
      // ovnkube.sh puts a node without the zone label into zone "global"; with per-node databases that
      // breaks the node silently. Requiring the label leaves such a node visibly without ovnkube-node.
      affinity: s.interconnect ? {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: ZONE_NAME_LABEL, operator: 'Exists' }] }],
          },
        },
      } : undefined,
    });
  }
}
