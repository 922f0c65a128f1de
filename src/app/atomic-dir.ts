import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { MARKER_TEXT, OUTPUT_MARKER, OutputError, errorText, isInside } from './output-common';
import { checkReplaceable, resolveTarget } from './output-guards';
import { lock, removeAbandoned } from './output-lock';
import { compareText } from '../util/text';

export { OUTPUT_MARKER, OutputError } from './output-common';

/** What one synth writes: the output directory (replaced as a whole) and files beside it (replaced each). */
export interface OutputTransaction {
  /** The output directory. */
  readonly dir: string;
  /** Its files, relative path → content. */
  readonly files: Map<string, string>;
  /** Single files outside the directory (the kind config), path → content. */
  readonly siblings?: Map<string, string>;
}

/**
 * Replaces `dir` with a directory holding exactly `files` plus the marker, and writes each sibling file,
 * all or nothing: everything is written to temporary names beside its target first and swapped in with
 * renames, so a failure at any point leaves the previous outputs as they were.
 *
 * Guards: `dir` is replaced only when it is absent, empty or carries the marker; the working directory,
 * its ancestors, the home directory and `/` are always refused; a symlinked `dir` is written through to
 * its target (the link stays); one synth at a time per output (a lock file beside it, waited for); new
 * directories get the mode `mkdir` gives (0755 under the usual umask), not the 0700 of a temp directory.
 * @throws OutputError naming the path and the reason; `changedNothing` tells whether anything changed
 */
export function writeOutputs(tx: OutputTransaction): void {
  const shown = tx.dir;
  const target = resolveTarget(tx.dir);
  const siblings = [...(tx.siblings ?? new Map()).entries()].map(([file, content]) => ({ shown: file, file: path.resolve(file), content }));
  for (const s of siblings) {
    if (s.file === target || isInside(s.file, target)) {
      throw new OutputError(`${s.shown}: is inside the output directory ${shown}/, which synth replaces; write it elsewhere`, true);
    }
  }
  const parent = path.dirname(target);
  const base = path.basename(target);
  try {
    fs.mkdirSync(parent, { recursive: true });
  } catch (e) {
    throw new OutputError(`${shown}: cannot create its parent directory: ${errorText(e)}`, true);
  }
  const release = lock(parent, base, shown);
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = path.join(parent, `.${base}.new-${tag}`);
  const old = path.join(parent, `.${base}.old-${tag}`);
  const temps = siblings.map((s) => ({ ...s, temp: path.join(path.dirname(s.file), `.${path.basename(s.file)}.new-${tag}`) }));
  try {
    removeAbandoned(parent, base);
    for (const t of temps) removeAbandoned(path.dirname(t.file), path.basename(t.file));
    checkReplaceable(target, shown);
    // Everything that can fail slowly happens before the first rename.
    try {
      fs.mkdirSync(staging); // default mode, so the umask applies as for any new directory
      for (const [relative, content] of [...tx.files.entries()].sort(([a], [b]) => compareText(a, b))) {
        const file = path.join(staging, relative);
        if (!isInside(file, staging)) throw new Error(`file path ${JSON.stringify(relative)} leaves the output directory`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content);
      }
      fs.writeFileSync(path.join(staging, OUTPUT_MARKER), MARKER_TEXT);
      for (const t of temps) {
        fs.mkdirSync(path.dirname(t.file), { recursive: true });
        fs.writeFileSync(t.temp, t.content);
      }
    } catch (e) {
      throw OutputError.nothingChanged(`${shown}: cannot write the new files: ${errorText(e)}`);
    }
    commit(target, staging, old, temps, shown);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(old, { recursive: true, force: true });
    for (const t of temps) fs.rmSync(t.temp, { force: true });
    release();
  }
}

/** The swap: dir first, then each sibling; any failure undoes the renames already done. */
function commit(target: string, staging: string, old: string, temps: { file: string; temp: string; shown: string }[], shown: string): void {
  const undo: (() => void)[] = [];
  try {
    if (fs.existsSync(target)) {
      fs.renameSync(target, old);
      undo.push(() => fs.renameSync(old, target));
    }
    fs.renameSync(staging, target);
    undo.push(() => fs.renameSync(target, staging));
    for (const t of temps) {
      if (fs.existsSync(t.file)) {
        if (!fs.statSync(t.file).isFile()) throw new Error(`${t.shown} exists and is not a file`);
        const backup = `${t.temp}.old`;
        fs.renameSync(t.file, backup);
        undo.push(() => fs.renameSync(backup, t.file));
        fs.renameSync(t.temp, t.file);
        undo.push(() => fs.renameSync(t.file, t.temp));
        fs.rmSync(backup, { force: true }); // after the last possible failure of this file
      } else {
        fs.renameSync(t.temp, t.file);
        undo.push(() => fs.renameSync(t.file, t.temp));
      }
    }
  } catch (e) {
    const failedUndo: string[] = [];
    for (const step of undo.reverse()) {
      try {
        step();
      } catch (u) {
        failedUndo.push(errorText(u));
      }
    }
    if (failedUndo.length > 0) {
      throw new OutputError(`${shown}: cannot swap in the new files (${errorText(e)}), and restoring the previous ones failed too (${failedUndo.join('; ')}); check ${shown}/ and ${path.dirname(target)} by hand`, false);
    }
    throw OutputError.nothingChanged(`${shown}: cannot swap in the new files: ${errorText(e)}`);
  }
}
