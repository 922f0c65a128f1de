import { Preset } from '../common/preset';
import { MultusLogLevel } from './multus-log-level';
import { MultusMode } from './multus-mode';
import { MultusVersion } from './multus-version';

/** Settings of the Multus deployment. */
export interface MultusProps {
  /**
   * Thin or thick plugin.
   * @default MultusMode.THIN (as in the seed)
   */
  readonly mode?: MultusMode;

  /**
   * Which release `version` defaults to: `Preset.CURRENT` (v4.3.0) or `Preset.SEED` (v4.1.3, the seed's).
   * Ignored when `version` is given.
   * @default Preset.CURRENT
   */
  readonly preset?: Preset;

  /**
   * The Multus release: its images and the small differences between the release files.
   * @default - the preset's: MultusVersion.V4_3_0, or MultusVersion.V4_1_3 with Preset.SEED
   */
  readonly version?: MultusVersion;

  /**
   * Image of the Multus pods, e.g. a mirror or a digest-pinned reference. Must be the flavour `mode` needs:
   * the thin image has no `multus-daemon`, the thick one no `/thin_entrypoint`.
   * @default version.image(mode), e.g. ghcr.io/k8snetworkplumbingwg/multus-cni:v4.3.0 (thin) or :v4.3.0-thick
   */
  readonly image?: string;

  /**
   * Namespace of the ServiceAccount, the DaemonSet and (thick) the ConfigMap.
   * @default 'kube-system' (as upstream)
   */
  readonly namespace?: string;

  /**
   * File name, in the node's `/etc/cni/net.d`, of the CNI config that becomes every pod's default network.
   * Multus otherwise takes the alphabetically first file; pinning it keeps a secondary CNI that is ready
   * first (OVN-Kubernetes' `10-ovn-kubernetes.conf`) from becoming the default network.
   * @default '05-cilium.conflist' (the file the Cilium agent writes)
   */
  readonly defaultNetworkFile?: string;

  /**
   * Also make the default network's file Multus' readiness indicator: thin, each CNI ADD waits up to 45 s
   * for the file instead of failing at once; thick, the daemon waits for it at start and restarts when it is
   * removed (the default network went away, e.g. while the Cilium agent is reinstalled).
   * @default true
   */
  readonly waitForDefaultNetwork?: boolean;

  /**
   * Log level. Thin: `--multus-log-level`; thick: `logLevel` of `daemon-config.json`.
   * @default - thin: not set (Multus' built-in default); thick: MultusLogLevel.VERBOSE (as upstream)
   */
  readonly logLevel?: MultusLogLevel;
}
