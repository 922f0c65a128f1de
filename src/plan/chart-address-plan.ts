import { Construct, IConstruct } from 'constructs';
import { AddressPlan } from '../addressing';

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
   * cluster (an automatic decoy). Steps run once, in the order added.
   */
  public static beforeCheck(scope: IConstruct, step: () => void): void {
    ChartAddressPlan.holder(scope).steps.push(step);
  }

  /**
   * Records a warning: a setting that is probably wrong but not certainly (synth prints it and goes on).
   * The same text twice is one warning.
   */
  public static warn(scope: IConstruct, message: string): void {
    const warnings = ChartAddressPlan.holder(scope).warningList;
    if (!warnings.includes(message)) warnings.push(message);
  }

  /** The warnings recorded for the App that contains `scope`, in the order recorded. */
  public static warningsOf(scope: IConstruct): string[] {
    return [...ChartAddressPlan.holder(scope).warningList];
  }

  /** Runs the pending before-check steps now (also done by the validation). */
  public static settle(scope: IConstruct): void {
    ChartAddressPlan.holder(scope).runSteps();
  }

  private static holder(scope: IConstruct): ChartAddressPlan {
    const root = scope.node.root as Construct;
    const existing = root.node.tryFindChild(PLAN_ID) as ChartAddressPlan | undefined;
    return existing ?? new ChartAddressPlan(root, PLAN_ID);
  }

  /** The plan. */
  public readonly plan = new AddressPlan();
  private readonly steps: (() => void)[] = [];
  private readonly warningList: string[] = [];

  private constructor(root: Construct, id: string) {
    super(root, id);
    this.node.addValidation({
      validate: () => {
        try {
          this.runSteps();
        } catch (e) {
          return [(e as Error).message];
        }
        return this.plan.check();
      },
    });
  }

  private runSteps(): void {
    while (this.steps.length > 0) this.steps.shift()!();
  }
}
