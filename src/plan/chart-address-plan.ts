import { Construct, IConstruct } from 'constructs';
import { AddressPlan } from '../addressing';
import { MemberKind } from '../common/member-kind';

const PLAN_ID = 'MultiCniAddressPlan';

/**
 * The one AddressPlan of a cdk8s App: one App is one cluster, so components split across charts of the
 * same App are checked against each other. Every construct of this library registers its ranges here;
 * the first call adds a validation, so synthesizing any chart of the App fails listing every problem.
 * (The name is kept from when the plan was per Chart.)
 */
export class ChartAddressPlan extends Construct {
  /** The plan of the App (the construct tree's root) that contains `scope`, created on first use. */
  public static of(scope: IConstruct): AddressPlan {
    return ChartAddressPlan.holder(scope).plan;
  }

  /**
   * Runs `step` when the plan is checked, before the check: for decisions that need every range of the
   * cluster. Steps run once, in the order added; `last` steps (an automatic decoy, which must see every
   * range) after all others.
   * @internal
   */
  public static _beforeCheck(scope: IConstruct, step: () => void, last: boolean = false): void {
    ChartAddressPlan.holder(scope)[last ? 'lastSteps' : 'steps'].push(step);
  }

  /**
   * Records a warning: a setting that is probably wrong but not certainly (synth prints it and goes on).
   * The same text twice is one warning.
   */
  public static warn(scope: IConstruct, message: string): void {
    const warnings = ChartAddressPlan.holder(scope).warningList;
    if (!warnings.includes(message)) warnings.push(message);
  }

  /**
   * Every problem the App that contains `scope` would be refused with when it synthesizes: the pending
   * steps run (an automatic decoy is chosen), then the App-wide checks (a tunnel port shared by Cilium and
   * OVN-Kubernetes, `cniExclusive` beside Multus, one NetworkCrds …) and every range of the plan. Exactly
   * the list the App's validation reports; empty when it would synthesize. Use it as a pull-request gate.
   */
  public static problemsOf(scope: IConstruct): string[] {
    return ChartAddressPlan.holder(scope).problems(true);
  }

  /**
   * The warnings of the App that contains `scope`, in the order recorded. Runs the pending before-check
   * steps first, as `problemsOf` does: some warnings (a demo pod pinned beyond the node count) need the
   * whole App. A step that fails is reported by `problemsOf` and the validation, not here.
   */
  public static warningsOf(scope: IConstruct): string[] {
    const holder = ChartAddressPlan.holder(scope);
    holder.runSteps();
    return [...holder.warningList];
  }

  /**
   * Says that the caller shows the App's warnings itself (StagedOutput, the CLI): the validation then prints
   * none. Without it, the validation that `app.synth()` runs prints each warning once, as `warning: …` on
   * standard error: cdk8s has no channel for warnings of its own.
   * @internal
   */
  public static _warningsShownByCaller(scope: IConstruct): void {
    ChartAddressPlan.holder(scope).warningsShown = true;
  }

  /**
   * Adds `member` to the App-wide list of `kind` (O(1): no copy, an App may hold thousands of networks). The first member of a kind
   * adds `check` (given the whole list) to the App's validation: facts about the whole cluster, such as
   * "one NetworkCrds", are checked once every construct exists, so they do not depend on the order the
   * constructs were created in. `kind` is a typed key (common/member-kind): the one App-wide lookup, for what
   * is App-wide by nature; components that need each other take each other in props.
   * @internal
   */
  public static _join<T>(scope: IConstruct, kind: MemberKind<T>, member: T, check?: (members: T[]) => string[]): void {
    const holder = ChartAddressPlan.holder(scope);
    let list = holder.members.get(kind) as T[] | undefined;
    if (list === undefined) {
      list = [];
      holder.members.set(kind, list);
      const all = list;
      if (check) holder.checks.push(() => check(all));
    }
    list.push(member);
  }

  /**
   * Adds a check of the whole cluster to the App's validation, run once every construct exists (after the
   * pending steps).
   * @internal
   */
  public static _addCheck(scope: IConstruct, check: () => string[]): void {
    ChartAddressPlan.holder(scope).checks.push(check);
  }

  /**
   * The App-wide list of `kind` (see `_join`).
   * @internal
   */
  public static _membersOf<T>(scope: IConstruct, kind: MemberKind<T>): T[] {
    return [...((ChartAddressPlan.holder(scope).members.get(kind) as T[] | undefined) ?? [])];
  }

  /**
   * Runs the pending before-check steps now (also done by the validation).
   * @internal
   */
  public static _settle(scope: IConstruct): void {
    const holder = ChartAddressPlan.holder(scope);
    holder.runSteps();
    if (holder.stepFailure !== undefined) throw new Error(holder.stepFailure);
  }

  /**
   * The App-wide problems that are not about the ranges (the `_join` checks: a shared tunnel port, a
   * second NetworkCrds …), as the validation reports them; the ranges' own are `plan.check()`.
   * @internal
   */
  public static _appProblems(scope: IConstruct): string[] {
    return ChartAddressPlan.holder(scope).problems(false);
  }

  private static holder(scope: IConstruct): ChartAddressPlan {
    const root = scope.node.root as Construct;
    const existing = root.node.tryFindChild(PLAN_ID) as ChartAddressPlan | undefined;
    return existing ?? new ChartAddressPlan(root, PLAN_ID);
  }

  /** The plan of the App that contains `scope` if anything registered a range in it; never creates one. */
  public static find(scope: IConstruct): AddressPlan | undefined {
    return (scope.node.root.node.tryFindChild(PLAN_ID) as ChartAddressPlan | undefined)?.plan;
  }

  /** The plan. */
  public readonly plan = new AddressPlan();
  private readonly steps: (() => void)[] = [];
  private readonly lastSteps: (() => void)[] = [];
  private readonly warningList: string[] = [];
  private readonly members = new Map<MemberKind<unknown>, unknown[]>();
  private readonly checks: (() => string[])[] = [];
  private warningsShown = false;
  private stepFailure?: string;

  private constructor(root: Construct, id: string) {
    super(root, id);
    this.node.addValidation({ validate: () => this.validate() });
  }

  /** The validation: every problem; and, once per App, the warnings when no caller shows them. */
  private validate(): string[] {
    const problems = this.problems(true);
    if (!this.warningsShown) {
      this.warningsShown = true;
      for (const w of this.warningList) process.stderr.write(`warning: ${w}\n`);
    }
    return problems;
  }

  /** The steps' failure alone, else the `_join` checks' problems and, with `ranges`, the plan's own. */
  private problems(ranges: boolean): string[] {
    this.runSteps();
    if (this.stepFailure !== undefined) return [this.stepFailure];
    const app = this.checks.flatMap((c) => c());
    return ranges ? [...app, ...this.plan.check()] : app;
  }

  /** Runs each pending step once; the first failure is kept, so every later caller reports it too. */
  private runSteps(): void {
    if (this.stepFailure !== undefined) return;
    try {
      while (this.steps.length > 0) this.steps.shift()!();
      while (this.lastSteps.length > 0) this.lastSteps.shift()!();
    } catch (e) {
      this.stepFailure = (e as Error).message;
    }
  }
}

/** A check for `ChartAddressPlan._join`: at most one construct of this kind per App (one cluster). */
export function onlyOne(kind: string, why: string): (members: { node: { path: string } }[]) => string[] {
  return (members) => (members.length <= 1 ? [] : [
    `plan: ${members.length} ${kind} in one App (${members.map((m) => m.node.path).join(', ')}); one App is one cluster and ${why}; keep one`,
  ]);
}

/** A check for the App's Namespace objects: each name once (a second one would be a duplicate object). */
export function duplicateNamespaces(members: { name: string; node: { path: string } }[]): string[] {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const m of members) {
    const first = seen.get(m.name);
    if (first !== undefined) problems.push(`plan: Namespace "${m.name}" is rendered twice (${first}, ${m.node.path}); create it once`);
    else seen.set(m.name, m.node.path);
  }
  return problems;
}
