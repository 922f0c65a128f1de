import { Construct } from 'constructs';
import { literal } from './env';
import { HOST, mount, mountRo } from './host-paths';
import { DAEMONSET_VERSION, NAMES } from './names';
import { Privilege, addNodeDaemonSet } from './pod';
import { OvnSettings } from './settings';

const OVS_CTL = '/usr/share/openvswitch/scripts/ovs-ctl';

/**
 * DaemonSet `ovs-node`: Open vSwitch (ovsdb-server and ovs-vswitchd) on every Linux node, in the host's
 * network and process namespaces with the kernel modules. Both modes.
 */
export function addOvsNode(scope: Construct, settings: OvnSettings): void {
  addNodeDaemonSet(scope, 'OvsDaemonSet', settings, {
    name: NAMES.ovsNode,
    hostPid: true,
    containers: [{
      name: 'ovs-daemons',
      target: 'ovs-server',
      privilege: Privilege.PRIVILEGED,
      mounts: [
        mountRo(HOST.modules),
        mount(HOST.runOvs),
        mount(HOST.varRunOvs),
        mount(HOST.sys),
        mount(HOST.ovsConfig, '/etc/openvswitch'),
        mount(HOST.dbus),
        mount(HOST.varLogOvs),
        mount(HOST.varLibOvs),
      ],
      env: [literal('OVN_DAEMONSET_VERSION', DAEMONSET_VERSION)],
      readiness: 'ovs-daemons',
      livenessCommand: [OVS_CTL, 'status'],
      // Stops OVS cleanly (after ovnkube-node is gone) when the pod is deleted.
      preStopCommand: ['/root/ovnkube.sh', 'cleanup-ovs-server'],
      limits: { cpu: '500m', memory: '500Mi' },
    }],
  });
}
