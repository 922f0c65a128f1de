// Loads a module of this package: the compiled one under lib/ when it is at least as new as every source
// file it comes from, else the TypeScript source through ts-node's transpile-only mode (no type-check:
// that belongs to `npm test`). So a source edit is never run stale, and an installed package needs no
// TypeScript at all.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(p) : entry.name.endsWith('.ts') ? fs.statSync(p).mtimeMs : 0;
    if (t > newest) newest = t;
  }
  return newest;
}

function load(relative) {
  const compiled = path.join(root, 'lib', `${relative}.js`);
  const source = path.join(root, `${relative}.ts`);
  const hasSource = fs.existsSync(source);
  if (fs.existsSync(compiled)) {
    const srcTime = hasSource ? Math.max(newestMtime(path.join(root, 'src')), fs.existsSync(path.join(root, 'imports')) ? newestMtime(path.join(root, 'imports')) : 0) : 0;
    if (!hasSource || fs.statSync(compiled).mtimeMs >= srcTime) return require(compiled);
  }
  require('ts-node').register({ transpileOnly: true, project: path.join(root, 'tsconfig.json') });
  return require(source);
}

module.exports = { load };
