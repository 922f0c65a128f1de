import { ApiObject, Testing } from 'cdk8s';
import { parse } from 'yaml';
import { IpFamily, MultiCniChart, RangeRole, checkManifestObjects, formatIpAddress, parseIpAddress } from '../../src';
import { synthesize } from '../../src/app/synthesize';
import { API_SERVER, RESOURCE_VERSIONS, ciliumStacks } from './stacks';

/** The output of a synth read back as `multicni check` reads files: every document of every manifest, and the kind config. */
function readBack(out: ReturnType<typeof synthesize>): unknown[] {
  const docs = out.files.filter((f) => f.objects.length > 0).flatMap((f) => f.content.split(/^---$/m).map((d) => parse(d)));
  return [...docs, parse(out.kindConfig)];
}

/** A plan's pool and egress ranges as address intervals per name (a start–stop block is several CIDRs in the plan, one interval in the check). */
function intervalsByName(ranges: Array<{ name: string; family: string; first: bigint; last: bigint }>): Record<string, string[]> {
  const by: Record<string, Array<{ family: string; first: bigint; last: bigint }>> = {};
  for (const r of [...ranges].sort((a, b) => (a.family === b.family ? (a.first < b.first ? -1 : 1) : a.family < b.family ? -1 : 1))) {
    const list = (by[r.name] ??= []);
    const last = list[list.length - 1];
    if (last && last.family === r.family && last.last + 1n === r.first) last.last = r.last;
    else list.push({ ...r });
  }
  return Object.fromEntries(Object.entries(by).sort().map(([name, list]) => [name, list.map((i) => `${formatIpAddress(i.family as IpFamily, i.first)}-${formatIpAddress(i.family as IpFamily, i.last)}`)]));
}

describe.each(RESOURCE_VERSIONS.map((v) => [v.version, v] as const))('multicni check on the Cilium %s test stacks', (_v, version) => {
  test.each(ciliumStacks(version))('%s: check reads every pool block and egress IP the plan holds, and finds no problem', (_name, props) => {
    const out = synthesize(props);
    const result = checkManifestObjects(readBack(out));
    expect(result.problems).toEqual([]);
    const roles = [RangeRole.LOAD_BALANCER.name, RangeRole.EGRESS_IP.name];
    const fromCheck = result.ranges.filter((r) => roles.includes(r.role)).flatMap((r) => r.intervals.map((i) => ({ name: r.name, family: r.family, first: toValue(r.family, i.first), last: toValue(r.family, i.last) })));
    // the plan's side: the same props built once more (synthesize keeps its App to itself)
    const chart = new MultiCniChart(Testing.app(), 'multicni', props);
    chart.toJson();
    const fromPlan = chart.plan.ranges.filter((r) => roles.includes(r.role.name)).map((r) => ({ name: r.name, family: r.cidr.family, first: r.cidr._first, last: r.cidr._last }));
    expect(fromPlan.length).toBeGreaterThan(0);
    expect(intervalsByName(fromCheck)).toEqual(intervalsByName(fromPlan));
  });
});

test('check and plan both refuse a pool over the service range, naming the same two ranges', () => {
  const [, props] = ciliumStacks(RESOURCE_VERSIONS[2])[1];
  const bad = { ...props, cilium: { ...props.cilium, loadBalancerPools: [{ name: 'only', blocks: [{ cidr: '10.96.8.0/24' }] }] } };
  expect(() => synthesize(bad)).toThrow(/overlap: service "cluster service range" 10\.96\.0\.0\/16 .* overlaps load balancer "CiliumLoadBalancerIPPool only" 10\.96\.8\.0\/24/);
  // the same objects, rendered without the plan's validation, read back by the checker
  const chart = new MultiCniChart(Testing.app(), 'm', { ...bad, apiServer: API_SERVER });
  const objects = chart.node.findAll().filter(ApiObject.isApiObject).map((o) => (o as ApiObject).toJson());
  const kind = { apiVersion: 'kind.x-k8s.io/v1alpha4', kind: 'Cluster', networking: { podSubnet: '10.244.0.0/16', serviceSubnet: '10.96.0.0/16' } };
  const overlaps = checkManifestObjects([...objects, kind]).problems.filter((p) => p.kind === 'overlap');
  expect(overlaps.map((p) => p.ranges.map((r) => `${r.role} ${r.cidr}`).sort())).toEqual([['load balancer 10.96.8.0/24', 'service 10.96.0.0/16']]);
});

function toValue(family: string, text: string): bigint {
  const a = parseIpAddress(text);
  if (a.family !== family) throw new Error(`${text} is not ${family}`);
  return a.value;
}
