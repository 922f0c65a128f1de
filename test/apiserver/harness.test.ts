/**
 * Proves the apiserver harness: a real kube-apiserver + etcd accept, default,
 * store and validate manifests applied with kubectl. See README.md.
 */
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import {
  ApiServer,
  DUAL_STACK_SERVICE_CIDR,
  KUBERNETES_VERSIONS,
  NEWEST_KUBERNETES,
  apiServerAvailability,
  applyStages,
  buildApiServerBinaries,
  errorLines,
  kubernetesVersion,
  startApiServer,
} from './harness';

const FIXTURES = path.join(__dirname, 'fixtures');
const STAGE1 = path.join(FIXTURES, 'stage1');
const STAGE2 = path.join(FIXTURES, 'stage2');
const INVALID = path.join(FIXTURES, 'invalid');
const NS = 'multicni-fixture';
const CRD = 'widgets.fixtures.multicni.example';

// The first build compiles kube-apiserver from source: allow for a slow machine.
const BUILD_TIMEOUT = 45 * 60_000;
const START_TIMEOUT = 3 * 60_000;
const TEST_TIMEOUT = 2 * 60_000;

// Never pass silently: without Go (and no cached binaries) the suite is
// skipped with a warning, except in CI, where apiServerAvailability() always
// says yes so that build.sh runs (installing Go) and a failure fails the run.
const availability = apiServerAvailability();
if (!availability.available) {
  console.warn(`SKIPPING the apiserver tests: ${availability.reason}`);
}
const describeApi = availability.available ? describe : describe.skip;

function json(server: ApiServer, args: string[]): any {
  const r = server.kubectl([...args, '-o', 'json']);
  expect(r).toMatchObject({ status: 0, stderr: '' });
  return JSON.parse(r.stdout);
}

/** Lines of `kubectl apply` output naming an object, e.g. "namespace/x unchanged". */
function objectLines(stdout: string): string[] {
  return stdout.split('\n').map((l) => l.trim()).filter(Boolean);
}

async function eventually<T>(fn: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 500));
  }
}

function portRefuses(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect(Number(port), hostname);
    s.on('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.on('error', () => resolve(true));
  });
}

describeApi('apiserver harness', () => {
  beforeAll(async () => {
    // A no-op when build.sh (e.g. in .ci/run) already built and cached them.
    await buildApiServerBinaries();
  }, BUILD_TIMEOUT);

  test('the tested versions: one per go/kubernetes-1.NN module, oldest first; a version not built is refused by name', async () => {
    expect(KUBERNETES_VERSIONS.length).toBeGreaterThanOrEqual(2);
    expect(NEWEST_KUBERNETES).toBe(KUBERNETES_VERSIONS[KUBERNETES_VERSIONS.length - 1]);
    expect(kubernetesVersion(KUBERNETES_VERSIONS[0].replace(/^v(\d+\.\d+)\..*$/, '$1'))).toBe(KUBERNETES_VERSIONS[0]);
    expect(() => kubernetesVersion('1.32')).toThrow(`kubernetes "1.32" is not built by test/apiserver: use one of ${KUBERNETES_VERSIONS.join(', ')}`);
    await expect(startApiServer({ kubernetes: 'v1.32.13' })).rejects.toThrow(/is not built by test\/apiserver/);
  });

  describe.each(KUBERNETES_VERSIONS)('single stack, Kubernetes %s', (version) => {
    let server: ApiServer;

    beforeAll(async () => {
      server = await startApiServer({ kubernetes: version });
    }, START_TIMEOUT);

    afterAll(async () => {
      await server?.stop();
    });

    test('GET /version is the release asked for', async () => {
      const served = await server.serverVersion();
      console.log(`kube-apiserver ${served.gitVersion} serving at ${server.url}`);
      expect(served.gitVersion).toBe(version);
      expect(server.kubernetesVersion).toBe(version);
      const kubectlVersion = JSON.parse(server.kubectl(['version', '-o', 'json']).stdout);
      expect(kubectlVersion.serverVersion.gitVersion).toBe(version);
      expect(kubectlVersion.clientVersion.gitVersion).toBe(NEWEST_KUBERNETES);
    });

    test('the server is ready and kubectl is admin', () => {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const r = server.kubectl(['auth', 'can-i', '*', '*', '--all-namespaces']);
      expect(r.stdout.trim()).toBe('yes');
    });

    test('the kubernetes Service gets the first IP of the service CIDR', async () => {
      const ip = await eventually(() => {
        const r = server.kubectl(['get', 'service', 'kubernetes', '-n', 'default', '-o', 'jsonpath={.spec.clusterIP}']);
        return r.status === 0 && r.stdout ? r.stdout : undefined;
      });
      expect(ip).toBe('10.96.0.1');
    }, TEST_TIMEOUT);

    test('stage 1: Namespace, ServiceAccount, DaemonSet and CRD apply cleanly', () => {
      const r = server.kubectl(['apply', '-f', STAGE1]);
      expect(errorLines(r.stdout + r.stderr)).toEqual([]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(objectLines(r.stdout).sort()).toEqual([
        `customresourcedefinition.apiextensions.k8s.io/${CRD} created`,
        'daemonset.apps/fixture-agent created',
        `namespace/${NS} created`,
        'serviceaccount/fixture-agent created',
      ]);
    }, TEST_TIMEOUT);

    test('the CRD becomes Established', () => {
      const r = server.kubectl(['wait', '--for', 'condition=established', '--timeout=60s', `crd/${CRD}`]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('condition met');
    }, TEST_TIMEOUT);

    test('stage 2: a custom resource of the CRD applies cleanly', () => {
      const r = server.kubectl(['apply', '-f', STAGE2]);
      expect(errorLines(r.stdout + r.stderr)).toEqual([]);
      expect(r.status).toBe(0);
      expect(r.stdout.trim()).toBe('widget.fixtures.multicni.example/sample created');
    }, TEST_TIMEOUT);

    test('objects read back, with server-side defaults', () => {
      const ds = json(server, ['get', 'daemonset', 'fixture-agent', '-n', NS]);
      expect(ds.metadata.uid).toBeTruthy();
      // Defaulted by the apiserver, not in the fixture:
      expect(ds.spec.updateStrategy.type).toBe('RollingUpdate');
      expect(ds.spec.template.spec.dnsPolicy).toBe('ClusterFirst');
      const pod = ds.spec.template.spec;
      expect(pod.serviceAccountName).toBe('fixture-agent');
      expect(pod.containers[0].securityContext.privileged).toBe(true);
      expect(pod.containers[0].terminationMessagePath).toBe('/dev/termination-log');

      const sa = json(server, ['get', 'serviceaccount', 'fixture-agent', '-n', NS]);
      expect(sa.metadata.namespace).toBe(NS);

      const crd = json(server, ['get', 'crd', CRD]);
      expect(crd.status.acceptedNames.kind).toBe('Widget');

      const widget = json(server, ['get', 'widgets.fixtures.multicni.example', 'sample', '-n', NS]);
      expect(widget.spec).toEqual({ mode: 'overlay', mtu: 1450 });
    });

    test('re-applying is a no-op: kubectl diff exits 0 and a server dry run reports unchanged', () => {
      const diff = server.kubectl(['diff', '-f', STAGE1, '-f', STAGE2]);
      expect(diff.stderr).toBe('');
      expect(diff.stdout).toBe('');
      expect(diff.status).toBe(0);

      const dry = server.kubectl(['apply', '--dry-run=server', '-f', STAGE1, '-f', STAGE2]);
      expect(dry.status).toBe(0);
      const lines = objectLines(dry.stdout);
      expect(lines).toHaveLength(5);
      for (const l of lines) expect(l).toMatch(/ unchanged \(server dry run\)$/);
    }, TEST_TIMEOUT);

    test('applyStages applies stage by stage and reports each', async () => {
      const stages = await applyStages(server, [STAGE1, STAGE2]);
      expect(stages.map((s) => [s.dir, s.status, s.errors])).toEqual([
        [STAGE1, 0, []],
        [STAGE2, 0, []],
      ]);
      for (const s of stages) for (const l of objectLines(s.stdout)) expect(l).toMatch(/ unchanged$/);
    }, TEST_TIMEOUT);

    test('an invalid Deployment is rejected with the validation error', () => {
      const r = server.kubectl(['apply', '-f', path.join(INVALID, 'deployment-negative-replicas.yaml')]);
      expect(r.status).not.toBe(0);
      expect(errorLines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toMatch(/The Deployment "broken" is invalid: spec\.replicas: Invalid value: -1: must be greater than or equal to 0/);
      const get = server.kubectl(['get', 'deployment', 'broken', '-n', NS]);
      expect(get.status).not.toBe(0);
      expect(get.stderr).toMatch(/NotFound/);
    }, TEST_TIMEOUT);

    test('a custom resource violating the CRD schema is rejected', () => {
      const r = server.kubectl(['apply', '-f', '-'], {
        input: fs.readFileSync(path.join(INVALID, 'widget-violates-schema.yaml'), 'utf8'),
      });
      expect(r.status).not.toBe(0);
      expect(errorLines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toMatch(/The Widget "broken" is invalid/);
      expect(r.stderr).toMatch(/spec\.mode: Unsupported value: "bogus"/);
      expect(r.stderr).toMatch(/spec\.mtu: Invalid value: 10: spec\.mtu in body should be greater than or equal to 576/);
    }, TEST_TIMEOUT);

    test('applyStages stops at the first failing stage', async () => {
      const stages = await applyStages(server, [INVALID, STAGE2]);
      expect(stages).toHaveLength(1);
      expect(stages[0].status).not.toBe(0);
      // One "Error from server (Invalid): error when creating <file>: ..." per object.
      expect(stages[0].errors).toHaveLength(2);
      expect(stages[0].errors.join('\n')).toMatch(/Deployment\.apps "broken" is invalid/);
      expect(stages[0].errors.join('\n')).toMatch(/"broken" is invalid: .*spec\.mode: Unsupported value: "bogus"/);
    }, TEST_TIMEOUT);
  });

  describe.each(KUBERNETES_VERSIONS)('dual stack, Kubernetes %s', (version) => {
    let server: ApiServer;

    beforeAll(async () => {
      server = await startApiServer({ kubernetes: version, serviceCidr: DUAL_STACK_SERVICE_CIDR });
    }, START_TIMEOUT);

    afterAll(async () => {
      await server?.stop();
    });

    test('a RequireDualStack Service gets an IPv4 and an IPv6 cluster IP', () => {
      const svc = [
        'apiVersion: v1',
        'kind: Service',
        'metadata: {name: dual, namespace: default}',
        'spec:',
        '  ipFamilyPolicy: RequireDualStack',
        '  ipFamilies: [IPv4, IPv6]',
        '  selector: {app: dual}',
        '  ports: [{port: 80}]',
      ].join('\n');
      const r = server.kubectl(['apply', '-f', '-'], { input: svc });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const got = json(server, ['get', 'service', 'dual', '-n', 'default']);
      expect(got.spec.clusterIPs).toHaveLength(2);
      expect(got.spec.clusterIPs[0]).toMatch(/^10\.96\.\d+\.\d+$/);
      expect(got.spec.clusterIPs[1]).toMatch(/^fd00:10:96::[0-9a-f]+$/);
    }, TEST_TIMEOUT);

    test('stop() kills both processes and removes the temp dir', async () => {
      const dir = path.dirname(server.kubeconfig);
      expect(fs.existsSync(dir)).toBe(true);
      await server.stop();
      expect(fs.existsSync(dir)).toBe(false);
      expect(await portRefuses(server.url)).toBe(true);
      await server.stop(); // idempotent
    }, TEST_TIMEOUT);
  });
});
