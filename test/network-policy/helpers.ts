import { Chart, Testing } from 'cdk8s';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { MultiNetworkPolicy, MultiNetworkPolicyOptions, OvnNetwork, OvnNetworkProps, OvnTopology } from '../../src';

/** The shipped CRD, as `kubectl apply` reads it. */
export const POLICY_CRD = parse(fs.readFileSync(path.join(__dirname, '..', '..', 'crds', 'multi-networkpolicies.yaml'), 'utf8'));

/** The seed's layer3 network, a layer2 network without subnets, a dual-stack localnet one. */
export const LAYER3: OvnNetworkProps = { name: 'ovn-stream-veth', subnets: ['10.245.0.0/16/24'] };
export const LAYER2_BARE: OvnNetworkProps = { name: 'l2-bare', namespace: 'tenant', topology: OvnTopology.LAYER2 };
export const LOCALNET: OvnNetworkProps = { name: 'lan', topology: OvnTopology.LOCALNET, subnets: ['192.168.30.0/24', 'fd00:30::/64'] };

/** A chart with one network and one policy on it; `policy` throws what the construct throws. */
export function withPolicy(network: OvnNetworkProps, options: MultiNetworkPolicyOptions): { chart: Chart; net: OvnNetwork; policy: MultiNetworkPolicy } {
  const chart = Testing.chart();
  const net = new OvnNetwork(chart, 'net', network);
  const policy = new MultiNetworkPolicy(chart, 'policy', { ...options, network: net });
  return { chart, net, policy };
}

/** The rendered MultiNetworkPolicy object. */
export function rendered(network: OvnNetworkProps, options: MultiNetworkPolicyOptions): any {
  const { chart } = withPolicy(network, options);
  return Testing.synth(chart).find((o) => o.kind === 'MultiNetworkPolicy');
}

/** The message the construct throws for these options. */
export function refusal(network: OvnNetworkProps, options: MultiNetworkPolicyOptions): string {
  try {
    withPolicy(network, options);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('not refused');
}
