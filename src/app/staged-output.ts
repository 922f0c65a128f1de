import { App, Chart } from 'cdk8s';
import { ChartAddressPlan, addressPlanMarkdown, addressPlanSvg } from '../plan';
import { writeOutputs } from './atomic-dir';
import { copyToCdk8sOutdir } from './cdk8s-cli-output';
import { previousAutomaticDecoy } from './previous-decoy';
import { DecoyNetwork } from '../deception';
import { LayoutFile, OPTIONAL_DIR, STAGE2_DIR, STAGE3_DIR, layoutChart, renderYaml } from './manifest-layout';
import { fileNamePart } from '../util/text';
import { GitopsOptions, ManifestFile, gitopsOutput } from '../gitops';

/** One file of the staged layout. */
export interface StagedFile {
  /** Path relative to the output directory, e.g. `02-cilium.k8s.yaml` or `stage2/01-networks.k8s.yaml`. */
  readonly path: string;
  /** The file's content. */
  readonly content: string;
  /** The Kubernetes objects of the file, in apply order (none for the address-plan files). */
  readonly objects: any[];
}

/** Options of `StagedOutput`. */
export interface StagedOutputOptions {
  /**
   * Also write `address-plan.md` and `address-plan.svg` (the chart's address plan as a table and a map)
   * at the root of the output directory. `kubectl apply -f dir` only reads .yaml, .yml and .json files.
   * @default true
   */
  readonly addressPlanFiles?: boolean;
  /**
   * `write` prints the App's warnings on standard error, one `warning: …` line each (`render` never prints:
   * its caller reads `StagedOutput.warnings(app)`).
   * @default true
   */
  readonly printWarnings?: boolean;
  /**
   * Also write what a GitOps engine needs to deliver the layout from a Git repository (docs/gitops.md):
   * for Argo CD sync waves and sync options on every object and `gitops/argocd/application.yaml`; for Flux a
   * `kustomization.yaml` per stage and `gitops/flux/` (a GitRepository, one Kustomization per stage).
   * @default - none: the layout only
   */
  readonly gitops?: GitopsOptions;
}

/**
 * The staged layout of any cdk8s App: `kubectl apply -f DIR` (CRDs and everything that does not need
 * them), then `kubectl apply -f DIR/stage2/` (custom resources of those CRDs, pods that name secondary
 * networks); custom resources of CRDs the App does not ship and a cluster may lack (ServiceMonitors) go
 * to DIR/optional/, which neither command reads. One file per top-level construct of each chart, numbered in apply order. With several charts
 * the chart id goes into each file name and numbering runs across the charts.
 */
export class StagedOutput {
  /** The files of the layout, in memory. @throws when a chart fails validation (e.g. its address plan) */
  public static render(app: App, options: StagedOutputOptions = {}): StagedFile[] {
    // The caller gets the warnings (StagedOutput.warnings, or write prints them): the validation stays quiet.
    ChartAddressPlan._warningsShownByCaller(app);
    const layouts = app.charts.map((chart) => ({ chart, files: layoutChart(chart) }));
    const files = layouts.length === 1 ? layouts[0].files : acrossCharts(layouts);
    const out = options.gitops === undefined
      ? files.map((f) => ({ path: f.path, content: renderYaml(f.objects), objects: f.objects }))
      : withGitops(files, options.gitops);
    return (options.addressPlanFiles ?? true) ? [...out, ...StagedOutput.addressPlanFiles(app)] : out;
  }

  /**
   * `address-plan.md` and `address-plan.svg`: the App's address plan (one App is one cluster, one plan),
   * none when nothing registered a range. Render the app first: the plan is complete only then.
   */
  public static addressPlanFiles(app: App): StagedFile[] {
    const plan = ChartAddressPlan.find(app);
    if (plan === undefined) return [];
    return [
      { path: 'address-plan.md', content: addressPlanMarkdown(plan), objects: [] },
      { path: 'address-plan.svg', content: addressPlanSvg(plan), objects: [] },
    ];
  }

  /**
   * Renders the app and replaces `outdir` with the staged layout. Everything is rendered first and swapped
   * in at the end, so a failing app leaves the previous `outdir` untouched. When the cdk8s CLI runs the app
   * (`cdk8s synth` sets `CDK8S_OUTDIR`), the same files are also written into the CLI's output directory,
   * which it requires to hold the manifests.
   * @returns the files written
   */
  public static write(app: App, outdir: string, options: StagedOutputOptions = {}): StagedFile[] {
    const files = StagedOutput.render(app, options);
    writeOutputs({ dir: outdir, files: new Map(files.map((f) => [f.path, f.content])) });
    copyToCdk8sOutdir(files, outdir);
    if (options.printWarnings ?? true) for (const w of StagedOutput.warnings(app)) process.stderr.write(`warning: ${w}\n`);
    return files;
  }

  /**
   * The App's warnings: settings that are probably, but not certainly, wrong (synth prints them and goes on),
   * in the order recorded; empty when there are none. Complete once the App has rendered.
   */
  public static warnings(app: App): string[] {
    return ChartAddressPlan.warningsOf(app);
  }

  /**
   * The decoy that `DecoyNetwork.automatic()` chose when `dir` was written (the address-plan record
   * `kube-system/multicni-address-plan` in it), kept: pass it as `decoy` so a later render does not move
   * it (`decoy: StagedOutput.previousDecoy('dist') ?? DecoyNetwork.automatic()`). Undefined when `dir` holds
   * no record or its decoy was given, not chosen.
   */
  public static previousDecoy(dir: string): DecoyNetwork | undefined {
    const kept = previousAutomaticDecoy(dir);
    return kept === undefined ? undefined : DecoyNetwork.kept(kept);
  }

  private constructor() {}
}

/** The layout with a GitOps engine's additions (annotated copies of the objects, the engine's files). */
function withGitops(files: LayoutFile[], options: GitopsOptions): StagedFile[] {
  const stageOf = (path: string) => (path.startsWith(`${OPTIONAL_DIR}/`) ? 0 : path.startsWith(`${STAGE3_DIR}/`) ? 3 : path.startsWith(`${STAGE2_DIR}/`) ? 2 : 1);
  const manifests: ManifestFile[] = files.map((f) => ({ path: f.path, objects: f.objects, stage: stageOf(f.path) }));
  const out = gitopsOutput(manifests, options, OPTIONAL_DIR);
  return [
    ...out.manifests.map((f) => ({ path: f.path, content: renderYaml(f.objects), objects: f.objects })),
    ...out.added.map((f) => ({ path: f.path, content: renderYaml(f.documents), objects: f.objects })),
  ];
}

/**
 * Several charts: each file named `NN-<chart id>-<component>.k8s.yaml`, numbered across the charts in each
 * stage. (One chart's own layout already has each file in its stage: layoutChart moves custom resources of
 * the chart's CRDs to stage 2.)
 */
function acrossCharts(layouts: { chart: Chart; files: LayoutFile[] }[]): LayoutFile[] {
  // A custom resource whose CRD another chart ships cannot go into the first pass either.
  const crdGroups = new Set(layouts.flatMap((l) => l.files.flatMap((f) => f.objects))
    .filter((o) => o.kind === 'CustomResourceDefinition').map((o) => o.spec.group));
  const isStage2 = (f: LayoutFile) => f.path.startsWith(`${STAGE2_DIR}/`)
    || f.objects.some((o) => String(o.apiVersion).includes('/') && crdGroups.has(String(o.apiVersion).split('/')[0]));
  const counters = [0, 0, 0, 0];
  return layouts.flatMap(({ chart, files }) => files.map((f) => {
    // stage3 (custom resources of operator-registered CRDs) stays stage3: it waits for the operator.
    const dir = f.path.startsWith(`${OPTIONAL_DIR}/`) ? 2 : f.path.startsWith(`${STAGE3_DIR}/`) ? 3 : isStage2(f) ? 1 : 0;
    const base = f.path.slice(f.path.lastIndexOf('/') + 1).replace(/^\d+-/, '');
    const index = String(++counters[dir]).padStart(2, '0');
    return { path: `${['', `${STAGE2_DIR}/`, `${OPTIONAL_DIR}/`, `${STAGE3_DIR}/`][dir]}${index}-${fileNamePart(chart.node.id)}-${base}`, objects: f.objects };
  }));
}
