import { App } from 'cdk8s';
import { valuesToProps } from '../../src/app';
import { MultiCniChart } from '../../src/chart';
import { yaml } from '../../src/util/yaml';
import { ACCEPTED } from '../support/accepted-values';
import { REFUSED } from '../support/refused-values';

/** The chart of a values file, or undefined when the values or a construct refuse it before synth. */
function chartOf(text: string): MultiCniChart | undefined {
  try {
    return new MultiCniChart(new App(), 'multicni', valuesToProps(yaml.parse(text) ?? {}));
  } catch {
    return undefined;
  }
}

/** The problems synth's validation refuses a chart with, one per entry (cdk8s lists them as `  [path] message`). */
function validationProblems(chart: MultiCniChart): string[] {
  try {
    chart.toJson();
    return [];
  } catch (e) {
    const message = (e as Error).message;
    expect(message).toMatch(/^Validation failed with the following errors:\n {2}\[/);
    return message.split(/\n {2}\[[^\]]+\] /).slice(1);
  }
}

describe('chart.problems(): the one call that reports what synth refuses', () => {
  // Refusals found when the whole App is checked (the others are thrown while the chart is built).
  const atSynth = REFUSED.filter(([, text]) => chartOf(text) !== undefined);

  test('the corpus holds refusals of both kinds', () => {
    expect(atSynth.length).toBeGreaterThanOrEqual(15);
    expect(REFUSED.length - atSynth.length).toBeGreaterThan(50);
  });

  test.each(atSynth)('%s: the same problems as synth, before synth', (_label, text) => {
    const problems = chartOf(text)!.problems();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems).toEqual(validationProblems(chartOf(text)!));
  });

  test.each(ACCEPTED)('%s: no problem, and synth agrees', (_label, text) => {
    const chart = chartOf(text)!;
    expect(chart.problems()).toEqual([]);
    expect(validationProblems(chartOf(text)!)).toEqual([]);
  });

  test('App-wide problems that plan.check() does not see: a shared tunnel port', () => {
    const chart = chartOf('cilium: { tunnelPort: 6081 }')!;
    expect(chart.plan.check()).toEqual([]);
    expect(chart.problems()).toEqual([expect.stringMatching(/^plan: udp port 6081 is both ovn encapPort .* and cilium tunnelPort/)]);
  });
});
