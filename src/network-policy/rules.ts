import { fieldPath, invalidValue, quotedChoice, showValue } from '../common/field-error';
import { renderSelector } from '../common/label-selector';
import { OvnNetwork } from '../networks';
import { CheckedIpBlock, checkIpBlock } from './ip-block';
import { MultiNetworkPolicyPeer, MultiNetworkPolicyPort } from './multi-network-policy-props';
import { MultiNetworkPolicyProtocol } from './policy-enums';

/** A peer as rendered into the object's spec. */
export interface RenderedPeer {
  readonly ipBlock?: { cidr: string; except?: string[] };
  readonly podSelector?: Record<string, unknown>;
  readonly namespaceSelector?: Record<string, unknown>;
}

/** A port as rendered into the object's spec. */
export interface RenderedPort {
  readonly protocol: MultiNetworkPolicyProtocol;
  readonly port?: number;
}

/** Where OVN-Kubernetes refuses selector peers (cited where it is checked). */
const IPAM_LESS_REFUSAL = '"IPAM-less networks can only have `ipBlock` peers" (convertMultiNetPolicyToNetPolicy, go-controller/pkg/ovn/base_network_controller_multipolicy.go)';

/**
 * One peer, `field` its key path (`ingress[0].from[1]`). Kubernetes' `ValidateNetworkPolicyPeer`
 * (pkg/apis/networking/validation/validation.go) requires at least one kind ("must specify a peer") and
 * an ipBlock alone ("may not specify both ipBlock and another peer"); the CRD checks neither.
 * OVN-Kubernetes refuses the whole policy when a network without subnets has a selector peer: such a
 * network has no IPAM, so it cannot know the selected pods' addresses.
 */
export function renderPeer(field: string, peer: MultiNetworkPolicyPeer, network: OvnNetwork, blocks: CheckedIpBlock[]): RenderedPeer {
  if (typeof peer !== 'object' || peer === null || Array.isArray(peer)) {
    throw invalidValue(field, peer, 'a mapping with ipBlock, or podSelector and/or namespaceSelector');
  }
  const selectors = (['podSelector', 'namespaceSelector'] as const).filter((k) => peer[k] !== undefined);
  if (peer.ipBlock === undefined && selectors.length === 0) {
    throw invalidValue(field, peer, 'an ipBlock, a podSelector or a namespaceSelector (Kubernetes\' ValidateNetworkPolicyPeer: "must specify a peer")');
  }
  if (peer.ipBlock !== undefined && selectors.length > 0) {
    throw invalidValue(fieldPath(field, selectors[0]), peer[selectors[0]],
      'no selector beside ipBlock: give the pods as another peer of the list (Kubernetes\' ValidateNetworkPolicyPeer: "may not specify both ipBlock and another peer")');
  }
  if (selectors.length > 0 && network.subnets.length === 0) {
    throw invalidValue(fieldPath(field, selectors[0]), peer[selectors[0]],
      `an ipBlock peer: network ${network.qualifiedName} has no subnets (no IP management), and OVN-Kubernetes refuses selector peers there with ${IPAM_LESS_REFUSAL}`);
  }
  if (peer.ipBlock !== undefined) {
    const block = checkIpBlock(fieldPath(field, 'ipBlock'), peer.ipBlock, network);
    blocks.push(block);
    return { ipBlock: { cidr: block.cidr.toString(), ...(block.except.length > 0 ? { except: block.except.map(String) } : {}) } };
  }
  return {
    ...(peer.podSelector !== undefined ? { podSelector: renderSelector(fieldPath(field, 'podSelector'), peer.podSelector) } : {}),
    ...(peer.namespaceSelector !== undefined ? { namespaceSelector: renderSelector(fieldPath(field, 'namespaceSelector'), peer.namespaceSelector) } : {}),
  };
}

const PROTOCOLS = Object.values(MultiNetworkPolicyProtocol) as string[];

/**
 * One port, `field` its key path. The protocol is always rendered: the CRD has no default, and
 * OVN-Kubernetes dereferences it unchecked (`addPortPolicy`, go-controller/pkg/ovn/gress_policy.go).
 * The port must be a number: that function reads only `Port.IntVal`, so a named port would become 0, which
 * the ACL builder (`getProtocolPortsMap`, go-controller/pkg/libovsdb/util/acl.go) takes as every port.
 */
export function renderPort(field: string, port: MultiNetworkPolicyPort): RenderedPort {
  if (typeof port !== 'object' || port === null || Array.isArray(port)) {
    throw invalidValue(field, port, 'a mapping with protocol and/or port');
  }
  const protocol = port.protocol ?? MultiNetworkPolicyProtocol.TCP;
  if (!PROTOCOLS.includes(protocol)) {
    throw invalidValue(fieldPath(field, 'protocol'), protocol, quotedChoice(PROTOCOLS));
  }
  const number = port.port;
  if (typeof number === 'string') {
    throw invalidValue(fieldPath(field, 'port'), number,
      'a port number from 1 to 65535: OVN-Kubernetes reads only the number of a MultiNetworkPolicy port (addPortPolicy, go-controller/pkg/ovn/gress_policy.go), and a named port would allow every port');
  }
  if (number !== undefined && (!Number.isInteger(number) || number < 1 || number > 65535)) {
    throw invalidValue(fieldPath(field, 'port'), number, 'a whole port number from 1 to 65535 (Kubernetes\' ValidateNetworkPolicyPort), or no port for every port of the protocol');
  }
  return { protocol, ...(number !== undefined ? { port: number } : {}) };
}

/** A list that must be an array when given. */
export function listOf<T>(field: string, value: T[] | undefined): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`${field}: invalid value ${showValue(value)}: expected a list`);
  return value;
}
