import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { AddressPlan, Cidr } from '../addressing';
import { CiliumPrimary, IpamMode } from '../cilium';
import { CiliumResources } from '../cilium-resources';
import { NetworkCrds } from '../crds';
import { DeceptiveNetworkConfig } from '../deception';
import { DemoPods } from '../demo';
import { Multus } from '../multus';
import { MultiNetworkPolicy, MultiNetworkPolicyOptions } from '../network-policy';
import { OvnNetwork, OvnNetworkProps } from '../networks';
import { OvnSecondary } from '../ovn';
import { ChartAddressPlan } from '../plan';
import { atField, atKeyPath, invalidValue, showValue } from '../common/field-error';
import { checkPreset } from '../common/preset';
import { MultiCniChartProps, NetworkChartProps } from './multi-cni-chart-props';

/** The seed's secondary network. */
export const SEED_NETWORK: OvnNetworkProps = { name: 'ovn-stream-veth', namespace: 'default', subnets: ['10.245.0.0/16/24'], mtu: 1300 };

/**
 * Cilium as the primary CNI and OVN-Kubernetes as a secondary CNI through Multus, with one address plan
 * checked at synth. The construct ids (`network-crds`, `cilium`, `multus`, `ovn-kubernetes`, `networks`,
 * `network-policies`, `demo`) name the output files and are part of the public contract.
 */
export class MultiCniChart extends Chart {
  /** The address plan's cluster and OVN ranges (renders nothing itself). */
  public readonly addressing: DeceptiveNetworkConfig;
  /** The k8s.cni.cncf.io CRDs. */
  public readonly networkCrds: NetworkCrds;
  /** Cilium, the primary CNI. */
  public readonly cilium: CiliumPrimary;
  /** Cilium's custom resources (pools, L2/BGP/egress policies), applied once the operator is up. */
  public readonly ciliumResources: CiliumResources;
  /** Multus, pinned to Cilium's CNI config file. */
  public readonly multus: Multus;
  /** OVN-Kubernetes, the secondary CNI. */
  public readonly ovn: OvnSecondary;
  /** The secondary networks, in the order given. */
  public readonly networks: OvnNetwork[];
  /** The networks' MultiNetworkPolicies, network by network in the order given. */
  public readonly networkPolicies: MultiNetworkPolicy[];
  /** The demo pods; undefined when `demo` is false. */
  public readonly demo?: DemoPods;

  constructor(scope: Construct, id: string, props: MultiCniChartProps) {
    super(scope, id, { disableResourceNameHashes: true, ...props });
    const { loadBalancerPools, l2AnnouncementPolicies, bgp, egressGatewayPolicies, ...ciliumProps } = props.cilium ?? {};
    if (props.addressing?.cilium !== undefined) {
      throw new Error(`addressing.cilium: invalid value CiliumPrimary ${props.addressing.cilium.node.path}: expected none: MultiCniChart builds its own CiliumPrimary (give its props as cilium) and wires the pod ranges itself`);
    }
    const preset = checkPreset(props.preset);
    checkOnePodRange(props);
    // Each component names only its own props; atField prefixes the section of the chart's props, once.
    this.addressing = atField('addressing', () => new DeceptiveNetworkConfig(this, 'addressing', {
      ...props.addressing,
      primaryPodCidrs: props.addressing?.primaryPodCidrs ?? ciliumPodCidrs(ciliumProps),
      podRangesFromNodes: props.addressing?.podRangesFromNodes ?? !ciliumProps.ipam?.clusterPoolOptions,
    }));
    this.networkCrds = atField('networkCrds', () => new NetworkCrds(this, 'network-crds', props.networkCrds));
    this.cilium = atField('cilium', () => new CiliumPrimary(this, 'cilium', {
      ...ciliumProps,
      preset: ciliumProps.preset ?? preset,
      podCidrs: ciliumProps.podCidrs ?? (ciliumProps.ipam?.clusterPoolOptions ? undefined : this.addressing.primaryPodCidrs.map(String)),
    }));
    this.ciliumResources = atField('cilium', () => new CiliumResources(this, 'cilium-resources', {
      cilium: this.cilium, loadBalancerPools, l2AnnouncementPolicies, bgp, egressGatewayPolicies,
    }));
    this.multus = atField('multus', () => new Multus(this, 'multus', {
      ...props.multus,
      preset: props.multus?.preset ?? preset,
      defaultNetworkFile: props.multus?.defaultNetworkFile ?? CiliumPrimary.CNI_CONF_FILE,
    }));
    this.ovn = atField('ovn', () => new OvnSecondary(this, 'ovn-kubernetes', {
      ...props.ovn,
      network: this.addressing,
      apiServer: props.apiServer,
    }));
    const networks = new Construct(this, 'networks');
    // `namespace.name`: a namespace has no ".", so `a-b`/`c` and `a`/`b-c` get different ids.
    const networkProps: NetworkChartProps[] = props.networks ?? [SEED_NETWORK];
    this.networks = networkProps.map(({ policies: _, ...n }, i) => atField(`networks[${i}]`, () => new OvnNetwork(networks, networkId(networks, n, i), {
      ...n,
      nodeCount: n.nodeCount ?? this.addressing.nodeCount,
    })));
    // After the networks (the file order of stage 2: a pod's policies exist before the demo pods start).
    const policies = new Construct(this, 'network-policies');
    this.networkPolicies = networkProps.flatMap((n, i) => (n.policies ?? []).map((p, j) => atKeyPath(`networks[${i}].policies[${j}]`,
      () => new MultiNetworkPolicy(policies, policyId(policies, p, this.networks[i], `${i}.${j}`), { ...p, network: this.networks[i] }))));
    if (props.demo ?? true) {
      if (this.networks.length === 0) {
        throw invalidValue('demo', props.demo ?? true, 'false while networks is empty (the demo pods attach to the first network), or a network in networks');
      }
      this.demo = atField('demo', () => new DemoPods(this, 'demo', { network: this.networks[0], pods: props.demoPods, nodeCount: this.addressing.nodeCount }));
    }
  }

  /**
   * Every problem synth would refuse this chart's App with (App-wide checks and the automatic decoy
   * included), empty when it synthesizes: the pull-request gate. `plan.check()` checks the ranges alone.
   */
  public problems(): string[] {
    return ChartAddressPlan.problemsOf(this);
  }

  /** The chart's address plan: every range, its role and its owner. */
  public get plan(): AddressPlan {
    return ChartAddressPlan.of(this);
  }
}

/** A network's construct id; a second network of the same namespace and name keeps its own id, and is refused by the plan. */
function networkId(scope: Construct, n: OvnNetworkProps, i: number): string {
  const id = `${n.namespace ?? 'default'}.${n.name}`;
  return scope.node.tryFindChild(id) ? `${id}#${i}` : id; // '#' is in no Kubernetes name
}

/** A policy's construct id, `namespace.name` as a network's (a second one of one name is refused by the policy). */
function policyId(scope: Construct, p: MultiNetworkPolicyOptions, network: OvnNetwork, at: string): string {
  const id = `${p.namespace ?? network.namespace}.${p.name}`;
  return scope.node.tryFindChild(id) ? `${id}#${at}` : id;
}

/**
 * `cilium.podCidrs` (or the cluster-pool pools) and `addressing.primaryPodCidrs` state the same fact, the
 * cluster's pod range; given both, they must agree.
 */
function checkOnePodRange(props: MultiCniChartProps): void {
  const given = props.addressing?.primaryPodCidrs;
  const cilium = props.cilium ?? {};
  const pools = cilium.ipam?.clusterPoolOptions?.podCidrs;
  const [field, ciliumCidrs] = pools ? ['cilium.clusterPool.podCidrs', pools] : ['cilium.podCidrs', cilium.podCidrs];
  if (!given || !ciliumCidrs || !Array.isArray(given) || !Array.isArray(ciliumCidrs)) return;
  const canonical = (list: string[]) => {
    try {
      return list.map((t) => Cidr.parse(t).toString()).sort().join(',');
    } catch {
      return undefined; // the component reports the bad text with its own key path
    }
  };
  const a = canonical(ciliumCidrs);
  const b = canonical(given);
  if (a !== undefined && b !== undefined && a !== b) {
    throw invalidValue(field, ciliumCidrs,
      `the ranges of addressing.primaryPodCidrs ${showValue(given)}, or only one of the two: both are the cluster's pod range (Cilium allocates pod addresses from it)`);
  }
}

/** In kubernetes IPAM mode Cilium uses the cluster's podSubnet; in cluster-pool mode, its own pool. */
function ciliumPodCidrs(cilium: { ipam?: IpamMode; podCidrs?: string[] }): string[] | undefined {
  return cilium.ipam?.clusterPoolOptions?.podCidrs ?? cilium.podCidrs;
}
