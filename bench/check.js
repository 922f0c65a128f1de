#!/usr/bin/env node
// Extraction speed of `multicni check`: one file of 10,000 NetworkAttachmentDefinitions (OVN layer2 and
// layer3 networks, whereabouts and host-local IPAM, all disjoint), read and checked in-process, against
// the `yaml` package alone parsing the same file (parseAllDocuments, then toJS of every document: the
// objects the checker starts from). Prints the medians and the ratio; the target is a ratio < 2.
// Usage: node bench/check.js [nads] [runs]   (defaults 10000 and 5)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { performance } = require('perf_hooks');
const { parseAllDocuments } = require('yaml');
const { load } = require('../bin/load');

const count = Number(process.argv[2] ?? 10000);
const runs = Number(process.argv[3] ?? 5);

function nad(i) {
  const a = Math.floor(i / 256) % 256;
  const b = i % 256;
  const name = `net-${i}`;
  let config;
  switch (i % 4) {
    case 0: config = { cniVersion: '0.3.1', name, type: 'ovn-k8s-cni-overlay', topology: 'layer2', subnets: `10.${a}.${b}.0/24`, excludeSubnets: `10.${a}.${b}.0/29`, netAttachDefName: `tenant/${name}` }; break;
    case 1: config = { cniVersion: '0.3.1', name, type: 'ovn-k8s-cni-overlay', topology: 'layer3', subnets: `10.${a}.${b}.0/24/28`, netAttachDefName: `tenant/${name}` }; break;
    case 2: config = { cniVersion: '0.3.0', name, type: 'macvlan', master: 'eth0', ipam: { type: 'whereabouts', range: `10.${a}.${b}.0/24`, range_start: `10.${a}.${b}.10`, exclude: [`10.${a}.${b}.200/29`] } }; break;
    default: config = { cniVersion: '0.3.1', name, plugins: [{ type: 'macvlan', master: 'eth0', ipam: { type: 'host-local', ranges: [[{ subnet: `10.${a}.${b}.0/24`, rangeStart: `10.${a}.${b}.20` }]] } }] };
  }
  return [
    'apiVersion: k8s.cni.cncf.io/v1',
    'kind: NetworkAttachmentDefinition',
    'metadata:',
    `  name: ${name}`,
    '  namespace: tenant',
    'spec:',
    '  config: |',
    ...JSON.stringify(config, null, 2).split('\n').map((l) => `    ${l}`),
  ].join('\n');
}

function median(xs) {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)];
}

function time(fn) {
  fn(); // warm-up: module loading and JIT
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'multicni-bench-check-'));
const file = path.join(dir, 'nads.yaml');
try {
  fs.writeFileSync(file, Array.from({ length: count }, (_, i) => nad(i)).join('\n---\n') + '\n');
  const { checkInputs } = load('src/check/check-manifests');

  let found = 0;
  const check = time(() => {
    const { inputs, result } = checkInputs([file]);
    if (inputs.errors.length > 0 || result.problems.length > 0) throw new Error(`unexpected: ${inputs.errors[0] ?? result.problems[0].message}`);
    found = result.ranges.length;
  });
  const yamlOnly = time(() => {
    for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) doc.toJS();
  });
  const mb = (fs.statSync(file).size / 1e6).toFixed(1);
  console.log(`${count} NADs, ${mb} MB, ${found} ranges found (median of ${runs})`);
  console.log(`yaml parseAllDocuments + toJS   ${yamlOnly.toFixed(0).padStart(6)} ms`);
  console.log(`multicni check (read+extract+check) ${check.toFixed(0).padStart(6)} ms`);
  console.log(`ratio                           ${(check / yamlOnly).toFixed(2).padStart(6)} x  (target < 2)`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
