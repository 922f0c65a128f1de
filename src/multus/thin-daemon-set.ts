import { hostPathVolume } from '../util/host-path-volume';
import { MultusLogLevel } from './multus-log-level';
import { HOST_CNI_BIN_DIR, HOST_CNI_CONF_DIR, POD_CNI_BIN_DIR, POD_CNI_CONF_DIR } from './names';
import { MultusPodParts, MAIN_RESOURCES, installer } from './daemon-set-spec';

/** Settings of the pod, resolved from MultusProps. */
export interface ThinOptions {
  readonly image: string;
  readonly defaultNetworkFile: string;
  readonly waitForDefaultNetwork: boolean;
  readonly logLevel?: MultusLogLevel;
}

/**
 * The thin plugin's pod, after upstream v4.1.3 `deployments/multus-daemonset.yml`. Upstream's
 * `multus-cni-config` ConfigMap (a flannel example read only without `--multus-conf-file=auto`) is left out.
 */
export function thinPodParts(options: ThinOptions): MultusPodParts {
  const args = [
    '--multus-conf-file=auto',
    `--multus-autoconfig-dir=${POD_CNI_CONF_DIR}`,
    `--cni-conf-dir=${POD_CNI_CONF_DIR}`,
    // Without it thin_entrypoint takes the alphabetically first .conf/.conflist. With it, it fails and the
    // pod restarts until the file exists, so 00-multus.conf never delegates to another CNI.
    `--multus-master-cni-file-name=${options.defaultNetworkFile}`,
  ];
  if (options.waitForDefaultNetwork) {
    // Written into 00-multus.conf and checked by the multus binary on the host: a host path.
    args.push(`--readiness-indicator-file=${HOST_CNI_CONF_DIR}/${options.defaultNetworkFile}`);
  }
  if (options.logLevel !== undefined) {
    args.push(`--multus-log-level=${options.logLevel}`);
  }
  return {
    hostPid: false,
    container: {
      name: 'kube-multus',
      image: options.image,
      command: ['/thin_entrypoint'],
      args,
      resources: MAIN_RESOURCES,
      securityContext: { privileged: true },
      terminationMessagePolicy: 'FallbackToLogsOnError',
      volumeMounts: [
        { name: 'cni', mountPath: POD_CNI_CONF_DIR },
        { name: 'cnibin', mountPath: POD_CNI_BIN_DIR },
      ],
    },
    installer: installer(options.image, ['/install_multus'], ['--type', 'thin']),
    volumes: [hostPathVolume('cni', HOST_CNI_CONF_DIR), hostPathVolume('cnibin', HOST_CNI_BIN_DIR)],
  };
}
