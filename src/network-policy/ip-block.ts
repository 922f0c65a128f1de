import { Cidr } from '../addressing';
import { fieldPath, invalidValue, parseField } from '../common/field-error';
import { OvnNetwork, OvnTopology } from '../networks';
import { MultiNetworkPolicyIpBlock } from './multi-network-policy-props';

/** An ipBlock after its checks. */
export interface CheckedIpBlock {
  /** Its key path in the policy, e.g. `ingress[0].from[1].ipBlock`. */
  readonly field: string;
  readonly cidr: Cidr;
  readonly except: Cidr[];
  /** Whether some address of it (outside `except`) is in one of the network's subnets. */
  readonly meetsSubnets: boolean;
}

/**
 * Checks an ipBlock against Kubernetes' rules for a NetworkPolicy's (the MultiNetworkPolicy CRD checks
 * none of them, and OVN-Kubernetes copies the block into a NetworkPolicy unchecked) and against the network:
 *
 * - `cidr` and every `except` parse, without host bits (Kubernetes' `ValidateIPBlock`,
 *   pkg/apis/networking/validation/validation.go: "must not have bits set beyond the prefix length");
 * - each `except` lies strictly inside `cidr` (the same function: "must be a strict subset of `cidr`");
 * - on a network with subnets, `cidr` is of one of their families: OVN-Kubernetes writes the block as an
 *   `ip4.src`/`ip6.src` (`dst` for egress) match of the network's ACLs (`getMatchFromIPBlock`,
 *   go-controller/pkg/ovn/gress_policy.go), and the pods hold no address of another family there;
 * - on a layer3 or layer2 network with subnets, the block (minus its excepts) meets a subnet. Refused, not
 *   warned: those matches compare the addresses of packets on the secondary network's own logical switch,
 *   whose ports admit only the addresses IPAM gave them from the subnets, and such a network has no gateway
 *   to anything else; a block outside them matches no packet at all, so the rule allows nothing (almost
 *   always a range of the primary network, Cilium's, written by mistake). A localnet network bridges to a
 *   physical network whose other hosts are legitimate peers, and a network without subnets has whatever
 *   addresses its pods configure: there the block is kept, and the plan rules (plan-rules.ts) warn.
 */
export function checkIpBlock(field: string, block: MultiNetworkPolicyIpBlock, network: OvnNetwork): CheckedIpBlock {
  if (typeof block !== 'object' || block === null) {
    throw invalidValue(field, block, 'a mapping with cidr (and except)');
  }
  const cidr = parseField(fieldPath(field, 'cidr'), block.cidr, Cidr.parse);
  const except = (block.except ?? []).map((text, i) => {
    const at = fieldPath(fieldPath(field, 'except'), i);
    const e = parseField(at, text, Cidr.parse);
    if (!cidr.contains(e) || e.prefix <= cidr.prefix) {
      throw invalidValue(at, text, `a range strictly inside cidr ${cidr} (Kubernetes' ValidateIPBlock: "must be a strict subset of \`cidr\`")`);
    }
    return e;
  });
  const subnets = network.subnets;
  const families = Cidr.familiesOf(subnets);
  if (subnets.length > 0 && !families.includes(cidr.family)) {
    throw invalidValue(fieldPath(field, 'cidr'), block.cidr,
      `an ${families.join(' or ')} range: network ${network.qualifiedName} has only ${subnets.join(', ')}, so its pods hold no ${cidr.family} address on it`);
  }
  const meetsSubnets = subnets.some((s) => meets(cidr, except, s));
  if (subnets.length > 0 && !meetsSubnets && network.topology !== OvnTopology.LOCALNET) {
    throw invalidValue(field, except.length > 0 ? { cidr: block.cidr, except: block.except } : block.cidr,
      `a block with addresses in the subnets of network ${network.qualifiedName} (${subnets.join(', ')}) outside its except: `
      + `OVN-Kubernetes matches an ipBlock against the addresses on the network's own switch, and the pods of a ${network.topology.name} network hold only addresses of its subnets, so this rule would match nothing`);
  }
  return { field, cidr, except, meetsSubnets };
}

/** Whether `cidr` minus `except` shares an address with `subnet`. */
function meets(cidr: Cidr, except: Cidr[], subnet: Cidr): boolean {
  if (cidr.family !== subnet.family || !cidr.overlaps(subnet)) return false;
  // Two CIDRs that overlap are nested: their intersection is the smaller one.
  const inside = cidr.contains(subnet) ? subnet : cidr;
  let next = inside._first;
  for (const e of [...except].sort((a, b) => (a._first < b._first ? -1 : a._first > b._first ? 1 : 0))) {
    if (e._last < next) continue;
    if (e._first > next) return true; // an address between the excepts
    next = e._last + 1n;
    if (next > inside._last) return false;
  }
  return next <= inside._last;
}
