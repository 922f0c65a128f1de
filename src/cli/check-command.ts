import { checkManifestFiles } from '../check';
import { ManifestReadError } from '../check/manifest-reader';

/** Exit codes of `multicni check`. */
export enum CheckExitCode {
  /** No problem found. */
  CLEAN = 0,
  /** Overlaps or other address problems. */
  PROBLEMS = 1,
  /** Input could not be read or parsed, or the command line is wrong. */
  UNREADABLE = 2,
}

const USAGE = 'usage: multicni check <file-or-dir>...';

/** `multicni check …`: prints findings, returns the exit code; never throws for bad input. */
export function runCheck(args: string[], out: (line: string) => void, err: (line: string) => void): CheckExitCode {
  if (args.length === 0 || args.includes('-h') || args.includes('--help')) {
    (args.length === 0 ? err : out)(`multicni check: ${args.length === 0 ? 'no input given; ' : ''}${USAGE}`);
    return args.length === 0 ? CheckExitCode.UNREADABLE : CheckExitCode.CLEAN;
  }
  try {
    const result = checkManifestFiles(args);
    for (const problem of result.problems) out(problem);
    out(`${result.ranges.length} ranges checked, ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
    return result.problems.length === 0 ? CheckExitCode.CLEAN : CheckExitCode.PROBLEMS;
  } catch (e) {
    if (e instanceof ManifestReadError) {
      err(`multicni check: ${e.message}`);
      return CheckExitCode.UNREADABLE;
    }
    throw e;
  }
}

/** Entry point of the `multicni` binary. */
export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === 'check') {
    return runCheck(rest, (l) => process.stdout.write(l + '\n'), (l) => process.stderr.write(l + '\n'));
  }
  process.stderr.write(`multicni: unknown command ${JSON.stringify(command ?? '')}\n${USAGE}\n`);
  return CheckExitCode.UNREADABLE;
}
