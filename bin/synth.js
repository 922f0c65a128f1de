#!/usr/bin/env node
'use strict';
const { load } = require('./load');

process.exitCode = load('src/main').main(process.argv.slice(2));
