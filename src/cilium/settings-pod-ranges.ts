import { Cidr, IpFamily } from '../addressing';
import { parseCidrList } from '../common/cidr-list';
import { invalidValue, showValue } from '../common/field-error';
import { CiliumPrimaryProps } from './cilium-primary-props';
import { ClusterPoolOptions, IpamMode } from './ipam-mode';

/** Where Cilium's pod addresses come from. */
export interface PodRangeSettings {
  readonly ipamMode: string;
  /** The pod ranges Cilium allocates from: `podCidrs` (kubernetes) or the pools (cluster-pool). */
  readonly podCidrs: Cidr[];
  /** The per-node IPv4 range length (cluster-pool with an IPv4 pool only). */
  readonly ipv4MaskSize?: number;
  /** The per-node IPv6 range length (cluster-pool with an IPv6 pool only). */
  readonly ipv6MaskSize?: number;
  readonly ipv4: boolean;
  readonly ipv6: boolean;
}

const POOLS_FIELD = 'clusterPool.podCidrs';

/** `ipam` and the pod ranges it allocates from: `podCidrs` for kubernetes IPAM, the pools for cluster-pool. */
export function resolvePodRanges(props: CiliumPrimaryProps): PodRangeSettings {
  const ipam = props.ipam ?? IpamMode.KUBERNETES;
  if (!(ipam instanceof IpamMode)) {
    throw invalidValue('ipam', ipam, 'an IpamMode: IpamMode.KUBERNETES or IpamMode.clusterPool({ podCidrs }) ("kubernetes" or "cluster-pool" with clusterPool.podCidrs in a values file)');
  }
  const pool = ipam.clusterPoolOptions;
  if (pool) return clusterPoolRanges(ipam.mode, pool, props.podCidrs);
  const podCidrs = parseCidrList('podCidrs', props.podCidrs ?? ['10.244.0.0/16'], { perFamily: true });
  return { ipamMode: ipam.mode, podCidrs, ...familiesOf(podCidrs) };
}

function clusterPoolRanges(ipamMode: string, pool: ClusterPoolOptions, podCidrs: string[] | undefined): PodRangeSettings {
  if (podCidrs !== undefined) {
    throw invalidValue('podCidrs', podCidrs, `no podCidrs with ipam cluster-pool: its pools (${POOLS_FIELD}) are the pod ranges`);
  }
  const pools = parseCidrList(POOLS_FIELD, pool.podCidrs, { nonEmpty: true });
  return {
    ipamMode,
    podCidrs: pools,
    ipv4MaskSize: maskSize('clusterPool.ipv4MaskSize', pool.ipv4MaskSize, 24, IpFamily.IPV4, pools),
    ipv6MaskSize: maskSize('clusterPool.ipv6MaskSize', pool.ipv6MaskSize, 120, IpFamily.IPV6, pools),
    ...familiesOf(pools),
  };
}

function familiesOf(podCidrs: Cidr[]): { ipv4: boolean; ipv6: boolean } {
  const families = Cidr.familiesOf(podCidrs);
  return { ipv4: families.includes(IpFamily.IPV4), ipv6: families.includes(IpFamily.IPV6) };
}

/** The per-node mask size of one family; only given when the pools have that family. */
function maskSize(field: string, given: number | undefined, upstreamDefault: number, family: IpFamily, pools: Cidr[]): number | undefined {
  const poolsOfFamily = pools.filter((cidr) => cidr.family === family);
  if (poolsOfFamily.length === 0) {
    if (given !== undefined) {
      throw invalidValue(field, given, `no ${family} mask size: ${POOLS_FIELD} ${showValue(pools.map(String))} has no ${family} pool`);
    }
    return undefined;
  }
  const size = given ?? upstreamDefault;
  const bits = Cidr.addressBits(family);
  const widest = Math.max(...poolsOfFamily.map((cidr) => cidr.prefix));
  if (!Number.isInteger(size) || size <= widest || size > bits) {
    throw invalidValue(field, size, `a whole number longer than every ${family} pool's prefix (/${widest}) and at most ${bits}`);
  }
  return size;
}
