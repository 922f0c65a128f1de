/**
 * The real cilium-operator (github.com/cilium/cilium v1.19.6, the cilium-operator-generic that build.sh builds) on a
 * simulated cluster with a Cilium 1.19.6 stack: LB IPAM pools, an L2 announcement policy, cluster-pool IPAM and
 * Gateway API. The operator runs as the Deployment in dist/ would run it: the command and args of its container,
 * its environment resolved as the kubelet would (from the scheduled pod and the synthesized ConfigMap), the
 * synthesized `cilium-config` data as files in the directory `--config-dir` names, and the credentials of the
 * stack's ServiceAccount `cilium-operator` (a TokenRequest token): a rule missing from its RBAC fails the test.
 * What this does not prove (no agent runs): see CLUSTER.md.
 */
import { ChildProcess, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import { parse, parseAllDocuments } from 'yaml';
import { Cidr, IpFamily, RangeRole } from '../../../src/addressing';
import { valuesToProps } from '../../../src/app/values';
import { MultiCniChart } from '../../../src/chart';
import { Cluster, nodesFromKindConfig, startCluster, waitFor } from '../cluster';
import { SynthDir, applyDist, synthIntoTempDir } from '../dist';
import { NEWEST_KUBERNETES, apiServerAvailability, buildApiServerBinaries, buildCiliumOperator, errorLines } from '../harness';

const BUILD_TIMEOUT = 60 * 60_000;
const TEST_TIMEOUT = 10 * 60_000;

/** Gateway API release Cilium 1.19's documentation installs (Documentation/network/servicemesh/gateway-api/installation.rst). */
const GATEWAY_API = 'v1.4.1';

/**
 * The stack: Cilium 1.19.6 (the release whose operator the Go module proxy serves) with cluster-pool IPAM, LB IPAM
 * pools selecting Services by label, an L2 announcement policy (it makes `lan` an L2 pool: inside the node network)
 * and Gateway API.
 */
const VALUES = [
  'cilium:',
  '  version: "1.19.6"',
  '  ipam: cluster-pool',
  '  clusterPool: { podCidrs: [10.244.0.0/16], ipv4MaskSize: 26 }',
  '  kubeProxyReplacement: true',
  '  k8sServiceHost: ovn-control-plane',
  '  k8sServicePort: 6443',
  '  gatewayApi: true',
  '  l2Announcements: true',
  '  loadBalancerPools:',
  '    - name: lan',
  '      blocks: [{ cidr: 172.18.255.0/28 }]',
  '      serviceSelector: { matchLabels: { announce: l2 } }',
  '    - name: routed',
  '      blocks: [{ cidr: 192.168.100.0/24 }]',
  '      serviceSelector: { matchLabels: { announce: bgp } }',
  '  l2AnnouncementPolicies:',
  '    - name: lan',
  '      loadBalancerIPs: true',
  '      interfaces: ["^eth[0-9]+"]',
  '      serviceSelector: { matchLabels: { announce: l2 } }',
  '',
].join('\n');

const availability = apiServerAvailability();
if (!availability.available) console.warn(`SKIPPING the cilium-operator tests: ${availability.reason}`);
const describeCluster = availability.available ? describe : describe.skip;

function objectsIn(dir: string): any[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()
    .flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8')).map((d) => d.toJS()))
    .filter((o) => o);
}

function getJson(cluster: Cluster, args: string[]): any {
  const r = cluster.kubectl(['get', ...args, '-o', 'json']);
  if (r.status !== 0) throw new Error(`kubectl get ${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function tryGetJson(cluster: Cluster, args: string[]): any | undefined {
  const r = cluster.kubectl(['get', ...args, '-o', 'json']);
  return r.status === 0 ? JSON.parse(r.stdout) : undefined;
}

function apply(cluster: Cluster, yaml: string): void {
  const r = cluster.kubectl(['apply', '-f', '-'], { input: yaml });
  if (r.status !== 0) throw new Error(`kubectl apply: ${r.stderr}`);
}

/** `$(VAR)` in an arg, expanded from the container's env as the kubelet does (an unknown name stays as written). */
function expand(arg: string, env: Record<string, string>): string {
  return arg.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, name) => (name in env ? env[name] : m));
}

describeCluster(`the real cilium-operator (Cilium 1.19.6) on a simulated cluster of Kubernetes ${NEWEST_KUBERNETES}`, () => {
  let s: SynthDir;
  let chart: MultiCniChart;
  let cluster: Cluster;
  let operator: ChildProcess;
  let operatorBin: string;
  let configDir: string;
  const stage3 = (): string => path.join(s.dist, 'stage3');
  const pool = (name: string): any => objectsIn(stage3()).find((o) => o.kind === 'CiliumLoadBalancerIPPool' && o.metadata.name === name);
  const operatorLog = (): string => (cluster ? cluster.logTail('cilium-operator', 40) : '');
  /** Every line the operator logged that says the API refused it something (RBAC). */
  const forbidden = (): string[] => fs.readFileSync(path.join(cluster.dir, 'cilium-operator.log'), 'utf8').split('\n').filter((l) => /forbidden/i.test(l));

  beforeAll(async () => {
    await buildApiServerBinaries();
    operatorBin = await buildCiliumOperator();
  }, BUILD_TIMEOUT);

  beforeAll(async () => {
    s = synthIntoTempDir(VALUES);
    chart = new MultiCniChart(new App(), 'multicni', valuesToProps(parse(VALUES)));
    chart.toJson(); // the pools join the plan when the chart renders
    const a = chart.addressing;
    const v4 = a.primaryPodCidrs.find((c) => c.family === IpFamily.IPV4)!;
    cluster = await startCluster({
      clusterCidrs: a.primaryPodCidrs.map(String),
      serviceCidrs: a.serviceCidrs.map(String),
      nodeMaskSizes: { ipv4: chart.plan.rangesOf(RangeRole.PRIMARY_POD).find((r) => r.cidr.isSameNetwork(v4))?.hostPrefix },
      nodes: nodesFromKindConfig(s.kindConfig, a.nodeNetworks.map(String)),
    }, { kubernetes: NEWEST_KUBERNETES });

    // Gateway API's CRDs first, as Cilium's documentation installs them (the operator looks for them at start-up).
    const gw = JSON.parse(execFileSync('go', ['mod', 'download', '-json', `sigs.k8s.io/gateway-api@${GATEWAY_API}`], { encoding: 'utf8' })).Dir;
    const crds = cluster.kubectl(['apply', '-f', path.join(gw, 'config', 'crd', 'standard')], { timeoutMs: 120_000 });
    expect(crds.stderr).toBe('');
    expect(crds.status).toBe(0);

    const { stage1, established, stage2 } = applyDist(cluster, s.dist);
    expect(stage1.errors).toEqual([]);
    expect(established?.status).toBe(0);
    expect(stage2?.errors).toEqual([]);

    // The operator's Deployment as synthesized, and the pod the scheduler placed for it (its node name is K8S_NODE_NAME).
    const objects = objectsIn(s.dist);
    const dep = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'cilium-operator');
    const ns: string = dep.metadata.namespace;
    const podSpec = dep.spec.template.spec;
    const container = podSpec.containers[0];
    const cm = (name: string): any => objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === name && o.metadata.namespace === ns);
    let pod: any;
    const selector = Object.entries(dep.spec.selector.matchLabels).map(([k, v]) => `${k}=${v}`).join(',');
    await waitFor('a scheduled cilium-operator pod', 120_000, () => {
      pod = getJson(cluster, ['pods', '-n', ns, '-l', selector]).items.find((p: any) => p.spec.nodeName);
      return pod !== undefined;
    }, () => cluster.kubectl(['get', 'pods', '-n', ns, '-o', 'wide']).stdout);

    // Its environment as the kubelet resolves it. KUBERNETES_SERVICE_HOST/PORT (the stack's k8sServiceHost, a kind
    // node name) are dropped: the kubeconfig below takes their place (the operator's client prefers a kubeconfig,
    // pkg/k8s/client/rest_config_provider.go createConfig).
    const env: Record<string, string> = {};
    for (const e of container.env ?? []) {
      if (e.value !== undefined) env[e.name] = e.value;
      else if (e.valueFrom?.fieldRef?.fieldPath === 'spec.nodeName') env[e.name] = pod.spec.nodeName;
      else if (e.valueFrom?.fieldRef?.fieldPath === 'metadata.namespace') env[e.name] = pod.metadata.namespace;
      else if (e.valueFrom?.configMapKeyRef) {
        const ref = e.valueFrom.configMapKeyRef;
        const v = cm(ref.name)?.data?.[ref.key];
        if (v !== undefined) env[e.name] = v;
        else if (!ref.optional) throw new Error(`env ${e.name}: ConfigMap ${ref.name} has no key ${ref.key}`);
      } else throw new Error(`env ${e.name}: a source this test does not resolve: ${JSON.stringify(e.valueFrom)}`);
    }
    delete env.KUBERNETES_SERVICE_HOST;
    delete env.KUBERNETES_SERVICE_PORT;

    // --config-dir is where the cilium-config volume is mounted: write the synthesized data there, one file per key.
    const configVolume = podSpec.volumes.find((v: any) => v.configMap?.name === 'cilium-config');
    const mountPath: string = container.volumeMounts.find((m: any) => m.name === configVolume.name).mountPath;
    configDir = path.join(cluster.dir, 'cilium-config');
    fs.mkdirSync(configDir);
    for (const [k, v] of Object.entries(cm('cilium-config').data as Record<string, string>)) fs.writeFileSync(path.join(configDir, k), v);

    // The ServiceAccount's credentials: a token from the TokenRequest API, in a copy of the admin kubeconfig.
    const token = cluster.kubectl(['create', 'token', podSpec.serviceAccountName, '-n', ns, '--duration=2h']);
    expect(token.status).toBe(0);
    const kubeconfig = path.join(cluster.dir, 'cilium-operator.kubeconfig');
    fs.writeFileSync(kubeconfig, fs.readFileSync(cluster.kubeconfig, 'utf8').replace(/token: .*/, `token: ${token.stdout.trim()}`));
    const who = cluster.kubectl(['--kubeconfig', kubeconfig, 'auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}']);
    expect(who.stdout).toBe(`system:serviceaccount:${ns}:${podSpec.serviceAccountName}`);

    expect(container.command).toEqual([path.basename(operatorBin)]);
    const args: string[] = (container.args ?? []).map((arg: string) => expand(arg, env));
    expect(args).toContain(`--config-dir=${mountPath}`);
    const argv = [...args.map((arg) => (arg === `--config-dir=${mountPath}` ? `--config-dir=${configDir}` : arg)), `--k8s-kubeconfig-path=${kubeconfig}`];
    console.log(`cilium-operator: ${path.basename(operatorBin)} ${argv.join(' ')}\n  env: ${JSON.stringify(env)}`);
    operator = cluster.spawnComponent('cilium-operator', argv, { command: operatorBin, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env } });
  }, TEST_TIMEOUT);

  afterAll(async () => {
    if (cluster) console.log(`cilium-operator log (last lines):\n${operatorLog()}`);
    await cluster?.stop();
    if (s) fs.rmSync(s.dir, { recursive: true, force: true });
  });

  test('it registers its CRDs; dist/stage3/ then applies in one pass and applies again unchanged', async () => {
    const kinds = [...new Set(objectsIn(stage3()).map((o) => o.kind as string))].sort();
    expect(kinds).toEqual(['CiliumL2AnnouncementPolicy', 'CiliumLoadBalancerIPPool']);
    const crdNames = [...kinds.map((k) => `${k.toLowerCase().replace(/y$/, 'ie')}s.cilium.io`), 'ciliumnodes.cilium.io'];
    await waitFor(`the operator to register ${crdNames.join(', ')}`, 240_000, () => crdNames.every((n) => {
      const crd = tryGetJson(cluster, ['crd', n]);
      return (crd?.status?.conditions ?? []).some((c: any) => c.type === 'Established' && c.status === 'True');
    }), () => `${cluster.kubectl(['get', 'crd']).stdout}\n${operatorLog()}`);
    expect(operator.exitCode).toBeNull();

    const first = cluster.kubectl(['apply', '-f', stage3()]);
    expect(errorLines(first.stdout + '\n' + first.stderr)).toEqual([]);
    expect(first.status).toBe(0);
    expect(first.stdout.trim().split('\n').sort()).toEqual([
      'ciliuml2announcementpolicy.cilium.io/lan created',
      'ciliumloadbalancerippool.cilium.io/lan created',
      'ciliumloadbalancerippool.cilium.io/routed created',
    ]);
    const again = cluster.kubectl(['apply', '--dry-run=server', '-f', stage3()]);
    expect(again.status).toBe(0);
    expect(again.stdout.split('\n').filter(Boolean).filter((l) => !/ unchanged \(server dry run\)$/.test(l))).toEqual([]);
    const diff = cluster.kubectl(['diff', '-f', stage3()]);
    expect(diff.stdout).toBe('');
    expect(diff.status).toBe(0);
  }, TEST_TIMEOUT);

  test('LB IPAM: a LoadBalancer Service gets an address from the pool that selects it, none from the others; one no pool selects gets none', async () => {
    const svc = (name: string, announce: string): string => [
      'apiVersion: v1', 'kind: Service',
      `metadata: { name: ${name}, namespace: default, labels: { announce: ${announce} } }`,
      'spec: { type: LoadBalancer, selector: { app: web }, ports: [ { port: 80 } ] }', '',
    ].join('\n');
    apply(cluster, [svc('web-l2', 'l2'), svc('web-bgp', 'bgp'), svc('web-none', 'nowhere')].join('---\n'));
    const ingressIp = (name: string): string | undefined => getJson(cluster, ['service', name, '-n', 'default']).status?.loadBalancer?.ingress?.[0]?.ip;
    const satisfied = (name: string): any => (getJson(cluster, ['service', name, '-n', 'default']).status?.conditions ?? [])
      .find((c: any) => c.type === 'cilium.io/IPAMRequestSatisfied');
    await waitFor('LB IPAM to answer all three Services', 120_000,
      () => ingressIp('web-l2') !== undefined && ingressIp('web-bgp') !== undefined && satisfied('web-none') !== undefined,
      () => `${cluster.kubectl(['get', 'services', '-n', 'default', '-o', 'yaml']).stdout}\n${operatorLog()}`);

    const blocks = (name: string): Cidr[] => pool(name).spec.blocks.map((b: any) => Cidr.parse(b.cidr));
    const inPool = (ip: string, name: string): boolean => blocks(name).some((c) => c.contains(Cidr.parse(`${ip}/32`)));
    // The stage3 pools are the plan's load-balancer ranges.
    const planned = chart.plan.rangesOf(RangeRole.LOAD_BALANCER).map((r) => r.cidr.toString()).sort();
    expect([...blocks('lan'), ...blocks('routed')].map(String).sort()).toEqual(planned);
    const l2 = ingressIp('web-l2')!;
    const bgp = ingressIp('web-bgp')!;
    console.log(`LB IPAM: web-l2 ${l2} (pool lan ${blocks('lan').join(',')}), web-bgp ${bgp} (pool routed ${blocks('routed').join(',')})`);
    expect({ l2, lan: inPool(l2, 'lan'), routed: inPool(l2, 'routed') }).toEqual({ l2, lan: true, routed: false });
    expect({ bgp, lan: inPool(bgp, 'lan'), routed: inPool(bgp, 'routed') }).toEqual({ bgp, lan: false, routed: true });
    // the L2 pool lies inside the node network, as the plan requires
    expect(chart.addressing.nodeNetworks.some((n) => n.contains(Cidr.parse(`${l2}/32`)))).toBe(true);
    expect(ingressIp('web-none')).toBeUndefined();
    expect(satisfied('web-none')).toMatchObject({ status: 'False', reason: 'no_pool' });
    expect(forbidden()).toEqual([]);
    expect(operator.exitCode).toBeNull();
  }, TEST_TIMEOUT);

  test('cluster-pool IPAM: CiliumNodes created as agents would get pod CIDRs from the planned range at the planned mask, disjoint', async () => {
    const range = chart.plan.rangesOf(RangeRole.PRIMARY_POD).find((r) => r.cidr.family === IpFamily.IPV4 && r.hostPrefix !== undefined)!;
    expect(range.cidr.toString()).toBe('10.244.0.0/16');
    expect(range.hostPrefix).toBe(26);
    const names = cluster.nodes.map((n) => n.name).slice(0, 2);
    apply(cluster, names.map((n) => [
      'apiVersion: cilium.io/v2', 'kind: CiliumNode', `metadata: { name: ${n} }`,
      `spec: { addresses: [ { type: InternalIP, ip: ${cluster.nodes.find((x) => x.name === n)!.addresses[0]} } ] }`, '',
    ].join('\n')).join('---\n'));
    const podCidrs = (n: string): string[] => tryGetJson(cluster, ['ciliumnode', n])?.spec?.ipam?.podCIDRs ?? [];
    await waitFor('the operator to give each CiliumNode pod CIDRs', 120_000, () => names.every((n) => podCidrs(n).length > 0),
      () => `${cluster.kubectl(['get', 'ciliumnodes', '-o', 'yaml']).stdout}\n${operatorLog()}`);
    const all = names.flatMap((n) => podCidrs(n).map((c) => Cidr.parse(c)));
    console.log(`cluster-pool: ${names.map((n) => `${n} ${podCidrs(n).join(',')}`).join('; ')}`);
    expect(all.length).toBe(names.length);
    for (const c of all) expect({ cidr: c.toString(), inRange: range.cidr.contains(c), prefix: c.prefix }).toEqual({ cidr: c.toString(), inRange: true, prefix: 26 });
    expect(all[0].overlaps(all[1])).toBe(false);
  }, TEST_TIMEOUT);

  test('Gateway API: the GatewayClass cilium is accepted, and a Gateway of that class gets its LoadBalancer Service (and an address from its pool)', async () => {
    apply(cluster, [
      'apiVersion: gateway.networking.k8s.io/v1', 'kind: Gateway', 'metadata: { name: web, namespace: default }',
      'spec:', '  gatewayClassName: cilium', '  infrastructure: { labels: { announce: l2 } }',
      '  listeners: [ { name: http, protocol: HTTP, port: 80 } ]', '',
    ].join('\n'));
    const service = (): any => tryGetJson(cluster, ['service', 'cilium-gateway-web', '-n', 'default']);
    await waitFor('the Service of Gateway web', 120_000, () => service() !== undefined,
      () => `${cluster.kubectl(['get', 'gateways,gatewayclasses', '-A', '-o', 'yaml']).stdout}\n${operatorLog()}`);
    const gc = getJson(cluster, ['gatewayclass', 'cilium']);
    expect((gc.status?.conditions ?? []).find((c: any) => c.type === 'Accepted')).toMatchObject({ status: 'True' });
    const svc = service();
    expect(svc.spec.type).toBe('LoadBalancer');
    expect(svc.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'Gateway', name: 'web' })]);
    await waitFor('an address for the Gateway\'s Service', 60_000, () => service().status?.loadBalancer?.ingress?.[0]?.ip !== undefined);
    const ip = service().status.loadBalancer.ingress[0].ip;
    expect(pool('lan').spec.blocks.some((b: any) => Cidr.parse(b.cidr).contains(Cidr.parse(`${ip}/32`)))).toBe(true);
    expect(forbidden()).toEqual([]);
    expect(operator.exitCode).toBeNull();
  }, TEST_TIMEOUT);
});
