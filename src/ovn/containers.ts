import { OvnEnv, OvnkubeTarget } from './env';
import { HOST, MOUNTS, Mount, mount, mountRo } from './host-paths';
import { OvnContainer, Privilege } from './pod';

/** Containers more than one workload runs; each is an `ovnkube.sh` target as in the seed's helm chart. */

/** ovn-northd: translates the NB database into logical flows in the SB database. */
export function northd(env: OvnEnv): OvnContainer {
  return ovnDaemon(env, 'ovn-northd', 'run-ovn-northd');
}

/** ovn-controller: programs the node's OVS from the SB database. */
export function ovnController(env: OvnEnv): OvnContainer {
  return ovnDaemon(env, 'ovn-controller', 'ovn-controller');
}

/** An OVN daemon (raises its priority, talks to OVS and the databases over sockets); ready as ovn-kube-util says. */
function ovnDaemon(env: OvnEnv, name: string, target: string): OvnContainer {
  return {
    name,
    target,
    privilege: Privilege.SYS_NICE,
    mounts: [mountRo(HOST.dbus), ...MOUNTS.logs(), ...MOUNTS.sockets(), ...MOUNTS.cert()],
    env: [...env.base(), ...env.localDatabases()],
    readiness: name,
  };
}

/** Exports OVS metrics; upstream gives it no readiness probe. */
export function ovsMetricsExporter(env: OvnEnv): OvnContainer {
  return {
    name: 'ovs-metrics-exporter',
    target: 'ovs-metrics',
    privilege: Privilege.NET_ADMIN,
    mounts: [mountRo(HOST.dbus), mount(HOST.varLogOvs), mountRo(HOST.varRunOvs)],
    env: [...env.base(), ...env.localDatabases()],
  };
}

/**
 * ovnkube on the node (central `ovn-node`, interconnect `ovnkube-controller-with-node`): it wires pod
 * interfaces, writes `/etc/cni/net.d/10-ovn-kubernetes.conf`, installs the CNI plugin into /opt/cni/bin and
 * sets up the node gateway, hence privileged with the host's root, netns, CNI and OVS directories.
 * Upstream's `/host-kubernetes` mount (kubelet kubeconfig) only serves ovnkube-identity, which is off.
 */
export function ovnkubeOnNode(env: OvnEnv, name: string, target: OvnkubeTarget): OvnContainer {
  const mounts: Mount[] = [
    mountRo(HOST.slash, '/host'), // iptables wrapper runs host binaries
    mountRo(HOST.dbus),
    mountRo(HOST.kubelet),
    mount(HOST.varLogOvnkube),
    mount(HOST.varRunOvnkube), // the CNI server socket
    mount(HOST.cniBin),
    mount(HOST.cniConf),
    mount(HOST.netns, undefined, { mountPropagation: 'Bidirectional' }),
    ...MOUNTS.sockets(),
    ...MOUNTS.cert(),
    mountRo(HOST.etcOvs),
    mountRo(HOST.varLibOvs, '/etc/ovn'),
    mount(HOST.runSystemd, '/run/systemd/private', { subPath: 'private', readOnly: true }),
  ];
  return {
    name,
    target,
    privilege: Privilege.PRIVILEGED,
    mounts,
    env: env.ovnkube(target),
    readiness: 'ovnkube-node',
  };
}

/** Interconnect: the node's own NB or SB database, reachable over unix sockets only. */
export function localDatabase(env: OvnEnv, db: 'nb' | 'sb'): OvnContainer {
  return {
    name: `${db}-ovsdb`,
    target: `local-${db}-ovsdb`,
    privilege: Privilege.NET_ADMIN,
    mounts: [
      mount(HOST.etcOvs), mount(HOST.varLibOvs, '/etc/ovn'),
      ...MOUNTS.logs(), ...MOUNTS.cert(), ...MOUNTS.sockets(),
    ],
    env: [...env.base(), ...env.localDatabases()],
    readiness: `ovn${db}-db`,
  };
}
