import { App } from 'cdk8s';
import { loadValuesFile, valuesErrorLine, valuesToProps } from '../app';
import { MultiCniChart, MultiCniChartProps } from '../chart';
import { ChartAddressPlan, addressPlanMarkdown, addressPlanSvg } from '../plan';

const USAGE = `usage: multicni plan [--values FILE] [--format markdown|svg]
  --values FILE      helm-like YAML values (see README); default: the seed's deployment
  --format FORMAT    markdown (a table of every range, default) or svg (a map of the address space)`;

/**
 * `multicni plan`: the address plan of the stack a values file describes, on stdout. Exit 0 when the plan
 * is sound, 1 when it has problems (the output then lists them, and the SVG draws overlaps in red),
 * 2 on a bad command line or an unreadable values file.
 */
export function runPlan(args: string[], out: (line: string) => void, err: (line: string) => void): number {
  let values: string | undefined;
  let format = 'markdown';
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    if (flag === '-h' || flag === '--help') {
      out(USAGE);
      return 0;
    }
    if ((flag === '--values' || flag === '--format') && args[i + 1] !== undefined) {
      if (flag === '--values') values = args[++i];
      else format = args[++i];
      continue;
    }
    err(`multicni plan: ${flag.startsWith('--') && args[i + 1] === undefined && ['--values', '--format'].includes(flag) ? `${flag} needs a value` : `unknown argument ${JSON.stringify(flag)}`}\n${USAGE}`);
    return 2;
  }
  if (format !== 'markdown' && format !== 'svg') {
    err(`multicni plan: --format "${format}" is not valid; use markdown or svg`);
    return 2;
  }
  let chart: MultiCniChart;
  let props: MultiCniChartProps | undefined;
  try {
    props = values ? loadValuesFile(values) : valuesToProps({});
    chart = new MultiCniChart(new App(), 'multicni', props);
  } catch (e) {
    // Worded as synth words it: `FILE: key.path: problem`.
    err(`multicni plan: ${valuesErrorLine(e, values, props)}`);
    return 2;
  }
  // The plan is drawn even when it has problems: that is when a picture helps most.
  const text = format === 'svg' ? addressPlanSvg(chart.plan) : addressPlanMarkdown(chart.plan);
  out(text.replace(/\n$/, ''));
  // Problems of the App that are no range (a tunnel port shared by Cilium and OVN-Kubernetes, cniExclusive
  // beside Multus) are not drawn; synth refuses them, so they are named here too, in the values file's words.
  const appProblems = ChartAddressPlan._appProblems(chart);
  for (const p of appProblems) err(`multicni plan: ${valuesErrorLine(new Error(p), values, props)}`);
  return chart.plan.check().length === 0 && appProblems.length === 0 ? 0 : 1;
}
