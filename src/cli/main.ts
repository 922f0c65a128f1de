import * as fs from 'fs';
import { checkCommand } from './check-command';
import { runPlan } from './plan-command';
import { runSynth } from './synth-command';
import { CommandIo, ExitCode, Subcommand } from './io';
import { packageVersion } from './version';

/** The subcommands of `multicni`; a new one is one more entry here. */
export const SUBCOMMANDS: Record<string, Subcommand> = {
  check: checkCommand,
  synth: {
    summary: 'synthesize the stack a values file describes into a staged output directory (as npm run synth)',
    run: (args, io) => runSynth(args, io.out, io.err),
  },
  plan: {
    summary: 'print the address plan of a values file as a markdown table or an SVG map; --diff OLD classifies the changes against a previous output',
    run: (args, io) => runPlan(args, io.out, io.err),
  },
};

function help(): string {
  const names = Object.keys(SUBCOMMANDS);
  const width = Math.max(...names.map((n) => n.length));
  return [
    'usage: multicni <command> [options]',
    '',
    'commands:',
    ...names.map((n) => `  ${n.padEnd(width)}  ${SUBCOMMANDS[n].summary}`),
    '',
    'options:',
    '  -h, --help     this help (multicni <command> --help for a command\'s own)',
    '  -v, --version  the version',
  ].join('\n');
}

/** Runs `multicni <argv>`; returns the exit code and never throws for bad input. */
export function run(argv: string[], io: CommandIo): number {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') {
    io.out(help());
    return ExitCode.OK;
  }
  if (command === '-v' || command === '--version' || command === 'version') {
    io.out(packageVersion());
    return ExitCode.OK;
  }
  const sub = command === undefined ? undefined : SUBCOMMANDS[command];
  if (!sub) {
    io.err(`multicni: ${command === undefined ? 'no command given' : `unknown command ${JSON.stringify(command)}`}\n${help()}`);
    return ExitCode.USAGE;
  }
  return sub.run(rest, io);
}

/** Entry point of the `multicni` binary. */
export function main(argv: string[]): number {
  const io: CommandIo = {
    out: (l) => process.stdout.write(l + '\n'),
    err: (l) => process.stderr.write(l + '\n'),
    stdin: () => fs.readFileSync(0),
  };
  try {
    return run(argv, io);
  } catch (e) {
    io.err(`multicni: internal error: ${(e as Error)?.message ?? String(e)}`);
    return ExitCode.USAGE;
  }
}
