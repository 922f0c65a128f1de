import * as fs from 'fs';
import * as path from 'path';

/** This package's version, from its package.json (found upwards: src/cli/ in the repo, lib/src/cli/ when built). */
export function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (pkg.name === 'cdk8s-multicni') return String(pkg.version);
    } catch {
      // not here: look one level up
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}
