/**
 * `kubectl apply -f dist/` against a real kube-apiserver (+ etcd) of every tested Kubernetes version (KUBERNETES_VERSIONS:
 * the oldest and the newest supported minor), for the default stack (central; Cilium 1.20.0, Multus v4.3.0 thin),
 * interconnect, Multus v4.3.0 thick, the seed preset (Cilium 1.16.7, Multus v4.1.3), Cilium 1.20.0's features with
 * Gateway API, the fidelity suite's `production` variant, dual-stack, and MultiNetworkPolicies on two networks: one pass for stage 1, CRDs Established, stage 2, everything read back, a second
 * server-side dry-run apply changes nothing, and a broken object is rejected.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments, stringify } from 'yaml';
import { CILIUM_FEATURE_CASES } from '../fidelity/cases';
import { ManifestObject, builtinSchemasAvailable, validateManifests } from '../util/k8s-schema';
import { applyDist, synthIntoTempDir } from './dist';
import {
  ApiServer, DUAL_STACK_SERVICE_CIDR, DUAL_STACK_VALUES, KUBERNETES_VERSIONS, apiServerAvailability, buildApiServerBinaries, errorLines, startApiServer,
} from './harness';

const BUILD_TIMEOUT = 45 * 60_000;
const TEST_TIMEOUT = 5 * 60_000;

const availability = apiServerAvailability();
if (!availability.available) console.warn(`SKIPPING the dist/ apply tests: ${availability.reason}`);
const describeApi = availability.available ? describe : describe.skip;

/**
 * The standard-channel Gateway API CRDs that Cilium 1.20's documentation installs (v1.6.1), from the Go module
 * (config/crd/standard/): the Gateway API feature needs them installed before Cilium (docs/cilium-features.md).
 */
function gatewayApiCrds(): string {
  const dir = JSON.parse(execFileSync('go', ['mod', 'download', '-json', 'sigs.k8s.io/gateway-api@v1.6.1'], { encoding: 'utf8' })).Dir;
  return path.join(dir, 'config', 'crd', 'standard');
}

/**
 * The fidelity suite's `production` variant on 1.20.0 (test/fidelity/cases.ts: the chart flags of the upstream
 * render), as a values file: one source for both suites.
 */
const PRODUCTION = CILIUM_FEATURE_CASES.find((c) => c.id === 'cilium/1.20.0/production')!.values as { cilium: Record<string, unknown> };

/**
 * MultiNetworkPolicies (`networks[].policies`): selector and ipBlock peers with ports on the seed's layer3 network,
 * and an ipBlock-only policy on a layer2 network without subnets (the only peers OVN-Kubernetes allows there).
 */
const POLICY_VALUES = `networks:
  - name: ovn-stream-veth
    subnets: [10.245.0.0/16/24]
    policies:
      - name: allow-web
        podSelector: { matchLabels: { app: web } }
        ingress:
          - from:
              - podSelector: { matchLabels: { role: client } }
                namespaceSelector: { matchExpressions: [{ key: team, operator: In, values: [a, b] }] }
              - ipBlock: { cidr: 10.245.0.0/16, except: [10.245.7.0/24] }
            ports: [{ port: 8080 }, { protocol: UDP, port: 53 }, { protocol: SCTP }]
        egress:
          - to: [{ podSelector: {} }]
      - name: deny-all
        policyTypes: [Ingress, Egress]
  - name: l2-bare
    namespace: tenant
    topology: layer2
    policies:
      - name: from-lab
        ingress: [{ from: [{ ipBlock: { cidr: 192.168.0.0/16, except: [192.168.1.0/24] } }], ports: [{ port: 22 }] }]
`;

const VARIANTS: Array<{ name: string; values: string; serviceCidr?: string; mustHave?: string[]; asWritten?: Record<string, string>; preinstall?: () => string; warns?: RegExp }> = [
  // the default releases: Cilium 1.20.0 (cilium-secrets namespace, ztunnel RBAC) and Multus v4.3.0
  { name: 'default (central)', values: '', mustHave: ['Namespace//cilium-secrets', 'Role/cilium-secrets/cilium-tlsinterception-secrets', 'Role/kube-system/cilium-operator-ztunnel'] },
  { name: 'interconnect', values: 'ovn:\n  mode: interconnect\n' },
  { name: 'Multus v4.3.0 thick', values: 'multus:\n  mode: thick\n', mustHave: ['ConfigMap/kube-system/multus-daemon-config'] },
  // the seed's deployment: Cilium 1.16.7 and Multus v4.1.3 thin
  { name: 'the seed preset', values: 'preset: seed\n', mustHave: ['DaemonSet/kube-system/cilium', 'Role/kube-system/cilium-config-agent'], warns: /^warning: cilium: installs Cilium 1\.16\.7, which is end-of-life/ },
  // Encryption, load balancing, routing and Gateway API on 1.20.0 (Gateway API CRDs applied first, as a user must).
  {
    name: 'Cilium 1.20.0 features with Gateway API',
    values: 'cilium:\n  version: "1.20.0"\n  kubeProxyReplacement: true\n  k8sServiceHost: ovn-control-plane\n  k8sServicePort: 6443\n'
      + '  encryption: wireguard\n  bandwidthManager: true\n  bbr: true\n  bpfMasquerade: true\n  egressGateway: true\n'
      + '  l2Announcements: true\n  bgpControlPlane: true\n  gatewayApi: true\n',
    preinstall: gatewayApiCrds,
    mustHave: ['ValidatingAdmissionPolicy//gateway.cilium.io', 'ValidatingAdmissionPolicyBinding//gateway.cilium.io',
      'Role/cilium-secrets/cilium-gateway-secrets', 'Role/kube-system/cilium-bgp-control-plane-secrets'],
  },
  // The production variant: Relay, UI, metrics, WireGuard, L2 announcements, bandwidth manager, native routing with
  // KPR. It does not set gatewayApi; if it ever does, the Gateway API CRDs are applied first, as for the case above.
  {
    name: 'the production variant (Cilium 1.20.0)',
    values: stringify(PRODUCTION),
    preinstall: PRODUCTION.cilium.gatewayApi ? gatewayApiCrds : undefined,
    mustHave: ['Deployment/kube-system/hubble-relay', 'Deployment/kube-system/hubble-ui', 'Service/kube-system/hubble-relay',
      'Service/kube-system/hubble-ui', 'Service/kube-system/hubble-metrics', 'ConfigMap/kube-system/hubble-ui-nginx',
      'ConfigMap/kube-system/hubble-relay-config'],
  },
  {
    name: 'dual-stack',
    serviceCidr: DUAL_STACK_SERVICE_CIDR,
    values: DUAL_STACK_VALUES,
  },
  // asWritten: kind → the resource kubectl reads it as
  { name: 'MultiNetworkPolicies', values: POLICY_VALUES, asWritten: { MultiNetworkPolicy: 'multi-networkpolicies.k8s.cni.cncf.io' } },
];

/** Every object in the YAML files of a directory (not recursive, as kubectl -f). */
function objectsIn(dir: string): ManifestObject[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()
    .flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8')).map((d) => d.toJS()));
}

/** kind/namespace/name of every object in the YAML files of a directory. */
function synthesized(dir: string): string[] {
  return objectsIn(dir).map((o) => `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`).sort();
}

function readBack(server: ApiServer, dir: string): string[] {
  const r = server.kubectl(['get', '-f', dir, '-o', 'json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const items = JSON.parse(r.stdout).items ?? [JSON.parse(r.stdout)];
  return items.map((o: any) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`).sort();
}

describeApi('kubectl apply -f dist/ on a real kube-apiserver', () => {
  beforeAll(async () => {
    await buildApiServerBinaries();
  }, BUILD_TIMEOUT);

  for (const variant of VARIANTS) {
    describe(variant.name, () => {
      let dist: string;
      beforeAll(() => {
        dist = synthIntoTempDir(variant.values, variant.warns).dist;
      });
      afterAll(() => {
        if (dist) fs.rmSync(path.dirname(dist), { recursive: true, force: true });
      });

      test(`every object validates against the OpenAPI v3 spec of ${KUBERNETES_VERSIONS.join(' and ')}`, () => {
        // build.sh (run before this suite) fetched the specs, so this never skips here.
        expect(builtinSchemasAvailable()).toBe(true);
        // GatewayClass is a Gateway API custom resource: no Kubernetes spec holds it (features.test.ts checks it against its CRD).
        const objects = [...objectsIn(dist), ...objectsIn(path.join(dist, 'stage2'))].filter((o) => !String(o.apiVersion).startsWith('gateway.networking.k8s.io/'));
        expect(objects.length).toBeGreaterThan(40);
        expect(validateManifests(objects)).toEqual([]);
      });

      describe.each(KUBERNETES_VERSIONS)('Kubernetes %s', (version) => {
        let server: ApiServer;
        beforeAll(async () => {
          server = await startApiServer({ kubernetes: version, serviceCidr: variant.serviceCidr });
          if (variant.preinstall) {
            const crds = server.kubectl(['apply', '-f', variant.preinstall()], { timeoutMs: 120_000 });
            expect(crds.stderr).toBe('');
            expect(crds.status).toBe(0);
          }
        }, TEST_TIMEOUT);
        afterAll(async () => {
          await server?.stop();
        });

        test('the server is that release', async () => {
          const served = await server.serverVersion();
          console.log(`${variant.name}: kube-apiserver ${served.gitVersion} serving at ${server.url}`);
          expect(served.gitVersion).toBe(version);
          expect(`v${served.major}.${served.minor}`).toBe(version.replace(/\.\d+$/, ''));
        });

        test('stage 1 applies in one pass, stage 2 after the CRDs are Established, everything reads back', () => {
          const { stage1, established, stage2 } = applyDist(server, dist);
          expect(stage1.errors).toEqual([]);
          expect(stage1.stderr).toBe('');
          expect(stage1.status).toBe(0);
          // kubectl did not descend into stage2/
          expect(stage1.stdout).not.toMatch(/networkattachmentdefinition|pod\/tinypod/);
          expect(established?.status).toBe(0);
          expect(established?.stdout).toMatch(/network-attachment-definitions\.k8s\.cni\.cncf\.io condition met/);
          expect(stage2?.errors).toEqual([]);
          expect(stage2?.status).toBe(0);

          const stage2Dir = path.join(dist, 'stage2');

          expect(readBack(server, dist)).toEqual(synthesized(dist));
          expect(readBack(server, stage2Dir)).toEqual(synthesized(stage2Dir));
          expect(synthesized(dist).length).toBeGreaterThan(40);
          for (const object of variant.mustHave ?? []) expect(readBack(server, dist)).toContain(object);
        }, TEST_TIMEOUT);

        if (variant.asWritten) {
          test(`${Object.keys(variant.asWritten).join(', ')} read back as written: the CRD's schema pruned nothing`, () => {
            for (const [kind, resource] of Object.entries(variant.asWritten!)) {
              const written = objectsIn(path.join(dist, 'stage2')).filter((o) => o.kind === kind);
              expect(written.length).toBeGreaterThan(0);
              const r = server.kubectl(['get', resource, '-A', '-o', 'json']);
              expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
              const served = JSON.parse(r.stdout).items.map((o: any) => ({
                name: `${o.metadata.namespace}/${o.metadata.name}`, annotations: o.metadata.annotations, spec: o.spec,
              }));
              const expected = written.map((o: any) => ({
                name: `${o.metadata.namespace}/${o.metadata.name}`, annotations: expect.objectContaining(o.metadata.annotations), spec: o.spec,
              }));
              expect(served).toEqual(expect.arrayContaining(expected));
              expect(served).toHaveLength(expected.length);
            }
          }, TEST_TIMEOUT);
        }

        test('applying again changes nothing (server-side dry run and kubectl diff)', () => {
          for (const dir of [dist, path.join(dist, 'stage2')]) {
            const again = server.kubectl(['apply', '--dry-run=server', '-f', dir], { timeoutMs: 300_000 });
            expect(again.status).toBe(0);
            const lines = again.stdout.split('\n').filter(Boolean);
            expect(lines.length).toBeGreaterThan(0);
            // Known defect, left open (issue 25): the 1.20 Gateway API ValidatingAdmissionPolicy and its binding re-apply
            // as configured; pinned here so that any other change, or its fix, shows.
            const known = variant.preinstall && dir === dist
              ? ['validatingadmissionpolicy.admissionregistration.k8s.io/gateway.cilium.io configured (server dry run)',
                'validatingadmissionpolicybinding.admissionregistration.k8s.io/gateway.cilium.io configured (server dry run)'] : [];
            expect(lines.filter((l) => !/ unchanged \(server dry run\)$/.test(l))).toEqual(known);
            const diff = server.kubectl(['diff', '-f', dir], { timeoutMs: 300_000 });
            if (known.length > 0) {
              // only the two known objects differ
              const objects = [...diff.stdout.matchAll(/^diff -u -N \S+\/([^/\s]+)\s/gm)].map((m) => m[1]);
              expect(objects.every((o) => o.includes('gateway.cilium.io'))).toBe(true);
            } else {
              expect(diff.stdout).toBe('');
              expect(diff.status).toBe(0);
            }
          }
        }, TEST_TIMEOUT);

        test('a deliberately broken object is rejected, and the test sees it', () => {
          const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'multicni-broken-'));
          // The OVN MTU as a number where Kubernetes requires strings (ConfigMap data), and a port out of range.
          fs.writeFileSync(path.join(broken, 'broken.yaml'), [
            'apiVersion: v1', 'kind: Service', 'metadata: { name: broken, namespace: kube-system }',
            'spec: { ports: [ { port: 70000 } ] }', '',
          ].join('\n'));
          const r = server.kubectl(['apply', '-f', broken]);
          fs.rmSync(broken, { recursive: true, force: true });
          expect(r.status).not.toBe(0);
          expect(errorLines(r.stdout + '\n' + r.stderr).map((l) => l.trim())).toEqual(['The Service "broken" is invalid:']);
          expect(r.stderr).toMatch(/spec\.ports\[0\]\.port: Invalid value: 70000/);
          // and a NAD whose config is not a string violates the shipped CRD's schema
          const bad = server.kubectl(['apply', '-f', '-'], { input: JSON.stringify({
            apiVersion: 'k8s.cni.cncf.io/v1', kind: 'NetworkAttachmentDefinition', metadata: { name: 'bad', namespace: 'default' }, spec: { config: 42 },
          }) });
          expect(bad.status).not.toBe(0);
          expect(bad.stderr).toMatch(/spec\.config: Invalid value: "integer": spec\.config in body must be of type string/);
        }, TEST_TIMEOUT);
      });
    });
  }
});
