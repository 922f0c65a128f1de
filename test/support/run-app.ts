// Helpers shared by the tests of the synth app (test/app): the real entry point, temporary directories and
// a directory's files as a map, so a refused synth can be shown to leave every byte as it was.
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/main';

export { tmpDir } from './tmp-dir';

/** What `main` (the code behind `npm run synth`) printed: stdout joined, stderr joined and as lines. */
export interface AppRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly errLines: string[];
}

export function runMain(args: string[]): AppRun {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n'), errLines: err };
}

/** Every file below `dir`, by relative path, with its content. */
export function listing(dir: string, encoding: BufferEncoding = 'utf8'): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p); else files[path.relative(dir, p)] = fs.readFileSync(p, encoding);
  });
  walk(dir);
  return files;
}
