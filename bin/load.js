// Loads a module of this package. In a checkout it runs the TypeScript sources directly: each .ts file
// is transpiled (no type-check: that belongs to `npm test`) and the result cached on disk under the
// git-ignored .cache/ of the checkout, keyed by the file's name and content and TypeScript's version, so
// neither a source edit nor a TypeScript upgrade is ever run stale, and an unchanged file costs one hash. (Not node_modules/.cache: `npm ci` deletes node_modules, so the README's
// `npm ci && npm run synth` would always start cold.) An installed package has no sources and runs its compiled lib/.
//
// In a checkout, every module the process loads (ours and node_modules') is also compiled with V8 code
// cached in .cache/v8/: compiling JavaScript was the largest single cost of a warm `npm run synth`. The cache
// of a module is written when the process exits, after the run, so it holds the functions the run compiled
// lazily too (a cache made at compile time holds little more than the top level). V8 checks each entry
// against its own version and flags and rejects a mismatch; the key adds the file's name and content.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const Module = require('module');
const path = require('path');
const vm = require('vm');

const root = path.join(__dirname, '..');
// MULTICNI_CACHE_DIR puts both caches in another folder (test/app/load.test.ts uses a temporary one to age
// and prune entries without touching the checkout's).
const cacheRoot = process.env.MULTICNI_CACHE_DIR || path.join(root, '.cache');
const transpileDir = path.join(cacheRoot, 'transpile');
const codeDir = path.join(cacheRoot, 'v8');
/** Cache files older than this are removed when new ones are written (an edited source leaves its old entries). */
const MAX_AGE_MS = 7 * 24 * 3600 * 1000;
let ts; // loaded on the first cache miss only: requiring typescript costs more than a warm synth
let tsVersion;
let hooked = false;

function digest(...parts) {
  const hash = crypto.createHash('sha1');
  for (const p of parts) hash.update(p).update('\0');
  return hash.digest('hex');
}

/** Writes a cache file atomically (concurrent runs may write the same entry); a cache is never worth failing for. */
function writeCacheFile(dir, name, data) {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const tmp = path.join(dir, `${name}.${process.pid}.tmp`);
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, path.join(dir, name));
    return true;
  } catch {
    return false;
  }
}

/** Removes entries not written for MAX_AGE_MS; called only by a run that wrote entries. */
function prune(dir) {
  try {
    const now = Date.now();
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (now - fs.statSync(file).mtimeMs > MAX_AGE_MS) fs.rmSync(file, { force: true });
    }
  } catch {
    // another run pruned the same entry, or the folder is read-only
  }
}

/**
 * TypeScript's version, part of every transpile key: read as text from its package.json, which is far cheaper
 * than requiring typescript (and keeps it out of require.cache).
 */
function typescriptVersion() {
  if (tsVersion === undefined) {
    try {
      tsVersion = JSON.parse(fs.readFileSync(require.resolve('typescript/package.json'), 'utf8')).version;
    } catch {
      tsVersion = ''; // not installed: the miss below fails on requiring it, as before
    }
  }
  return tsVersion;
}

function transpile(source, filename) {
  const key = digest(typescriptVersion(), filename, source);
  try {
    return fs.readFileSync(path.join(transpileDir, `${key}.js`), 'utf8');
  } catch {
    // miss: fall through
  }
  ts = ts || require('typescript');
  const out = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false },
  }).outputText;
  if (writeCacheFile(transpileDir, `${key}.js`, out)) prune(transpileDir);
  return out;
}

/** Scripts compiled without a usable cache entry: their code cache is written at exit. */
const unsaved = [];

function saveCodeCache() {
  let wrote = false;
  for (const { script, name } of unsaved) {
    wrote = writeCacheFile(codeDir, name, script.createCachedData()) || wrote;
  }
  if (wrote) prune(codeDir);
}

/**
 * Module.prototype._compile with a code cache: the module's wrapper compiled as a vm.Script from cached
 * data when there is some, then called as Node calls it (exports, require, module, __filename, __dirname).
 */
function compileWithCache(content, filename) {
  const name = `${digest(filename, content)}.bin`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(path.join(codeDir, name));
  } catch {
    // miss
  }
  // A shebang line is valid at the start of a file, not inside the wrapper: keep its length, drop its meaning.
  const body = content.startsWith('#!') ? `//${content.slice(2)}` : content;
  const script = new vm.Script(Module.wrap(body), { filename, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) unsaved.push({ script, name });
  const wrapper = script.runInThisContext({ displayErrors: true });
  const mod = this;
  function require(id) {
    return mod.require(id);
  }
  require.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
  require.resolve.paths = (request) => Module._resolveLookupPaths(request, mod);
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return wrapper.call(mod.exports, mod.exports, require, mod, filename, path.dirname(filename));
}

function hook() {
  if (hooked) return;
  hooked = true;
  Module._extensions['.ts'] = (module, filename) => {
    module._compile(transpile(fs.readFileSync(filename, 'utf8'), filename), filename);
  };
  if (process.env.MULTICNI_NO_CODE_CACHE === undefined) {
    Module.prototype._compile = compileWithCache;
    process.once('exit', saveCodeCache);
  }
}

function load(relative) {
  const source = path.join(root, `${relative}.ts`);
  if (fs.existsSync(source)) {
    hook();
    return require(source);
  }
  return require(path.join(root, 'lib', `${relative}.js`));
}

module.exports = { load };
