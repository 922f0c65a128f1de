import { execFileSync } from 'child_process';
import { parseManifestText, readManifestInputs } from '../check';

/** The prefix of a previous output read from git: `git:REV:PATH`. */
export const GIT_PREFIX = 'git:';

/**
 * The objects of a previous output: a directory (read recursively, as `multicni check` reads it, so the
 * stages are included) or `git:REV:PATH`, the same directory at a git revision of the repository in `cwd`.
 * @throws naming the input and what is wrong with it
 */
export function readPreviousOutput(spec: string, cwd: string = process.cwd()): any[] {
  const objects = spec.startsWith(GIT_PREFIX) ? readFromGit(spec, cwd) : readFromDirectory(spec);
  if (objects.length === 0) throw new Error(`${spec}: holds no Kubernetes objects (expected an output directory of synth)`);
  return objects;
}

function readFromDirectory(dir: string): any[] {
  const inputs = readManifestInputs([dir]);
  if (inputs.errors.length > 0) throw new Error(inputs.errors.join('; '));
  return inputs.documents.map((d) => d.object);
}

function readFromGit(spec: string, cwd: string): any[] {
  const rest = spec.slice(GIT_PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon <= 0 || colon === rest.length - 1) {
    throw new Error(`${spec}: expected git:REV:PATH, such as git:origin/main:dist`);
  }
  const [rev, dir] = [rest.slice(0, colon), rest.slice(colon + 1)];
  const git = (args: string[]) => {
    try {
      return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
    } catch (e) {
      const stderr = String((e as { stderr?: unknown }).stderr ?? '').trim().split('\n')[0];
      throw new Error(`${spec}: git ${args[0]} failed: ${stderr || (e as Error).message}`);
    }
  };
  // --full-tree: PATH and the names listed are from the repository root, as `git show REV:path` takes them,
  // whatever directory of the repository the command runs in.
  const files = git(['ls-tree', '-r', '-z', '--full-tree', '--name-only', rev, '--', dir]).split('\0')
    .filter((f) => /\.(ya?ml|json)$/i.test(f)).sort();
  if (files.length === 0) throw new Error(`${spec}: no YAML or JSON files under ${dir} at ${rev}`);
  return files.flatMap((f) => parseManifestText(git(['show', `${rev}:${f}`]), `${rev}:${f}`).map((d) => d.object));
}
