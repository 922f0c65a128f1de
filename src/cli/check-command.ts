import { checkInputs } from '../check';
import { FORMATS, Format, renderReport } from './check-output';
import { CommandIo, Subcommand } from './io';
import { packageVersion } from './version';

/** Exit codes of `multicni check`. */
export enum CheckExitCode {
  /** No problem found. */
  CLEAN = 0,
  /** Overlaps or other address problems. */
  PROBLEMS = 1,
  /** Input could not be read or parsed, or the command line is wrong. */
  UNREADABLE = 2,
}

export const CHECK_USAGE = 'usage: multicni check [--format text|json|github] <file-or-dir>... (- reads standard input)';

export const CHECK_HELP = [
  CHECK_USAGE,
  '',
  'Reads Kubernetes YAML/JSON (files, directories recursively, or - for standard input), finds every',
  'address range the cluster declares (Cilium, OVN-Kubernetes, NetworkAttachmentDefinitions, whereabouts,',
  'host-local, UserDefinedNetworks, CiliumPodIPPool, CiliumLoadBalancerIPPool, Nodes, kind and kubeadm',
  'configs) and reports overlaps and malformed values.',
  '',
  'options:',
  '  --format text     one line per problem (default)',
  '  --format json     the ranges and problems as JSON (schema: docs/check.md, "JSON output")',
  '  --format github   GitHub Actions annotations: ::error file=…,line=…::',
  '  -h, --help        this help',
  '',
  'exit codes: 0 clean, 1 problems, 2 unreadable input or usage error',
  '',
  'a live cluster:',
  '  kubectl get nodes,configmaps,network-attachment-definitions,ciliumpodippools,ciliumloadbalancerippools \\',
  '    -A -o yaml | npx multicni check -',
].join('\n');

/** `multicni check …`: prints findings, returns the exit code; never throws for bad input. */
export function runCheck(args: string[], out: (line: string) => void, err: (line: string) => void, stdin?: () => Buffer): CheckExitCode {
  let format: Format = 'text';
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      paths.push(...args.slice(i + 1));
      break;
    }
    if (a === '-h' || a === '--help') {
      out(CHECK_HELP);
      return CheckExitCode.CLEAN;
    }
    if (a === '--format' || a.startsWith('--format=')) {
      const value = a === '--format' ? args[++i] : a.slice('--format='.length);
      if (!(FORMATS as readonly string[]).includes(value ?? '')) {
        err(`multicni check: --format ${JSON.stringify(value ?? '')} is not one of ${FORMATS.join(', ')}\n${CHECK_USAGE}`);
        return CheckExitCode.UNREADABLE;
      }
      format = value as Format;
      continue;
    }
    if (a.startsWith('-') && a !== '-') {
      err(`multicni check: unknown option ${JSON.stringify(a)}\n${CHECK_USAGE}`);
      return CheckExitCode.UNREADABLE;
    }
    paths.push(a);
  }
  if (paths.length === 0) {
    err(`multicni check: no input given; ${CHECK_USAGE}`);
    return CheckExitCode.UNREADABLE;
  }
  let report;
  try {
    const { inputs, result } = checkInputs(paths, stdin);
    const exitCode = inputs.errors.length > 0 ? CheckExitCode.UNREADABLE : result.problems.length > 0 ? CheckExitCode.PROBLEMS : CheckExitCode.CLEAN;
    report = { version: packageVersion(), result, errors: inputs.errors, exitCode };
  } catch (e) {
    // A bug of ours, not bad input: still one line and exit 2, never a stack trace.
    err(`multicni check: internal error: ${(e as Error)?.message ?? String(e)}`);
    return CheckExitCode.UNREADABLE;
  }
  for (const e of report.errors) err(`multicni check: ${e}`);
  for (const line of renderReport(format, report)) out(line);
  return report.exitCode;
}

export const checkCommand: Subcommand = {
  summary: 'check manifests (files, directories, - for stdin) for overlapping or malformed address ranges',
  run: (args: string[], io: CommandIo) => runCheck(args, io.out, io.err, io.stdin),
};

