import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { AddressPlan } from '../addressing';

const PLAN_ID = 'MultiCniAddressPlan';

/**
 * The one AddressPlan of a cdk8s Chart. Every construct of this library registers its ranges here;
 * the first call adds a validation to the chart, so `app.synth()` fails listing every problem.
 */
export class ChartAddressPlan extends Construct {
  /** The plan of the chart that contains `scope`, created on first use. */
  public static of(scope: Construct): AddressPlan {
    const chart = Chart.of(scope);
    const existing = chart.node.tryFindChild(PLAN_ID) as ChartAddressPlan | undefined;
    return (existing ?? new ChartAddressPlan(chart, PLAN_ID)).plan;
  }

  /** The plan of `chart` if anything registered a range in it; never creates one. */
  public static find(chart: Chart): AddressPlan | undefined {
    return (chart.node.tryFindChild(PLAN_ID) as ChartAddressPlan | undefined)?.plan;
  }

  /** The plan. */
  public readonly plan = new AddressPlan();

  private constructor(chart: Chart, id: string) {
    super(chart, id);
    chart.node.addValidation({ validate: () => this.plan.check() });
  }
}
