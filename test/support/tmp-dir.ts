// Temporary directories for tests, removed after the test file's last test.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const made: string[] = [];

/**
 * A fresh temporary directory, its real path (macOS /tmp is a link). It is removed, with what the test
 * wrote into it, after the last test of the file that imported this module.
 */
export function tmpDir(prefix = 'multicni-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  made.push(dir);
  return dir;
}

// A hook registered while a test file loads belongs to that file (each file has its own module registry).
afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
