import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { northd } from './containers';
import { OvnEnv, OvnkubeTarget } from './env';
import { HOST, MOUNTS, mount, mountRo } from './host-paths';
import { NAMES, NB_PORT, OVN_NAMESPACE, SB_PORT } from './names';
import { OvnContainer, Privilege, addControlPlaneDeployment } from './pod';
import { OvnSettings } from './settings';

/**
 * Central mode's control plane (the seed's default, `values-no-ic.yaml`): one NB/SB database pair
 * (`ovnkube-db`) and one `ovnkube-master` with ovn-northd, on a control-plane node.
 */
export function addCentralControlPlane(scope: Construct, settings: OvnSettings): void {
  const env = new OvnEnv(settings);
  addDatabaseService(scope);
  addControlPlaneDeployment(scope, 'DatabaseDeployment', settings, {
    name: NAMES.db,
    serviceAccount: NAMES.db,
    holdsDatabases: true,
    containers: [centralDatabase(env, 'nb'), centralDatabase(env, 'sb')],
  });
  addControlPlaneDeployment(scope, 'MasterDeployment', settings, {
    name: NAMES.master,
    serviceAccount: NAMES.master,
    containers: [
      northd(env),
      {
        name: 'ovnkube-master',
        target: OvnkubeTarget.MASTER,
        privilege: Privilege.ROOT,
        mounts: [mountRo(HOST.dbus), mount(HOST.varLogOvnkube), ...MOUNTS.sockets(), ...MOUNTS.cert()],
        env: env.ovnkube(OvnkubeTarget.MASTER),
        // upstream has no readiness probe for ovnkube-master (ovn-kube-util has no such target)
      },
    ],
  });
}

/**
 * Service `ovnkube-db`, headless and selector-less: nb-ovsdb writes the endpoints itself (ovnkube.sh
 * `set_ovnkube_db_ep`); every other pod waits for them (`ready_to_start_node`) and connects to the addresses
 * listed there.
 */
function addDatabaseService(scope: Construct): void {
  new k8s.KubeService(scope, 'DatabaseService', {
    metadata: { name: NAMES.db, namespace: OVN_NAMESPACE },
    spec: {
      type: 'ClusterIP',
      clusterIp: 'None',
      ports: [
        { name: 'north', protocol: 'TCP', port: NB_PORT, targetPort: k8s.IntOrString.fromNumber(NB_PORT) },
        { name: 'south', protocol: 'TCP', port: SB_PORT, targetPort: k8s.IntOrString.fromNumber(SB_PORT) },
      ],
    },
  });
}

/** The central NB or SB database of pod `ovnkube-db`. */
function centralDatabase(env: OvnEnv, db: 'nb' | 'sb'): OvnContainer {
  return {
    name: `${db}-ovsdb`,
    target: `${db}-ovsdb`,
    privilege: Privilege.NET_ADMIN,
    // The database files live on the host in /var/lib/openvswitch, seen as /etc/openvswitch and /etc/ovn.
    mounts: [
      mount(HOST.varLibOvs, '/etc/openvswitch'), mount(HOST.varLibOvs, '/etc/ovn'),
      ...MOUNTS.logs(), ...MOUNTS.cert(), ...MOUNTS.sockets(),
    ],
    env: env.base(),
    readiness: `ovn${db}-db`,
  };
}
