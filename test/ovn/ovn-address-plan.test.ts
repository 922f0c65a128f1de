import { Testing } from 'cdk8s';
import { IpFamily } from '../../src/addressing';
import { DeceptiveNetworkConfig } from '../../src/deception';
import { IOvnAddressPlan, OvnDeploymentMode, OvnSecondary } from '../../src/ovn';
import { find, Obj, SEED_API_SERVER } from './fixtures';

/** An address plan of the user's own: no DeceptiveNetworkConfig, no Construct. */
const OWN_PLAN: IOvnAddressPlan = {
  families: [IpFamily.IPV4],
  netCidr: '10.200.0.0/16/24',
  svcCidr: '10.43.0.0/16',
  secondaryCni: true,
  joinSubnet: () => '100.70.0.0/16',
  transitSubnet: () => '100.90.0.0/16',
  masqueradeSubnet: () => '169.254.128.0/17',
};

describe('IOvnAddressPlan', () => {
  test('OvnSecondary takes any implementation and writes its ranges into ovn-config (interconnect: with the transit subnet)', () => {
    const chart = Testing.chart();
    new OvnSecondary(chart, 'ovn', { network: OWN_PLAN, apiServer: SEED_API_SERVER, mode: OvnDeploymentMode.INTERCONNECT });
    const config = find(Testing.synth(chart) as Obj[], 'ConfigMap', 'ovn-config');
    expect(config.data).toMatchObject({ net_cidr: '10.200.0.0/16/24', svc_cidr: '10.43.0.0/16', v4_join_subnet: '100.70.0.0/16', v4_masquerade_subnet: '169.254.128.0/17', v4_transit_switch_subnet: '100.90.0.0/16' });
  });

  test('DeceptiveNetworkConfig is one', () => {
    const plan: IOvnAddressPlan = new DeceptiveNetworkConfig(Testing.chart(), 'network', {});
    expect(plan.netCidr).toBe('10.254.0.0/16/24');
  });

  test('something else is refused with what would be valid', () => {
    const chart = Testing.chart();
    expect(() => new OvnSecondary(chart, 'ovn', { network: { families: [] } as unknown as IOvnAddressPlan, apiServer: SEED_API_SERVER }))
      .toThrow(/^network: invalid value \{"families":\[\]\}: expected an IOvnAddressPlan such as a DeceptiveNetworkConfig$/);
  });
});
