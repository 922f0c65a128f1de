/**
 * Where the upstream references live: `shared/upstream` beside the project (`../shared/upstream` from the
 * project root), or beside one of its parent directories (a git worktree in a subfolder of the same
 * workspace). `MULTICNI_UPSTREAM_DIR` names it explicitly. Absent in a user's clone: the suite is skipped
 * with a printed reason, except under `MULTICNI_FIDELITY=required` (this repository's CI), where that is a
 * failure.
 */
import * as fs from 'fs';
import * as path from 'path';

export const PROJECT_ROOT = path.resolve(__dirname, '../..');

export interface UpstreamLocation {
  /** The directory, when found. */
  readonly dir?: string;
  /** Why it was not found: every place looked at. */
  readonly reason?: string;
  /** `MULTICNI_FIDELITY=required`: absence must fail. */
  readonly required: boolean;
}

export function locateUpstream(env: NodeJS.ProcessEnv = process.env, root = PROJECT_ROOT): UpstreamLocation {
  const required = env.MULTICNI_FIDELITY === 'required';
  const candidates: string[] = [];
  if (env.MULTICNI_UPSTREAM_DIR) {
    candidates.push(path.resolve(env.MULTICNI_UPSTREAM_DIR));
  } else {
    for (let dir = path.dirname(root); ; dir = path.dirname(dir)) {
      candidates.push(path.join(dir, 'shared', 'upstream'));
      if (path.dirname(dir) === dir) break;
    }
  }
  const dir = candidates.find((c) => fs.existsSync(path.join(c, 'README.md')));
  if (dir) return { dir, required };
  return { required, reason: `no upstream references (looked for shared/upstream/README.md at ${candidates.join(', ')})` };
}
