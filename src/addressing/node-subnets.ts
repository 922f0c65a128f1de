import { IpFamily, addressBits } from './ip-family';

// The rules of a range cut into per-node subnets (OVN-Kubernetes' `cidr/hostPrefix`, kube-controller-manager's
// node mask), shared by the address plan (synth) and `multicni check` (manifests read back).

/** How many /`hostPrefix` node subnets a /`prefix` range holds (capped at Number.MAX_SAFE_INTEGER for huge IPv6 ranges). */
export function nodeSubnetCount(prefix: number, hostPrefix: number): number {
  const exponent = hostPrefix - prefix;
  return exponent >= 53 ? Number.MAX_SAFE_INTEGER : 2 ** Math.max(exponent, 0);
}

/** A host prefix must be longer than the range's and fit the family; the problem, or undefined. */
export function hostPrefixProblem(range: string, family: IpFamily, prefix: number, hostPrefix: number): string | undefined {
  const bits = addressBits(family);
  if (Number.isInteger(hostPrefix) && hostPrefix > prefix && hostPrefix <= bits) return undefined;
  return `host prefix: ${range} has host prefix /${hostPrefix}, which must be longer than /${prefix} and at most /${bits}`;
}

/** Every node needs its own subnet; the problem when the range has fewer than `nodes` (e.g. "3 nodes"), or undefined. */
export function nodeSubnetsProblem(range: string, prefix: number, hostPrefix: number, nodeCount: number, nodes = 'nodes'): string | undefined {
  const available = nodeSubnetCount(prefix, hostPrefix);
  if (available >= nodeCount) return undefined;
  return `node subnets: ${range} splits into ${available} node subnets of /${hostPrefix}, fewer than the ${nodeCount} ${nodes}; use a shorter cluster prefix or a longer host prefix`;
}
