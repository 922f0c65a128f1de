import * as path from 'path';

/**
 * The file synth writes into every output directory. A non-empty directory without it was not written by
 * synth, so it is never replaced (it may hold the user's own files).
 */
export const OUTPUT_MARKER = '.cdk8s-multicni';
export const MARKER_TEXT = 'Written by cdk8s-multicni synth. This directory is replaced as a whole on every synth.\n';

/**
 * A refusal, or a failure of writing the outputs. A failure once the write had begun (or a lock waited for
 * in vain) tells the reader that the previous outputs are intact: `OutputError.nothingChanged` ends its
 * message so; a refusal, which never touched anything, is worded as a refusal.
 */
export class OutputError extends Error {
  /** `reason; nothing was changed`: a failure after which the previous outputs are as they were. */
  public static nothingChanged(reason: string): OutputError {
    return new OutputError(`${reason}; nothing was changed`, true, true);
  }

  /**
   * @param changedNothing the previous outputs are as they were
   * @param saysNothingChanged the message already says so (made by `nothingChanged`)
   */
  constructor(message: string, public readonly changedNothing: boolean, public readonly saysNothingChanged = false) {
    super(message);
    this.name = 'OutputError';
  }
}

/** True when `child` is strictly inside `parent`. */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** An fs error as `ENOENT on /path`, anything else by its message. */
export function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code ? `${err.code}${err.path ? ` on ${err.path}` : ''}` : String(err.message ?? e);
}
