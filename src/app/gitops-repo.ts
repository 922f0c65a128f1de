import * as fs from 'fs';
import * as path from 'path';
import { GitopsOptions, repoPath } from '../gitops';
import { isInside } from './output-common';

/**
 * The top level of the Git work tree holding `dir` (the nearest ancestor with a `.git` directory, or the
 * `.git` file of a linked worktree or submodule), or undefined outside any.
 */
export function gitTopLevel(dir: string): string | undefined {
  for (let at = realPathOfExisting(dir); ; at = path.dirname(at)) {
    if (fs.existsSync(path.join(at, '.git'))) return at;
    if (path.dirname(at) === at) return undefined;
  }
}

/**
 * The GitOps options of one synth with their `path` checked against `--outdir`: when the working directory is
 * in a Git work tree the output must be inside it (the engine reads it from that repository), and `path` is
 * the output's own path there (derived when not given; a `path` that names another directory is refused).
 * Outside a Git work tree `path` is taken as given (default `dist`).
 * @throws `gitops: …` or `gitops.path: …`
 */
export function gitopsForOutdir(options: GitopsOptions, outdir: string, cwd = process.cwd()): GitopsOptions {
  const top = gitTopLevel(cwd);
  if (top === undefined) return options;
  const target = realPathOfExisting(path.resolve(cwd, outdir));
  if (!isInside(target, top)) {
    throw new Error(`gitops: the output directory ${JSON.stringify(outdir)} (${target}) is outside the Git repository ${top} that the working directory is in; the engine reads the output from a repository: give an --outdir inside ${top} or run synth in the output's own repository`);
  }
  const derived = path.relative(top, target).split(path.sep).join('/');
  if (options.path === undefined) return { ...options, path: derived };
  const given = repoPath(options.path);
  if (given !== derived) {
    throw new Error(`gitops.path: invalid value ${JSON.stringify(options.path)}: expected ${JSON.stringify(derived)}, the path of --outdir ${JSON.stringify(outdir)} in the Git repository ${top} (leave gitops.path out to use it)`);
  }
  return options;
}

/** `p` with symbolic links resolved as far as it exists; the rest appended as written. */
function realPathOfExisting(p: string): string {
  const absolute = path.resolve(p);
  const rest: string[] = [];
  for (let at = absolute; ; at = path.dirname(at)) {
    try {
      return path.join(fs.realpathSync(at), ...rest.reverse());
    } catch {
      if (path.dirname(at) === at) return absolute;
      rest.push(path.basename(at));
    }
  }
}
