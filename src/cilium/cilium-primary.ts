import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { labelManaged } from '../common/object-labels';
import { Construct } from 'constructs';
import { Cidr, IpFamily, RangeRole } from '../addressing';
import { CILIUM_WIREGUARD_OVERHEAD, CILIUM_WIREGUARD_PORT } from '../common/cni-facts';
import { TUNNEL_MTU_KIND, tunnelMtuWarnings } from '../common/tunnel-mtu';
import { HOST_PORT_KIND, hostPortConflicts } from '../common/host-ports';
import { TUNNEL_PORT_KIND, tunnelPortConflicts } from '../common/tunnel-ports';
import { ChartAddressPlan, PRIMARY_CNI_KIND } from '../plan';
import { addAgent } from './agent';
import { CiliumPrimaryProps } from './cilium-primary-props';
import { CiliumVersion } from './cilium-version';
import { addConfigMap } from './config';
import { CiliumEncryption } from './encryption';
import { addEnvoy } from './envoy';
import { addGatewayApi } from './gateway-api';
import { addHubbleCertgen, addHubblePeer } from './hubble';
import { addHubbleRelay } from './hubble-relay';
import { ciliumHostPorts } from './host-ports';
import { addHubbleUi } from './hubble-ui';
import { addMetricsServices, addServiceMonitors } from './metrics';
import { CNI_CONF_FILE, NAMESPACE } from './names';
import { addOperator } from './operator';
import { addRbac } from './rbac';
import { CiliumSettings, resolveSettings } from './settings';
import { tunnelDevicePort } from './settings-routing';

/**
 * Cilium as the cluster's primary CNI, rendered natively (no Helm at synth time): the objects the
 * official Cilium Helm chart of the chosen `version` (1.20.0 by default, 1.16.7 with `Preset.SEED`) renders for the chosen settings,
 * in namespace kube-system (from 1.18 also the namespace cilium-secrets), minus any private key (see
 * `HubbleTls`). Registers its pod ranges in the chart's AddressPlan.
 *
 * Defaults other than the release reproduce the seed's install (`ipam.mode=kubernetes`, `cni.exclusive=false`,
 * `image.pullPolicy=IfNotPresent`). No CRDs are rendered: the operator registers the cilium.io CRDs
 * when it starts, so Cilium custom resources cannot be applied in the same pass. From 1.18 on, WireGuard,
 * the bandwidth manager, BPF masquerading, the egress gateway, L2 announcements, BGP and Gateway API can be
 * turned on (docs/cilium-features.md); Gateway API's GatewayClass needs the Gateway API CRDs installed first.
 *
 * Checked object for object against `helm template` of each packaged chart (test/fidelity); the only
 * differences are deliberate: no key Secrets (certgen instead), no Helm hook annotation on the certgen
 * Job and its name hashed from its spec in every version, no AWS-VPC-CNI clean-up hook on the agent.
 * From 1.18 also Hubble Relay and UI, Hubble's flow metrics, the agents' Prometheus metrics and the
 * ServiceMonitors (`hubble`, `prometheus`, `serviceMonitors`; docs/cilium-features.md).
 */
export class CiliumPrimary extends Construct {
  /** The CNI config file the agent writes into /etc/cni/net.d once ready (Multus' default network). */
  public static readonly CNI_CONF_FILE = CNI_CONF_FILE;
  /** The namespace of every Cilium object. */
  public static readonly NAMESPACE = NAMESPACE;

  /** The namespace of every Cilium object. */
  public readonly namespace: string = NAMESPACE;
  /** The release rendered (`version`, else the preset's). */
  public readonly version: CiliumVersion;
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
  /** Whether L2 announcements are on (`l2Announcements`). */
  public readonly l2Announcements: boolean;
  /** Whether the BGP control plane is on (`bgpControlPlane`). */
  public readonly bgpControlPlane: boolean;
  /** Whether the egress gateway is on (`egressGateway`). */
  public readonly egressGateway: boolean;

  constructor(scope: Construct, id: string, props: CiliumPrimaryProps = {}) {
    super(scope, id);
    const settings = resolveSettings(props);
    this.version = settings.version;
    this.podCidrs = settings.podCidrs;
    this.podRangesFromNodes = settings.ipamMode !== 'cluster-pool';
    this.families = Cidr.familiesOf(settings.podCidrs);
    this.cniExclusive = settings.cniExclusive;
    // The features Cilium's custom resources need (cilium-resources refuses a resource whose feature is off).
    this.l2Announcements = settings.l2Announcements;
    this.bgpControlPlane = settings.bgpControlPlane;
    this.egressGateway = settings.egressGateway;
    ChartAddressPlan._join(this, PRIMARY_CNI_KIND, this);
    // The tunnel's UDP port against OVN-Kubernetes' Geneve port: an App-wide fact, checked at synth (why: common/tunnel-ports).
    ChartAddressPlan._join(this, TUNNEL_PORT_KIND, { component: 'cilium', ...tunnelDevicePort(settings), node: this.node }, tunnelPortConflicts);
    if (settings.encryption === CiliumEncryption.WIREGUARD) {
      ChartAddressPlan._join(this, TUNNEL_PORT_KIND, {
        component: 'cilium', port: CILIUM_WIREGUARD_PORT, source: 'fixed by the agent', setting: 'WireGuard port', fixed: true, node: this.node,
      }, tunnelPortConflicts);
      // With node encryption OVN-Kubernetes' Geneve packets go through WireGuard too (why: common/tunnel-mtu).
      if (settings.nodeEncryption) {
        ChartAddressPlan._beforeCheck(this, () => {
          const members = ChartAddressPlan._membersOf(this, TUNNEL_MTU_KIND);
          const encryption = { what: 'WireGuard, cilium pkg/mtu', overhead: CILIUM_WIREGUARD_OVERHEAD, path: this.node.path };
          for (const warning of tunnelMtuWarnings(members, encryption)) ChartAddressPlan.warn(this, warning);
        });
      }
    }
    // The servers' TCP ports against OVN-Kubernetes' (why: common/host-ports).
    ChartAddressPlan._join(this, HOST_PORT_KIND, { component: 'cilium', ports: ciliumHostPorts(settings), node: this.node }, hostPortConflicts);
    this.registerPodRanges(settings);
    if (settings.version.endOfLife) ChartAddressPlan.warn(this, endOfLifeWarning(settings.version));

    // One builder pattern: each part is a function `addX(scope, settings)` that adds its objects directly
    // under this construct, with ids naming their role here (`AgentDaemonSet`, `HubbleCertgenJob`). The
    // parts hold no state of their own and are not reused elsewhere: they all render one checked
    // CiliumSettings, so a Construct class per part would only add tree levels. (UnconfinedDaemonSet is
    // a kind of object, not a part.)
    addRbac(this, settings);
    this.config = addConfigMap(this, settings);
    this.agent = addAgent(this, settings);
    addEnvoy(this, settings);
    this.operator = addOperator(this, settings);
    addHubblePeer(this, settings);
    if (settings.hubbleTls) addHubbleCertgen(this, settings);
    if (settings.gatewayApi) addGatewayApi(this, settings.version.atLeast(20));
    if (settings.hubbleRelay) addHubbleRelay(this, settings);
    if (settings.hubbleUi) addHubbleUi(this, settings);
    addMetricsServices(this, settings);
    addServiceMonitors(this, settings);
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

/** One line: the release gets no fixes any more, and which releases do. */
function endOfLifeWarning(version: CiliumVersion): string {
  const supported = CiliumVersion.all().filter((v) => !v.endOfLife).reverse().map((v) => v.version);
  return `cilium: installs Cilium ${version.version}, which is end-of-life (the 1.${version.minor} line ended with ${version.lineEndedWith}: no more fixes, security fixes included), as the seed did; `
    + `for a supported Cilium drop preset: seed or set cilium.version to ${supported.slice(0, -1).join(', ')} or ${supported[supported.length - 1]}`;
}
