import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { labelManaged } from '../common/object-labels';
import { Construct } from 'constructs';
import { Cidr, IpFamily, RangeRole } from '../addressing';
import { TUNNEL_PORT_KIND, TunnelPortMember, tunnelPortConflicts } from '../common/tunnel-ports';
import { ADDRESS_CONFIG_KIND, ChartAddressPlan } from '../plan';
import { addAgent } from './agent';
import { CiliumPrimaryProps } from './cilium-primary-props';
import { addConfigMap } from './config';
import { addEnvoy } from './envoy';
import { addHubbleCertgen, addHubblePeer } from './hubble';
import { CNI_CONF_FILE, NAMESPACE } from './names';
import { addOperator } from './operator';
import { addRbac } from './rbac';
import { CiliumSettings, resolveSettings } from './settings';
import { tunnelDevicePort } from './settings-routing';

/**
 * Cilium as the cluster's primary CNI, rendered natively (no Helm at synth time): the objects the
 * official Cilium Helm chart of the chosen `version` (1.16.7 by default) renders for the chosen settings,
 * in namespace kube-system (from 1.18 also the namespace cilium-secrets), minus any private key (see
 * `HubbleTls`). Registers its pod ranges in the chart's AddressPlan.
 *
 * Defaults reproduce the seed's install (`ipam.mode=kubernetes`, `cni.exclusive=false`,
 * `image.pullPolicy=IfNotPresent`). No CRDs are rendered: the operator registers the cilium.io CRDs
 * when it starts, so Cilium custom resources cannot be applied in the same pass.
 *
 * Checked object for object against `helm template` of each packaged chart (test/fidelity); the only
 * differences are deliberate: no key Secrets (certgen instead), no Helm hook annotation on the certgen
 * Job and one name for it in every version, no AWS-VPC-CNI clean-up hook on the agent.
 */
export class CiliumPrimary extends Construct {
  /** The CNI config file the agent writes into /etc/cni/net.d once ready (Multus' default network). */
  public static readonly CNI_CONF_FILE = CNI_CONF_FILE;
  /** The namespace of every Cilium object. */
  public static readonly NAMESPACE = NAMESPACE;

  /** The namespace of every Cilium object. */
  public readonly namespace: string = NAMESPACE;
  /** The pod ranges Cilium allocates from (`podCidrs`, or the cluster-pool pools). */
  public readonly podCidrs: Cidr[];
  /** Whether the agent takes each node's pod range from kube-controller-manager (`spec.podCIDR`, `ipam: kubernetes`). */
  public readonly podRangesFromNodes: boolean;
  /** The families Cilium runs with, IPv4 first. */
  public readonly families: IpFamily[];
  /** Whether Cilium renames other CNI configs away (`cni-exclusive`); must be false beside Multus. */
  public readonly cniExclusive: boolean;
  /** The `cilium-config` ConfigMap. */
  public readonly config: k8s.KubeConfigMap;
  /** The agent DaemonSet `cilium`. */
  public readonly agent: k8s.KubeDaemonSet;
  /** The operator Deployment `cilium-operator`. */
  public readonly operator: k8s.KubeDeployment;

  constructor(scope: Construct, id: string, props: CiliumPrimaryProps = {}) {
    super(scope, id);
    const settings = resolveSettings(withAppPodRanges(this, props));
    this.podCidrs = settings.podCidrs;
    this.podRangesFromNodes = settings.ipamMode !== 'cluster-pool';
    this.families = Cidr.familiesOf(settings.podCidrs);
    this.cniExclusive = settings.cniExclusive;
    ChartAddressPlan._join(this, 'CiliumPrimary', this);
    // The tunnel's UDP port against OVN-Kubernetes' Geneve port: an App-wide fact, checked at synth (why: common/tunnel-ports).
    ChartAddressPlan._join<TunnelPortMember>(this, TUNNEL_PORT_KIND, { component: 'cilium', ...tunnelDevicePort(settings), node: this.node }, tunnelPortConflicts);
    this.registerPodRanges(settings);

    // One builder pattern: each part is a function `addX(scope, settings)` that adds its objects directly
    // under this construct, with ids naming their role here (`AgentDaemonSet`, `HubbleCertgenJob`). The
    // parts hold no state of their own and are not reused elsewhere: they all render one checked
    // CiliumSettings, so a Construct class per part would only add tree levels. (UnconfinedDaemonSet is
    // a kind of object, not a part.)
    addRbac(this, settings.version);
    this.config = addConfigMap(this, settings);
    this.agent = addAgent(this, settings);
    addEnvoy(this, settings);
    this.operator = addOperator(this, settings);
    addHubblePeer(this, settings);
    if (settings.hubbleTls) addHubbleCertgen(this, settings);
    labelManaged(this); // app.kubernetes.io/managed-by on every object (src/common/object-labels)
  }

  /**
   * The same range given to DeceptiveNetworkConfig as primaryPodCidrs is one range with two owners; in
   * cluster-pool mode the mask size is the per-node split, checked by the plan against the node count.
   */
  private registerPodRanges(settings: CiliumSettings): void {
    const plan = ChartAddressPlan.of(this);
    for (const cidr of settings.podCidrs) {
      const hostPrefix = cidr.family === IpFamily.IPV4 ? settings.ipv4MaskSize : settings.ipv6MaskSize;
      plan.register({ name: `cilium ${settings.ipamMode} pod range`, cidr, role: RangeRole.PRIMARY_POD, owner: this.node.path, hostPrefix });
    }
  }
}

/**
 * Without `podCidrs` (kubernetes IPAM), the pod ranges of the App's DeceptiveNetworkConfig when one exists
 * already: the cluster's pod ranges are one fact, and a dual-stack cluster must not get Cilium's IPv4
 * default. (Created the other way round, DeceptiveNetworkConfig's `cilium` prop reads this one's.)
 */
function withAppPodRanges(scope: Construct, props: CiliumPrimaryProps): CiliumPrimaryProps {
  if (props.podCidrs !== undefined || props.ipam?.clusterPoolOptions !== undefined) return props;
  const configs = ChartAddressPlan._membersOf<{ primaryPodCidrs: Cidr[] }>(scope, ADDRESS_CONFIG_KIND);
  return configs.length === 1 ? { ...props, podCidrs: configs[0].primaryPodCidrs.map(String) } : props;
}
