/**
 * The README's live-cluster recipe against a real kube-apiserver: fill the server with network objects,
 * read them back with `kubectl get … -A -o yaml`, pipe that into `multicni check -`. Planted problems are
 * found; once they are deleted the same pipeline is clean.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { ApiServer, apiServerAvailability, buildApiServerBinaries, errorLines, startApiServer, waitForCrdsEstablished } from './harness';

const BUILD_TIMEOUT = 45 * 60_000;
const TEST_TIMEOUT = 3 * 60_000;
const FIXTURES = path.join(__dirname, 'fixtures', 'live-check');
const ROOT = path.join(__dirname, '..', '..');
const RESOURCES = 'nodes,configmaps,network-attachment-definitions,ciliumpodippools,ciliumloadbalancerippools';

const availability = apiServerAvailability();
if (!availability.available) console.warn(`SKIPPING the live-cluster check test: ${availability.reason}`);
const describeApi = availability.available ? describe : describe.skip;

describeApi('kubectl get … -A -o yaml | multicni check -', () => {
  let server: ApiServer;
  beforeAll(async () => {
    await buildApiServerBinaries();
    server = await startApiServer();
  }, BUILD_TIMEOUT);
  afterAll(async () => server?.stop());

  const apply = (file: string) => {
    const r = server.kubectl(['apply', '-f', file]);
    expect(errorLines(r.stdout + '\n' + r.stderr)).toEqual([]);
    expect(r.status).toBe(0);
  };
  const checkLive = (format = 'json') => {
    const got = server.kubectl(['get', RESOURCES, '-A', '-o', 'yaml']);
    expect(got.stderr).toBe('');
    expect(got.status).toBe(0);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'multicni'), 'check', '--format', format, '-'], { input: got.stdout, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return { status: r.status, out: r.stdout, yaml: got.stdout };
  };

  test('planted problems are found in what the server returns, and the cleaned cluster passes', () => {
    apply(path.join(ROOT, 'crds', 'network-attachment-definitions.yaml'));
    apply(path.join(FIXTURES, '00-cilium-pool-crds.yaml'));
    expect(waitForCrdsEstablished(server, 60).status).toBe(0);
    apply(path.join(FIXTURES, '10-cluster.yaml'));
    apply(path.join(FIXTURES, '20-planted.yaml'));

    const dirty = checkLive();
    expect(dirty.yaml).toMatch(/^kind: List$/m); // what kubectl really prints: one List document
    const report = JSON.parse(dirty.out);
    expect(dirty.status).toBe(1);
    const ranges = report.ranges.map((r: any) => `${r.role}|${r.name}|${r.intervals.map((i: any) => `${i.first}-${i.last}`).join(',')}`);
    expect(ranges).toEqual(expect.arrayContaining([
      'primary pod|kubeadm-config ClusterConfiguration podSubnet|10.244.0.0-10.244.255.255',
      'service|kubeadm-config ClusterConfiguration serviceSubnet|10.96.0.0-10.96.255.255',
      'node pod range|node worker-1 podCIDRs|10.244.1.0-10.244.1.255',
      'secondary network|storage|192.168.50.10-192.168.50.254',
      'primary pod|CiliumPodIPPool tenant-a|10.30.0.0-10.30.255.255',
      'load balancer|CiliumLoadBalancerIPPool public|192.168.60.100-192.168.60.150',
    ]));
    expect(report.problems.map((p: any) => p.message)).toEqual([
      expect.stringMatching(/^overlap: service "kubeadm-config ClusterConfiguration serviceSubnet" 10\.96\.0\.0\/16 .* overlaps load balancer "CiliumLoadBalancerIPPool bad-pool" 10\.96\.200\.0\/24/),
      expect.stringMatching(/^node pod range: node pod range "node stray podCIDRs" 10\.99\.0\.0\/24 .* is not inside any primary pod range/),
    ]);
    // positions point into the piped text: the line holds the value
    const lines = dirty.yaml.split('\n');
    for (const p of report.problems) expect(lines[p.line - 1]).toMatch(/10\.96\.200\.0\/24|10\.99\.0\.0\/24/);

    const del = server.kubectl(['delete', '-f', path.join(FIXTURES, '20-planted.yaml')]);
    expect(del.status).toBe(0);
    const clean = checkLive('text');
    expect(clean.out).toMatch(/\d+ ranges checked, 0 problems/);
    expect(clean.status).toBe(0);
  }, TEST_TIMEOUT);
});
