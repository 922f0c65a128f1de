/** The directions a MultiNetworkPolicy isolates (`spec.policyTypes`), as the v1beta1 API spells them. */
export enum MultiNetworkPolicyType {
  /** Incoming traffic of the selected pods is limited to the ingress rules. */
  INGRESS = 'Ingress',
  /** Outgoing traffic of the selected pods is limited to the egress rules. */
  EGRESS = 'Egress',
}

/** The protocols a MultiNetworkPolicy port may name (Kubernetes' `Protocol`). */
export enum MultiNetworkPolicyProtocol {
  /** TCP. */
  TCP = 'TCP',
  /** UDP. */
  UDP = 'UDP',
  /** SCTP. */
  SCTP = 'SCTP',
}
