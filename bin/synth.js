#!/usr/bin/env node
'use strict';
const { load } = require('./load');

// A reader that closes early (`| head`) is not an error of ours.
process.stdout.on('error', (e) => { if (e.code !== 'EPIPE') throw e; });

process.exitCode = load('src/main').main(process.argv.slice(2));
