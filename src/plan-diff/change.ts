/** How a change to the plan or to the stack applies to a running cluster. */
export enum ChangeClass {
  /** Applies in place with `kubectl apply`: nothing running is interrupted. */
  SAFE = 'safe',
  /** Applies, but with a stated effect on what runs, and a procedure to follow. */
  DISRUPTIVE = 'disruptive',
  /** Cannot be applied to a running cluster: the real component refuses it or leaves the cluster inconsistent. */
  NOT_IN_PLACE = 'not in place',
}

/** What part of the stack a change is in. */
export enum ChangeArea {
  /** The cluster's ranges: pods, services, OVN-Kubernetes' decoy, join, transit and masquerade subnets. */
  ADDRESSING = 'addressing',
  /** Cilium's release and settings (`cilium-config`). */
  CILIUM = 'cilium',
  /** Multus' release and mode. */
  MULTUS = 'multus',
  /** OVN-Kubernetes' mode, image and settings (`ovn-config`). */
  OVN = 'ovn',
  /** NetworkAttachmentDefinitions. */
  NETWORKS = 'networks',
  /** Cilium's custom resources: LB IPAM pools, L2 announcement, BGP and egress gateway policies. */
  CILIUM_RESOURCES = 'cilium resources',
  /** MultiNetworkPolicies of the secondary networks. */
  POLICIES = 'policies',
}

/** One change between a previous output and the new one, classified. */
export interface PlanChange {
  /** The part of the stack. */
  readonly area: ChangeArea;
  /** What changed, e.g. `primary pod range`, `Cilium release`, `network default/storage: subnets`. */
  readonly subject: string;
  /**
   * The value before, as the output states it.
   * @default - none: the subject is new
   */
  readonly before?: string;
  /**
   * The value after.
   * @default - none: the subject is gone
   */
  readonly after?: string;
  /** How it applies. */
  readonly classification: ChangeClass;
  /** The id of the rule that classified it (docs/plan-diff.md lists them). */
  readonly rule: string;
  /** What happens on the cluster when it is applied (or tried). */
  readonly effect: string;
  /**
   * What to do for it.
   * @default - nothing beyond `kubectl apply`
   */
  readonly procedure?: string;
  /** Where the rule comes from: the upstream code or documentation that states it. */
  readonly source: string;
}

/** Every change between two outputs, in a fixed order (area, then subject). */
export interface PlanDiffResult {
  /** The changes; empty when the outputs state the same plan and settings. */
  readonly changes: PlanChange[];
  /** Facts that were not compared, one line each (e.g. a component absent from one side). */
  readonly notes: string[];
}

/** The most severe class among the changes (SAFE for none). */
export function worstClass(changes: readonly PlanChange[]): ChangeClass {
  if (changes.some((c) => c.classification === ChangeClass.NOT_IN_PLACE)) return ChangeClass.NOT_IN_PLACE;
  if (changes.some((c) => c.classification === ChangeClass.DISRUPTIVE)) return ChangeClass.DISRUPTIVE;
  return ChangeClass.SAFE;
}
