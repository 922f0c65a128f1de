import { LabelSelector } from '../common/label-selector';
import type { OvnNetwork } from '../networks';
import { MultiNetworkPolicyProtocol, MultiNetworkPolicyType } from './policy-enums';

/** A range of addresses, minus some ranges inside it (`ipBlock`). */
export interface MultiNetworkPolicyIpBlock {
  /** The range, such as `10.245.0.0/16` (no host bits set). */
  readonly cidr: string;
  /**
   * Ranges strictly inside `cidr` that the peer leaves out.
   * @default - none
   */
  readonly except?: string[];
}

/**
 * One peer of a rule: either an `ipBlock`, or pods chosen by `podSelector` and/or `namespaceSelector`
 * (never both kinds, and at least one key).
 */
export interface MultiNetworkPolicyPeer {
  /**
   * Addresses on the network.
   * @default - none (a selector peer)
   */
  readonly ipBlock?: MultiNetworkPolicyIpBlock;
  /**
   * Pods attached to the network, in the policy's namespace or in the namespaces `namespaceSelector` selects.
   * Not on a network without subnets.
   * @default - every pod (of the policy's namespace, or of the namespaces namespaceSelector selects)
   */
  readonly podSelector?: LabelSelector;
  /**
   * Namespaces whose pods on the network match. Not on a network without subnets.
   * @default - the policy's namespace
   */
  readonly namespaceSelector?: LabelSelector;
}

/** A port of a rule. */
export interface MultiNetworkPolicyPort {
  /**
   * The protocol; always rendered (OVN-Kubernetes reads it without a default).
   * @default MultiNetworkPolicyProtocol.TCP
   */
  readonly protocol?: MultiNetworkPolicyProtocol;
  /**
   * The port number, 1-65535. Named ports and port ranges are not offered: OVN-Kubernetes reads only the
   * number of a MultiNetworkPolicy port, and the v1beta1 API has no `endPort`.
   * @default - every port of the protocol
   */
  readonly port?: number;
}

/** Traffic a policy lets in. */
export interface MultiNetworkPolicyIngressRule {
  /**
   * Sources; a rule matches traffic from any of them.
   * @default - every source
   */
  readonly from?: MultiNetworkPolicyPeer[];
  /**
   * Destination ports on the selected pods; a rule matches traffic to any of them.
   * @default - every port
   */
  readonly ports?: MultiNetworkPolicyPort[];
}

/** Traffic a policy lets out. */
export interface MultiNetworkPolicyEgressRule {
  /**
   * Destinations; a rule matches traffic to any of them.
   * @default - every destination
   */
  readonly to?: MultiNetworkPolicyPeer[];
  /**
   * Destination ports; a rule matches traffic to any of them.
   * @default - every port
   */
  readonly ports?: MultiNetworkPolicyPort[];
}

/** A MultiNetworkPolicy without its network: one of a network's `policies`. */
export interface MultiNetworkPolicyOptions {
  /** The object's name (a DNS subdomain), unique in its namespace. */
  readonly name: string;
  /**
   * The namespace of the policy and of the pods it selects.
   * @default - the network's namespace
   */
  readonly namespace?: string;
  /**
   * The pods of the namespace, attached to the network, that the policy isolates.
   * @default - every pod of the namespace on the network
   */
  readonly podSelector?: LabelSelector;
  /**
   * Incoming traffic allowed; with `Ingress` in policyTypes and no rules, nothing comes in.
   * @default []
   */
  readonly ingress?: MultiNetworkPolicyIngressRule[];
  /**
   * Outgoing traffic allowed; with `Egress` in policyTypes and no rules, nothing goes out.
   * @default []
   */
  readonly egress?: MultiNetworkPolicyEgressRule[];
  /**
   * The directions the policy isolates; always rendered (OVN-Kubernetes isolates no direction when the list
   * is empty, unlike the Kubernetes API's defaulting of a NetworkPolicy).
   * @default - Ingress, plus Egress when egress rules are given (as Kubernetes defaults a NetworkPolicy)
   */
  readonly policyTypes?: MultiNetworkPolicyType[];
}

/** Props of `MultiNetworkPolicy`. */
export interface MultiNetworkPolicyProps extends MultiNetworkPolicyOptions {
  /** The network the policy applies to (named in the `k8s.v1.cni.cncf.io/policy-for` annotation). */
  readonly network: OvnNetwork;
}
