#!/usr/bin/env node
// Times the default synth against bare node and against loading cdk8s, all in the same run, and prints ratios:
//   node -e '', node -e "require('cdk8s')", node -e "require('cdk8s-plus-28')"   the baselines
//   synthesize() in-process, after one warm-up (what a test or an app embedding us pays)
//   node bin/synth.js (lib/ when current, else the sources: see bin/load.js) and the README's command
//   `npm run synth`, each writing a temp outdir. bench/floor.js times synth against a bare cdk8s app.
// The commands are run round-robin (one of each, then again), so a burst of load on the machine touches
// all of them alike. Usage: node bench/synth.js [runs]   (default 9; the median is reported)
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { performance } = require('perf_hooks');

const root = path.join(__dirname, '..');
const runs = Number(process.argv[2] ?? 9);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'multicni-bench-'));

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function run({ cmd, args, env }) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
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
  const node = (args, env) => ({ cmd: process.execPath, args, env });
  const commands = {
    bare: node(['-e', '']),
    cdk8s: node(['-e', "require('cdk8s')"]),
    plus: node(['-e', "require('cdk8s-plus-28')"]),
    direct: node([path.join(root, 'bin', 'synth.js'), ...outArgs]),
    npm: { cmd: 'npm', args: ['run', '--silent', 'synth', '--', ...outArgs] },
  };
  run(commands.direct); // one untimed run: the file system cache warm, as any second synth finds it
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, command] of Object.entries(commands)) times[name].push(run(command));
  }
  const t = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  const inProcess = timeInProcess();
  const row = (name, ms) => `${name.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms ${(ms / t.bare).toFixed(2).padStart(7)}x ${(ms / t.plus).toFixed(2).padStart(7)}x`;
  console.log(`median of ${runs} runs, node ${process.version}, ${os.cpus().length} cpus`);
  console.log(`${''.padEnd(44)} ${'time'.padStart(11)} ${"node -e ''".padStart(10)} ${'cdk8s-plus-28'.padStart(14)}`);
  console.log(row("node -e ''", t.bare));
  console.log(row("node -e \"require('cdk8s')\"", t.cdk8s));
  console.log(row("node -e \"require('cdk8s-plus-28')\"", t.plus));
  console.log(row('synthesize() in-process (warm)', inProcess));
  console.log(row('node bin/synth.js', t.direct));
  console.log(`(node bin/synth.js ran ${require('../bin/load').libIsCurrent() ? 'lib/' : 'the TypeScript sources: lib/ is not current, run npm run build'})`);
  console.log(row('npm run synth (README command)', t.npm));
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
