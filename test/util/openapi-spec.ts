/**
 * The OpenAPI v3 specs of the Kubernetes releases the real-component suites run (one per
 * test/apiserver/go/kubernetes-1.NN module): the `api/openapi-spec/v3/*.json` files of the same
 * k8s.io/kubernetes module zip the API server is built from, so the schema and the server agree.
 *
 * Where a spec is looked for, in order: `<cache>/openapi/<version>/` (test/apiserver/build.sh puts
 * it there; `<cache>` = MULTICNI_APISERVER_CACHE or ~/.cache/cdk8s-multicni/apiserver), then Go's
 * module cache. When neither has it and Go is on PATH (or CI=true), `build.sh --openapi` fetches it
 * (a module download, no build). Otherwise the specs are unavailable, and the reason says why.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const APISERVER_DIR = path.join(__dirname, '..', 'apiserver');
const GO_DIR = path.join(APISERVER_DIR, 'go');
const BUILD_SH = path.join(APISERVER_DIR, 'build.sh');
/** A file every spec dir has: the core group's. */
const CORE_FILE = 'api__v1_openapi.json';

/** The k8s.io/kubernetes versions the harness builds, oldest first (from each module's go.mod), e.g. ['v1.35.4', 'v1.37.2']. */
export function testedKubernetesVersions(): string[] {
  return fs.readdirSync(GO_DIR)
    .filter((d) => /^kubernetes-1\.\d+$/.test(d))
    .map((d) => {
      const gomod = fs.readFileSync(path.join(GO_DIR, d, 'go.mod'), 'utf8');
      const m = /^\s*k8s\.io\/kubernetes (v1\.\d+\.\d+)\s*$/m.exec(gomod);
      if (!m) throw new Error(`test/apiserver/go/${d}/go.mod: no k8s.io/kubernetes v1.x.y requirement`);
      return m[1];
    })
    .sort((a, b) => minor(a) - minor(b));
}

function minor(version: string): number {
  return Number(version.split('.')[1]);
}

function cacheRoot(): string {
  return process.env.MULTICNI_APISERVER_CACHE || path.join(os.homedir(), '.cache', 'cdk8s-multicni', 'apiserver');
}

function candidates(version: string): string[] {
  const modCache = process.env.GOMODCACHE || path.join(process.env.GOPATH?.split(':')[0] || path.join(os.homedir(), 'go'), 'pkg', 'mod');
  return [
    path.join(cacheRoot(), 'openapi', version),
    path.join(modCache, 'k8s.io', `kubernetes@${version}`, 'api', 'openapi-spec', 'v3'),
  ];
}

function findSpecDir(version: string): string | undefined {
  return candidates(version).find((d) => fs.existsSync(path.join(d, CORE_FILE)));
}

function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

export type SpecDirs = { available: true; dirs: Map<string, string> } | { available: false; reason: string };

let specDirs: SpecDirs | undefined;

/**
 * The spec dir of every tested version, fetching missing ones with `build.sh --openapi` when Go is
 * on PATH or CI=true. In CI a failure to get them is an error (thrown), never a skip.
 */
export function openApiSpecDirs(): SpecDirs {
  if (specDirs) return specDirs;
  const versions = testedKubernetesVersions();
  let missing = versions.filter((v) => !findSpecDir(v));
  if (missing.length > 0 && (process.env.CI === 'true' || onPath('go'))) {
    const r = spawnSync('bash', [BUILD_SH, '--openapi'], { encoding: 'utf8', timeout: 20 * 60_000 });
    missing = versions.filter((v) => !findSpecDir(v));
    if (missing.length > 0 && process.env.CI === 'true') {
      throw new Error(`no OpenAPI spec of Kubernetes ${missing.join(', ')}: test/apiserver/build.sh --openapi exited ${r.status ?? r.signal}:\n${r.stderr}`);
    }
  }
  if (missing.length > 0) {
    specDirs = {
      available: false,
      reason: `no OpenAPI spec of Kubernetes ${missing.join(', ')} in ${candidates(missing[0]).join(' or ')}, and no \`go\` on PATH to fetch it: ` +
        'install Go >= 1.26 or run test/apiserver/build.sh --openapi (which installs it through apt)',
    };
  } else {
    specDirs = { available: true, dirs: new Map(versions.map((v) => [v, findSpecDir(v)!])) };
  }
  return specDirs;
}

/** The spec file of one group-version, as kube-apiserver serves it at /openapi/v3/<path>: `api/v1`, `apis/apps/v1`. */
export function specFileName(apiVersion: string): string {
  return apiVersion.includes('/') ? `apis__${apiVersion.replace('/', '__')}_openapi.json` : `api__${apiVersion}_openapi.json`;
}
