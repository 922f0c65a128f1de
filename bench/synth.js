#!/usr/bin/env node
// Times the default synth three ways against a bare `node -e ''` in the same run and prints the ratios:
//   in-process   synthesize() of the seed stack, after one warm-up (what a test or an app embedding us pays)
//   node bin/synth.js, and the README's command `npm run synth` (start-up included, writing a temp outdir)
// Usage: node bench/synth.js [runs]   (default 7; the median is reported)
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { performance } = require('perf_hooks');

const root = path.join(__dirname, '..');
const runs = Number(process.argv[2] ?? 7);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'multicni-bench-'));

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeCommand(cmd, args) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  }
  return median(times);
}

function timeInProcess() {
  const { load } = require('../bin/load');
  const { synthesize } = load('src/app/synthesize');
  const { valuesToProps } = load('src/app/values');
  synthesize(valuesToProps({})); // warm-up: module loading and JIT
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    synthesize(valuesToProps({}));
    times.push(performance.now() - t0);
  }
  return median(times);
}

try {
  const outArgs = ['--outdir', path.join(tmp, 'dist'), '--kind-config', path.join(tmp, 'kind.yaml')];
  // One untimed run fills the transpile cache, as any second synth on a machine would find it.
  timeCommand(process.execPath, [path.join(root, 'bin', 'synth.js'), ...outArgs]);
  const bare = timeCommand(process.execPath, ['-e', '']);
  const inProcess = timeInProcess();
  const direct = timeCommand(process.execPath, [path.join(root, 'bin', 'synth.js'), ...outArgs]);
  const npm = timeCommand('npm', ['run', '--silent', 'synth', '--', ...outArgs]);
  const row = (name, ms) => `${name.padEnd(34)} ${ms.toFixed(1).padStart(9)} ms   ${(ms / bare).toFixed(1).padStart(6)}x node -e ''`;
  console.log(`median of ${runs} runs, node ${process.version}, ${os.cpus().length} cpus`);
  console.log(row("node -e ''", bare));
  console.log(row('synthesize() in-process (warm)', inProcess));
  console.log(row('node bin/synth.js', direct));
  console.log(row('npm run synth (README command)', npm));
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
