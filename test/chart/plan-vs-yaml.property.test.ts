import { ApiObject, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { parse } from 'yaml';
import { MultiCniChart, OvnNetworkProps, OvnTopology, checkManifestObjects } from '../../src';
import { synthesize } from '../../src/app/synthesize';

/**
 * Two independent paths must agree: the address plan the constructs fill in, and the checker that reads
 * the rendered YAML back. Random networks land on and around the stack's own ranges (10.240.0.0/12 holds
 * the pod range 10.244.0.0/16, the decoy 10.254.0.0/16 and the seed network 10.245.0.0/16).
 */
const network = fc.record({
  third: fc.integer({ min: 0, max: 15 }),
  prefix: fc.integer({ min: 12, max: 24 }),
  topology: fc.constantFrom(OvnTopology.LAYER3, OvnTopology.LAYER2, OvnTopology.LOCALNET),
});

function toProps(nets: Array<{ third: number; prefix: number; topology: OvnTopology }>): OvnNetworkProps[] {
  return nets.map((n, i) => {
    const size = 2 ** (32 - n.prefix);
    const first = ((10 << 24) >>> 0) + (240 << 16) + n.third * 65536;
    const aligned = Math.floor(first / size) * size;
    const text = [24, 16, 8, 0].map((s) => Math.floor(aligned / 2 ** s) % 256).join('.') + `/${n.prefix}`;
    return {
      name: `n${i}`,
      topology: n.topology,
      subnets: [n.topology === OvnTopology.LAYER3 ? `${text}/${Math.max(n.prefix + 2, 24)}` : text],
    };
  });
}

test('the plan and the YAML checker report the same number of overlaps', () => {
  const seen = { clean: 0, overlapping: 0 };
  fc.assert(fc.property(fc.array(network, { minLength: 0, maxLength: 6 }), (nets) => {
    const networks = toProps(nets);
    const app = Testing.app();
    const chart = new MultiCniChart(app, 'm', { apiServer: 'https://ovn-control-plane:6443', networks, demo: false });
    const planOverlaps = chart.plan.overlapPairs();
    // Each object's own JSON: no chart validation on this path.
    const objects = chart.node.findAll().filter(ApiObject.isApiObject).map((o) => (o as ApiObject).toJson());
    const kind = { apiVersion: 'kind.x-k8s.io/v1alpha4', kind: 'Cluster', networking: { podSubnet: '10.244.0.0/16', serviceSubnet: '10.96.0.0/16' } };
    const yamlOverlaps = checkManifestObjects([...objects, kind]).problems.filter((p) => p.kind === 'overlap');
    expect(yamlOverlaps.length).toBe(planOverlaps.length);
    seen[planOverlaps.length > 0 ? 'overlapping' : 'clean']++;
    if (planOverlaps.length > 0) {
      expect(() => synthesize({ apiServer: 'https://ovn-control-plane:6443', networks, demo: false })).toThrow(/overlap: /);
    } else {
      const out = synthesize({ apiServer: 'https://ovn-control-plane:6443', networks, demo: false });
      const docs = out.files.filter((f) => f.objects.length > 0).flatMap((f) => f.content.split(/^---$/m).map((d) => parse(d)));
      expect(checkManifestObjects([...docs, parse(out.kindConfig)]).problems).toEqual([]);
    }
  }), { numRuns: 60 });
  // both outcomes were exercised, so neither branch passed vacuously
  expect(seen.clean).toBeGreaterThan(0);
  expect(seen.overlapping).toBeGreaterThan(0);
});
