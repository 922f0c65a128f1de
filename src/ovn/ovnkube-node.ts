import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { localDatabase, northd, ovnController, ovnkubeOnNode, ovsMetricsExporter } from './containers';
import { OvnEnv, OvnkubeTarget } from './env';
import { NAMES, ZONE_NAME_LABEL } from './names';
import { OvnContainer, addNodeDaemonSet } from './pod';
import { OvnSettings } from './settings';

/**
 * DaemonSet `ovnkube-node` on every Linux node.
 * - Central: ovnkube (`ovn-node`), ovn-controller and the OVS metrics exporter, against `ovnkube-db`.
 * - Interconnect: each node is its own zone with local NB/SB databases, ovn-northd, ovnkube
 *   (`ovnkube-controller-with-node`), ovn-controller and the exporter.
 */
export function addOvnkubeNode(scope: Construct, settings: OvnSettings): k8s.KubeDaemonSet {
  return addNodeDaemonSet(scope, 'NodeDaemonSet', settings, {
    name: NAMES.node,
    serviceAccount: NAMES.node,
    hostPid: true,
    holdsDatabases: settings.interconnect,
    containers: nodeContainers(new OvnEnv(settings), settings.interconnect),
    // ovnkube.sh puts a node without the zone label into zone "global"; with per-node databases that
    // breaks the node silently. Requiring the label leaves such a node visibly without ovnkube-node.
    affinity: settings.interconnect ? {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: ZONE_NAME_LABEL, operator: 'Exists' }] }],
        },
      },
    } : undefined,
  });
}

function nodeContainers(env: OvnEnv, interconnect: boolean): OvnContainer[] {
  if (!interconnect) {
    return [
      ovnkubeOnNode(env, 'ovnkube-node', OvnkubeTarget.NODE),
      ovnController(env),
      ovsMetricsExporter(env),
    ];
  }
  return [
    localDatabase(env, 'nb'),
    localDatabase(env, 'sb'),
    northd(env),
    ovnkubeOnNode(env, 'ovnkube-controller', OvnkubeTarget.CONTROLLER_WITH_NODE),
    ovnController(env),
    ovsMetricsExporter(env),
  ];
}
