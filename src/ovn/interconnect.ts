import { Construct } from 'constructs';
import { OvnEnv, OvnkubeTarget } from './env';
import { HOST, MOUNTS, mount, mountRo } from './host-paths';
import { NAMES } from './names';
import { Privilege, addControlPlaneDeployment } from './pod';
import { OvnSettings } from './settings';

/**
 * Interconnect mode's control plane (`values-single-node-zone.yaml`): `ovnkube-control-plane` runs the
 * cluster manager, which allocates node subnets from `net_cidr` and transit-switch addresses; the databases,
 * northd and the controller run per node in `ovnkube-node`.
 */
export function addInterconnectControlPlane(scope: Construct, settings: OvnSettings): void {
  const env = new OvnEnv(settings);
  addControlPlaneDeployment(scope, 'ControlPlaneDeployment', settings, {
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
