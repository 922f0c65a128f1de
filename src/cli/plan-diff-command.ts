import { keepDecoy, layersToProps, readValuesLayers, synthesize, valuesErrorLine, valuesToProps } from '../app';
import { MultiCniChartProps } from '../chart';
import { parseManifestText } from '../check';
import { ClusterFacts, PlanDiffResult, diffExitCode, diffFacts, diffGithub, diffJson, diffMarkdown, factsOf, readPreviousOutput } from '../plan-diff';
import { packageVersion } from './version';

/** The formats of `plan --diff`. */
export const DIFF_FORMATS = ['markdown', 'json', 'github'] as const;

/** Options of `plan --diff`, from the command line. */
export interface PlanDiffArgs {
  /** The previous output: a directory or `git:REV:PATH`. */
  readonly old: string;
  /**
   * The new output, read as OLD is (a directory or `git:REV:PATH`) instead of synthesized from values:
   * for apps written with the constructs, which synth their own `dist/`.
   * @default - what synth would write from the values files
   */
  readonly new?: string;
  readonly valuesFiles: string[];
  readonly format: string;
  readonly redecoy: boolean;
}

/**
 * `multicni plan --diff OLD`: what synth would write now (from the values files), against OLD, each change
 * classified. Exit 0 when every change is safe, 1 when any is disruptive or not in place, 2 for an unreadable
 * OLD or values file. With `decoy: auto`, the decoy OLD records is kept, as synth into OLD would keep it.
 */
export function runPlanDiff(args: PlanDiffArgs, out: (line: string) => void, err: (line: string) => void): number {
  let oldFacts: ClusterFacts;
  try {
    oldFacts = factsOf(readPreviousOutput(args.old));
  } catch (e) {
    err(`multicni plan: --diff ${(e as Error).message}`);
    return 2;
  }
  if (args.new !== undefined) {
    let newFacts: ClusterFacts;
    try {
      newFacts = factsOf(readPreviousOutput(args.new));
    } catch (e) {
      err(`multicni plan: --new ${(e as Error).message}`);
      return 2;
    }
    return report(diffFacts(oldFacts, newFacts), args, out);
  }
  const values = args.valuesFiles.length > 0 ? args.valuesFiles : undefined;
  let props: MultiCniChartProps | undefined;
  let layers: unknown[] | undefined;
  let newObjects: any[];
  try {
    layers = values ? readValuesLayers(values) : undefined;
    props = layers ? layersToProps(layers) : valuesToProps({});
    ({ props } = keepDecoy(props, () => (oldFacts.decoyChoice === 'auto' ? oldFacts.decoy : undefined), args.redecoy));
    // The new side is read back from the text synth would write, as the old side is: one reader for both.
    newObjects = synthesize(props).files.flatMap((f) => (f.objects.length === 0 ? [] : parseManifestText(f.content, f.path).map((d) => d.object)));
  } catch (e) {
    err(`multicni plan: ${valuesErrorLine(e, values, props, layers)}`);
    return 2;
  }
  return report(diffFacts(oldFacts, factsOf(newObjects)), args, out);
}

function report(result: PlanDiffResult, args: PlanDiffArgs, out: (line: string) => void): number {
  if (args.format === 'json') out(diffJson(result, args.old, packageVersion()));
  else if (args.format === 'github') diffGithub(result).forEach((l) => out(l));
  else out(diffMarkdown(result, args.old).replace(/\n$/, ''));
  return diffExitCode(result);
}
