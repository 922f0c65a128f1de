import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * The file synth writes into every output directory. A non-empty directory without it was not written by
 * synth, so it is never replaced (it may hold the user's own files).
 */
export const OUTPUT_MARKER = '.cdk8s-multicni';
const MARKER_TEXT = 'Written by cdk8s-multicni synth. This directory is replaced as a whole on every synth.\n';

/** How long a synth waits for another synth of the same output to finish. */
const LOCK_WAIT_MS = 60_000;

/** What one synth writes: the output directory (replaced as a whole) and files beside it (replaced each). */
export interface OutputTransaction {
  /** The output directory. */
  readonly dir: string;
  /** Its files, relative path → content. */
  readonly files: Map<string, string>;
  /** Single files outside the directory (the kind config), path → content. */
  readonly siblings?: Map<string, string>;
}

/** A refusal or failure that changed nothing on disk; the message says so. */
export class OutputError extends Error {
  constructor(message: string, public readonly changedNothing: boolean) {
    super(message);
    this.name = 'OutputError';
  }
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
export function replaceDirectory(dir: string, files: Map<string, string>, siblings: Map<string, string> = new Map()): void {
  writeOutputs({ dir, files, siblings });
}

/** See `replaceDirectory`. */
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
      for (const [relative, content] of [...tx.files.entries()].sort(([a], [b]) => a.localeCompare(b))) {
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
      throw new OutputError(`${shown}: cannot write the new files: ${errorText(e)}; nothing was changed`, true);
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
    throw new OutputError(`${shown}: cannot swap in the new files: ${errorText(e)}; nothing was changed`, true);
  }
}

/** The absolute directory to replace: through a symlink to its target; never a directory the user stands in. */
function resolveTarget(dir: string): string {
  if (typeof dir !== 'string' || dir === '') throw new OutputError('output directory: empty path', true);
  let target = path.resolve(dir);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(target);
  } catch {
    stat = undefined;
  }
  if (stat?.isSymbolicLink()) {
    try {
      target = fs.realpathSync(target);
    } catch (e) {
      throw new OutputError(`${dir}: is a symbolic link to ${JSON.stringify(fs.readlinkSync(path.resolve(dir)))}, which does not resolve (${errorText(e)}); create its target or remove the link`, true);
    }
  }
  refuseProtected(dir, target);
  return target;
}

function refuseProtected(shown: string, target: string): void {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const cwd = real(process.cwd());
  const candidates = [target, real(target)];
  const home = real(os.homedir());
  for (const t of candidates) {
    let why: string | undefined;
    if (t === path.parse(t).root) why = 'the root directory';
    else if (t === home) why = 'the home directory';
    else if (t === cwd) why = 'the working directory';
    else if (isInside(cwd, t)) why = 'an ancestor of the working directory';
    if (why) {
      throw new OutputError(`${shown}: refusing to replace ${why} (${t}); synth replaces the whole output directory, so give one of its own, e.g. --outdir dist`, true);
    }
  }
}

/** Absent, empty, or written by synth (the marker): anything else may be the user's. */
function checkReplaceable(target: string, shown: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new OutputError(`${shown}: cannot inspect: ${errorText(e)}`, true);
  }
  if (!stat.isDirectory()) {
    throw new OutputError(`${shown}: exists and is not a directory; remove it or choose another --outdir`, true);
  }
  const entries = fs.readdirSync(target);
  if (entries.length > 0 && !entries.includes(OUTPUT_MARKER) && !isUnmarkedSynthOutput(target, entries)) {
    const sample = entries.sort().slice(0, 3).map((e) => JSON.stringify(e)).join(', ');
    throw new OutputError(`${shown}: refusing to replace a directory that synth did not write (it holds ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}, e.g. ${sample}, and no ${OUTPUT_MARKER} marker); empty it or choose another --outdir`, true);
  }
}

/**
 * Output of a synth from before the marker: nothing but `NN-name.k8s.yaml` files and a `stage2/` of the
 * same. Replacing it loses nothing the user wrote.
 */
function isUnmarkedSynthOutput(dir: string, entries: string[]): boolean {
  const layoutFile = /^\d\d-[a-z0-9.-]+\.k8s\.yaml$/;
  return entries.every((e) => {
    const stat = fs.lstatSync(path.join(dir, e));
    if (stat.isFile()) return layoutFile.test(e);
    if (stat.isDirectory() && e === 'stage2') return fs.readdirSync(path.join(dir, e)).every((f) => layoutFile.test(f) && fs.lstatSync(path.join(dir, e, f)).isFile());
    return false;
  });
}

/** Takes `.<base>.lock` beside the output, waiting while a live synth holds it; returns the release. */
function lock(parent: string, base: string, shown: string): () => void {
  const file = path.join(parent, `.${base}.lock`);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      return () => fs.rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new OutputError(`${shown}: cannot create the lock file ${file}: ${errorText(e)}`, true);
      }
    }
    const holder = lockHolder(file);
    if (holder !== undefined && !isAlive(holder)) {
      fs.rmSync(file, { force: true }); // left by a synth that was killed
      continue;
    }
    if (Date.now() > deadline) {
      throw new OutputError(`${shown}: another synth${holder ? ` (pid ${holder})` : ''} is writing it and still holds ${file} after ${LOCK_WAIT_MS / 1000}s; nothing was changed`, true);
    }
    sleep(25);
  }
}

function lockHolder(file: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary folders of synths that were killed mid-write (their pid is gone); called under the lock. */
function removeAbandoned(parent: string, base: string): void {
  const pattern = new RegExp(`^\\.${escapeRegExp(base)}\\.(new|old)-(\\d+)-[0-9a-f]{8}(\\.old)?$`);
  for (const entry of fs.readdirSync(parent)) {
    const m = pattern.exec(entry);
    if (m && !isAlive(Number(m[2]))) fs.rmSync(path.join(parent, entry), { recursive: true, force: true });
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code ? `${err.code}${err.path ? ` on ${err.path}` : ''}` : String(err.message ?? e);
}
