/**
 * A real kube-apiserver + etcd for tests, without Docker or a cluster.
 *
 * The binaries (kube-apiserver of every tested Kubernetes version, kubectl, etcd) are built from Go
 * modules by ./build.sh and cached; startApiServer() runs etcd and kube-apiserver (of the version asked for) on
 * 127.0.0.1 on free ports with a throw-away data dir, TLS and service-account
 * keys made with openssl, and a static admin token, and writes a kubeconfig
 * for kubectl. No controller-manager, scheduler or kubelet runs: objects are
 * stored, defaulted, validated and admitted exactly as a real control plane
 * does, but nothing reconciles them (no Pods are ever created).
 *
 * See README.md next to this file.
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as https from 'https';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { testedKubernetesVersions } from '../util/openapi-spec';

export interface KubectlResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface KubectlOptions {
  /** Written to kubectl's stdin (e.g. with `-f -`). */
  readonly input?: string;
  /** Milliseconds before kubectl is killed; default 120 s. */
  readonly timeoutMs?: number;
}

export interface ApiServer {
  /** Path of a kubeconfig (admin token, CA pinned) for this server. */
  readonly kubeconfig: string;
  /** https://127.0.0.1:<port> */
  readonly url: string;
  /** The admin bearer token (user `admin`, group `system:masters`). */
  readonly token: string;
  /** The service cluster IP range(s) the server was started with. */
  readonly serviceCidr: string;
  /** The k8s.io/kubernetes version its kube-apiserver (and kube-scheduler, kube-controller-manager) was built from, e.g. `v1.37.2`. */
  readonly kubernetesVersion: string;
  /** `GET /version` of the running server. */
  serverVersion(): Promise<ServerVersion>;
  /** Runs kubectl against this server; never throws for a non-zero exit. */
  kubectl(args: string[], opts?: KubectlOptions): KubectlResult;
  /** The server's temp dir (certificates, kubeconfig, `<component>.log`). */
  readonly dir: string;
  /**
   * Starts another harness binary (e.g. `kube-scheduler`) with its output in `<dir>/<name>.log`;
   * stop() ends it before the API server. Returns the process.
   */
  spawnComponent(name: string, args: string[], opts?: SpawnOptions): ChildProcess;
  /** The last lines of `<dir>/<name>.log`. */
  logTail(name: string, lines?: number): string;
  /** Kills every process started here (components, kube-apiserver, etcd) and removes the temp dir. Idempotent. */
  stop(): Promise<void>;
}

/** How spawnComponent() starts a program that is not one of the harness's binaries. */
export interface SpawnOptions {
  /** Absolute path of the program (e.g. ciliumOperatorBinary()); `name` then only names its log. */
  readonly command?: string;
  /** Its whole environment (default: this process's). */
  readonly env?: Record<string, string>;
}

/** The fields of `GET /version` the tests read. */
export interface ServerVersion {
  readonly gitVersion: string;
  readonly major: string;
  readonly minor: string;
}

export interface StartOptions {
  /**
   * Which tested Kubernetes to run: one of KUBERNETES_VERSIONS (`v1.35.4`) or its minor (`1.35`).
   * @default the newest of KUBERNETES_VERSIONS
   */
  readonly kubernetes?: string;
  /**
   * --service-cluster-ip-range; default `10.96.0.0/16`. Dual stack:
   * `10.96.0.0/16,fd00:10:96::/112`.
   */
  readonly serviceCidr?: string;
  /** Milliseconds to wait for /readyz; default 120 s. */
  readonly readyTimeoutMs?: number;
  /**
   * Keep the ServiceAccount admission plugin on (Pods naming a missing ServiceAccount are rejected).
   * Only useful with kube-controller-manager running, which makes every namespace's `default` one.
   * @default false
   */
  readonly serviceAccountAdmission?: boolean;
}

export const DEFAULT_SERVICE_CIDR = '10.96.0.0/16';
export const DUAL_STACK_SERVICE_CIDR = '10.96.0.0/16,fd00:10:96::/112';

/** Values of the dual-stack scenarios (kind's IPv6 defaults; the API server on the node's IPv6 address). */
export const DUAL_STACK_VALUES = [
  'apiServer: https://[fc00:f853:ccd:e793::2]:6443',
  'addressing:',
  '  primaryPodCidrs: [10.244.0.0/16, fd00:10:244::/56]',
  '  serviceCidrs: [10.96.0.0/16, fd00:10:96::/112]',
  '  nodeNetworks: [172.18.0.0/16, fc00:f853:ccd:e793::/64]',
  '  decoy: 10.254.0.0/16/24,fd00:10:254::/48/64',
  'networks:',
  '  - { name: ovn-stream-veth, subnets: [10.245.0.0/16/24, fd00:10:245::/48/64] }',
  '',
].join('\n');

/**
 * The k8s.io/kubernetes versions the harness builds, oldest first: one per test/apiserver/go/kubernetes-1.NN
 * module (e.g. `['v1.35.4', 'v1.37.2']`), the oldest and the newest supported minor.
 */
export const KUBERNETES_VERSIONS: readonly string[] = testedKubernetesVersions();
/** The newest tested version: the default of startApiServer() and the one kubectl is built from. */
export const NEWEST_KUBERNETES = KUBERNETES_VERSIONS[KUBERNETES_VERSIONS.length - 1];

/** `v1.37.2` or `1.37` -> `v1.37.2`; anything else is an error naming the versions built. */
export function kubernetesVersion(wanted: string = NEWEST_KUBERNETES): string {
  const found = KUBERNETES_VERSIONS.find((v) => v === wanted || v.startsWith(`v${wanted}.`));
  if (!found) throw new Error(`kubernetes ${JSON.stringify(wanted)} is not built by test/apiserver: use one of ${KUBERNETES_VERSIONS.join(', ')}`);
  return found;
}

/** The build's subdirectory holding a version's kube-apiserver, kube-scheduler and kube-controller-manager (see build.sh). */
function versionDir(version: string): string {
  return `kubernetes-${version.replace(/^v(\d+\.\d+)\..*$/, '$1')}`;
}

const HERE = __dirname;
const BUILD_SH = path.join(HERE, 'build.sh');
/** What a complete build has (build.sh's layout): shared binaries at the top, one directory per Kubernetes version. */
const BINARIES = ['kubectl', 'etcd', 'kwok', ...KUBERNETES_VERSIONS.map((v) => path.join(versionDir(v), 'kube-apiserver'))];
/**
 * kubectl lines that mean an object was not applied: "error: ...", "Error from
 * server (Invalid): error when creating ...", and, when a single object fails,
 * "The Deployment "x" is invalid: ...".
 */
const ERROR_LINE = /^(error\b|Error from server\b|The \S+ "[^"]*" is invalid\b)/;

// ---------------------------------------------------------------------------
// Binaries

function hasBinaries(dir: string): boolean {
  return BINARIES.every((b) => {
    try {
      fs.accessSync(path.join(dir, b), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return lines[lines.length - 1].trim();
}

let unavailableReason: string | undefined;

/**
 * Why apiServerBinaries() returned undefined (or last threw), if it did.
 */
export function apiServerUnavailableReason(): string | undefined {
  return unavailableReason;
}

/**
 * Cheap check, no build: the directory of already-built binaries
 * (MULTICNI_APISERVER_BIN, or build.sh's cache), or undefined.
 */
export function cachedApiServerBinaries(): string | undefined {
  const env = process.env.MULTICNI_APISERVER_BIN;
  if (env) return hasBinaries(env) ? env : undefined;
  const r = spawnSync('bash', [BUILD_SH, '--cached'], { encoding: 'utf8' });
  if (r.status === 0 && r.stdout.trim()) {
    const dir = lastLine(r.stdout);
    if (hasBinaries(dir)) return dir;
  }
  return undefined;
}

/**
 * Whether the tests can run here, without building anything: binaries are
 * cached, or `go` is on PATH, or we are in CI (where build.sh installs Go
 * itself, and a failure to must fail the run rather than skip it).
 */
export function apiServerAvailability(): { available: true } | { available: false; reason: string } {
  if (cachedApiServerBinaries()) return { available: true };
  if (process.env.CI === 'true') return { available: true };
  if (!onPath('go')) {
    unavailableReason =
      '`go` is not on PATH and no prebuilt apiserver binaries are cached: ' +
      'install Go >= 1.26 or run test/apiserver/build.sh (which installs it through apt)';
    return { available: false, reason: unavailableReason };
  }
  return { available: true };
}

/** The build of this process, once started: a failed build is not retried by every caller. */
interface Build {
  readonly promise: Promise<string>;
  dir?: string;
  error?: Error;
}
let build: Build | undefined;

/**
 * Locates the binaries, building them with build.sh when they are not cached
 * (synchronously: the first build takes minutes). Returns the directory, or
 * undefined when they cannot be had here (see apiServerUnavailableReason()):
 * Go absent outside CI, or the build failed. Prefer buildApiServerBinaries()
 * in tests: it does not block the event loop.
 */
export function apiServerBinaries(): string | undefined {
  if (build?.dir) return build.dir;
  if (build?.error) return undefined;
  const cached = cachedApiServerBinaries();
  if (cached) return cached;
  if (!apiServerAvailability().available) return undefined;
  const r = spawnSync('bash', [BUILD_SH], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  if (r.status !== 0) {
    unavailableReason = `test/apiserver/build.sh failed (exit ${r.status ?? r.signal}):\n${tail(r.stderr, 40)}`;
    return undefined;
  }
  return lastLine(r.stdout);
}

/**
 * Async apiServerBinaries(): resolves to the binary directory, building it
 * if needed; rejects (with the reason, e.g. build.sh's output) when the
 * binaries cannot be had. Build progress is streamed to `log` (default:
 * stderr). Memoized: concurrent and later calls share one build and its outcome.
 */
export function buildApiServerBinaries(log: (line: string) => void = (l) => process.stderr.write(l + '\n')): Promise<string> {
  if (!build) {
    const b: Build = { promise: runBuild(log) };
    b.promise.then(
      (dir) => (b.dir = dir),
      (e: Error) => (b.error = e),
    );
    build = b;
  }
  return build.promise;
}

/**
 * The cilium-operator-generic that build.sh builds (github.com/cilium/cilium's operator, test/apiserver/go/cilium-operator,
 * cached under its own key), building it (and anything else missing) when it is not there; rejects when it cannot be had.
 */
export async function buildCiliumOperator(log: (line: string) => void = (l) => process.stderr.write(l + '\n')): Promise<string> {
  const where = spawnSync('bash', [BUILD_SH, '--cilium-operator-path'], { encoding: 'utf8' });
  if (where.status !== 0) throw new Error(`build.sh --cilium-operator-path failed: ${where.stderr.trim()}`);
  const bin = lastLine(where.stdout);
  if (fs.existsSync(bin)) return bin;
  await runBuild(log, true);
  if (!fs.existsSync(bin)) throw new Error(`build.sh finished without building ${bin}`);
  return bin;
}

async function runBuild(log: (line: string) => void, evenIfCached = false): Promise<string> {
  const cached = evenIfCached ? undefined : cachedApiServerBinaries();
  if (cached) return cached;
  const avail = apiServerAvailability();
  if (!avail.available) throw new Error(avail.reason);
  const child = spawn('bash', [BUILD_SH], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const l of d.toString().split('\n')) if (l.trim()) log(l);
  });
  const code = await new Promise<number | null>((resolve) => {
    child.on('error', () => resolve(null));
    child.on('close', resolve);
  });
  if (code !== 0) {
    unavailableReason = `test/apiserver/build.sh failed (exit ${code}):\n${tail(stderr, 40)}`;
    throw new Error(unavailableReason);
  }
  return lastLine(stdout);
}

// ---------------------------------------------------------------------------
// Processes and clean-up

const running = new Set<ApiServerImpl>();
let handlersInstalled = false;

function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Last resort when a test forgets stop() or the process dies: 'exit'
  // handlers must be synchronous, so kill hard and remove the temp dirs.
  process.on('exit', () => {
    for (const s of running) s.killNow();
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const handler = () => {
      for (const s of running) s.killNow();
      process.removeListener(sig, handler);
      process.kill(process.pid, sig); // re-raise with the default action
    };
    process.on(sig, handler);
  }
}

/**
 * Children get SIGKILL when this process dies, even by SIGKILL (where no
 * handler runs), through util-linux's setpriv --pdeathsig when available.
 */
let pdeathsig: boolean | undefined;
function wrapPdeathsig(cmd: string, args: string[]): [string, string[]] {
  if (pdeathsig === undefined) {
    const r = spawnSync('setpriv', ['--help'], { encoding: 'utf8' });
    pdeathsig = r.status === 0 && /pdeathsig/.test(r.stdout);
  }
  return pdeathsig ? ['setpriv', ['--pdeathsig', 'KILL', '--', cmd, ...args]] : [cmd, args];
}

function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function readTail(file: string, lines = 30): string {
  try {
    return tail(fs.readFileSync(file, 'utf8'), lines);
  } catch {
    return '(no log)';
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function terminate(child: ChildProcess | undefined, graceMs: number): Promise<void> {
  if (!child || exited(child)) return;
  const done = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await done;
  clearTimeout(timer);
}

function openssl(args: string[], cwd: string): void {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (r.error) throw new Error(`openssl: ${r.error.message} (is openssl installed? build.sh installs it)`);
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed:\n${r.stderr}`);
}

/** CA, serving certificate for 127.0.0.1/localhost, and a service-account key pair (all ECDSA P-256). */
function makeCerts(dir: string): void {
  fs.writeFileSync(
    path.join(dir, 'openssl.cnf'),
    [
      '[req]',
      'distinguished_name = dn',
      'prompt = no',
      '[dn]',
      'CN = unused',
      '[ca_ext]',
      'basicConstraints = critical,CA:TRUE',
      'keyUsage = critical,keyCertSign,cRLSign,digitalSignature',
      'subjectKeyIdentifier = hash',
      '[serving_ext]',
      'basicConstraints = critical,CA:FALSE',
      'keyUsage = critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage = serverAuth',
      'subjectAltName = IP:127.0.0.1,DNS:localhost',
      'authorityKeyIdentifier = keyid',
      '',
    ].join('\n'),
  );
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(['req', '-x509', '-config', 'openssl.cnf', '-extensions', 'ca_ext', ...ec,
    '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=multicni-test-ca'], dir);
  openssl(['req', '-new', '-config', 'openssl.cnf', ...ec,
    '-keyout', 'serving.key', '-out', 'serving.csr', '-subj', '/CN=kube-apiserver'], dir);
  openssl(['x509', '-req', '-in', 'serving.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key',
    '-set_serial', '0x' + randomBytes(8).toString('hex'), '-days', '2',
    '-extfile', 'openssl.cnf', '-extensions', 'serving_ext', '-out', 'serving.crt'], dir);
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'sa.key'], dir);
  openssl(['pkey', '-in', 'sa.key', '-pubout', '-out', 'sa.pub'], dir);
}

export function httpGet(url: string, opts: https.RequestOptions = {}): Promise<{ status: number; body: string }> {
  const mod = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.get(url, { ...opts, timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

class StartError extends Error {
  constructor(message: string, readonly retryable: boolean) {
    super(message);
  }
}

class ApiServerImpl implements ApiServer {
  readonly token = randomBytes(24).toString('hex');
  readonly kubeconfig: string;
  url = '';
  private etcd?: ChildProcess;
  private apiserver?: ChildProcess;
  private stopped = false;

  constructor(
    private readonly bin: string,
    private readonly kubectlBin: string,
    readonly dir: string,
    readonly serviceCidr: string,
    // eslint-disable-next-line @typescript-eslint/no-shadow -- the server's public property, named as the function that resolves it
    readonly kubernetesVersion: string,
    private readonly serviceAccountAdmission = false,
  ) {
    this.kubeconfig = path.join(dir, 'kubeconfig');
  }

  kubectl(args: string[], opts: KubectlOptions = {}): KubectlResult {
    const r = spawnSync(
      this.kubectlBin,
      ['--kubeconfig', this.kubeconfig, '--cache-dir', path.join(this.dir, 'kubectl-cache'), ...args],
      {
        input: opts.input,
        encoding: 'utf8',
        timeout: opts.timeoutMs ?? 120_000,
        maxBuffer: 256 << 20,
        env: { ...process.env, KUBECONFIG: this.kubeconfig },
      },
    );
    if (r.error) {
      return { status: r.status ?? 1, stdout: r.stdout ?? '', stderr: `${r.stderr ?? ''}\nkubectl: ${r.error.message}` };
    }
    return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
  }

  async serverVersion(): Promise<ServerVersion> {
    const ca = fs.readFileSync(path.join(this.dir, 'ca.crt'));
    const r = await httpGet(`${this.url}/version`, { ca, headers: { Authorization: `Bearer ${this.token}` } });
    if (r.status !== 200) throw new Error(`GET ${this.url}/version: ${r.status} ${r.body}`);
    return JSON.parse(r.body) as ServerVersion;
  }

  private readonly components: ChildProcess[] = [];

  spawnComponent(name: string, args: string[], opts: SpawnOptions = {}): ChildProcess {
    const child = this.spawnLogged(name, args, opts);
    this.components.push(child);
    return child;
  }

  logTail(name: string, lines = 30): string {
    return readTail(path.join(this.dir, `${name}.log`), lines);
  }

  private spawnLogged(name: string, args: string[], opts: SpawnOptions = {}): ChildProcess {
    const log = fs.openSync(path.join(this.dir, `${name}.log`), 'a');
    // kube-* of this server's version from its directory; etcd, kwok from the top of the build
    const versioned = path.join(this.bin, versionDir(this.kubernetesVersion), name);
    const program = opts.command ?? (fs.existsSync(versioned) ? versioned : path.join(this.bin, name));
    const [cmd, argv] = wrapPdeathsig(program, args);
    try {
      // Output goes straight to a file: no pipes to drain, no handles left open.
      return spawn(cmd, argv, { cwd: this.dir, stdio: ['ignore', log, log], env: opts.env ?? process.env });
    } finally {
      fs.closeSync(log);
    }
  }

  private logs(): string {
    return ['etcd', 'kube-apiserver']
      .map((n) => `--- ${n}.log (tail) ---\n${readTail(path.join(this.dir, `${n}.log`))}`)
      .join('\n');
  }

  /** One attempt at starting both processes on fresh ports. */
  async start(readyTimeoutMs: number): Promise<void> {
    const [clientPort, peerPort, securePort] = [await freePort(), await freePort(), await freePort()];
    const etcdUrl = `http://127.0.0.1:${clientPort}`;
    const peerUrl = `http://127.0.0.1:${peerPort}`;
    const dataDir = path.join(this.dir, 'etcd-data');
    fs.rmSync(dataDir, { recursive: true, force: true });

    // etcd speaks plain HTTP, but only on loopback; fsync is off (throw-away data).
    this.etcd = this.spawnLogged('etcd', [
      '--name=test',
      `--data-dir=${dataDir}`,
      `--listen-client-urls=${etcdUrl}`,
      `--advertise-client-urls=${etcdUrl}`,
      `--listen-peer-urls=${peerUrl}`,
      `--initial-advertise-peer-urls=${peerUrl}`,
      `--initial-cluster=test=${peerUrl}`,
      '--initial-cluster-state=new',
      '--unsafe-no-fsync',
      '--log-level=warn',
    ]);
    await this.waitFor('etcd', this.etcd, 30_000, async () => {
      const r = await httpGet(`${etcdUrl}/health`);
      return r.status === 200 && r.body.includes('"health":"true"');
    });

    this.apiserver = this.spawnLogged('kube-apiserver', [
      `--etcd-servers=${etcdUrl}`,
      '--bind-address=127.0.0.1',
      '--advertise-address=127.0.0.1',
      // From v1.37 the endpoint reconciler refuses a loopback advertise address ("cannot use public IP
      // 127.0.0.1 with endpoint reconciler", pkg/controlplane/instance.go, reconcilers' ValidateIP); `none`
      // does not check it. The cost: no Endpoints for the `kubernetes` Service, which nothing here reads.
      '--endpoint-reconciler-type=none',
      `--secure-port=${securePort}`,
      `--cert-dir=${path.join(this.dir, 'cert-dir')}`,
      `--tls-cert-file=${path.join(this.dir, 'serving.crt')}`,
      `--tls-private-key-file=${path.join(this.dir, 'serving.key')}`,
      `--client-ca-file=${path.join(this.dir, 'ca.crt')}`,
      `--token-auth-file=${path.join(this.dir, 'tokens.csv')}`,
      '--authorization-mode=RBAC',
      `--service-account-issuer=https://kubernetes.default.svc.cluster.local`,
      `--service-account-key-file=${path.join(this.dir, 'sa.pub')}`,
      `--service-account-signing-key-file=${path.join(this.dir, 'sa.key')}`,
      `--service-cluster-ip-range=${this.serviceCidr}`,
      // CNI DaemonSets (Cilium, OVN-Kubernetes, Multus) run privileged
      // containers; without this their pod templates fail validation.
      '--allow-privileged=true',
      // The ServiceAccount admission plugin rejects Pods whose ServiceAccount
      // does not exist, and every namespace's `default` ServiceAccount is made
      // by kube-controller-manager, which only cluster.ts runs. Nothing
      // else here depends on the plugin (DaemonSets/Deployments are admitted
      // without it; no Pods are created without controllers), so it is off.
      ...(this.serviceAccountAdmission ? [] : ['--disable-admission-plugins=ServiceAccount']),
      '--profiling=false',
      '--v=1',
    ]);
    this.url = `https://127.0.0.1:${securePort}`;
    const ca = fs.readFileSync(path.join(this.dir, 'ca.crt'));
    await this.waitFor('kube-apiserver', this.apiserver, readyTimeoutMs, async () => {
      const r = await httpGet(`${this.url}/readyz`, { ca, headers: { Authorization: `Bearer ${this.token}` } });
      return r.status === 200;
    });
  }

  private async waitFor(name: string, child: ChildProcess, timeoutMs: number, probe: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (exited(child)) {
        // Most likely a port taken between freePort() and bind: worth another try.
        throw new StartError(`${name} exited (${child.exitCode ?? child.signalCode}) while starting\n${this.logs()}`, true);
      }
      try {
        if (await probe()) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        throw new StartError(`${name} not ready after ${timeoutMs} ms\n${this.logs()}`, false);
      }
      await sleep(250);
    }
  }

  writeConfig(): void {
    makeCerts(this.dir);
    fs.writeFileSync(path.join(this.dir, 'tokens.csv'), `${this.token},admin,admin-uid,"system:masters"\n`, { mode: 0o600 });
  }

  writeKubeconfig(): void {
    const ca = fs.readFileSync(path.join(this.dir, 'ca.crt')).toString('base64');
    fs.writeFileSync(
      this.kubeconfig,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters:',
        '- name: multicni-test',
        '  cluster:',
        `    server: ${this.url}`,
        `    certificate-authority-data: ${ca}`,
        'users:',
        '- name: admin',
        '  user:',
        `    token: ${this.token}`,
        'contexts:',
        '- name: multicni-test',
        '  context:',
        '    cluster: multicni-test',
        '    user: admin',
        'current-context: multicni-test',
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
  }

  async stopProcesses(): Promise<void> {
    for (const c of this.components.splice(0).reverse()) await terminate(c, 10_000);
    await terminate(this.apiserver, 10_000);
    await terminate(this.etcd, 10_000);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    try {
      await this.stopProcesses();
    } finally {
      running.delete(this);
      fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }

  /** Synchronous, for process 'exit' handlers. */
  killNow(): void {
    for (const c of [...this.components, this.apiserver, this.etcd]) {
      if (c && !exited(c)) {
        try {
          c.kill('SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    try {
      fs.rmSync(this.dir, { recursive: true, force: true });
    } catch {
      // best effort
    }
  }
}

const TMP_PREFIX = 'multicni-apiserver-';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temp dirs left by test processes that died without running their
 * exit handlers (SIGKILL); their etcd/kube-apiserver died with them (pdeathsig).
 */
function removeStaleDirs(): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(os.tmpdir()).filter((e) => e.startsWith(TMP_PREFIX));
  } catch {
    return;
  }
  for (const e of entries) {
    const dir = path.join(os.tmpdir(), e);
    try {
      const owner = Number(fs.readFileSync(path.join(dir, 'owner.pid'), 'utf8'));
      if (owner > 0 && !alive(owner)) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // no owner file (yet), or not ours: leave it
    }
  }
}

/**
 * Starts etcd + the kube-apiserver of `opts.kubernetes` (building the binaries first if needed, see
 * buildApiServerBinaries(): rejects when they cannot be had) and
 * resolves when /readyz answers 200. Call stop() when done (jest afterAll);
 * on failure everything started is stopped before the promise rejects.
 */
export async function startApiServer(opts: StartOptions = {}): Promise<ApiServer> {
  const version = kubernetesVersion(opts.kubernetes);
  const bin = await buildApiServerBinaries();
  const kubectlBin = process.env.MULTICNI_KUBECTL || path.join(bin, 'kubectl');
  removeStaleDirs();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), TMP_PREFIX));
  fs.writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
  const server = new ApiServerImpl(bin, kubectlBin, dir, opts.serviceCidr ?? DEFAULT_SERVICE_CIDR, version, opts.serviceAccountAdmission);
  installExitHandlers();
  running.add(server);
  try {
    server.writeConfig();
    for (let attempt = 1; ; attempt++) {
      try {
        await server.start(opts.readyTimeoutMs ?? 120_000);
        break;
      } catch (e) {
        await server.stopProcesses();
        if (!(e instanceof StartError && e.retryable && attempt < 3)) throw e;
      }
    }
    server.writeKubeconfig();
    // The binary is the one asked for (build.sh stamps the module's version into it).
    const served = (await server.serverVersion()).gitVersion;
    if (served !== version) throw new Error(`asked for kube-apiserver ${version}, ${server.url}/version says ${served}`);
    return server;
  } catch (e) {
    await server.stop();
    throw e;
  }
}

// ---------------------------------------------------------------------------
// Applying manifests

/** Lines of kubectl output that report an object not applied. */
export function errorLines(output: string): string[] {
  return output.split('\n').filter((l) => ERROR_LINE.test(l.trim()));
}

export interface StageResult extends KubectlResult {
  readonly dir: string;
  /** errorLines() of stdout and stderr. */
  readonly errors: string[];
  /** Apply attempts (> 1 when a kind of a just-established CRD was not yet discoverable). */
  readonly attempts: number;
}

export interface ApplyOptions {
  /** `kubectl apply --server-side` (no last-applied annotation: needed for CRDs over ~256 KiB). */
  readonly serverSide?: boolean;
  /** Extra kubectl apply arguments, e.g. ['--dry-run=server']. */
  readonly extraArgs?: string[];
  /** Seconds to wait for CRDs to be Established between stages; default 60. */
  readonly establishTimeoutSeconds?: number;
}

/**
 * Waits until every CRD on the server has condition Established.
 * Returns the kubectl wait result (status 0 also when there are no CRDs).
 */
export function waitForCrdsEstablished(server: ApiServer, timeoutSeconds = 60): KubectlResult {
  const list = server.kubectl(['get', 'crd', '-o', 'name']);
  if (list.status !== 0) return list;
  const names = list.stdout.split('\n').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) return { status: 0, stdout: '', stderr: '' };
  return server.kubectl(['wait', '--for=condition=established', `--timeout=${timeoutSeconds}s`, ...names], {
    timeoutMs: (timeoutSeconds + 30) * 1000,
  });
}

const NOT_YET_DISCOVERABLE = /no matches for kind|ensure CRDs are installed first|the server could not find the requested resource/;

/**
 * Applies each directory in turn (`kubectl apply -R -f <dir>`): stage 1 is
 * typically CRDs and namespaces, stage 2 everything that needs them. After
 * each stage it waits for all CRDs to be Established before the next one. A
 * stage whose only failures are kinds not yet in discovery (a CRD that was
 * just established) is re-applied, up to 10 times, a second apart. Stops at
 * the first stage that fails; returns one result per stage run.
 */
export async function applyStages(server: ApiServer, dirs: string[], opts: ApplyOptions = {}): Promise<StageResult[]> {
  const results: StageResult[] = [];
  for (const dir of dirs) {
    const args = ['apply', '-R', '-f', dir, ...(opts.serverSide ? ['--server-side'] : []), ...(opts.extraArgs ?? [])];
    let r: KubectlResult;
    let attempts = 0;
    for (;;) {
      attempts++;
      r = server.kubectl(args, { timeoutMs: 300_000 });
      const errors = errorLines(r.stdout + '\n' + r.stderr);
      const retry = r.status !== 0 && errors.length > 0 && errors.every((l) => NOT_YET_DISCOVERABLE.test(l));
      if (!retry || attempts >= 10) break;
      await sleep(1000);
    }
    const stage: StageResult = { ...r, dir, errors: errorLines(r.stdout + '\n' + r.stderr), attempts };
    results.push(stage);
    if (stage.status !== 0) break;
    const wait = waitForCrdsEstablished(server, opts.establishTimeoutSeconds ?? 60);
    if (wait.status !== 0) {
      results.push({ ...wait, dir: `${dir} (waiting for CRDs Established)`, errors: errorLines(wait.stdout + '\n' + wait.stderr), attempts: 1 });
      break;
    }
  }
  return results;
}
