import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { hostPathVolume } from '../util/host-path-volume';

/** A host directory, under the volume name the upstream chart gives it (same name, same path everywhere). */
export interface HostDir {
  readonly volume: string;
  readonly path: string;
  readonly type?: string;
}

/** Every host directory an OVN-Kubernetes pod mounts (helm chart of the seed's branch). */
export const HOST = {
  slash: { volume: 'host-slash', path: '/' },
  modules: { volume: 'host-modules', path: '/lib/modules' },
  sys: { volume: 'host-sys', path: '/sys' },
  dbus: { volume: 'host-var-run-dbus', path: '/var/run/dbus' },
  kubelet: { volume: 'host-kubelet', path: '/var/lib/kubelet' },
  runSystemd: { volume: 'run-systemd', path: '/run/systemd' },
  netns: { volume: 'host-netns', path: '/var/run/netns' },
  cniBin: { volume: 'host-opt-cni-bin', path: '/opt/cni/bin' },
  cniConf: { volume: 'host-etc-cni-netd', path: '/etc/cni/net.d' },
  runOvs: { volume: 'host-run-ovs', path: '/run/openvswitch' },
  varRunOvs: { volume: 'host-var-run-ovs', path: '/var/run/openvswitch' },
  varLogOvs: { volume: 'host-var-log-ovs', path: '/var/log/openvswitch' },
  varLibOvs: { volume: 'host-var-lib-ovs', path: '/var/lib/openvswitch' },
  etcOvs: { volume: 'host-etc-ovs', path: '/etc/openvswitch' },
  // ovs-node keeps the OVS database (conf.db) here, not in /etc/openvswitch (upstream's choice).
  ovsConfig: { volume: 'host-config-openvswitch', path: '/etc/origin/openvswitch' },
  ovnCert: { volume: 'host-ovn-cert', path: '/etc/ovn', type: 'DirectoryOrCreate' },
  varLogOvnkube: { volume: 'host-var-log-ovnkube', path: '/var/log/ovn-kubernetes' },
  varRunOvnkube: { volume: 'host-var-run-ovn-kubernetes', path: '/var/run/ovn-kubernetes' },
};

/** A mount of a host directory into a container. */
export interface Mount {
  readonly dir: HostDir;
  readonly mountPath: string;
  readonly readOnly?: boolean;
  readonly subPath?: string;
  readonly mountPropagation?: string;
}

/** Mounts `dir` at `mountPath` (default: the same path as on the host). */
export function mount(dir: HostDir, mountPath?: string, options: Omit<Mount, 'dir' | 'mountPath'> = {}): Mount {
  return { dir, mountPath: mountPath ?? dir.path, ...options };
}

/** Read-only mount. */
export function mountRo(dir: HostDir, mountPath?: string): Mount {
  return mount(dir, mountPath, { readOnly: true });
}

/** Mount groups several containers share. */
export const MOUNTS = {
  /** OVS and OVN sockets: OVN daemons use /var/run/ovn, older builds /var/run/openvswitch; both are the same dir. */
  sockets: (): Mount[] => [mount(HOST.varRunOvs), mount(HOST.varRunOvs, '/var/run/ovn')],
  /** OVS and OVN logs, likewise one host directory. */
  logs: (): Mount[] => [mount(HOST.varLogOvs), mount(HOST.varLogOvs, '/var/log/ovn')],
  /** Certificates for SSL to the databases (unused unless SSL is set up; upstream mounts it everywhere). */
  cert: (): Mount[] => [mountRo(HOST.ovnCert, '/ovn-cert')],
};

export function volumeMounts(mounts: Mount[]): k8s.VolumeMount[] {
  return mounts.map((m) => ({
    name: m.dir.volume,
    mountPath: m.mountPath,
    readOnly: m.readOnly,
    subPath: m.subPath,
    mountPropagation: m.mountPropagation,
  }));
}

/** The pod's volumes: each host directory its containers mount, once, in order of first use. */
export function volumesFor(mounts: Mount[]): k8s.Volume[] {
  const seen = new Map<string, HostDir>();
  for (const m of mounts) {
    const known = seen.get(m.dir.volume);
    if (known && known.path !== m.dir.path) {
      throw new Error(`internal: volume ${m.dir.volume} used for both ${known.path} and ${m.dir.path}`);
    }
    seen.set(m.dir.volume, m.dir);
  }
  return [...seen.values()].map((d) => hostPathVolume(d.volume, d.path, d.type));
}
