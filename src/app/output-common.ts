import * as path from 'path';

/**
 * The file synth writes into every output directory. A non-empty directory without it was not written by
 * synth, so it is never replaced (it may hold the user's own files).
 */
export const OUTPUT_MARKER = '.cdk8s-multicni';
export const MARKER_TEXT = 'Written by cdk8s-multicni synth. This directory is replaced as a whole on every synth.\n';

/** A refusal or failure that changed nothing on disk; the message says so. */
export class OutputError extends Error {
  constructor(message: string, public readonly changedNothing: boolean) {
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
