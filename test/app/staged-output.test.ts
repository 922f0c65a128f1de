import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import { MultiCniChart, NetworkCrds, OvnNetwork, StagedOutput } from '../../src';
import { synthesize } from '../../src/app/synthesize';
import { valuesToProps } from '../../src/app/values';
import { tmpDir } from '../support/tmp-dir';

describe('StagedOutput', () => {
  test('one chart: the same files as the synth app, plus the address-plan files', () => {
    const app = new App();
    new MultiCniChart(app, 'multicni', valuesToProps({}));
    const files = StagedOutput.render(app);
    const synth = synthesize(valuesToProps({}));
    expect(files.map((f) => f.path)).toEqual(synth.files.map((f) => f.path));
    expect(files.map((f) => f.path)).toContain('stage2/01-networks.k8s.yaml');
    expect(files.slice(-2).map((f) => f.path)).toEqual(['address-plan.md', 'address-plan.svg']);
    for (const [i, f] of files.entries()) expect(f.content).toBe(synth.files[i].content);
  });

  test('write replaces the directory; a failing app leaves it untouched', () => {
    const dir = tmpDir('multicni-staged-');
    const out = path.join(dir, 'out');
    const app = new App();
    new MultiCniChart(app, 'multicni', valuesToProps({}));
    StagedOutput.write(app, out);
    const before = fs.readdirSync(out).sort();
    expect(before).toEqual(['.cdk8s-multicni', '01-network-crds.k8s.yaml', '02-cilium.k8s.yaml', '03-multus.k8s.yaml', '04-ovn-kubernetes.k8s.yaml', 'address-plan.md', 'address-plan.svg', 'stage2']);
    const bad = new App();
    const chart = new Chart(bad, 'bad');
    new OvnNetwork(chart, 'a', { name: 'a', subnets: ['10.1.0.0/16/24'] });
    new OvnNetwork(chart, 'b', { name: 'b', subnets: ['10.1.0.0/24'] });
    expect(() => StagedOutput.write(bad, out)).toThrow(/overlap: secondary network "[^"]*a" 10\.1\.0\.0\/16\/24 .* overlaps secondary network "[^"]*b" 10\.1\.0\.0\/24/);
    expect(fs.readdirSync(out).sort()).toEqual(before);
  });

  test('several charts: names carry the chart id, numbering runs across charts, a CR of another chart\'s CRD goes to stage 2', () => {
    const app = new App();
    const crds = new Chart(app, 'crds');
    new NetworkCrds(crds, 'network-crds');
    new ApiObject(crds, 'ns', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } });
    const nets = new Chart(app, 'nets');
    new OvnNetwork(nets, 'storage', { name: 'storage', subnets: ['10.9.0.0/16/24'] });
    const files = StagedOutput.render(app);
    expect(files.map((f) => f.path)).toEqual([
      '01-crds-network-crds.k8s.yaml', '02-crds-ns.k8s.yaml', 'stage2/01-nets-storage.k8s.yaml', 'address-plan.md', 'address-plan.svg',
    ]);
    expect(files[2].objects.map((o) => o.kind)).toEqual(['NetworkAttachmentDefinition']);
    expect(files[3].content).toContain('`10.9.0.0/16/24`');
  });

  test('ServiceMonitors (CRDs this stack does not ship) go to optional/, which `kubectl apply -f DIR` does not read', () => {
    const files = synthesize(valuesToProps({ cilium: { version: '1.20.0', prometheus: true, serviceMonitors: true, hubble: { metrics: ['flow'] } } })).files;
    const optional = files.filter((f) => f.path.startsWith('optional/'));
    expect(optional.map((f) => f.path)).toEqual(['optional/01-cilium-servicemonitors.k8s.yaml']);
    expect(optional[0].objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['ServiceMonitor/cilium-agent', 'ServiceMonitor/cilium-operator', 'ServiceMonitor/hubble']);
    // Nothing of the prometheus-operator's group in a file kubectl applies, and the Services they select stay in stage 1.
    const applied = files.filter((f) => !f.path.startsWith('optional/'));
    expect(applied.flatMap((f) => f.objects).filter((o) => String(o.apiVersion).startsWith('monitoring.coreos.com/'))).toEqual([]);
    const cilium = files.find((f) => f.path === '02-cilium.k8s.yaml')!;
    expect(cilium.objects.filter((o) => o.kind === 'Service').map((o) => o.metadata.name)).toEqual(expect.arrayContaining(['cilium-agent', 'cilium-operator', 'hubble-metrics']));
  });

  test('several charts: optional files keep their folder and are numbered across the charts', () => {
    const app = new App();
    for (const id of ['east', 'west']) {
      const chart = new Chart(app, id);
      new ApiObject(chart, 'monitor', { apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: { name: `m-${id}`, namespace: 'x' } });
      new ApiObject(chart, 'ns', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${id}` } });
    }
    const files = StagedOutput.render(app, { addressPlanFiles: false });
    expect(files.map((f) => f.path)).toEqual([
      '01-east-ns.k8s.yaml', 'optional/01-east-monitor-servicemonitors.k8s.yaml', '02-west-ns.k8s.yaml', 'optional/02-west-monitor-servicemonitors.k8s.yaml',
    ]);
  });
});
