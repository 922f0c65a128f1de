import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { STAGE2_DIR } from './manifest-layout';
import { OUTPUT_MARKER, OutputError, errorText, isInside } from './output-common';

/** The absolute directory to replace: through a symlink to its target; never a directory the user stands in. */
export function resolveTarget(dir: string): string {
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
export function checkReplaceable(target: string, shown: string): void {
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
 * Output of a synth from before the marker: nothing but `NN-name.k8s.yaml` files and a `stage2/` (STAGE2_DIR)
 * of the same. Replacing it loses nothing the user wrote.
 */
function isUnmarkedSynthOutput(dir: string, entries: string[]): boolean {
  const layoutFile = /^\d\d-[a-z0-9.-]+\.k8s\.yaml$/;
  return entries.every((e) => {
    const stat = fs.lstatSync(path.join(dir, e));
    if (stat.isFile()) return layoutFile.test(e);
    if (stat.isDirectory() && e === STAGE2_DIR) return fs.readdirSync(path.join(dir, e)).every((f) => layoutFile.test(f) && fs.lstatSync(path.join(dir, e, f)).isFile());
    return false;
  });
}

