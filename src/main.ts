import * as fs from 'fs';
import * as path from 'path';
import { loadValuesFile, valuesToProps } from './app/values';
import { replaceDirectory } from './app/atomic-dir';
import { synthesize } from './app/synthesize';
import { STAGE2_DIR } from './app/manifest-layout';

const USAGE = `usage: synth [--values FILE] [--outdir DIR] [--kind-config FILE]
  --values FILE       helm-like YAML values (see README); default: the seed's deployment
  --outdir DIR        output directory, replaced only when synth succeeds; default: dist
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
  try {
    const values = args.get('--values');
    const out = synthesize(values ? loadValuesFile(values) : valuesToProps({}));
    replaceDirectory(outdir, new Map([...out.files, ...out.planFiles]));
    fs.writeFileSync(kindConfig, out.kindConfig);
    // `cdk8s synth` empties its own output directory and expects the manifests there.
    const cdk8sOut = process.env.CDK8S_OUTDIR;
    if (cdk8sOut && path.resolve(cdk8sOut) !== path.resolve(outdir)) {
      for (const [file, text] of [...out.files, ...out.planFiles]) {
        fs.mkdirSync(path.dirname(path.join(cdk8sOut, file)), { recursive: true });
        fs.writeFileSync(path.join(cdk8sOut, file), text);
      }
    }
    const count = (stage2: boolean) => out.layout.filter((f) => f.path.startsWith(`${STAGE2_DIR}/`) === stage2).reduce((n, f) => n + f.objects.length, 0);
    log(`synthesized ${count(false)} objects into ${outdir}/ and ${count(true)} into ${outdir}/${STAGE2_DIR}/; kind config: ${kindConfig}`);
    for (const f of out.layout) log(`  ${outdir}/${f.path} (${f.objects.length})`);
    return 0;
  } catch (e) {
    err(`synth failed: ${(e as Error).message}`);
    err(`${outdir}/ was left unchanged`);
    return 1;
  }
}
