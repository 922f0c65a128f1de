// Loads a module of this package. In a checkout it runs the TypeScript sources directly: each .ts file
// is transpiled (no type-check: that belongs to `npm test`) and the result cached on disk under the
// git-ignored .cache/ of the checkout, keyed by the file's content, so a source edit is never run stale and
// an unchanged file costs one hash. (Not node_modules/.cache: `npm ci` deletes node_modules, so the README's
// `npm ci && npm run synth` would always start cold.) An installed package has no sources and runs its compiled lib/.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const Module = require('module');
const path = require('path');

const root = path.join(__dirname, '..');
const cacheDir = path.join(root, '.cache', 'transpile');
let ts; // loaded on the first cache miss only: requiring typescript costs more than a warm synth
let hooked = false;

function transpile(source, filename) {
  const key = crypto.createHash('sha256').update(filename).update('\0').update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    // miss: fall through
  }
  ts = ts || require('typescript');
  const out = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false },
  }).outputText;
  fs.mkdirSync(cacheDir, { recursive: true });
  const tmp = `${cached}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, out);
  fs.renameSync(tmp, cached);
  return out;
}

function hook() {
  if (hooked) return;
  hooked = true;
  Module._extensions['.ts'] = (module, filename) => {
    module._compile(transpile(fs.readFileSync(filename, 'utf8'), filename), filename);
  };
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
