import { ApiObject } from 'cdk8s';
import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { CILIUM_CNI_CONF_FILE } from '../common/cni-facts';
import { checkPreset } from '../common/preset';
import { MultusLogLevel } from './multus-log-level';
import { MultusMode } from './multus-mode';
import { MultusProps } from './multus-props';
import { addMultusRbac } from './multus-rbac';
import { checkDefaultNetworkFile, checkImage, checkLogLevel, checkMode, checkNamespace, checkVersion } from './multus-validation';
import { MultusVersion } from './multus-version';
import { DAEMON_CONFIG_MAP_NAME, DAEMON_SET_NAME, MULTUS_LABELS, MULTUS_NAME } from './names';
import { MultusPodParts, daemonSetSpec } from './daemon-set-spec';
import { ThickOptions, thickDaemonConfig, thickPodParts } from './thick-daemon-set';
import { thinPodParts } from './thin-daemon-set';
import { ChartAddressPlan, PRIMARY_CNI_KIND, ensureNamespace } from '../plan';
import { MemberKind } from '../common/member-kind';
import { allowPrivilegedPods, labelManaged } from '../common/object-labels';

/**
 * Cilium with `cni-exclusive: true` renames every other CNI config in /etc/cni/net.d (Multus' 00-multus.conf
 * included) to `*.cilium_bak` (its agent's CNI install step), so every secondary network disappears. A
 * default network file that is not Cilium's, beside Cilium, is only a warning: it may be a chained config.
 */
function checkBesideCilium(multus: Multus): string[] {
  return ChartAddressPlan._membersOf(multus, PRIMARY_CNI_KIND).filter((c) => c.cniExclusive).map((c) => `cilium: cniExclusive true (${c.node.path}) beside Multus (${multus.node.path}): the Cilium agent renames every other CNI config, Multus' 00-multus.conf included, to *.cilium_bak, so every secondary network disappears; set cniExclusive to false`);
}

/** The warning half, in a before-check step (checks only return problems: warningsOf runs steps, not checks). */
function warnBesideCilium(multus: Multus): void {
  if (ChartAddressPlan._membersOf(multus, PRIMARY_CNI_KIND).length > 0 && multus.defaultNetworkFile !== CILIUM_CNI_CONF_FILE) {
    ChartAddressPlan.warn(multus, `multus: defaultNetworkFile "${multus.defaultNetworkFile}" is not Cilium's ${CILIUM_CNI_CONF_FILE} although Cilium is the primary CNI of this App; pods get their primary interface from that file`);
  }
}

/** The App's Multus constructs: each is checked against the App's primary CNI at synth. */
const MULTUS_KIND = new MemberKind<Multus>('Multus');

/**
 * Multus (v4.3.0 by default, v4.1.3 with `Preset.SEED`; see MultusVersion) as a meta-plugin on every node: the pods' default network stays the primary CNI's,
 * NetworkAttachmentDefinitions add secondary interfaces (OVN-Kubernetes networks).
 *
 * The default network is pinned to one CNI config file (`defaultNetworkFile`, Cilium's
 * `05-cilium.conflist`) instead of upstream's "alphabetically first file of /etc/cni/net.d". Cilium writes
 * its file only once its agent is ready, so on a node where OVN-Kubernetes is ready first the first file is
 * `10-ovn-kubernetes.conf`, and Multus would make OVN-Kubernetes the default network of every pod on that
 * node; the thin plugin does not even regenerate its config when Cilium's file appears later. Pinned,
 * Multus waits (its pod restarts) until Cilium's file exists. Residual window, outside Multus: until Multus
 * has written `00-multus.conf`, the kubelet itself uses the first file of the directory, which can be
 * OVN-Kubernetes' for pods started in that window.
 *
 * Renders ServiceAccount/ClusterRole/ClusterRoleBinding `multus`, DaemonSet `kube-multus-ds` and, thick,
 * ConfigMap `multus-daemon-config`. The NetworkAttachmentDefinition CRD comes from `NetworkCrds`.
 */
export class Multus extends Construct {
  /** Thin or thick. */
  public readonly mode: MultusMode;
  /** The release. */
  public readonly version: MultusVersion;
  /** The image of the Multus pods. */
  public readonly image: string;
  /** Namespace of the Multus objects. */
  public readonly namespace: string;
  /** The CNI config file every pod's default network comes from. */
  public readonly defaultNetworkFile: string;
  /** Name of the ServiceAccount. */
  public readonly serviceAccountName: string = MULTUS_NAME;
  /** The DaemonSet `kube-multus-ds`. */
  public readonly daemonSet: k8s.KubeDaemonSet;
  /** Thick only: the ConfigMap `multus-daemon-config`. */
  public readonly daemonConfig?: k8s.KubeConfigMap;

  constructor(scope: Construct, id: string, props: MultusProps = {}) {
    super(scope, id);
    this.mode = checkMode(props.mode ?? MultusMode.THIN);
    const preset = checkPreset(props.preset); // checked even when version is given: a bad prop is never ignored
    this.version = checkVersion(props.version ?? MultusVersion.defaultFor(preset));
    this.image = checkImage(props.image ?? this.version.image(this.mode));
    this.namespace = checkNamespace(props.namespace ?? 'kube-system');
    this.defaultNetworkFile = checkDefaultNetworkFile(props.defaultNetworkFile ?? CILIUM_CNI_CONF_FILE);
    const logLevel = checkLogLevel(props.logLevel);
    ChartAddressPlan._join(this, MULTUS_KIND, this, (all) => all.flatMap(checkBesideCilium));
    ChartAddressPlan._beforeCheck(this, () => warnBesideCilium(this));
    const thick = this.mode === MultusMode.THICK;

    const namespace = ensureNamespace(this, this.namespace);
    // Multus' pods are privileged with hostPath volumes: a namespace rendered here admits them.
    if (namespace) allowPrivilegedPods(namespace);
    addMultusRbac(this, this.namespace, thick);
    const common = { image: this.image, defaultNetworkFile: this.defaultNetworkFile, waitForDefaultNetwork: props.waitForDefaultNetwork ?? true };
    let parts: MultusPodParts;
    if (thick) {
      const options = { ...common, logLevel: logLevel ?? MultusLogLevel.VERBOSE, installer: this.version.thickInstaller };
      this.daemonConfig = this.addDaemonConfig(options);
      parts = thickPodParts(options);
    } else {
      parts = thinPodParts({ ...common, logLevel });
    }
    this.daemonSet = new k8s.KubeDaemonSet(this, 'DaemonSet', {
      metadata: { name: DAEMON_SET_NAME, namespace: this.namespace, labels: { ...MULTUS_LABELS } },
      spec: daemonSetSpec(parts),
    });
    // A namespace of the user's choice must exist before the objects in it.
    if (namespace) this.node.findAll().filter(ApiObject.isApiObject).filter((o) => o !== namespace).forEach((o) => (o as ApiObject).addDependency(namespace));
    labelManaged(this); // app.kubernetes.io/managed-by on every object (src/common/object-labels)
  }

  /** Thick: ConfigMap `multus-daemon-config`, which multus-daemon reads. */
  private addDaemonConfig(options: ThickOptions): k8s.KubeConfigMap {
    return new k8s.KubeConfigMap(this, 'DaemonConfig', {
      metadata: { name: DAEMON_CONFIG_MAP_NAME, namespace: this.namespace, labels: { tier: 'node', app: 'multus' } },
      data: { 'daemon-config.json': thickDaemonConfig(options) },
    });
  }
}
