import { Construct } from 'constructs';
import { OvnEnv, OvnkubeTarget } from './env';
import { HOST, MOUNTS, mount, mountRo } from './host-paths';
import { NAMES } from './names';
import { Privilege, controlPlaneDeployment } from './pod';
import { OvnSettings } from './settings';

/**
 * Interconnect mode's control plane (`values-single-node-zone.yaml`): `ovnkube-control-plane` runs the
 * cluster manager, which allocates node subnets from `net_cidr` and transit-switch addresses; the databases,
 * northd and the controller run per node in `ovnkube-node`.
 */
export class OvnInterconnectControlPlane extends Construct {
  constructor(scope: Construct, id: string, s: OvnSettings) {
    super(scope, id);
    const env = new OvnEnv(s);
    controlPlaneDeployment(this, s, {
      name: NAMES.controlPlane,
      serviceAccount: NAMES.clusterManager,
      containers: [{
        name: 'ovnkube-cluster-manager',
        target: OvnkubeTarget.CLUSTER_MANAGER,
        privilege: Privilege.ROOT,
        mounts: [mountRo(HOST.dbus), mount(HOST.varLogOvnkube), ...MOUNTS.sockets(), ...MOUNTS.cert()],
        env: env.ovnkube(OvnkubeTarget.CLUSTER_MANAGER),
      }],
    });
  }
}
