import { Cidr, IpFamily, nodeSubnetCount } from '../addressing';
import { KCM_DEFAULT_NODE_MASK } from '../common/control-plane-facts';
import { invalidValue } from '../common/field-error';
import { powerOfTwoText, withThousands } from '../util/text';

/**
 * Limits the real control plane enforces on the cluster's ranges, checked here so that a plan that a real
 * cluster would reject fails at synth instead. Each function names the component and the Go function.
 */

/** kube-controller-manager `cidrset.clusterSubnetMaxDiff`: an IPv6 node mask at most 16 bits longer than the cluster's. */
const KCM_MAX_DIFF_IPV6 = 16;

/** kube-apiserver `validateClusterIPFlags`: `maxCIDRBits = 20`, so /12 for IPv4 and /108 for IPv6 at the largest. */
const APISERVER_MAX_SERVICE_HOST_BITS = 20;

/** The node mask options, as kube-controller-manager's flags. */
export interface NodeMaskOptions {
  readonly nodeMaskSize?: number;
  readonly nodeMaskSizeIpv4?: number;
  readonly nodeMaskSizeIpv6?: number;
}

/**
 * The node mask per family, resolved as kube-controller-manager's `setNodeCIDRMaskSizes`
 * (cmd/kube-controller-manager/app/core.go) does, with its errors.
 */
export function nodeMaskSizes(families: IpFamily[], options: NodeMaskOptions): Record<IpFamily, number> {
  for (const [field, v] of Object.entries(options)) {
    if (v !== undefined && (!Number.isInteger(v) || v < 1 || v > 128)) {
      throw invalidValue(field, v, `a prefix length (kube-controller-manager --node-cidr-mask-size${field === 'nodeMaskSize' ? '' : field === 'nodeMaskSizeIpv4' ? '-ipv4' : '-ipv6'})`);
    }
  }
  const dual = families.length > 1;
  const sizes = { ...KCM_DEFAULT_NODE_MASK };
  if (options.nodeMaskSize !== undefined) {
    if (dual) {
      throw invalidValue('nodeMaskSize', options.nodeMaskSize,
        'no nodeMaskSize with dual-stack pod ranges (kube-controller-manager: "usage of --node-cidr-mask-size is not allowed with dual-stack clusters"); nodeMaskSizeIpv4 and nodeMaskSizeIpv6 instead');
    }
    if (options.nodeMaskSizeIpv4 !== undefined || options.nodeMaskSizeIpv6 !== undefined) {
      throw invalidValue('nodeMaskSize', options.nodeMaskSize,
        'no nodeMaskSize beside nodeMaskSizeIpv4 or nodeMaskSizeIpv6 (kube-controller-manager refuses --node-cidr-mask-size beside the per-family flags); give one of them');
    }
    sizes[families[0]] = options.nodeMaskSize;
    return sizes;
  }
  if (options.nodeMaskSizeIpv4 !== undefined) {
    if (!families.includes(IpFamily.IPV4)) {
      throw invalidValue('nodeMaskSizeIpv4', options.nodeMaskSizeIpv4, 'no nodeMaskSizeIpv4 in a single-stack IPv6 cluster (kube-controller-manager refuses --node-cidr-mask-size-ipv4 there); nodeMaskSizeIpv6 or nodeMaskSize');
    }
    sizes[IpFamily.IPV4] = options.nodeMaskSizeIpv4;
  }
  if (options.nodeMaskSizeIpv6 !== undefined) {
    if (!families.includes(IpFamily.IPV6)) {
      throw invalidValue('nodeMaskSizeIpv6', options.nodeMaskSizeIpv6, 'no nodeMaskSizeIpv6 in a single-stack IPv4 cluster (kube-controller-manager refuses --node-cidr-mask-size-ipv6 there); nodeMaskSizeIpv4 or nodeMaskSize');
    }
    sizes[IpFamily.IPV6] = options.nodeMaskSizeIpv6;
  }
  return sizes;
}

/**
 * kube-controller-manager cuts the pod range (`--cluster-cidr`, kind's podSubnet) into one range per node
 * (`pkg/controller/nodeipam/ipam/cidrset/cidr_set.go`): `NewCIDRSet` refuses an IPv6 node mask more than
 * 16 bits longer than the cluster mask (ErrCIDRSetSubNetTooBig, and the controller manager does not
 * start), `getMaxCIDRs` gives 2^(node mask − cluster mask) node ranges (none when the node mask is
 * shorter), and a node without a range gets no `spec.podCIDR`, so Cilium (`ipam: kubernetes`) cannot start.
 */
export function nodeMaskProblem(field: string, cidr: Cidr, mask: number, nodeCount: number, maskField: string): string | undefined {
  const bits = Cidr.addressBits(cidr.family);
  if (mask > bits) {
    return `${maskField}: ${mask} is longer than an ${cidr.family} address (${bits} bits)`;
  }
  if (mask < cidr.prefix) {
    return `${field}: ${cidr} is smaller than one node range of /${mask} (${maskField}); kube-controller-manager then has no node range to give; use a pod range of /${mask} or shorter, or a longer ${maskField.split(',')[0]}`;
  }
  if (cidr.family === IpFamily.IPV6 && mask - cidr.prefix > KCM_MAX_DIFF_IPV6) {
    return `${field}: ${cidr} with node ranges of /${mask} (${maskField}) is ${mask - cidr.prefix} bits apart; kube-controller-manager (cidrset.NewCIDRSet) refuses an IPv6 node mask more than ${KCM_MAX_DIFF_IPV6} bits longer than the cluster mask and does not start; use a pod range of /${mask - KCM_MAX_DIFF_IPV6} or longer`;
  }
  const ranges = nodeSubnetCount(cidr.prefix, mask);
  if (ranges < nodeCount) {
    const shortest = mask - Math.ceil(Math.log2(nodeCount));
    const fix = shortest >= 0 ? `use a pod range of /${shortest} or shorter, or a longer ${maskField.split(',')[0]}` : `no ${cidr.family} range holds that many node ranges of /${mask}; use a longer ${maskField.split(',')[0]} or fewer nodes`;
    // Counts as the plan report writes them: 2^(mask − prefix) exactly, never nodeSubnetCount's cap.
    return `${field}: ${cidr} holds ${powerOfTwoText(mask - cidr.prefix)} node range${ranges === 1 ? '' : 's'} of /${mask} (${maskField}), fewer than the ${withThousands(nodeCount)} nodes; kube-controller-manager leaves the others without spec.podCIDR and Cilium cannot start there; ${fix}`;
  }
  return undefined;
}

/**
 * An IPv4 node mask more than 16 bits longer than the pod range: kube-controller-manager v1.32 accepts it
 * (`cidrset.NewCIDRSet` limits IPv6 only), so it is a warning, not a refusal: the allocator then tracks
 * more than 65536 node ranges, which no cluster needs.
 */
export function ipv4NodeMaskWarning(field: string, cidr: Cidr, mask: number, maskField: string): string | undefined {
  if (cidr.family !== IpFamily.IPV4 || mask - cidr.prefix <= KCM_MAX_DIFF_IPV6) return undefined;
  return `${field}: ${cidr} with node ranges of /${mask} (${maskField}) is ${mask - cidr.prefix} bits apart, more than the ${KCM_MAX_DIFF_IPV6} kube-controller-manager allows for IPv6 (accepted for IPv4 by v1.32, but 2^${mask - cidr.prefix} node ranges is far more than any cluster has); a smaller pod range or a shorter node mask is probably meant`;
}

/**
 * kube-apiserver refuses a Service range with more than 20 host bits
 * (`validateClusterIPFlags` / `validateMaxCIDRRange`, cmd/kube-apiserver/app/options/validation.go).
 */
export function serviceRangeProblem(field: string, cidr: Cidr): string | undefined {
  const bits = Cidr.addressBits(cidr.family);
  if (bits - cidr.prefix > APISERVER_MAX_SERVICE_HOST_BITS) {
    return `${field}: ${cidr} is too large for kube-apiserver (validateMaxCIDRRange: for ${bits}-bit addresses the mask must be >= ${bits - APISERVER_MAX_SERVICE_HOST_BITS}); use a /${bits - APISERVER_MAX_SERVICE_HOST_BITS} or smaller range`;
  }
  return undefined;
}

/**
 * OVN-Kubernetes gives each node the address `base + nodeID` of the join subnet (and, in interconnect mode,
 * of the transit subnet): `NodeAllocator` / `zoneClusterController` call `ipgenerator.GenerateIP(nodeID)`
 * (go-controller/pkg/generator/ip/ip_generator.go), which fails outside the subnet, and node IDs start at
 * 2 (`newZoneClusterController` reserves 0 and 1). So the subnet needs `nodeCount + 2` addresses.
 */
export function perNodeSubnetProblem(field: string, cidr: Cidr, nodeCount: number, what: string): string | undefined {
  const needed = nodeCount + 2;
  if (cidr.size < needed) {
    const bits = Cidr.addressBits(cidr.family);
    const prefix = bits - Math.ceil(Math.log2(needed));
    const fix = prefix >= 0 ? `use a /${prefix} or larger subnet` : 'no subnet is that large; give fewer nodes';
    return `${field}: ${cidr} has ${withThousands(cidr.size)} addresses, but OVN-Kubernetes gives each of the ${withThousands(nodeCount)} nodes the ${what} address base+nodeID with node IDs from 2 (ipgenerator.GenerateIP), so it needs ${withThousands(needed)}; ${fix}`;
  }
  return undefined;
}

/**
 * OVN-Kubernetes' `completeGatewayConfig` (go-controller/pkg/config/config.go) takes the masquerade
 * addresses .1 to .5 of the subnet (`AllocateV4MasqueradeIPs` / `AllocateV6MasqueradeIPs`, utils.go)
 * without checking that they are inside it: the subnet needs 6 addresses, a /29 (IPv4) or /125 (IPv6).
 */
export function masqueradeProblem(field: string, cidr: Cidr): string | undefined {
  if (cidr.size < 6) {
    const min = cidr.family === IpFamily.IPV4 ? 29 : 125;
    return `${field}: ${cidr} is too small: OVN-Kubernetes takes the masquerade addresses network+1 to network+5 (AllocateV${cidr.family === IpFamily.IPV4 ? 4 : 6}MasqueradeIPs), which must be inside the subnet; use a /${min} or larger subnet`;
  }
  return undefined;
}
