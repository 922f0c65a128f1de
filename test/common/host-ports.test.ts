import { App } from 'cdk8s';
import { MultiCniChart } from '../../src/chart';
import { HOST_PORT_KIND, HostPortMember, hostPortConflicts } from '../../src/common/host-ports';
import { valuesToProps } from '../../src/app/values';
import { synthesize } from '../../src/app/synthesize';
import { ChartAddressPlan } from '../../src/plan';

const member = (component: HostPortMember['component'], path: string, ...ports: Array<[number, 'tcp' | 'udp', string]>): HostPortMember =>
  ({ component, node: { path }, ports: ports.map(([port, protocol, owner]) => ({ port, protocol, owner })) });

describe('the host-port rule', () => {
  test('one port of two components is one problem naming both owners, both constructs and the port', () => {
    expect(hostPortConflicts([
      member('cilium', 'multicni/cilium', [9962, 'tcp', 'cilium agent prometheus metrics (prometheus)'], [4244, 'tcp', 'cilium agent hubble server']),
      member('ovn', 'multicni/ovn', [9962, 'tcp', 'ovn ovnkube-node metrics']),
    ])).toEqual([
      'plan: tcp port 9962 is bound on every node by both cilium agent prometheus metrics (prometheus) (multicni/cilium) and ovn ovnkube-node metrics (multicni/ovn): '
      + 'both run in the host network, so the second to start fails with "address already in use"; move one of them to another port',
    ]);
  });

  test('tcp and udp of one number, or two ports of one component, are no problem', () => {
    expect(hostPortConflicts([member('cilium', 'c', [9410, 'udp', 'x']), member('ovn', 'o', [9410, 'tcp', 'y'])])).toEqual([]);
    expect(hostPortConflicts([member('ovn', 'o1', [9410, 'tcp', 'y']), member('ovn', 'o2', [9410, 'tcp', 'y'])])).toEqual([]);
    expect(hostPortConflicts([])).toEqual([]);
  });

  test('the App-wide check reports a port another component of the App also binds, naming both', () => {
    const app = new App();
    new MultiCniChart(app, 'multicni', valuesToProps({ cilium: { version: '1.20.0' } }));
    ChartAddressPlan._join<HostPortMember>(app.charts[0], HOST_PORT_KIND, member('multus', 'multicni/extra', [9476, 'tcp', 'a test server']), hostPortConflicts);
    expect(ChartAddressPlan._appProblems(app.charts[0]).join('\n')).toMatch(/tcp port 9476 is bound on every node by both ovn ovn metrics \(multicni\/[^)]*\) and a test server \(multicni\/extra\)/);
  });

  test.each(['central', 'interconnect'])('the full stack with every metrics port (ovn %s) joins both components and has no clash', (mode) => {
    const values = { ovn: { mode }, cilium: { version: '1.20.0', prometheus: true, hubble: { relay: true, ui: true, metrics: ['flow'] } } };
    const app = new App();
    new MultiCniChart(app, 'multicni', valuesToProps(values));
    const members = ChartAddressPlan._membersOf<HostPortMember>(app.charts[0], HOST_PORT_KIND);
    expect(members.map((m) => m.component).sort()).toEqual(['cilium', 'ovn']);
    const cilium = members.find((m) => m.component === 'cilium')!.ports.map((p) => p.port);
    expect(cilium).toEqual(expect.arrayContaining([4244, 9962, 9963, 9964, 9965]));
    expect(cilium).not.toContain(4245); // Relay is not in the host network
    expect(members.find((m) => m.component === 'ovn')!.ports.map((p) => p.port)).toEqual(expect.arrayContaining(mode === 'central' ? [9410, 9476, 6641, 6642] : [9410, 9476, 9411]));
    expect(() => synthesize(valuesToProps(values))).not.toThrow();
  });
});
