/** Operators of a label selector requirement, as Kubernetes' `LabelSelectorRequirement` spells them. */
export enum SelectorOperator {
  /** The label's value is one of `values`. */
  IN = 'In',
  /** The label's value is none of `values`. */
  NOT_IN = 'NotIn',
  /** The label is set. */
  EXISTS = 'Exists',
  /** The label is not set. */
  DOES_NOT_EXIST = 'DoesNotExist',
}

/** One requirement of a label selector. */
export interface SelectorRequirement {
  /** The label key. */
  readonly key: string;
  /** How the label is compared. */
  readonly operator: SelectorOperator;
  /**
   * The values for `In` and `NotIn` (required and non-empty there); none for `Exists` and `DoesNotExist`.
   * @default - none
   */
  readonly values?: string[];
}

/** A Kubernetes label selector (`metav1.LabelSelector`), as every Cilium custom resource here takes it. */
export interface LabelSelector {
  /**
   * Labels that must have exactly these values.
   * @default - none
   */
  readonly matchLabels?: Record<string, string>;
  /**
   * Further requirements, all of which must hold.
   * @default - none
   */
  readonly matchExpressions?: SelectorRequirement[];
}

/**
 * The selector as the API takes it, after the rules of apimachinery's `LabelSelectorAsSelector`
 * (pkg/apis/meta/v1/helpers.go): `In`/`NotIn` need values, `Exists`/`DoesNotExist` take none.
 */
export function renderSelector(field: string, selector: LabelSelector): Record<string, unknown> {
  (selector.matchExpressions ?? []).forEach((r, i) => {
    const needsValues = r.operator === SelectorOperator.IN || r.operator === SelectorOperator.NOT_IN;
    const count = r.values?.length ?? 0;
    if (!Object.values(SelectorOperator).includes(r.operator)) {
      throw new Error(`${field}.matchExpressions[${i}].operator: invalid value ${JSON.stringify(r.operator)}: expected "In", "NotIn", "Exists" or "DoesNotExist"`);
    }
    if (needsValues && count === 0) {
      throw new Error(`${field}.matchExpressions[${i}].values: operator ${r.operator} needs at least one value (apimachinery's LabelSelectorAsSelector refuses it)`);
    }
    if (!needsValues && count > 0) {
      throw new Error(`${field}.matchExpressions[${i}].values: operator ${r.operator} takes no values, got ${JSON.stringify(r.values)}`);
    }
  });
  const out: Record<string, unknown> = {};
  if (selector.matchLabels && Object.keys(selector.matchLabels).length > 0) out.matchLabels = { ...selector.matchLabels };
  if (selector.matchExpressions && selector.matchExpressions.length > 0) {
    out.matchExpressions = selector.matchExpressions.map((r) => ({ key: r.key, operator: r.operator, ...(r.values ? { values: [...r.values] } : {}) }));
  }
  return out;
}

/**
 * Whether one object could match both selectors (undefined: matches everything), from their requirements
 * taken together per key: the values both allow (`matchLabels`, `In`) minus those excluded (`NotIn`), and
 * `DoesNotExist` against any requirement that needs the label. "May" whenever no contradiction is found,
 * so a rule built on this never misses a real case.
 */
export function selectorsMayMeet(a: LabelSelector | undefined, b: LabelSelector | undefined): boolean {
  const byKey = new Map<string, { allowed?: Set<string>; excluded: Set<string>; present: boolean; absent: boolean }>();
  const requirements = [a, b].flatMap((s) => [
    ...Object.entries(s?.matchLabels ?? {}).map(([key, value]) => ({ key, operator: SelectorOperator.IN, values: [value] })),
    ...(s?.matchExpressions ?? []),
  ]);
  for (const r of requirements) {
    const k = byKey.get(r.key) ?? { excluded: new Set<string>(), present: false, absent: false };
    byKey.set(r.key, k);
    const values = new Set(r.values ?? []);
    if (r.operator === SelectorOperator.IN) {
      k.allowed = k.allowed ? new Set([...k.allowed].filter((v) => values.has(v))) : values;
      k.present = true;
    } else if (r.operator === SelectorOperator.NOT_IN) {
      values.forEach((v) => k.excluded.add(v));
    } else if (r.operator === SelectorOperator.EXISTS) {
      k.present = true;
    } else if (r.operator === SelectorOperator.DOES_NOT_EXIST) {
      k.absent = true;
    }
  }
  return [...byKey.values()].every((k) => !(k.present && k.absent) && (k.allowed === undefined || [...k.allowed].some((v) => !k.excluded.has(v))));
}
