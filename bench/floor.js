#!/usr/bin/env node
// Our synth against the cdk8s floor, timed as whole processes in one run, taken round-robin so a burst of
// load on the machine touches each alike. The floor is a bare cdk8s app that writes the very objects synth
// rendered (as plain ApiObjects of one Chart) with `app.synth()`: what any cdk8s app writing them pays.
// Two sizes: the default stack, and 10,000 secondary networks (bench/scale.js's subnets). Peak RSS is each
// process's own (maxRSS, written at exit by bench/rss.js). The seed's way (`helm template` of the Cilium
// chart and of the seed's OVN-Kubernetes chart, plus Multus's release file) is timed when a `helm` and the
// charts are given (MULTICNI_HELM_TEMPLATE: a shell command); offline there is no chart, and the row says so.
//
// Usage: node bench/floor.js [runs]   (default 7; medians). Runs `npm run build` first when lib/ is not current.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..');
const runs = Number(process.argv[2] ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The floor itself: `node bench/floor.js --floor objects.json outdir`. */
function floor(objectsFile, outdir) {
  const { ApiObject, App, Chart } = require('cdk8s');
  const objects = JSON.parse(fs.readFileSync(objectsFile, 'utf8'));
  const app = new App({ outdir });
  const chart = new Chart(app, 'floor');
  objects.forEach((o, i) => new ApiObject(chart, `o${i}`, o));
  app.synth();
}

function subnetOf(i) {
  return `${20 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}.0/24`; // as bench/scale.js: clear of the stack's ranges
}

/** One timed process: wall time and its peak RSS (MB). */
function timed(cmd, args) {
  const rssFile = path.join(tmp, `rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const nodeOptions = `${process.env.NODE_OPTIONS ?? ''} --require ${path.join(__dirname, 'rss.js')}`.trim();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NODE_OPTIONS: nodeOptions, BENCH_RSS_FILE: rssFile } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  let rss = NaN;
  try {
    rss = Number(fs.readFileSync(rssFile, 'utf8')) / 1024; // the last node process to exit: the command's own
    fs.rmSync(rssFile);
  } catch {
    // not a node process
  }
  return { ms, rss };
}

let tmp;

function main() {
  const { libIsCurrent } = require('../bin/load');
  if (!libIsCurrent()) {
    console.log('lib/ is not current: npm run build');
    const b = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('npm run build failed');
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'multicni-floor-'));
  try {
    const values10k = path.join(tmp, 'values-10k.yaml');
    fs.writeFileSync(values10k, `demo:\n  enabled: false\nnetworks:\n${Array.from({ length: 10000 }, (_, i) => `  - { name: net-${i}, topology: layer2, subnets: [${subnetOf(i)}] }\n`).join('')}`);
    const sizes = { default: [], '10,000 networks': ['--values', values10k] };
    const commands = {};
    for (const [size, values] of Object.entries(sizes)) {
      const dir = path.join(tmp, size.replace(/\W+/g, '-'));
      const out = ['--outdir', path.join(dir, 'dist'), '--kind-config', path.join(dir, 'kind.yaml')];
      // the objects synth rendered, in its apply order, for the floor to write
      const synth = spawnSync(process.execPath, [path.join(root, 'bin', 'synth.js'), ...out, ...values], { cwd: root, encoding: 'utf8' });
      if (synth.status !== 0) throw new Error(`synth failed: ${synth.stderr}`);
      const { load } = require('../bin/load');
      const { synthesize } = load('src/app/synthesize');
      const { loadValuesFile, valuesToProps } = load('src/app/values');
      const rendered = synthesize(values.length > 0 ? loadValuesFile(values[1]) : valuesToProps({}));
      const objects = rendered.files.flatMap((f) => f.objects);
      const objectsFile = path.join(dir, 'objects.json');
      fs.writeFileSync(objectsFile, JSON.stringify(objects));
      commands[`${size}|synth`] = [process.execPath, [path.join(root, 'bin', 'synth.js'), ...out, ...values], objects.length];
      commands[`${size}|floor`] = [process.execPath, [__filename, '--floor', objectsFile, path.join(dir, 'floor')], objects.length];
    }
    const outArgs = ['--outdir', path.join(tmp, 'npm', 'dist'), '--kind-config', path.join(tmp, 'npm', 'kind.yaml')];
    commands['npm run synth'] = ['npm', ['run', '--silent', 'synth', '--', ...outArgs], 0];
    const helm = process.env.MULTICNI_HELM_TEMPLATE;
    if (helm) commands['seed: helm template'] = ['bash', ['-c', helm], 0];

    const results = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
    for (let i = 0; i < runs; i++) {
      for (const [name, [cmd, args]] of Object.entries(commands)) results[name].push(timed(cmd, args));
    }
    const t = (name) => median(results[name].map((r) => r.ms));
    const rss = (name) => median(results[name].map((r) => r.rss));
    const fmt = (ms) => `${ms.toFixed(0)} ms`;
    console.log(`node ${process.version}, ${os.cpus().length} cpus, load ${os.loadavg()[0].toFixed(1)}; medians of ${runs} rounds (round-robin)`);
    console.log(`${'size'.padEnd(16)} | objects | ${'synth'.padStart(8)} | ${'floor'.padStart(8)} | synth/floor | RSS synth | RSS floor | RSS ratio`);
    for (const size of Object.keys(sizes)) {
      const s = `${size}|synth`;
      const f = `${size}|floor`;
      console.log(`${size.padEnd(16)} | ${String(commands[s][2]).padStart(7)} | ${fmt(t(s)).padStart(8)} | ${fmt(t(f)).padStart(8)} | ${(t(s) / t(f)).toFixed(2).padStart(10)}x | ${rss(s).toFixed(0).padStart(6)} MB | ${rss(f).toFixed(0).padStart(6)} MB | ${(rss(s) / rss(f)).toFixed(2).padStart(8)}x`);
    }
    const npm = t('npm run synth');
    if (helm) {
      const seed = t('seed: helm template');
      console.log(`npm run synth ${fmt(npm)} against the seed's helm template ${fmt(seed)}: ${(npm / seed).toFixed(2)}x`);
    } else {
      console.log(`npm run synth ${fmt(npm)}; the seed's way (helm template of the Cilium and OVN-Kubernetes charts) not timed: no chart offline (set MULTICNI_HELM_TEMPLATE to a command that renders them)`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--floor') floor(process.argv[3], process.argv[4]);
else main();
