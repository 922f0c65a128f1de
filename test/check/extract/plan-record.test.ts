import * as fs from 'fs';
import * as path from 'path';
import { checkManifestFiles, checkManifestObjects } from '../../../src';
import { runMain, tmpDir } from '../../support/run-app';

// dist/ states its own plan (ConfigMap kube-system/multicni-address-plan), so `check dist/` alone sees the
// ranges no other object of the output states: with Cilium's ipam: kubernetes, the primary pod range.

describe('check reads the address-plan record of dist/', () => {
  const dir = tmpDir('multicni-record-');
  const dist = path.join(dir, 'dist');
  beforeAll(() => {
    expect(runMain(['--outdir', dist, '--no-kind-config']).code).toBe(0);
  });

  test('every range synth planned is among the ranges check finds', () => {
    const plan = fs.readFileSync(path.join(dist, 'address-plan.md'), 'utf8');
    const planned = [...plan.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    expect(planned).toContain('10.244.0.0/16');
    const result = checkManifestFiles([dist]);
    expect(result.problems).toEqual([]);
    const found = new Set(result.ranges.map((r) => r.text));
    // The node networks are the one planned range the record leaves out (src/plan/address-plan-record.ts:
    // LoadBalancer pools and egress IPs are meant to lie inside them, which check cannot tell from an overlap).
    expect(planned.filter((p) => !found.has(p))).toEqual(['172.18.0.0/16']);
  });

  test('a NetworkAttachmentDefinition moved into the primary pod range (ipam: kubernetes) is caught by check dist/ alone', () => {
    const nad = path.join(dist, 'stage2', '01-networks.k8s.yaml');
    fs.writeFileSync(nad, fs.readFileSync(nad, 'utf8').replace('10.245.0.0/16/24', '10.244.5.0/24/26'));
    const result = checkManifestFiles([dist]);
    expect(result.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^overlap: primary pod "primary pod range" 10\.244\.0\.0\/16 .*ConfigMap kube-system\/multicni-address-plan.* overlaps secondary network "ovn-stream-veth" 10\.244\.5\.0\/24\/26 .*NetworkAttachmentDefinition default\/ovn-stream-veth/),
    ]);
  });

  test('a malformed line of the record is a problem naming it', () => {
    const result = checkManifestObjects([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'multicni-address-plan', namespace: 'kube-system' }, data: { ranges: '{"cidr":"10.0.0.0/8","role":"primary pod"}\nnot json\n{"role":"x"}\n' } }]);
    expect(result.ranges.map((r) => r.text)).toEqual(['10.0.0.0/8']);
    expect(result.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^malformed: .*multicni-address-plan data\.ranges line 2: not a JSON object: "not json"$/),
      expect.stringMatching(/^malformed: .*multicni-address-plan data\.ranges line 3: expected \{"cidr"/),
    ]);
  });
});
