import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tmpDir } from '../support/tmp-dir';

// bin/load.js runs lib/ when it is at least as new as every source, else the TypeScript sources. Each test
// is a small checkout of its own: bin/load.js, src/ and maybe lib/, with this checkout's node_modules.
const root = path.join(__dirname, '..', '..');

function checkout(files: Record<string, string>): string {
  const dir = tmpDir('multicni-load-');
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.copyFileSync(path.join(root, 'bin', 'load.js'), path.join(dir, 'bin', 'load.js'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** Sets a file's modification time `seconds` from now. */
function age(dir: string, file: string, seconds: number): void {
  const t = new Date(Date.now() + seconds * 1000);
  fs.utimesSync(path.join(dir, file), t, t);
}

/** What `load('src/mod').value` is in a fresh node in `dir` (awaited when a promise). */
function loadValue(dir: string): string {
  const script = `Promise.resolve(require('./bin/load').load('src/mod').value).then((v) => process.stdout.write(String(v)))`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') } });
  expect(r.stderr).toBe('');
  return r.stdout;
}

const SOURCE = 'export const value: string = "from src";\n';
const COMPILED = '"use strict";\nexports.value = "from lib";\n';

test('runs the TypeScript source when there is no lib/', () => {
  expect(loadValue(checkout({ 'src/mod.ts': SOURCE }))).toBe('from src');
});

test('runs lib/ when it is as new as every source, the source when one source is newer', () => {
  const dir = checkout({ 'src/mod.ts': SOURCE, 'src/other.ts': 'export const x = 1;\n', 'lib/src/mod.js': COMPILED, 'lib/src/other.js': 'exports.x = 1;\n' });
  age(dir, 'src/mod.ts', -60);
  age(dir, 'src/other.ts', -60);
  expect(loadValue(dir)).toBe('from lib');
  // an edit of any source (not only the module loaded) makes lib/ stale
  age(dir, 'src/other.ts', 60);
  expect(loadValue(dir)).toBe('from src');
});

test('runs the sources when a source has no compiled file in lib/', () => {
  const dir = checkout({ 'src/mod.ts': SOURCE, 'src/new.ts': 'export const x = 1;\n', 'lib/src/mod.js': COMPILED });
  age(dir, 'src/mod.ts', -60);
  age(dir, 'src/new.ts', -60);
  expect(loadValue(dir)).toBe('from src');
});

test('an installed package (lib/ and no sources) runs lib/', () => {
  expect(loadValue(checkout({ 'lib/src/mod.js': COMPILED }))).toBe('from lib');
});

test('a dependency\'s dynamic import() works when the sources run (node compiles node_modules itself)', () => {
  const dir = checkout({
    'src/mod.ts': 'import { osName } from "dep";\nexport const value: Promise<string> = osName();\n',
    'node_modules/dep/index.js': 'exports.osName = () => import("node:os").then((os) => typeof os.platform);\n',
  });
  expect(loadValue(dir)).toBe('function');
});
