import { Construct } from 'constructs';
import { AddressPlan, Cidr, ClusterSubnet, IpFamily, RangeRole } from '../addressing';
import type { IOvnAddressPlan } from '../ovn';
import { ADDRESS_CONFIG_KIND, AUTOMATIC_DECOY_KIND, AddressConfigMember, ChartAddressPlan, DEFAULT_NODE_COUNT, PRIMARY_CNI_KIND, onlyOne } from '../plan';
import { parseCidrList } from '../common/cidr-list';
import type { CiliumPrimary } from '../cilium';
import { invalidValue } from '../common/field-error';
import { ipv4NodeMaskWarning, masqueradeProblem, nodeMaskProblem, nodeMaskSizes, perNodeSubnetProblem, serviceRangeProblem } from './control-plane-limits';
import { DecoyNetwork } from './decoy-network';

/** The cluster's real ranges, and the OVN-Kubernetes ranges to use beside them. */
export interface DeceptiveNetworkConfigProps {
  /**
   * Pod ranges the primary CNI (Cilium) owns; one per family. In Cilium's `kubernetes` IPAM mode this is
   * the cluster's podSubnet (kube-controller-manager `--cluster-cidr`).
   * @default ['10.244.0.0/16'] (kind's podSubnet, as in the seed)
   */
  readonly primaryPodCidrs?: string[];
  /**
   * The cluster's Service ranges; OVN-Kubernetes gets the real ones as `svc_cidr`.
   * @default ['10.96.0.0/16'] (kind's serviceSubnet)
   */
  readonly serviceCidrs?: string[];
  /**
   * Networks the nodes' own addresses come from.
   * @default ['172.18.0.0/16'] (kind's docker network)
   */
  readonly nodeNetworks?: string[];
  /**
   * Nodes that each need a subnet of the decoy range (OVN-Kubernetes still allocates them).
   * @default 3 (the seed's kind cluster: one control plane, two workers)
   */
  readonly nodeCount?: number;
  /**
   * The decoy pod range given to OVN-Kubernetes as `net_cidr`.
   * @default DecoyNetwork.seed() (`10.254.0.0/16/24`)
   */
  readonly decoy?: DecoyNetwork;
  /**
   * OVN join subnets, one per family.
   * @default ['100.64.0.0/16'] and, with IPv6, 'fd98::/64'
   */
  readonly joinSubnets?: string[];
  /**
   * OVN transit switch subnets (interconnect mode), one per family. Reserved in central mode too, so that
   * switching modes cannot create an overlap.
   * @default ['100.88.0.0/16'] and, with IPv6, 'fd97::/64'
   */
  readonly transitSubnets?: string[];
  /**
   * OVN masquerade subnets, one per family.
   * @default ['169.254.0.0/17'] and, with IPv6, 'fd69::/112' (OVN-Kubernetes' helm/kind defaults)
   */
  readonly masqueradeSubnets?: string[];
  /**
   * Run OVN-Kubernetes as a secondary CNI (`OVN_SECONDARY_CNI_ENABLE`, `--secondary-cni`): it leaves
   * default-network pods to the primary CNI. Needs an image built with the option.
   * @default true
   */
  readonly secondaryCni?: boolean;
  /**
   * kube-controller-manager's `--node-cidr-mask-size` (single-stack only): the length of the pod range
   * each node gets from `primaryPodCidrs` (the cluster's podSubnet).
   * @default 24 for IPv4, 64 for IPv6 (kube-controller-manager's defaults)
   */
  readonly nodeMaskSize?: number;
  /**
   * kube-controller-manager's `--node-cidr-mask-size-ipv4`.
   * @default 24
   */
  readonly nodeMaskSizeIpv4?: number;
  /**
   * kube-controller-manager's `--node-cidr-mask-size-ipv6`.
   * @default 64
   */
  readonly nodeMaskSizeIpv6?: number;
  /**
   * Whether the primary CNI takes each node's pod range from kube-controller-manager (`spec.podCIDR`, Cilium's
   * `ipam: kubernetes`). Then a pod range that kube-controller-manager cannot cut into one range per node is
   * refused; otherwise (Cilium's cluster-pool) it is only a warning, since the nodes' podCIDRs go unused.
   * @default true
   */
  readonly podRangesFromNodes?: boolean;
  /**
   * The cluster's primary CNI, to read its pod ranges from: the pod ranges are then stated once, on the
   * `CiliumPrimary` (`podCidrs`, or its cluster-pool pools), and `primaryPodCidrs` and `podRangesFromNodes`
   * follow it. Giving `primaryPodCidrs` too is refused when they differ.
   * @default - none: `primaryPodCidrs` as given (a `CiliumPrimary` created later in the App without
   * `podCidrs` takes these ranges)
   */
  readonly cilium?: CiliumPrimary;
}

/** The plan's name of a kept automatic decoy (DecoyNetwork.kept): an overlap message says where it came from. */
export const KEPT_DECOY_NAME = 'ovn net_cidr (automatic decoy kept from the previous output)';

const SEED_DECOY = '10.254.0.0/16/24';

const DEFAULTS = {
  join: { [IpFamily.IPV4]: '100.64.0.0/16', [IpFamily.IPV6]: 'fd98::/64' },
  transit: { [IpFamily.IPV4]: '100.88.0.0/16', [IpFamily.IPV6]: 'fd97::/64' },
  masquerade: { [IpFamily.IPV4]: '169.254.0.0/17', [IpFamily.IPV6]: 'fd69::/112' },
};

/**
 * The "deception" that lets OVN-Kubernetes run beside Cilium: OVN-Kubernetes is told a decoy pod range
 * (`net_cidr`) that nobody uses, so it never claims the addresses Cilium owns, and the real Service range
 * (`svc_cidr`). Registers every range in the chart's AddressPlan; synth fails listing every overlap.
 * Renders no Kubernetes object itself: OvnSecondary reads these settings.
 */
export class DeceptiveNetworkConfig extends Construct implements IOvnAddressPlan {
  /** The cluster's families, from the primary pod ranges (IPv4 first). */
  public readonly families: IpFamily[];
  /** Primary pod ranges (Cilium's). */
  public readonly primaryPodCidrs: Cidr[];
  /** Service ranges. */
  public readonly serviceCidrs: Cidr[];
  /** Node networks. */
  public readonly nodeNetworks: Cidr[];
  /** OVN join subnets, one per family. */
  public readonly joinSubnets: Cidr[];
  /** OVN transit subnets, one per family. */
  public readonly transitSubnets: Cidr[];
  /** OVN masquerade subnets, one per family. */
  public readonly masqueradeSubnets: Cidr[];
  /** Expected node count. */
  public readonly nodeCount: number;
  /** Whether OVN-Kubernetes runs as a secondary CNI. */
  public readonly secondaryCni: boolean;
  private readonly nodeMaskSizes: Record<IpFamily, number>;
  /** The chart's plan, holding every range above. */
  public readonly plan: AddressPlan;

  constructor(scope: Construct, id: string, props: DeceptiveNetworkConfigProps = {}) {
    super(scope, id);
    props = fromCilium(this, props);
    this.primaryPodCidrs = parseCidrList('primaryPodCidrs', props.primaryPodCidrs ?? ['10.244.0.0/16'], { perFamily: true });
    this.serviceCidrs = parseCidrList('serviceCidrs', props.serviceCidrs ?? ['10.96.0.0/16'], { perFamily: true });
    this.nodeNetworks = parseCidrList('nodeNetworks', props.nodeNetworks ?? ['172.18.0.0/16'], { perFamily: false });
    this.families = Cidr.familiesOf(this.primaryPodCidrs);
    this.nodeCount = props.nodeCount ?? DEFAULT_NODE_COUNT;
    if (!Number.isInteger(this.nodeCount) || this.nodeCount < 1) {
      throw invalidValue('nodeCount', props.nodeCount, 'a whole number of nodes, at least 1');
    }
    this.secondaryCni = props.secondaryCni ?? true;
    this.joinSubnets = this.internal('joinSubnets', props.joinSubnets, DEFAULTS.join);
    this.transitSubnets = this.internal('transitSubnets', props.transitSubnets, DEFAULTS.transit);
    this.masqueradeSubnets = this.internal('masqueradeSubnets', props.masqueradeSubnets, DEFAULTS.masquerade);

    this.nodeMaskSizes = nodeMaskSizes(this.families, { nodeMaskSize: props.nodeMaskSize, nodeMaskSizeIpv4: props.nodeMaskSizeIpv4, nodeMaskSizeIpv6: props.nodeMaskSizeIpv6 });
    this.checkControlPlaneLimits(props);

    this.plan = ChartAddressPlan.of(this);
    ChartAddressPlan._join(this, ADDRESS_CONFIG_KIND, this, (all) => [
      ...onlyOne('DeceptiveNetworkConfig', 'OVN-Kubernetes has one net_cidr/svc_cidr')(all),
      ...all.flatMap(primaryRangeAgreement),
    ]);
    this.registerRanges();

    if (props.decoy === undefined && this.families.join('+') !== IpFamily.IPV4) {
      // The seed's decoy is IPv4 only; OVN-Kubernetes needs one per family of the cluster (checkIPFamilies).
      const example = this.families.map((f) => (f === IpFamily.IPV4 ? '10.254.0.0/16/24' : 'fd00:10:254::/48/64')).join(',');
      throw new Error(`decoy: not set, and its default ${SEED_DECOY} is IPv4 only while the primary pod ranges are ${this.families.join('+')}: set decoy to auto (a free block per family; DecoyNetwork.automatic()) or to one cluster subnet per family, e.g. "${example}" (DecoyNetwork.fixed(...))`);
    }
    this.decoy = props.decoy ?? DecoyNetwork.seed();
    // The output records whether the decoy is an automatic choice, so the next synth can keep it.
    if (this.decoy._automatic || this.decoy._kept) ChartAddressPlan._join(this, AUTOMATIC_DECOY_KIND, this);
    if (this.decoy._automatic) {
      // Chosen when the plan is checked, when every range of the cluster (networks included) is known.
      ChartAddressPlan._beforeCheck(this, () => this.resolveDecoy(), true);
    } else {
      this.resolveDecoy();
    }
  }

  /**
   * What kube-controller-manager and OVN-Kubernetes would refuse: per-node pod ranges (a warning only when
   * the primary CNI does not use them), Service ranges and the OVN-internal subnets.
   */
  private checkControlPlaneLimits(props: DeceptiveNetworkConfigProps): void {
    const nodeRanges = this.primaryPodCidrs
      .map((c, i) => nodeMaskProblem(`primaryPodCidrs[${i}]`, c, this.nodeMaskSizes[c.family], this.nodeCount, maskFieldOf(props, c.family)))
      .filter((p): p is string => p !== undefined);
    if (props.podRangesFromNodes ?? true) {
      if (nodeRanges.length > 0) throw new Error(nodeRanges[0]);
    } else {
      nodeRanges.forEach((p) => ChartAddressPlan.warn(this, `${p} (a warning: the primary CNI does not use the nodes' podCIDRs, but kube-controller-manager still allocates them when it runs with --allocate-node-cidrs, as on kind)`));
    }
    this.primaryPodCidrs
      .map((c, i) => ipv4NodeMaskWarning(`primaryPodCidrs[${i}]`, c, this.nodeMaskSizes[c.family], maskFieldOf(props, c.family)))
      .forEach((w) => w && ChartAddressPlan.warn(this, w));
    const limits = [
      ...this.serviceCidrs.map((c, i) => serviceRangeProblem(`serviceCidrs[${i}]`, c)),
      ...this.joinSubnets.map((c, i) => perNodeSubnetProblem(`joinSubnets[${i}]`, c, this.nodeCount, 'gateway router join')),
      ...this.transitSubnets.map((c, i) => perNodeSubnetProblem(`transitSubnets[${i}]`, c, this.nodeCount, 'transit switch')),
      ...this.masqueradeSubnets.map((c, i) => masqueradeProblem(`masqueradeSubnets[${i}]`, c)),
    ].filter((p): p is string => p !== undefined);
    if (limits.length > 0) throw new Error(limits[0]);
  }

  /** Every range but the decoy, in the chart's AddressPlan. */
  private registerRanges(): void {
    const owner = this.node.path;
    const register = (name: string, role: RangeRole, cidrs: Cidr[], nodeCount?: number) =>
      cidrs.forEach((cidr) => this.plan.register({ name, role, owner, cidr, nodeCount }));
    register('node network', RangeRole.NODE_NETWORK, this.nodeNetworks);
    register('cluster service range', RangeRole.SERVICE, this.serviceCidrs);
    // The node count reaches the primary CNI's per-node split once it registers one (Cilium cluster-pool).
    register('primary pod range', RangeRole.PRIMARY_POD, this.primaryPodCidrs, this.nodeCount);
    register('ovn join subnet', RangeRole.OVN_JOIN, this.joinSubnets);
    register('ovn transit subnet', RangeRole.OVN_TRANSIT, this.transitSubnets);
    register('ovn masquerade subnet', RangeRole.OVN_MASQUERADE, this.masqueradeSubnets);
  }

  /**
   * The decoy, one cluster subnet per family. An automatic decoy is chosen when the App is checked (synth,
   * or `ChartAddressPlan.problemsOf`), once every range is registered; reading it earlier is an error, never
   * a choice (a getter has no side effect).
   */
  public get decoySubnets(): ClusterSubnet[] {
    if (this.resolved === undefined) {
      throw new Error(`decoy: the automatic decoy of ${this.node.path} is chosen when the App is checked, once every range exists; read decoySubnets or netCidr after ChartAddressPlan.problemsOf(scope) or at synth`);
    }
    return this.resolved;
  }

  /** OVN-Kubernetes `net_cidr`: the decoy, e.g. `10.254.0.0/16/24` (an automatic one once chosen: see `decoySubnets`). */
  public get netCidr(): string {
    return ClusterSubnet.formatList(this.decoySubnets);
  }

  private readonly decoy: DecoyNetwork;
  private resolved?: ClusterSubnet[];

  private resolveDecoy(): ClusterSubnet[] {
    if (this.resolved === undefined) {
      this.resolved = this.decoy._resolve(this.plan, this.families);
      this.plan.registerClusterSubnets({
        name: this.decoy._kept ? KEPT_DECOY_NAME : 'ovn net_cidr (decoy)',
        role: RangeRole.DECOY_POD,
        owner: this.node.path,
        subnets: this.resolved,
        nodeCount: this.nodeCount,
      });
    }
    return this.resolved;
  }

  /** OVN-Kubernetes `svc_cidr`: the real Service ranges, comma-separated. */
  public get svcCidr(): string {
    return this.serviceCidrs.map((c) => c.toString()).join(',');
  }

  /** kube-controller-manager's per-node pod range length for a family (`--node-cidr-mask-size[-ipv4|-ipv6]`). */
  public nodeMaskSize(family: IpFamily): number {
    return this.nodeMaskSizes[family];
  }

  /** The join subnet of a family, if the cluster has that family. */
  public joinSubnet(family: IpFamily): string | undefined {
    return this.joinSubnets.find((c) => c.family === family)?.toString();
  }

  /** The transit subnet of a family, if the cluster has that family. */
  public transitSubnet(family: IpFamily): string | undefined {
    return this.transitSubnets.find((c) => c.family === family)?.toString();
  }

  /** The masquerade subnet of a family, if the cluster has that family. */
  public masqueradeSubnet(family: IpFamily): string | undefined {
    return this.masqueradeSubnets.find((c) => c.family === family)?.toString();
  }

  private internal(field: string, given: string[] | undefined, defaults: Record<IpFamily, string>): Cidr[] {
    const cidrs = given === undefined
      ? this.families.map((f) => Cidr.parse(defaults[f]))
      : parseCidrList(field, given, { perFamily: true });
    const got = Cidr.familiesOf(cidrs);
    if (got.join('+') !== this.families.join('+')) {
      throw invalidValue(field, given,
        `one subnet per family of the primary pod ranges (${this.families.join('+')}), not ${got.join('+') || 'no family'}`);
    }
    return cidrs;
  }
}

/**
 * Cilium's pod ranges and the cluster's (this config's primaryPodCidrs) are one fact: in kubernetes IPAM
 * Cilium uses the nodes' podCIDRs cut from the cluster's podSubnet; in cluster-pool its pools are the pod
 * range. Two different statements would leave one of them silently wrong.
 */
function primaryRangeAgreement(config: AddressConfigMember): string[] {
  const text = (cidrs: Cidr[]) => cidrs.map(String).sort().join(', ');
  const ours = text(config.primaryPodCidrs);
  return ChartAddressPlan._membersOf(config.node.root, PRIMARY_CNI_KIND)
    .filter((c) => text(c.podCidrs) !== ours)
    .map((c) => `plan: primary pod ranges differ: CiliumPrimary ${c.node.path} allocates pod addresses from [${text(c.podCidrs)}] but DeceptiveNetworkConfig ${config.node.path} has primaryPodCidrs [${ours}]; they are one range (the cluster's pod range), give the same to both`);
}

/** `cilium` given: its pod ranges are the primary pod ranges (one statement); a different `primaryPodCidrs` is refused. */
function fromCilium(config: Construct, props: DeceptiveNetworkConfigProps): DeceptiveNetworkConfigProps {
  const cilium = props.cilium;
  if (cilium === undefined) return props;
  const theirs = cilium.podCidrs.map(String);
  const text = (list: string[]) => [...list].sort().join(', ');
  if (props.primaryPodCidrs !== undefined) {
    let ours: string;
    try {
      ours = text(parseCidrList('primaryPodCidrs', props.primaryPodCidrs, { perFamily: true }).map(String));
    } catch {
      ours = text(props.primaryPodCidrs);
    }
    if (ours !== text(theirs)) {
      throw new Error(`primaryPodCidrs: invalid value ${JSON.stringify(props.primaryPodCidrs)}: expected the pod ranges of CiliumPrimary ${cilium.node.path} given as cilium ([${text(theirs)}]), or no primaryPodCidrs (${config.node.path} reads Cilium's)`);
    }
  }
  return { ...props, primaryPodCidrs: theirs, podRangesFromNodes: props.podRangesFromNodes ?? cilium.podRangesFromNodes };
}

function maskFieldOf(props: DeceptiveNetworkConfigProps, family: IpFamily): string {
  if (props.nodeMaskSize !== undefined) return 'nodeMaskSize';
  const field = family === IpFamily.IPV4 ? 'nodeMaskSizeIpv4' : 'nodeMaskSizeIpv6';
  return props[field] !== undefined ? field : `${field}, kube-controller-manager's default`;
}

