#!/usr/bin/env node
// `npm run package`: jsii build, then jsii-pacmak writes the npm tarball (packages/js/) and the Python
// wheel and sdist (packages/python/). Never dist/: that is the synth's output directory.
// The Python build creates its own venv and installs setuptools/build from PyPI (jsii-pacmak's doing).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { jsiiEnv } = require('./jsii-env');

const root = path.join(__dirname, '..');
const outdir = path.join(root, 'packages');
const targets = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['js', 'python'];

function run(what, args) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: jsiiEnv() });
  if (r.status !== 0) {
    process.stderr.write(`package: ${what} failed (exit ${r.status ?? r.signal})\n`);
    process.exit(1);
  }
}

run('jsii build', [path.join(__dirname, 'build.js')]);
fs.rmSync(outdir, { recursive: true, force: true });
const pacmak = require.resolve('jsii-pacmak/bin/jsii-pacmak', { paths: [root] });
// --pack-command: the tarball of the tree just built; `npm pack` would run prepack (the build) again.
run('jsii-pacmak', [pacmak, '--outdir', outdir, '--targets', ...targets, '--pack-command', 'npm pack --ignore-scripts']);
for (const dir of fs.readdirSync(outdir)) {
  for (const file of fs.readdirSync(path.join(outdir, dir))) process.stdout.write(`packages/${dir}/${file}\n`);
}
