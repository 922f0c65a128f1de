import * as fs from 'fs';
import * as path from 'path';
import { loadValuesFile, valuesToProps } from './app/values';
import { OutputError, writeOutputs } from './app/atomic-dir';
import { escapeUnprintable, valuesErrorLine } from './app/error-message';
import { SynthOutput, synthesize } from './app/synthesize';
import { MultiCniChartProps } from './chart';
import { OPTIONAL_DIR, STAGE2_DIR } from './app/manifest-layout';

const USAGE = `usage: synth [--values FILE] [--outdir DIR] [--kind-config FILE]
  --values FILE       helm-like YAML values (see README); default: the seed's deployment with current
                      releases (Cilium 1.20.0, Multus v4.3.0; preset: seed for the seed's own)
  --outdir DIR        output directory, replaced only when synth succeeds, and only if it is absent,
                      empty or written by synth before (it holds the marker .cdk8s-multicni); default: dist
  --kind-config FILE  where to write the matching kind cluster config; default: kind-config.yaml`;

/** The synth app: seed defaults or a values file → dist/ (and a kind config). Returns the exit code. */
export function main(
  argv: string[],
  log: (line: string) => void = (l) => process.stdout.write(l + '\n'),
  err: (line: string) => void = (l) => process.stderr.write(l + '\n'),
): number {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '-h' || flag === '--help') {
      log(USAGE);
      return 0;
    }
    if (!['--values', '--outdir', '--kind-config'].includes(flag) || argv[i + 1] === undefined) {
      err(`synth: ${argv[i + 1] === undefined && flag.startsWith('--') ? `${flag} needs a value` : `unknown argument ${JSON.stringify(flag)}`}\n${USAGE}`);
      return 2;
    }
    args.set(flag, argv[++i]);
  }
  const outdir = args.get('--outdir') ?? 'dist';
  const kindConfig = args.get('--kind-config') ?? 'kind-config.yaml';
  const valuesFile = args.get('--values');
  const unchanged = `nothing was written (${outdir}/ and ${kindConfig} are unchanged)`;
  let props: MultiCniChartProps | undefined;
  let out: SynthOutput;
  try {
    props = valuesFile ? loadValuesFile(valuesFile) : valuesToProps({});
    out = synthesize(props);
  } catch (e) {
    // One line: `file: key.path: problem` for a values file, so the user can jump to the key.
    const line = valuesErrorLine(e, valuesFile, props);
    err(`${valuesFile ? line : `synth: ${line}`}; ${unchanged}`);
    return 1;
  }
  try {
    // The kind config is part of the same transaction: both are replaced, or neither.
    writeOutputs({ dir: outdir, files: new Map(out.files.map((f) => [f.path, f.content])), siblings: new Map([[kindConfig, out.kindConfig]]) });
  } catch (e) {
    // A refusal touched nothing: say that both outputs are as they were (a failure says so itself).
    const untouched = e instanceof OutputError && e.changedNothing && !e.saysNothingChanged;
    err(`synth: ${escapeUnprintable((e as Error).message)}${untouched ? `; ${unchanged}` : ''}`);
    return 1;
  }
  // `cdk8s synth` empties its own output directory and expects the manifests there.
  const cdk8sOut = process.env.CDK8S_OUTDIR;
  if (cdk8sOut && path.resolve(cdk8sOut) !== path.resolve(outdir)) {
    try {
      for (const f of out.files) {
        fs.mkdirSync(path.dirname(path.join(cdk8sOut, f.path)), { recursive: true });
        fs.writeFileSync(path.join(cdk8sOut, f.path), f.content);
      }
    } catch (e) {
      err(`synth: wrote ${outdir}/ and ${kindConfig}, but copying to CDK8S_OUTDIR ${cdk8sOut} failed: ${(e as Error).message}`);
      return 1;
    }
  }
  const manifests = out.files.filter((f) => f.objects.length > 0); // the address-plan files hold no objects
  const dirOf = (f: { path: string }) => (f.path.includes('/') ? f.path.slice(0, f.path.indexOf('/')) : '');
  const count = (dir: string) => manifests.filter((f) => dirOf(f) === dir).reduce((n, f) => n + f.objects.length, 0);
  const optional = count(OPTIONAL_DIR) > 0 ? ` (and ${count(OPTIONAL_DIR)} for CRDs this stack does not ship into ${outdir}/${OPTIONAL_DIR}/)` : '';
  log(`synthesized ${count('')} objects into ${outdir}/ and ${count(STAGE2_DIR)} into ${outdir}/${STAGE2_DIR}/${optional}; kind config: ${kindConfig}`);
  for (const f of manifests) log(`  ${outdir}/${f.path} (${f.objects.length})`);
  for (const w of out.warnings) err(`warning: ${escapeUnprintable(w)}`);
  return 0;
}
