// Loads a module of this package. An installed package, and a checkout after `npm run build`, run the
// compiled lib/. A checkout whose lib/ is missing, or older than any TypeScript source, runs the sources:
// node's require.extensions hook for .ts hands each to TypeScript's transpileModule (no type-check: that
// belongs to `npm test`) and compiles the result the ordinary way, so node_modules are loaded as node loads
// them. A stale lib/ is never run: an edited source takes effect at once, at the cost of transpiling.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const SOURCE_DIRS = ['src', 'imports'];

/** Every .ts source (not .d.ts) under `dir`, as paths relative to the root. */
function sources(dir, out = []) {
  let entries;
  try {
    entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const relative = path.join(dir, e.name);
    if (e.isDirectory()) sources(relative, out);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(relative);
  }
  return out;
}

/** lib/ holds a compiled file at least as new as each source (`npm run build` compiles only what changed). */
function libIsCurrent() {
  for (const source of SOURCE_DIRS.flatMap((d) => sources(d))) {
    let compiled;
    try {
      compiled = fs.statSync(path.join(root, 'lib', source.replace(/\.ts$/, '.js'))).mtimeMs;
    } catch {
      return false;
    }
    if (compiled < fs.statSync(path.join(root, source)).mtimeMs) return false;
  }
  return true;
}

function hookTypeScript() {
  if (require.extensions['.ts']) return;
  const ts = require('typescript');
  const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
  require.extensions['.ts'] = (module, filename) => {
    const source = fs.readFileSync(filename, 'utf8');
    module._compile(ts.transpileModule(source, { fileName: filename, compilerOptions }).outputText, filename);
  };
}

let useSources;

function load(relative) {
  if (useSources === undefined) {
    useSources = fs.existsSync(path.join(root, `${relative}.ts`)) && !libIsCurrent();
    if (useSources) hookTypeScript();
  }
  return require(path.join(root, useSources ? '' : 'lib', relative));
}

module.exports = { load, libIsCurrent };
