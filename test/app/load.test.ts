import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// bin/load.js runs TypeScript sources through a transpile cache: an edited source must never run stale.
const root = path.join(__dirname, '..', '..');

function loadValue(relative: string): string {
  const r = spawnSync(process.execPath, ['-e', `process.stdout.write(String(require('./bin/load').load(${JSON.stringify(relative)}).value))`], { cwd: root, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout;
}

test('an edited source is transpiled again; an unchanged one comes from the cache', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'multicni-load-'));
  const file = path.join(dir, 'mod.ts');
  const relative = path.relative(root, path.join(dir, 'mod'));
  try {
    fs.writeFileSync(file, 'export const value: number = 1;\n');
    expect(loadValue(relative)).toBe('1');
    // The cache entry is keyed by file name and content (bin/load.js); the second run reads, not rewrites it.
    const key = crypto.createHash('sha256').update(file).update('\0').update(fs.readFileSync(file, 'utf8')).digest('hex');
    const entry = path.join(root, '.cache', 'transpile', `${key}.js`);
    const written = fs.statSync(entry).mtimeMs;
    expect(loadValue(relative)).toBe('1');
    expect(fs.statSync(entry).mtimeMs).toBe(written);
    fs.writeFileSync(file, 'export const value: string = "edited";\n');
    expect(loadValue(relative)).toBe('edited');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
