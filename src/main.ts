import { SynthValues, layersToSynthValues, readValuesLayers, valuesToSynthValues } from './app/values';
import { gitopsForOutdir } from './app/gitops-repo';
import { GITOPS_DIR } from './gitops';
import { OutputError, writeOutputs } from './app/atomic-dir';
import { escapeUnprintable, valuesErrorLine } from './app/error-message';
import { SynthOutput, synthesize } from './app/synthesize';
import { MultiCniChartProps } from './chart';
import { OPTIONAL_DIR, STAGE2_DIR } from './app/manifest-layout';
import { copyToCdk8sOutdir } from './app/cdk8s-cli-output';
import { decoyLine, keepPreviousDecoy, keptDecoyHint } from './app/previous-decoy';
import { KEPT_DECOY_NAME } from './deception';

const USAGE = `usage: synth [--values FILE]... [--outdir DIR] [--kind-config FILE | --no-kind-config] [--redecoy]
  --values FILE       helm-like YAML values (see README); default: the seed's deployment with current
                      releases (Cilium 1.20.0, Multus v4.3.0; preset: seed for the seed's own). Repeat it
                      to layer files: merged left to right as helm does (maps merged, lists replaced)
  --outdir DIR        output directory, replaced only when synth succeeds, and only if it is absent,
                      empty or written by synth before (it holds the marker .cdk8s-multicni); default: dist
  --kind-config FILE  where to write the matching kind cluster config; default: kind-config.yaml
  --no-kind-config    write no kind config (a cluster that is not kind)
  --redecoy           with addressing.decoy: auto, choose the decoy again instead of keeping the one the
                      previous output records (this moves OVN-Kubernetes' pod addresses)`;

/** The synth app: seed defaults or a values file → dist/ (and a kind config). Returns the exit code. */
export function main(
  argv: string[],
  log: (line: string) => void = (l) => process.stdout.write(l + '\n'),
  err: (line: string) => void = (l) => process.stderr.write(l + '\n'),
): number {
  const args = new Map<string, string>();
  const valuesFiles: string[] = [];
  let noKindConfig = false;
  let redecoy = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '-h' || flag === '--help') {
      log(USAGE);
      return 0;
    }
    if (flag === '--no-kind-config' || flag === '--redecoy') {
      if (flag === '--redecoy') redecoy = true;
      else noKindConfig = true;
      continue;
    }
    if (!['--values', '--outdir', '--kind-config'].includes(flag) || argv[i + 1] === undefined) {
      err(`synth: ${argv[i + 1] === undefined && flag.startsWith('--') ? `${flag} needs a value` : `unknown argument ${JSON.stringify(flag)}`}\n${USAGE}`);
      return 2;
    }
    if (flag === '--values') valuesFiles.push(argv[++i]);
    else args.set(flag, argv[++i]);
  }
  const outdir = args.get('--outdir') ?? 'dist';
  if (noKindConfig && args.has('--kind-config')) {
    err(`synth: --kind-config and --no-kind-config exclude each other\n${USAGE}`);
    return 2;
  }
  const kindConfig = noKindConfig ? undefined : args.get('--kind-config') ?? 'kind-config.yaml';
  const valuesFile = valuesFiles.length > 0 ? valuesFiles : undefined;
  const unchanged = `nothing was written (${outdir}/ ${kindConfig ? `and ${kindConfig} are` : 'is'} unchanged)`;
  let props: MultiCniChartProps | undefined;
  let layers: unknown[] | undefined;
  let kept: string | undefined;
  let out: SynthOutput;
  let values: SynthValues | undefined;
  try {
    layers = valuesFile ? readValuesLayers(valuesFile) : undefined;
    values = layers ? layersToSynthValues(layers) : valuesToSynthValues({});
    props = values.props;
    if (redecoy && !props.addressing?.decoy?._automatic) {
      err('synth: --redecoy: only with addressing.decoy: auto (a decoy you name is never moved by synth)');
      return 2;
    }
    // An automatic decoy is chosen once: the previous output's choice is kept unless --redecoy.
    ({ props, kept } = keepPreviousDecoy(props, outdir, redecoy));
    // The engine reads the output from the repository it is committed to: --outdir must be in it.
    if (values.gitops !== undefined) values = { ...values, gitops: gitopsForOutdir(values.gitops, outdir) };
    out = synthesize(props, values.gitops);
  } catch (e) {
    // One line: `file: key.path: problem` for a values file, so the user can jump to the key.
    const line = valuesErrorLine(e, valuesFile, props, layers);
    const hint = kept !== undefined && line.includes(KEPT_DECOY_NAME) ? `; ${keptDecoyHint(kept, outdir)}` : '';
    err(`${valuesFile ? line : `synth: ${line}`}${hint}; ${unchanged}`);
    return 1;
  }
  try {
    // The kind config is part of the same transaction: both are replaced, or neither.
    writeOutputs({ dir: outdir, files: new Map(out.files.map((f) => [f.path, f.content])), siblings: new Map(kindConfig ? [[kindConfig, out.kindConfig]] : []) });
  } catch (e) {
    // A refusal touched nothing: say that both outputs are as they were (a failure says so itself).
    const untouched = e instanceof OutputError && e.changedNothing && !e.saysNothingChanged;
    err(`synth: ${escapeUnprintable((e as Error).message)}${untouched ? `; ${unchanged}` : ''}`);
    return 1;
  }
  // `cdk8s synth` empties its own output directory and expects the manifests there.
  try {
    copyToCdk8sOutdir(out.files, outdir);
  } catch (e) {
    err(`synth: wrote ${outdir}/${kindConfig ? ` and ${kindConfig}` : ''}, but copying to CDK8S_OUTDIR ${process.env.CDK8S_OUTDIR} failed: ${(e as Error).message}`);
    return 1;
  }
  const manifests = out.files.filter((f) => f.objects.length > 0); // the address-plan files hold no objects
  const dirOf = (f: { path: string }) => (f.path.includes('/') ? f.path.slice(0, f.path.indexOf('/')) : '');
  const count = (dir: string) => manifests.filter((f) => dirOf(f) === dir).reduce((n, f) => n + f.objects.length, 0);
  const optional = count(OPTIONAL_DIR) > 0 ? ` (and ${count(OPTIONAL_DIR)} for CRDs this stack does not ship into ${outdir}/${OPTIONAL_DIR}/)` : '';
  log(`synthesized ${count('')} objects into ${outdir}/ and ${count(STAGE2_DIR)} into ${outdir}/${STAGE2_DIR}/${optional}; kind config: ${kindConfig ?? 'not written (--no-kind-config)'}`);
  for (const f of manifests) log(`  ${outdir}/${f.path} (${f.objects.length})`);
  if (values?.gitops !== undefined) {
    const engineDir = `${outdir}/${GITOPS_DIR}/${values.gitops.engine.name}/`;
    log(`gitops (${values.gitops.engine.name}): commit ${outdir}/ to ${values.gitops.repoUrl}, then kubectl apply -f ${engineDir}`);
  }
  const decoy = decoyLine(manifests.flatMap((f) => f.objects), outdir, kept);
  if (decoy !== undefined) log(decoy);
  for (const w of out.warnings.filter((x) => kindConfig || !x.startsWith('kind config: '))) err(`warning: ${escapeUnprintable(w)}`);
  return 0;
}
