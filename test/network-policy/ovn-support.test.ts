import { Testing } from 'cdk8s';
import { MultiCniChart, MultiCniChartProps, OvnDeploymentMode } from '../../src';

/**
 * MultiNetworkPolicies take effect only where OVN-Kubernetes runs with `--enable-multi-networkpolicy`, which
 * `ovnkube.sh` adds with `--enable-multi-network` when `OVN_MULTI_NETWORK_ENABLE=true`. The policy construct
 * counts on that in every stack; this pins it, so a setting that turns it off fails here first.
 */
const OVNKUBE_TARGETS = ['ovn-master', 'ovn-node', 'ovnkube-controller-with-node', 'ovn-cluster-manager'];

/** Every setting of OvnSecondary that changes its containers' env. */
const STACKS: Array<[string, Partial<MultiCniChartProps>]> = [
  ['central', {}],
  ['interconnect with persistent IPs', { ovn: { mode: OvnDeploymentMode.INTERCONNECT, persistentIps: true } }],
  ['central without the secondary-CNI option, with EgressQoS', { addressing: { secondaryCni: false }, ovn: { egressQos: true } }],
  ['interconnect without the secondary-CNI option', { addressing: { secondaryCni: false }, ovn: { mode: OvnDeploymentMode.INTERCONNECT } }],
];

describe.each(STACKS)('OVN-Kubernetes, %s, runs multi-network policies', (_name, props) => {
  const chart = new MultiCniChart(Testing.app(), 'c', { apiServer: 'https://172.18.0.2:6443', ...props });
  const containers = Testing.synth(chart)
    .flatMap((o) => o.spec?.template?.spec?.containers ?? [])
    .filter((c: any) => OVNKUBE_TARGETS.includes(c.command?.[1]));

  test('every container that starts ovnkube has OVN_MULTI_NETWORK_ENABLE=true', () => {
    expect(containers.length).toBeGreaterThanOrEqual(2);
    for (const c of containers) {
      expect({ container: c.name, env: c.env.filter((e: any) => e.name === 'OVN_MULTI_NETWORK_ENABLE') })
        .toEqual({ container: c.name, env: [{ name: 'OVN_MULTI_NETWORK_ENABLE', value: 'true' }] });
    }
  });
});
