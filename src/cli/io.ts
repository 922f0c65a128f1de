/** Where a command writes, and what it reads as standard input (tests give their own). */
export interface CommandIo {
  /** One line to standard output. */
  out(line: string): void;
  /** One line to standard error. */
  err(line: string): void;
  /** The bytes of standard input (read only when a command is given `-`). */
  stdin(): Buffer;
}

/** Exit codes shared by every subcommand. */
export enum ExitCode {
  /** Done, nothing wrong. */
  OK = 0,
  /** The input has problems. */
  PROBLEMS = 1,
  /** Input could not be read or parsed, or the command line is wrong. */
  USAGE = 2,
}

/** A subcommand of `multicni`: one entry of the dispatcher's table. */
export interface Subcommand {
  /** One line for `multicni --help`. */
  readonly summary: string;
  /** Runs it; returns the exit code and never throws for bad input. */
  run(args: string[], io: CommandIo): number;
}
