/**
 * A simulated cluster for tests: the harness's real kube-apiserver + etcd, plus the real
 * kube-scheduler and kube-controller-manager (same k8s.io/kubernetes module), and kwok playing the
 * kubelet of fake nodes shaped like the synth app's kind cluster. Pods are scheduled, bound, given
 * addresses and reported Running/Ready; no container runs and no CNI is invoked.
 *
 * See CLUSTER.md next to this file.
 */
import * as path from 'path';
import { parse } from 'yaml';
import { ApiServer, StartOptions, exited, freePort, httpGet, sleep, startApiServer } from './harness';

/** A node to create; kwok reports it Ready. */
export interface FakeNode {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly taints: Array<{ key: string; effect: string; value?: string }>;
  /** InternalIP addresses, one per family. */
  readonly addresses: string[];
}

export interface ClusterOptions {
  /** kube-controller-manager --cluster-cidr: the primary pod range(s), IPv4 first. */
  readonly clusterCidrs: string[];
  /** --service-cluster-ip-range of kube-apiserver and kube-controller-manager, IPv4 first. */
  readonly serviceCidrs: string[];
  /** Per-node pod CIDR sizes by family (`--node-cidr-mask-size-ipv4/-ipv6`). */
  readonly nodeMaskSizes: { readonly ipv4?: number; readonly ipv6?: number };
  readonly nodes: FakeNode[];
  /** Milliseconds to wait for every node to be Ready with pod CIDRs; default 180 s. */
  readonly nodesReadyTimeoutMs?: number;
}

export interface Cluster extends ApiServer {
  readonly nodes: FakeNode[];
}

/** Label/annotation kwok is configured (kwok/stages.yaml) to manage nodes by. */
export const KWOK_NODE_ANNOTATION = 'kwok.x-k8s.io/node';
const STAGES = path.join(__dirname, 'kwok', 'stages.yaml');

/**
 * The nodes of a kind config (`kind.x-k8s.io/v1alpha4` Cluster), named as kind names them:
 * `<name>-control-plane`, `<name>-control-plane2`, …, `<name>-worker`, `<name>-worker2`, …, with the
 * labels and taint kubeadm gives them. InternalIPs are taken in order from `nodeNetworks` (.2 upwards,
 * as Docker hands them out). `extraLabels(name)` adds labels (e.g. OVN's zone label).
 */
export function nodesFromKindConfig(kindConfig: string, nodeNetworks: string[], extraLabels: (name: string) => Record<string, string> = () => ({})): FakeNode[] {
  const cfg = parse(kindConfig);
  const cluster: string = cfg.name ?? 'kind';
  const counts: Record<string, number> = {};
  return (cfg.nodes as Array<{ role: string }>).map((n, i) => {
    const role = n.role === 'control-plane' ? 'control-plane' : 'worker';
    counts[role] = (counts[role] ?? 0) + 1;
    const name = `${cluster}-${role}${counts[role] > 1 ? counts[role] : ''}`;
    const labels: Record<string, string> = {
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/os': 'linux',
      'kubernetes.io/hostname': name,
      ...(role === 'control-plane' ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
      ...extraLabels(name),
    };
    const taints = role === 'control-plane' ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] : [];
    return { name, labels, taints, addresses: nodeNetworks.map((net) => nthAddress(net, i + 2)) };
  });
}

/** The n-th address of a CIDR (IPv4 or IPv6), e.g. nthAddress('172.18.0.0/16', 2) = 172.18.0.2. */
export function nthAddress(cidr: string, n: number): string {
  const [base] = cidr.split('/');
  if (base.includes(':')) {
    const [head, tail = ''] = base.split('::');
    const h = head ? head.split(':') : [];
    const t = tail ? tail.split(':') : [];
    const groups = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t].map((g) => parseInt(g, 16));
    let v = groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n) + BigInt(n);
    const out: string[] = [];
    for (let i = 0; i < 8; i++) {
      out.unshift((v & 0xffffn).toString(16));
      v >>= 16n;
    }
    return out.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
  }
  const v = base.split('.').reduce((acc, o) => acc * 256 + Number(o), 0) + n;
  return [24, 16, 8, 0].map((s) => Math.floor(v / 2 ** s) % 256).join('.');
}

function nodeObject(n: FakeNode): unknown {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: n.name, labels: n.labels, annotations: { [KWOK_NODE_ANNOTATION]: 'fake' } },
    spec: { taints: n.taints },
    // A Node's status may be set on create; kwok keeps these addresses.
    status: { addresses: [...n.addresses.map((a) => ({ type: 'InternalIP', address: a })), { type: 'Hostname', address: n.name }] },
  };
}

async function waitHealthy(server: ApiServer, name: string, child: ReturnType<ApiServer['spawnComponent']>, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited(child)) throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) while starting\n${server.logTail(name)}`);
    try {
      // Self-signed serving certificate on loopback; /healthz needs no credentials.
      if ((await httpGet(url, { rejectUnauthorized: false })).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} not healthy after ${timeoutMs} ms\n${server.logTail(name)}`);
    await sleep(250);
  }
}

/**
 * Starts the simulated cluster and resolves once every node is Ready and has its pod CIDRs and
 * the `default` ServiceAccount exists. Rejects (after stopping everything) when a component cannot
 * start: the binaries come from build.sh like the API server's.
 */
export async function startCluster(opts: ClusterOptions, serverOpts: StartOptions = {}): Promise<Cluster> {
  const server = await startApiServer({ ...serverOpts, serviceCidr: opts.serviceCidrs.join(','), serviceAccountAdmission: true });
  try {
    const kc = server.kubeconfig;
    const common = ['--kubeconfig=' + kc, '--authentication-kubeconfig=' + kc, '--authorization-kubeconfig=' + kc,
      '--leader-elect=false', '--bind-address=127.0.0.1', '--profiling=false', '--v=1'];
    const v4 = opts.clusterCidrs.some((c) => !c.includes(':'));
    const v6 = opts.clusterCidrs.some((c) => c.includes(':'));
    const kcmPort = await freePort();
    const kcm = server.spawnComponent('kube-controller-manager', [
      ...common,
      `--secure-port=${kcmPort}`,
      `--cert-dir=${path.join(server.dir, 'kcm-certs')}`,
      '--allocate-node-cidrs=true',
      `--cluster-cidr=${opts.clusterCidrs.join(',')}`,
      `--service-cluster-ip-range=${opts.serviceCidrs.join(',')}`,
      ...(v4 && opts.nodeMaskSizes.ipv4 !== undefined ? [`--node-cidr-mask-size-ipv4=${opts.nodeMaskSizes.ipv4}`] : []),
      ...(v6 && opts.nodeMaskSizes.ipv6 !== undefined ? [`--node-cidr-mask-size-ipv6=${opts.nodeMaskSizes.ipv6}`] : []),
      `--service-account-private-key-file=${path.join(server.dir, 'sa.key')}`,
      `--root-ca-file=${path.join(server.dir, 'ca.crt')}`,
      '--controllers=*',
    ]);
    const schedPort = await freePort();
    const sched = server.spawnComponent('kube-scheduler', [...common, `--secure-port=${schedPort}`, `--cert-dir=${path.join(server.dir, 'scheduler-certs')}`]);
    const kwok = server.spawnComponent('kwok', [`--kubeconfig=${kc}`, `--config=${STAGES}`]);
    await waitHealthy(server, 'kube-controller-manager', kcm, `https://127.0.0.1:${kcmPort}/healthz`, 120_000);
    await waitHealthy(server, 'kube-scheduler', sched, `https://127.0.0.1:${schedPort}/healthz`, 120_000);
    if (exited(kwok)) throw new Error(`kwok exited (${kwok.exitCode ?? kwok.signalCode})\n${server.logTail('kwok')}`);

    const created = server.kubectl(['create', '-f', '-'], { input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: opts.nodes.map(nodeObject) }) });
    if (created.status !== 0) throw new Error(`creating the nodes failed: ${created.stderr}`);
    await waitFor(`${opts.nodes.length} nodes Ready and untainted with pod CIDRs, and the default ServiceAccount`, opts.nodesReadyTimeoutMs ?? 180_000, () => {
      const r = server.kubectl(['get', 'nodes', '-o', 'json']);
      if (r.status !== 0) return false;
      const items: any[] = JSON.parse(r.stdout).items;
      // Ready, with pod CIDRs, and without the taints the node lifecycle controller puts on a node
      // until it is seen Ready (node.kubernetes.io/not-ready, …/unreachable).
      const ready = items.filter((n) => (n.spec.podCIDRs ?? []).length > 0
        && n.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True')
        && !(n.spec.taints ?? []).some((t: any) => /^node\.kubernetes\.io\/(not-ready|unreachable)$/.test(t.key)));
      return ready.length === opts.nodes.length && server.kubectl(['get', 'serviceaccount', 'default', '-n', 'default']).status === 0;
    }, () => `${server.kubectl(['get', 'nodes', '-o', 'wide']).stdout}\n--- kwok.log ---\n${server.logTail('kwok')}\n--- kube-controller-manager.log ---\n${server.logTail('kube-controller-manager')}`);
    for (const [name, child] of [['kube-controller-manager', kcm], ['kube-scheduler', sched], ['kwok', kwok]] as const) {
      if (exited(child)) throw new Error(`${name} exited\n${server.logTail(name)}`);
    }
    return Object.assign(server, { nodes: opts.nodes });
  } catch (e) {
    await server.stop();
    throw e;
  }
}

/** Polls `check` every 500 ms until it is true; on timeout throws with `what` and `explain()`. */
export async function waitFor(what: string, timeoutMs: number, check: () => boolean, explain: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${explain()}`);
    await sleep(500);
  }
}

