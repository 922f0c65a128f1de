import { Chart, Testing } from 'cdk8s';
import { DeceptiveNetworkConfig, DemoPods, OvnNetwork } from '../../src';
import { DEFAULT_NODE_COUNT, clusterNodeCount } from '../../src/plan';

describe('clusterNodeCount', () => {
  test('without a DeceptiveNetworkConfig in the App it is the documented fallback, 3', () => {
    const chart = Testing.chart();
    expect(DEFAULT_NODE_COUNT).toBe(3);
    expect(clusterNodeCount(chart)).toBe(3);
  });

  test('is the nodeCount of the App\'s DeceptiveNetworkConfig, seen from another chart of the same App', () => {
    const app = Testing.app();
    new DeceptiveNetworkConfig(new Chart(app, 'a'), 'addressing', { nodeCount: 7 });
    expect(clusterNodeCount(new Chart(app, 'b'))).toBe(7);
  });

  test('a DeceptiveNetworkConfig without nodeCount states the same fallback', () => {
    const chart = Testing.chart();
    const config = new DeceptiveNetworkConfig(chart, 'addressing');
    expect(config.nodeCount).toBe(DEFAULT_NODE_COUNT);
    expect(clusterNodeCount(chart)).toBe(DEFAULT_NODE_COUNT);
  });

  test('another App is another cluster: its count is not seen', () => {
    new DeceptiveNetworkConfig(Testing.chart(), 'addressing', { nodeCount: 9 });
    expect(clusterNodeCount(Testing.chart())).toBe(3);
  });
});

describe('OvnNetwork and DemoPods read the node count through it', () => {
  // 10.245.0.0/25 split into /26: 2 node subnets.
  const smallLayer3 = { name: 'small', subnets: ['10.245.0.0/25/26'] };

  test('a layer3 network is checked against the DeceptiveNetworkConfig\'s count, also one added after it', () => {
    const chart = Testing.chart();
    new OvnNetwork(chart, 'net', smallLayer3);
    new DeceptiveNetworkConfig(chart, 'addressing', { nodeCount: 4 });
    expect(() => Testing.synth(chart)).toThrow(/splits into 2 node subnets of \/26, fewer than the 4 nodes/);
    const fits = Testing.chart();
    new OvnNetwork(fits, 'net', smallLayer3);
    new DeceptiveNetworkConfig(fits, 'addressing', { nodeCount: 2 });
    expect(() => Testing.synth(fits)).not.toThrow();
  });

  test('without a DeceptiveNetworkConfig a layer3 network is checked against the fallback of 3 nodes', () => {
    const chart = Testing.chart();
    new OvnNetwork(chart, 'net', smallLayer3);
    expect(() => Testing.synth(chart)).toThrow(/splits into 2 node subnets of \/26, fewer than the 3 nodes/);
  });

  test('the demo pins its pods to two workers only when the DeceptiveNetworkConfig says they exist', () => {
    const nodeSelectors = (nodeCount?: number) => {
      const chart = Testing.chart();
      if (nodeCount !== undefined) new DeceptiveNetworkConfig(chart, 'addressing', { nodeCount });
      const network = new OvnNetwork(chart, 'net', { name: 'n', subnets: ['10.245.0.0/16/24'] });
      return new DemoPods(chart, 'demo', { network }).pods.map((p) => p.toJson().spec.nodeSelector);
    };
    const pinned = [{ 'kubernetes.io/hostname': 'ovn-worker' }, { 'kubernetes.io/hostname': 'ovn-worker2' }];
    expect(nodeSelectors(2)).toEqual([undefined, undefined]);
    expect(nodeSelectors(3)).toEqual(pinned);
    expect(nodeSelectors(undefined)).toEqual(pinned); // the fallback: 3
  });
});
