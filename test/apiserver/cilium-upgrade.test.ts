/**
 * An upgrade applied over a running stack (issue 24 item 5): 1.18.12's dist/ applied, then 1.20.0's over it
 * with `kubectl apply`, as a user or a GitOps tool does. A Job's pod template is immutable, so this stopped
 * half-applied on `The Job "hubble-generate-certs" is invalid: spec.template: … field is immutable` while the
 * certgen Job had one fixed name; it is named after a hash of its spec now (src/cilium/hubble.ts). Also: a
 * changed setting within one version (Relay's certificate added), and the ServiceMonitors in optional/, which
 * `kubectl apply -f dist/` leaves alone on a cluster without the prometheus-operator's CRDs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { applyDist, synthIntoTempDir } from './dist';
import { ApiServer, apiServerAvailability, buildApiServerBinaries, startApiServer } from './harness';

const BUILD_TIMEOUT = 45 * 60_000;
const TEST_TIMEOUT = 5 * 60_000;

const availability = apiServerAvailability();
if (!availability.available) console.warn(`SKIPPING the Cilium upgrade tests: ${availability.reason}`);
const describeApi = availability.available ? describe : describe.skip;

const V18 = 'cilium:\n  version: "1.18.12"\n';
const V18_RELAY = 'cilium:\n  version: "1.18.12"\n  hubble:\n    relay: true\n';
const V20_ALL = [
  'cilium:', '  version: "1.20.0"', '  prometheus: true', '  serviceMonitors: true',
  '  hubble:', '    relay: true', '    ui: true', '    metrics: [dns, drop, tcp, flow, icmp, httpV2]', '',
].join('\n');

/** The names of the certgen Jobs the API server holds. */
function certgenJobs(server: ApiServer): string[] {
  const r = server.kubectl(['get', 'jobs', '-n', 'kube-system', '-l', 'k8s-app=hubble-generate-certs', '-o', 'jsonpath={.items[*].metadata.name}']);
  expect(r.status).toBe(0);
  return r.stdout.split(/\s+/).filter(Boolean).sort();
}

describeApi('a Cilium upgrade applied over the previous dist/ on a real kube-apiserver', () => {
  let server: ApiServer;
  const dirs: string[] = [];
  const synth = (values: string) => {
    const out = synthIntoTempDir(values);
    dirs.push(out.dir);
    return out.dist;
  };

  beforeAll(async () => {
    await buildApiServerBinaries();
    server = await startApiServer();
  }, BUILD_TIMEOUT);
  afterAll(async () => {
    await server?.stop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  test('1.18.12, then 1.18.12 with Relay (a changed certgen spec), then 1.20.0 with Relay, UI and metrics: every apply succeeds', () => {
    const steps: Array<[string, string]> = [['1.18.12', V18], ['1.18.12 with Relay', V18_RELAY], ['1.20.0 with Relay, UI and metrics', V20_ALL]];
    const jobNames: string[] = [];
    for (const [name, values] of steps) {
      const dist = synth(values);
      const { stage1, established, stage2 } = applyDist(server, dist);
      expect({ name, errors: stage1.errors, stderr: stage1.stderr, status: stage1.status }).toEqual({ name, errors: [], stderr: '', status: 0 });
      expect(established?.status).toBe(0);
      expect({ name, errors: stage2?.errors, status: stage2?.status }).toEqual({ name, errors: [], status: 0 });
      const job = fs.readFileSync(path.join(dist, '02-cilium.k8s.yaml'), 'utf8').match(/name: (hubble-generate-certs-[0-9a-f]{10})\n/)?.[1];
      expect(job).toBeDefined();
      jobNames.push(job!);
      // The new Job is there beside the earlier ones (no job controller runs here to remove finished ones).
      expect(certgenJobs(server)).toEqual([...new Set(jobNames)].sort());
    }
    expect(new Set(jobNames).size).toBe(3);
  }, TEST_TIMEOUT);

  test('re-applying the last output changes nothing', () => {
    const dist = synth(V20_ALL);
    const again = server.kubectl(['apply', '--dry-run=server', '-f', dist], { timeoutMs: 300_000 });
    expect(again.status).toBe(0);
    expect(again.stdout.split('\n').filter(Boolean).filter((l) => !/ unchanged \(server dry run\)$/.test(l))).toEqual([]);
  }, TEST_TIMEOUT);

  test('the ServiceMonitors wait in optional/: without the prometheus-operator CRDs only that folder is refused', () => {
    const dist = synth(V20_ALL);
    expect(fs.readdirSync(path.join(dist, 'optional'))).toEqual(['01-cilium-servicemonitors.k8s.yaml']);
    const r = server.kubectl(['apply', '-f', path.join(dist, 'optional')]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/no matches for kind "ServiceMonitor" in version "monitoring\.coreos\.com\/v1"/);
  }, TEST_TIMEOUT);
});
