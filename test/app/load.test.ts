import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { tmpDir } from '../support/tmp-dir';

// bin/load.js runs TypeScript sources through a transpile cache: an edited source must never run stale.
const root = path.join(__dirname, '..', '..');

function loadValue(relative: string, env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync(process.execPath, ['-e', `process.stdout.write(String(require('./bin/load').load(${JSON.stringify(relative)}).value))`], { cwd: root, encoding: 'utf8', env });
  expect(r.stderr).toBe('');
  return r.stdout;
}

/** A cache key as bin/load.js hashes it: each part followed by a NUL. */
function digest(...parts: string[]): string {
  const hash = crypto.createHash('sha1');
  for (const p of parts) hash.update(p).update('\0');
  return hash.digest('hex');
}
/** The installed TypeScript's version, read as bin/load.js reads it. */
const tsVersion = JSON.parse(fs.readFileSync(require.resolve('typescript/package.json'), 'utf8')).version as string;
/** The transpile cache key of a source: TypeScript's version, the file's name and its content. */
const transpileKey = (file: string, content: string) => digest(tsVersion, file, content);
/** The V8 code cache key of a module: the file's name and its (transpiled) content. */
const codeKey = (file: string, content: string) => digest(file, content);

test('an edited source is transpiled again; an unchanged one comes from the cache', () => {
  const dir = tmpDir('multicni-load-');
  const file = path.join(dir, 'mod.ts');
  const relative = path.relative(root, path.join(dir, 'mod'));
  fs.writeFileSync(file, 'export const value: number = 1;\n');
  expect(loadValue(relative)).toBe('1');
  // The cache entry is keyed by TypeScript's version, the file's name and content (bin/load.js); the second run
  // reads, not rewrites it.
  const entry = path.join(root, '.cache', 'transpile', `${transpileKey(file, fs.readFileSync(file, 'utf8'))}.js`);
  expect(fs.existsSync(path.join(root, '.cache', 'transpile', `${digest(file, fs.readFileSync(file, 'utf8'))}.js`))).toBe(false);
  const written = fs.statSync(entry).mtimeMs;
  expect(loadValue(relative)).toBe('1');
  expect(fs.statSync(entry).mtimeMs).toBe(written);
  fs.writeFileSync(file, 'export const value: string = "edited";\n');
  expect(loadValue(relative)).toBe('edited');
});

test('an entry of another TypeScript version is not run; one of the installed version is', () => {
  const dir = tmpDir('multicni-load-');
  const file = path.join(dir, 'mod.ts');
  const relative = path.relative(root, path.join(dir, 'mod'));
  const source = 'export const value: number = 1;\n';
  fs.writeFileSync(file, source);
  const transpiled = path.join(root, '.cache', 'transpile');
  fs.mkdirSync(transpiled, { recursive: true });
  const planted: string[] = [];
  const plant = (key: string) => {
    planted.push(path.join(transpiled, `${key}.js`));
    fs.writeFileSync(planted[planted.length - 1], 'exports.value = "planted";\n');
  };
  try {
    // what an older TypeScript (or a key without the version) would have cached for this very file
    plant(digest('5.0.0', file, source));
    plant(digest(file, source));
    expect(loadValue(relative)).toBe('1');
    // the entry under the installed version's key is the one read
    plant(transpileKey(file, source));
    expect(loadValue(relative)).toBe('planted');
  } finally {
    for (const f of planted) fs.rmSync(f, { force: true });
  }
});

test('entries older than 7 days are pruned by a run that writes an entry, not by a warm run', () => {
  const dir = tmpDir('multicni-load-');
  const cache = path.join(dir, 'cache');
  const env = { ...process.env, MULTICNI_CACHE_DIR: cache };
  const file = path.join(dir, 'mod.ts');
  const relative = path.relative(root, path.join(dir, 'mod'));
  fs.writeFileSync(file, 'export const value: number = 1;\n');
  expect(loadValue(relative, env)).toBe('1'); // cold: the module's entries (and typescript's code cache, loaded on the miss)
  const entries = (sub: string) => fs.readdirSync(path.join(cache, sub)).sort();
  const first: Record<string, string[]> = { transpile: entries('transpile'), v8: entries('v8') };
  expect(first.transpile).toHaveLength(1);
  expect(first.v8.length).toBeGreaterThan(0);
  const day = 24 * 3600;
  const aged = (sub: string, name: string, days: number) => {
    const f = path.join(cache, sub, name);
    fs.writeFileSync(f, 'old');
    const t = Date.now() / 1000 - days * day;
    fs.utimesSync(f, t, t);
  };
  for (const sub of ['transpile', 'v8']) {
    aged(sub, 'eight-days.old', 8);
    aged(sub, 'six-days.old', 6);
  }
  expect(loadValue(relative, env)).toBe('1'); // warm: writes nothing, prunes nothing
  expect(entries('transpile')).toEqual([...first.transpile, 'eight-days.old', 'six-days.old'].sort());
  expect(entries('v8')).toEqual([...first.v8, 'eight-days.old', 'six-days.old'].sort());
  fs.writeFileSync(file, 'export const value: number = 2;\n');
  expect(loadValue(relative, env)).toBe('2'); // a miss: new entries written, then the folder pruned
  for (const sub of ['transpile', 'v8']) {
    const now = entries(sub);
    expect(now).toContain('six-days.old');
    expect(now).not.toContain('eight-days.old');
    // the first run's entries (7 days from pruning) and the edited module's new one
    const fresh = now.filter((n) => !n.endsWith('.old'));
    expect(fresh).toEqual(expect.arrayContaining(first[sub]));
    expect(fresh).toHaveLength(first[sub].length + 1);
  }
  expect(fs.existsSync(path.join(root, '.cache', 'transpile', `${transpileKey(file, 'export const value: number = 2;\n')}.js`))).toBe(false);
});

describe('the V8 code cache', () => {
  let dir: string;
  let file: string;
  let relative: string;
  beforeEach(() => {
    dir = tmpDir('multicni-load-');
    file = path.join(dir, 'mod.ts');
    relative = path.relative(root, path.join(dir, 'mod'));
    fs.writeFileSync(file, 'export const value: number = 6 * 7;\n');
  });
  /** The code cache entry of the module's transpiled JavaScript. */
  const codeEntry = () => {
    const js = fs.readFileSync(path.join(root, '.cache', 'transpile', `${transpileKey(file, fs.readFileSync(file, 'utf8'))}.js`), 'utf8');
    return path.join(root, '.cache', 'v8', `${codeKey(file, js)}.bin`);
  };

  test('is written at exit, then read and not rewritten by the next run', () => {
    expect(loadValue(relative)).toBe('42');
    const written = fs.statSync(codeEntry()).mtimeMs;
    expect(fs.statSync(codeEntry()).size).toBeGreaterThan(0);
    expect(loadValue(relative)).toBe('42');
    expect(fs.statSync(codeEntry()).mtimeMs).toBe(written);
  });

  test('an entry V8 rejects (here: garbage) is ignored and replaced', () => {
    expect(loadValue(relative)).toBe('42');
    fs.writeFileSync(codeEntry(), 'not a code cache');
    expect(loadValue(relative)).toBe('42');
    expect(fs.readFileSync(codeEntry(), 'latin1')).not.toBe('not a code cache');
  });

  test('MULTICNI_NO_CODE_CACHE turns it off', () => {
    expect(loadValue(relative, { ...process.env, MULTICNI_NO_CODE_CACHE: '1' })).toBe('42');
    expect(fs.existsSync(codeEntry())).toBe(false);
  });

  test('a module keeps its require, __filename and a stack trace naming its file and line', () => {
    fs.writeFileSync(file, [
      "import * as path from 'path';",
      'export const value = [typeof require.resolve, path.basename(__filename), new Error().stack!.split("\\n")[1].includes("mod.ts:3")].join(" ");',
      '',
    ].join('\n'));
    expect(loadValue(relative)).toBe('function mod.ts true');
  });
});
