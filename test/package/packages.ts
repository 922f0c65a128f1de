import { spawnSync, SpawnSyncOptions } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const root = path.join(__dirname, '..', '..');
export const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Runs a command; throws with its output when it fails (so a test failure shows why). */
export function sh(cmd: string, args: string[], options: SpawnSyncOptions = {}): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}${r.error ? `: ${r.error.message}` : ''}):\n${r.stdout}\n${r.stderr}`);
  }
  return String(r.stdout);
}

/** Every file under `dir`, relative path → content. */
export function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p); else files[path.relative(dir, p)] = fs.readFileSync(p, 'utf8');
  });
  walk(dir);
  return files;
}

/**
 * `npm run package` once per jest run (the npm tarball and the wheel under packages/); the package tests
 * all live in one test file, so the build runs once.
 */
export function buildPackages(): { tarball: string; wheel: string } {
  sh('npm', ['run', 'package', '--silent'], { cwd: root });
  const js = path.join(root, 'packages', 'js');
  const py = path.join(root, 'packages', 'python');
  return {
    tarball: path.join(js, fs.readdirSync(js).find((f) => f.endsWith('.tgz'))!),
    wheel: path.join(py, fs.readdirSync(py).find((f) => f.endsWith('.whl'))!),
  };
}
