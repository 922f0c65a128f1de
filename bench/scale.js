#!/usr/bin/env node
// The scale benchmark (issues 15 and 17): how the address plan, the synth and the layout grow with the
// number of secondary networks, next to the cost of starting node and of loading cdk8s, all measured in
// this one run so the ratios hold on a busy machine. Each case runs in its own node process, so its peak
// memory (maxRSS) is its own. Not a test: it prints figures.
//
// Usage: node bench/scale.js [--sizes 1000,10000,50000] [--runs 3] [--skip-npm-ci]
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
const sizes = opt('--sizes', '1000,10000,50000').split(',').map(Number);
const runs = Number(opt('--runs', '3'));
const skipNpmCi = argv.includes('--skip-npm-ci');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs the worker (this file with --case) in a fresh node; returns its JSON line and wall time. */
function runCase(kind, n, family) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', __filename, '--case', kind, String(n), family], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`case ${kind} ${n} ${family} failed: ${r.stderr}`);
  return { ...JSON.parse(r.stdout.trim().split('\n').pop()), wall };
}

function timeCommand(cmd, args, n = runs) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0 && !cmd.endsWith('npm')) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  }
  return median(times);
}

// ---- worker side --------------------------------------------------------------------------------------

function subnetOf(i, family) {
  // disjoint /24s from 20.0.0.0 (IPv4) or /64s under fd10::/32 (IPv6), clear of every range of the stack
  if (family === 'ipv4') return `${20 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}.0/24`;
  return `fd10:0:${(i >> 16).toString(16)}:${(i & 0xffff).toString(16)}::/64`;
}

function worker(kind, n, family) {
  const { load } = require('../bin/load');
  const now = () => Number(process.hrtime.bigint()) / 1e6;
  const result = {};
  if (kind === 'require-cdk8s') {
    // what loading cdk8s costs a process, timed inside it (a difference of two process timings is too noisy)
    const t0 = now();
    require('cdk8s');
    result.ms = now() - t0;
  } else if (kind === 'plan') {
    const { AddressPlan, Cidr, RangeRole } = load('src/addressing/index');
    // parsing (Cidr.parse, ip-num's validation) is timed apart from the plan's own work
    const t0 = now();
    const stack = [['svc', '10.96.0.0/16', RangeRole.SERVICE], ['pods', '10.244.0.0/16', RangeRole.PRIMARY_POD], ['join', '100.64.0.0/16', RangeRole.OVN_JOIN]]
      .map(([name, cidr, role]) => ({ name, cidr: Cidr.parse(cidr), role, owner: 'stack' }));
    const networks = Array.from({ length: n }, (_, i) => ({ name: `net-${i}`, cidr: Cidr.parse(subnetOf(i, family)), role: RangeRole.SECONDARY_NETWORK, owner: `chart/networks/net-${i}` }));
    const t1 = now();
    const plan = new AddressPlan();
    for (const r of stack) plan.register(r);
    for (const r of networks) plan.register(r);
    const problems = plan.check();
    result.ms = now() - t1;
    result.parseMs = t1 - t0;
    result.problems = problems.length;
  } else if (kind === 'synth') {
    const { synthesize } = load('src/app/synthesize');
    const { valuesToProps } = load('src/app/values');
    const networks = Array.from({ length: n }, (_, i) => ({ name: `net-${i}`, topology: 'layer2', subnets: [subnetOf(i, family)] }));
    const t0 = now();
    result.files = synthesize(valuesToProps({ networks, demo: { enabled: false } })).files.filter((f) => f.objects.length > 0).length;
    result.ms = now() - t0;
  } else if (kind === 'read-values') {
    // the overlap case's values file (its path in the family argument), read as synth reads it
    const { loadValuesFile } = load('src/app/values');
    const t0 = now();
    loadValuesFile(family);
    result.ms = now() - t0;
  } else if (kind === 'pieces') {
    // the README's piece-by-piece style: every OvnNetwork directly under the chart
    const { App, Chart } = require('cdk8s');
    const { OvnNetwork, OvnTopology } = load('src/networks/index');
    const { layoutChart, renderYaml } = load('src/app/manifest-layout');
    const app = new App();
    const chart = new Chart(app, 'pieces');
    for (let i = 0; i < n; i++) new OvnNetwork(chart, `net-${i}`, { name: `net-${i}`, topology: OvnTopology.LAYER2, subnets: [subnetOf(i, family)] });
    chart.toJson(); // validation and the objects once, so layout and rendering are timed alone
    const t0 = now();
    const files = layoutChart(chart);
    result.layoutMs = now() - t0;
    const t1 = now();
    for (const f of files) renderYaml(f.objects);
    result.renderMs = now() - t1;
    result.ms = result.layoutMs;
  }
  result.maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify(result) + '\n');
}

// ---- driver -----------------------------------------------------------------------------------------------

function main() {
  const fmt = (ms) => `${ms.toFixed(ms < 100 ? 1 : 0)} ms`;
  const bare = timeCommand(process.execPath, ['-e', '']);
  const cdk8s = median(Array.from({ length: Math.max(runs, 7) }, () => runCase('require-cdk8s', 0, '').ms));
  const plus = timeCommand(process.execPath, ['-e', "require('cdk8s-plus-28')"]);
  console.log(`node ${process.version}, ${os.cpus().length} cpus; medians of ${runs} runs`);
  console.log(`node -e ''                          ${fmt(bare)}`);
  console.log(`require('cdk8s') (timed in-process) ${fmt(cdk8s)}`);
  console.log(`node -e "require('cdk8s-plus-28')"  ${fmt(plus)}`);

  for (const family of ['ipv4', 'ipv6']) {
    console.log(`\n${family}: N secondary networks`);
    console.log('       N | Cidr.parse of N | plan build+check | × require(cdk8s) | exp |  full synth (in-process) | exp | peak RSS');
    let prev;
    for (const n of sizes) {
      const planRuns = Array.from({ length: runs }, () => runCase('plan', n, family));
      const plan = median(planRuns.map((r) => r.ms));
      const parse = median(planRuns.map((r) => r.parseMs));
      const synth = runCase('synth', n, family);
      const e = (a, b) => (prev ? (Math.log(a / b) / Math.log(n / prev.n)).toFixed(2) : '   ');
      console.log(`${String(n).padStart(8)} | ${fmt(parse).padStart(15)} | ${fmt(plan).padStart(16)} | ${(plan / cdk8s).toFixed(2).padStart(16)} | ${e(plan, prev?.plan)} | ${fmt(synth.ms).padStart(24)} | ${e(synth.ms, prev?.synth)} | ${synth.maxRssMb.toFixed(0)} MB`);
      prev = { n, plan, synth: synth.ms };
    }
  }

  console.log('\npiece by piece: N OvnNetwork directly under one chart (ipv4)');
  console.log('       N |   layoutChart |  YAML rendering | layout / render | exp');
  let prevLayout;
  for (const n of sizes.filter((s) => s <= 10000)) {
    const r = runCase('pieces', n, 'ipv4');
    const e = prevLayout ? (Math.log(r.layoutMs / prevLayout.ms) / Math.log(n / prevLayout.n)).toFixed(2) : '   ';
    console.log(`${String(n).padStart(8)} | ${fmt(r.layoutMs).padStart(13)} | ${fmt(r.renderMs).padStart(15)} | ${(r.layoutMs / r.renderMs).toFixed(2).padStart(15)} | ${e}`);
    prevLayout = { n, ms: r.layoutMs };
  }

  // a values file of 10,000 networks that all overlap, through the synth command, against the default synth
  const tmpValues = fs.mkdtempSync(path.join(os.tmpdir(), 'multicni-overlap-'));
  const overlapFile = path.join(tmpValues, 'values.yaml');
  fs.writeFileSync(overlapFile, `demo:\n  enabled: false\nnetworks:\n${Array.from({ length: 10000 }, (_, i) => `  - { name: net-${i}, topology: layer2, subnets: [20.0.0.0/24] }\n`).join('')}`);
  const overlapKb = Math.round(fs.statSync(overlapFile).size / 1024);
  const overlapOut = ['--outdir', path.join(tmpValues, 'dist'), '--kind-config', path.join(tmpValues, 'kind.yaml')];
  // Both through `node bin/synth.js` and through the README's `npm run synth`, clean and overlapping
  // round-robin, so a burst of load on the machine touches all four alike.
  const commands = {
    nodeClean: [process.execPath, [path.join(root, 'bin', 'synth.js'), ...overlapOut], 0],
    nodeOverlap: [process.execPath, [path.join(root, 'bin', 'synth.js'), ...overlapOut, '--values', overlapFile], 1],
    npmClean: ['npm', ['run', '--silent', 'synth', '--', ...overlapOut], 0],
    npmOverlap: ['npm', ['run', '--silent', 'synth', '--', ...overlapOut, '--values', overlapFile], 1],
  };
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  let message = '';
  for (let i = 0; i < runs; i++) {
    for (const [name, [cmd, args, status]] of Object.entries(commands)) {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });
      times[name].push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (r.status !== status) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}, expected ${status}: ${r.stdout}${r.stderr}`);
      if (status === 1) message = r.stderr;
    }
  }
  const t = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  const valuesRead = median(Array.from({ length: runs }, () => runCase('read-values', 0, overlapFile).ms));
  fs.rmSync(tmpValues, { recursive: true, force: true });
  const lines = message.trimEnd().split('\n');
  console.log(`\n10,000 mutually overlapping networks fail; message: ${lines.length} line(s), ${message.length} characters`);
  console.log(`  node bin/synth.js --values: ${fmt(t.nodeOverlap)}, ${(t.nodeOverlap / t.nodeClean).toFixed(2)}x the default synth (${fmt(t.nodeClean)})`);
  console.log(`  npm run synth -- --values:  ${fmt(t.npmOverlap)}, ${(t.npmOverlap / t.npmClean).toFixed(2)}x the default synth (${fmt(t.npmClean)})`);
  console.log(`  reading the file (${overlapKb} KB) into props: ${fmt(valuesRead)}`);
  console.log(`  starts: ${lines[0].slice(0, 150)}…`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'multicni-scale-'));
  const outArgs = ['run', '--silent', 'synth', '--', '--outdir', path.join(tmp, 'dist'), '--kind-config', path.join(tmp, 'kind.yaml')];
  try {
    if (!skipNpmCi) {
      const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, encoding: 'utf8' });
      if (ci.status !== 0) throw new Error(`npm ci failed: ${ci.stderr}`);
      const first = timeCommand('npm', outArgs, 1);
      const warm = timeCommand('npm', outArgs);
      console.log(`\nnpm run synth right after npm ci: ${fmt(first)} (${(first / bare).toFixed(1)}x node -e ''); warm: ${fmt(warm)} (${(warm / bare).toFixed(1)}x); first / warm ${(first / warm).toFixed(2)}`);
      console.log(`npm run synth (warm) / node -e "require('cdk8s-plus-28')": ${(warm / plus).toFixed(2)}`);
    } else {
      const warm = timeCommand('npm', outArgs);
      console.log(`\nnpm run synth (warm): ${fmt(warm)} (${(warm / bare).toFixed(1)}x node -e ''; ${(warm / plus).toFixed(2)}x node -e "require('cdk8s-plus-28')")`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (argv[0] === '--case') worker(argv[1], Number(argv[2]), argv[3]);
else main();
