import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { hostPathVolume } from '../util/host-path-volume';
import { MultusLogLevel } from './multus-log-level';
import { DAEMON_CONFIG_MAP_NAME, HOST_CNI_BIN_DIR, HOST_CNI_CONF_DIR, POD_CNI_BIN_DIR, POD_CNI_CONF_DIR } from './names';
import { MultusPodParts, MAIN_RESOURCES, installer } from './daemon-set-spec';

/** Settings of the pod, resolved from MultusProps. */
export interface ThickOptions {
  readonly image: string;
  readonly defaultNetworkFile: string;
  readonly waitForDefaultNetwork: boolean;
  readonly logLevel: MultusLogLevel;
  /** v4.2+: `install_multus -t thick` installs the shim, and the daemon mounts /etc/cni/multus/net.d. */
  readonly installer: boolean;
}

/**
 * Where multus-daemon reads the CNI config of a NetworkAttachmentDefinition without `spec.config` (a file
 * named after the network); mounted from the host from v4.2 on, as upstream's thick release file does.
 */
const MULTUS_CONF_DIR = '/etc/cni/multus/net.d';

/** `daemon-config.json` of the thick plugin: upstream v4.1.3's keys plus the pinned default network. */
export function thickDaemonConfig(options: ThickOptions): string {
  const config: Record<string, unknown> = {
    chrootDir: '/hostroot',
    cniVersion: '0.3.1',
    logLevel: options.logLevel,
    logToStderr: true,
    cniConfigDir: POD_CNI_CONF_DIR,
    multusAutoconfigDir: POD_CNI_CONF_DIR,
    multusConfigFile: 'auto',
    // A file name in multusAutoconfigDir (key `multusMasterCNI` of MultusConf, pkg/server/config); without
    // it the daemon takes the alphabetically first file. With it, the daemon exits and restarts until the
    // file exists.
    multusMasterCNI: options.defaultNetworkFile,
    socketDir: '/host/run/multus/',
  };
  if (options.waitForDefaultNetwork) {
    // Checked by multus-daemon inside the pod: a pod path.
    config.readinessindicatorfile = `${POD_CNI_CONF_DIR}/${options.defaultNetworkFile}`;
  }
  return JSON.stringify(config, undefined, 2) + '\n';
}

/** The thick plugin's pod, after upstream `deployments/multus-daemonset-thick.yml` (v4.1.3; v4.2+ with `installer`). */
export function thickPodParts(options: ThickOptions): MultusPodParts {
  return {
    hostPid: true,
    container: {
      name: 'kube-multus',
      image: options.image,
      // Reads /etc/cni/net.d/multus.d/daemon-config.json (the ConfigMap) by default.
      command: ['/usr/src/multus-cni/bin/multus-daemon'],
      resources: MAIN_RESOURCES,
      securityContext: { privileged: true },
      terminationMessagePolicy: 'FallbackToLogsOnError',
      volumeMounts: thickMounts(options.installer),
      env: [{ name: 'MULTUS_NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
    },
    installer: installer(options.image, options.installer
      ? ['/usr/src/multus-cni/bin/install_multus', '-d', POD_CNI_BIN_DIR, '-t', 'thick']
      : ['cp', '/usr/src/multus-cni/bin/multus-shim', `${POD_CNI_BIN_DIR}/multus-shim`]),
    volumes: thickVolumes(options.installer),
  };
}

/** Mounts of multus-daemon; `withConfDir`: v4.2+ also mounts /etc/cni/multus/net.d. */
function thickMounts(withConfDir: boolean): k8s.VolumeMount[] {
  return [
    { name: 'cni', mountPath: POD_CNI_CONF_DIR },
    // multus-daemon execs the delegate plugins by their host path, so the bin dir is mounted where it is on
    // the host.
    { name: 'cnibin', mountPath: HOST_CNI_BIN_DIR },
    { name: 'host-run', mountPath: '/host/run' },
    { name: 'host-var-lib-cni-multus', mountPath: '/var/lib/cni/multus' },
    { name: 'host-var-lib-kubelet', mountPath: '/var/lib/kubelet', mountPropagation: 'HostToContainer' },
    { name: 'host-run-k8s-cni-cncf-io', mountPath: '/run/k8s.cni.cncf.io' },
    { name: 'host-run-netns', mountPath: '/run/netns', mountPropagation: 'HostToContainer' },
    { name: 'multus-daemon-config', mountPath: `${HOST_CNI_CONF_DIR}/multus.d`, readOnly: true },
    { name: 'hostroot', mountPath: '/hostroot', mountPropagation: 'HostToContainer' },
    ...(withConfDir ? [{ name: 'multus-conf-dir', mountPath: MULTUS_CONF_DIR }] : []),
  ];
}

/** The volumes behind thickMounts. */
function thickVolumes(withConfDir: boolean): k8s.Volume[] {
  return [
    hostPathVolume('cni', HOST_CNI_CONF_DIR),
    hostPathVolume('cnibin', HOST_CNI_BIN_DIR),
    hostPathVolume('hostroot', '/'),
    {
      name: 'multus-daemon-config',
      configMap: {
        name: DAEMON_CONFIG_MAP_NAME,
        items: [{ key: 'daemon-config.json', path: 'daemon-config.json' }],
      },
    },
    hostPathVolume('host-run', '/run'),
    hostPathVolume('host-var-lib-cni-multus', '/var/lib/cni/multus'),
    hostPathVolume('host-var-lib-kubelet', '/var/lib/kubelet'),
    hostPathVolume('host-run-k8s-cni-cncf-io', '/run/k8s.cni.cncf.io'),
    hostPathVolume('host-run-netns', '/run/netns/'),
    ...(withConfDir ? [hostPathVolume('multus-conf-dir', MULTUS_CONF_DIR)] : []),
  ];
}
