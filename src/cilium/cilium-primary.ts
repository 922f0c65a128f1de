import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Cidr, IpFamily, RangeRole } from '../addressing';
import { ChartAddressPlan } from '../plan';
import { addAgent } from './agent';
import { CiliumPrimaryProps } from './cilium-primary-props';
import { ciliumConfigData } from './config';
import { addEnvoy } from './envoy';
import { addHubbleCertgen, addHubblePeer } from './hubble';
import { CNI_CONF_FILE, CONFIG_MAP, NAMESPACE } from './names';
import { addOperator } from './operator';
import { addRbac } from './rbac';
import { resolveSettings } from './settings';

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
    const s = resolveSettings(props);
    this.podCidrs = s.podCidrs;
    this.families = Cidr.familiesOf(s.podCidrs);
    this.cniExclusive = s.cniExclusive;
    ChartAddressPlan._join(this, 'CiliumPrimary', this);

    // The same range given to DeceptiveNetworkConfig as primaryPodCidrs is one range with two owners; in
    // cluster-pool mode the mask size is the per-node split, checked by the plan against the node count.
    const plan = ChartAddressPlan.of(this);
    for (const cidr of s.podCidrs) {
      const hostPrefix = cidr.family === IpFamily.IPV4 ? s.ipv4MaskSize : s.ipv6MaskSize;
      plan.register({ name: `cilium ${s.ipamMode} pod range`, cidr, role: RangeRole.PRIMARY_POD, owner: this.node.path, hostPrefix });
    }

    addRbac(this, s.version);
    this.config = new k8s.KubeConfigMap(this, 'config', {
      metadata: { name: CONFIG_MAP, namespace: NAMESPACE },
      data: ciliumConfigData(s),
    });
    this.agent = addAgent(this, s);
    addEnvoy(this, s);
    this.operator = addOperator(this, s);
    addHubblePeer(this, s);
    if (s.hubbleTls) addHubbleCertgen(this, s);
  }
}
