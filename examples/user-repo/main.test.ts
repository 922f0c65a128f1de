// The pull-request gate of a user's repo: a snapshot of every synthesized file (a change shows up in review)
// plus assertions on the facts that matter, first of all that the address plan has no problems.
import { StagedOutput } from 'cdk8s-multicni';
import { buildApp } from './main';

test('the synthesized app matches the snapshot', () => {
  const { app } = buildApp();
  const files = Object.fromEntries(StagedOutput.render(app).map((f) => [f.path, f.content]));
  expect(Object.keys(files)).toContain('stage2/01-networks.k8s.yaml');
  expect(files).toMatchSnapshot();
});

test('the address plan has no problems', () => {
  const { chart } = buildApp();
  expect(chart.problems()).toEqual([]);
  const cidrs = chart.plan.ranges.map((r) => r.cidr.toString());
  expect(cidrs).toEqual(expect.arrayContaining(['10.42.0.0/16', '10.43.0.0/16', '10.60.0.0/16', '192.168.1.0/24']));
});

test('the gate can fail: an overlapping network is reported', () => {
  const { chart } = buildApp();
  const { OvnNetwork } = require('cdk8s-multicni');
  new OvnNetwork(chart, 'clash', { name: 'clash', subnets: ['10.42.10.0/24'] });
  expect(chart.problems().join('\n')).toMatch(/overlap: primary pod .*10\.42\.0\.0\/16.* overlaps secondary network .*10\.42\.10\.0\/24/);
});
