#!/usr/bin/env node
// `npm run build`: jsii compiles src/ and imports/ (tsconfig.build.json) into lib/ and writes the .jsii
// assembly. jsii warns about identifiers that are reserved words in other languages (e.g. a prop named
// `default`); those are renamed by the generated bindings, so the warning is silenced.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');
const { jsiiEnv } = require('./jsii-env');

const root = path.join(__dirname, '..');
const jsii = require.resolve('jsii/bin/jsii', { paths: [root] });
const r = spawnSync(process.execPath, [jsii, '--silence-warnings=reserved-word'], { cwd: root, stdio: 'inherit', env: jsiiEnv() });
process.exitCode = r.status ?? 1;
