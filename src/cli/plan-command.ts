import { App } from 'cdk8s';
import { keepPreviousDecoy, layersToProps, readValuesLayers, valuesErrorLine, valuesToProps } from '../app';
import { MultiCniChart, MultiCniChartProps } from '../chart';
import { ChartAddressPlan, addressPlanMarkdown, addressPlanSvg } from '../plan';
import { DIFF_FORMATS, runPlanDiff } from './plan-diff-command';

const VALUE_FLAGS = ['--values', '--format', '--outdir', '--diff', '--new'];

const USAGE = `usage: multicni plan [--values FILE]... [--format markdown|svg] [--outdir DIR] [--redecoy]
       multicni plan --diff OLD [--values FILE]... [--new NEW] [--format markdown|json|github] [--redecoy]
  --values FILE      helm-like YAML values (see README); default: the seed's deployment; repeated, merged
                     left to right as helm does (maps merged, lists replaced)
  --format FORMAT    markdown (a table of every range, default) or svg (a map of the address space);
                     with --diff: markdown (for a pull request), json (docs/plan-diff.md) or github (annotations)
  --diff OLD         compare what synth would write now with OLD, a previous output directory or
                     git:REV:PATH, and classify each change as safe, disruptive or not in place; exit 0 when
                     all are safe, 1 otherwise, 2 when OLD or a values file cannot be read (docs/plan-diff.md)
  --new NEW          with --diff: compare with NEW (a directory or git:REV:PATH, e.g. the dist/ of a
                     cdk8s app written with the constructs) instead of synthesizing the values files
  --outdir DIR       the output synth would replace: with decoy: auto, its recorded decoy is kept, as synth
                     keeps it; default: dist
  --redecoy          choose the automatic decoy again, as synth --redecoy does`;

/**
 * `multicni plan`: the address plan of the stack a values file describes, on stdout. Exit 0 when the plan
 * is sound, 1 when it has problems (the output then lists them, and the SVG draws overlaps in red),
 * 2 on a bad command line or an unreadable values file.
 */
export function runPlan(args: string[], out: (line: string) => void, err: (line: string) => void): number {
  const valuesFiles: string[] = [];
  let format = 'markdown';
  let outdir = 'dist';
  let outdirGiven = false;
  let redecoy = false;
  let diff: string | undefined;
  let newOutput: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    if (flag === '-h' || flag === '--help') {
      out(USAGE);
      return 0;
    }
    if (flag === '--redecoy') {
      redecoy = true;
      continue;
    }
    if (VALUE_FLAGS.includes(flag) && args[i + 1] !== undefined) {
      if (flag === '--values') valuesFiles.push(args[++i]);
      else if (flag === '--outdir') {
        outdir = args[++i];
        outdirGiven = true;
      }
      else if (flag === '--diff') diff = args[++i];
      else if (flag === '--new') newOutput = args[++i];
      else format = args[++i];
      continue;
    }
    err(`multicni plan: ${flag.startsWith('--') && args[i + 1] === undefined && VALUE_FLAGS.includes(flag) ? `${flag} needs a value` : `unknown argument ${JSON.stringify(flag)}`}\n${USAGE}`);
    return 2;
  }
  if (diff !== undefined) {
    if (!(DIFF_FORMATS as readonly string[]).includes(format)) {
      err(`multicni plan: --format "${format}" is not valid with --diff; use ${DIFF_FORMATS.join(', ')}`);
      return 2;
    }
    if (outdirGiven) {
      err('multicni plan: --outdir is not valid with --diff: the decoy kept is the one OLD records');
      return 2;
    }
    if (newOutput !== undefined && (valuesFiles.length > 0 || redecoy)) {
      err('multicni plan: --new compares two outputs: give no --values or --redecoy with it');
      return 2;
    }
    return runPlanDiff({ old: diff, new: newOutput, valuesFiles, format, redecoy }, out, err);
  }
  if (newOutput !== undefined) {
    err('multicni plan: --new is only valid with --diff');
    return 2;
  }
  if (format !== 'markdown' && format !== 'svg') {
    err(`multicni plan: --format "${format}" is not valid; use markdown or svg`);
    return 2;
  }
  const values = valuesFiles.length > 0 ? valuesFiles : undefined;
  let chart: MultiCniChart;
  let props: MultiCniChartProps | undefined;
  let layers: unknown[] | undefined;
  try {
    layers = values ? readValuesLayers(values) : undefined;
    props = layers ? layersToProps(layers) : valuesToProps({});
    ({ props } = keepPreviousDecoy(props, outdir, redecoy));
    chart = new MultiCniChart(new App(), 'multicni', props);
  } catch (e) {
    // Worded as synth words it: `FILE: key.path: problem`.
    err(`multicni plan: ${valuesErrorLine(e, values, props, layers)}`);
    return 2;
  }
  // Problems of the App that are no range (a tunnel port shared by Cilium and OVN-Kubernetes, cniExclusive
  // beside Multus) are not drawn; synth refuses them, so they are named here too, in the values file's words.
  // Found first: that runs the plan's pending steps, which choose an automatic decoy, so the plan drawn
  // holds every range synth plans.
  const appProblems = ChartAddressPlan._appProblems(chart);
  // The plan is drawn even when it has problems: that is when a picture helps most.
  const text = format === 'svg' ? addressPlanSvg(chart.plan) : addressPlanMarkdown(chart.plan);
  out(text.replace(/\n$/, ''));
  for (const p of appProblems) err(`multicni plan: ${valuesErrorLine(new Error(p), values, props, layers)}`);
  return chart.plan.check().length === 0 && appProblems.length === 0 ? 0 : 1;
}
