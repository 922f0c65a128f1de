#!/usr/bin/env node
// What the test suites need besides Node and npm, checked before `npm test` runs anything (it is the
// `pretest` script, and .ci/run runs `npm test`): chromium (test/package renders address-plan.svg),
// python3 with venv and ensurepip (test/package builds and installs the Python wheel), openssl (the API
// server's certificates) and Go (test/apiserver builds kube-apiserver, etcd and kwok from their modules).
// A missing one is installed with apt-get when this runs as root or with passwordless sudo (a packaged Go,
// /usr/lib/go-1.N/bin, is linked into /usr/local/bin: the suites run `go` from PATH); otherwise it stops at
// once with one line naming what is missing and the command that installs it. Then it builds the
// API-server harness (test/apiserver/build.sh, cached: a no-op once built), so no suite meets a missing
// tool minutes into the run.
//
// usage: node scripts/prereqs.js [--check] [--no-build]
//   --check     never install or build: exit 1 with the line when anything is missing, 0 otherwise
//   --no-build  install what is missing, but do not build the harness
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const BUILD_SH = path.join(ROOT, 'test', 'apiserver', 'build.sh');
const MIN_NODE_MAJOR = 20; // package.json engines

/** The Go minor the harness needs: build.sh's MIN_GO_MINOR, so the two never disagree. */
function minGoMinor() {
  const m = /^MIN_GO_MINOR=(\d+)/m.exec(fs.readFileSync(BUILD_SH, 'utf8'));
  if (!m) throw new Error(`${path.relative(ROOT, BUILD_SH)}: no MIN_GO_MINOR=<n> line`);
  return Number(m[1]);
}

/** The executable `cmd` on PATH, or undefined (no process is started). */
function which(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, cmd);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch { /* not here */ }
  }
  return undefined;
}

function succeeds(cmd, args) {
  return spawnSync(cmd, args, { stdio: 'ignore', timeout: 20_000 }).status === 0;
}

/** The minor of a go binary (26 for go1.26.8), or undefined. */
function goMinorOf(bin) {
  const r = spawnSync(bin, ['env', 'GOVERSION'], { encoding: 'utf8', timeout: 20_000 });
  const m = /^go1\.(\d+)/.exec((r.stdout || '').trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * The newest packaged Go, /usr/lib/go-1.N/bin/go (Debian's golang-1.N-go; build.sh installs it there too),
 * which is not on PATH: `{ bin, minor }` or undefined.
 */
function packagedGo() {
  const root = process.env.MULTICNI_PREREQS_GO_ROOT || '/usr/lib';
  let found;
  try {
    for (const d of fs.readdirSync(root).filter((x) => /^go-1\.\d+$/.test(x))) {
      const bin = path.join(root, d, 'bin', 'go');
      const minor = fs.existsSync(bin) ? goMinorOf(bin) : undefined;
      if (minor !== undefined && (!found || minor > found.minor)) found = { bin, minor };
    }
  } catch { /* no such directory */ }
  return found;
}

/** Where a packaged Go is linked so that `go` is on PATH (the suites run `go` from PATH). */
const LINK_DIR = process.env.MULTICNI_PREREQS_LINK_DIR || '/usr/local/bin';

/** Each requirement: what it is, which suite needs it, whether it is here, its Debian packages. */
function requirements() {
  const go = minGoMinor();
  const onPath = which('go');
  const have = onPath ? goMinorOf(onPath) : undefined;
  const packaged = packagedGo();
  return [
    {
      name: `Node >= ${MIN_NODE_MAJOR}`, why: 'everything',
      ok: Number(process.versions.node.split('.')[0]) >= MIN_NODE_MAJOR, apt: [], manual: 'https://nodejs.org',
    },
    { name: 'chromium', why: 'renders address-plan.svg', ok: Boolean(which('chromium') || which('chromium-browser')), apt: ['chromium'] },
    {
      name: 'python3 with venv and ensurepip', why: 'builds and installs the Python wheel',
      // Debian ships ensurepip in python3.N-venv; without it `python3 -m venv` cannot install pip.
      ok: Boolean(which('python3')) && succeeds('python3', ['-c', 'import venv, ensurepip; ensurepip.version()']), apt: ['python3', 'python3-venv', 'python3-pip'],
    },
    { name: 'openssl', why: "the API server's certificates", ok: Boolean(which('openssl')), apt: ['openssl', 'ca-certificates'] },
    packaged && packaged.minor >= go && !(have >= go) ? {
      name: `Go >= 1.${go} on PATH`, why: `builds kube-apiserver, etcd and kwok; ${packaged.bin} is not on PATH`,
      ok: false, apt: [], go, packaged, manual: `export PATH=${path.dirname(packaged.bin)}:$PATH`,
    } : {
      name: `Go >= 1.${go}${have !== undefined ? ` (have 1.${have})` : ''}`, why: 'builds kube-apiserver, etcd and kwok',
      ok: have !== undefined && have >= go, apt: [`golang-1.${go}-go`], go,
      manual: `https://go.dev/dl (Debian stable has golang-1.${go}-go in backports)`,
    },
  ];
}

/** The one line: what is missing, for what, and the command that installs it. */
function missingLine(missing) {
  const what = missing.map((r) => `${r.name} (${r.why})`).join(', ');
  const sudo = process.getuid && process.getuid() === 0 ? '' : 'sudo ';
  const pkgs = missing.flatMap((r) => r.apt);
  const how = [
    ...(pkgs.length ? [`${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${pkgs.join(' ')}`] : []),
    ...missing.filter((r) => r.manual).map((r) => `${r.name.replace(/ \(.*/, '')}: ${r.manual}`),
  ];
  return `prereqs: npm test needs what is missing here: ${what}; install it with: ${how.join('; ')} (then run npm test again)`;
}

/** `[]` as root, `['sudo', '-n']` with passwordless sudo, else undefined: whether apt-get can be run. */
function privilege() {
  if (process.getuid && process.getuid() === 0) return [];
  if (which('sudo') && succeeds('sudo', ['-n', 'true'])) return ['sudo', '-n'];
  return undefined;
}

function run(argv) {
  const r = spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status === 0;
}

/** The newest golang-1.N-go (N >= min) apt knows, else undefined (build.sh then tries Debian backports, as root). */
function goPackage(min) {
  const r = spawnSync('apt-cache', ['search', '--names-only', '^golang-1\\.[0-9]+-go$'], { encoding: 'utf8' });
  const minors = (r.stdout || '').split('\n').map((l) => /^golang-1\.(\d+)-go /.exec(l)).filter(Boolean).map((m) => Number(m[1])).filter((n) => n >= min);
  return minors.length ? `golang-1.${Math.max(...minors)}-go` : undefined;
}

/** apt-get install of what is missing; Go left to build.sh when apt has no new enough one and this is root. */
function install(missing, prefix) {
  const pkgs = [];
  if (missing.some((r) => r.apt.length > 0)) {
    if (!run([...prefix, 'apt-get', 'update', '-qq'])) return false;
    for (const r of missing) {
      if (r.go === undefined) { pkgs.push(...r.apt); continue; }
      const pkg = r.apt.length > 0 ? goPackage(r.go) : undefined;
      if (pkg) pkgs.push(pkg);
    }
  }
  return pkgs.length === 0 || run([...prefix, 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...pkgs]);
}

/** A packaged Go new enough but off PATH is linked into LINK_DIR (go and gofmt), as Debian's golang-go does. */
function linkGo(prefix) {
  const go = requirements().find((r) => r.packaged);
  if (!go) return;
  const dir = path.dirname(go.packaged.bin);
  process.stderr.write(`prereqs: linking ${LINK_DIR}/go and gofmt to ${dir}\n`);
  for (const tool of ['go', 'gofmt']) run([...prefix, 'ln', '-sf', path.join(dir, tool), path.join(LINK_DIR, tool)]);
}

function main(args) {
  const check = args.includes('--check');
  const build = !check && !args.includes('--no-build');
  let missing = requirements().filter((r) => !r.ok);
  let prefix;
  if (missing.length > 0 && !check) {
    const fixable = missing.some((r) => r.packaged) || (which('apt-get') && missing.some((r) => r.apt.length));
    prefix = fixable ? privilege() : undefined;
    if (prefix) {
      const apt = missing.filter((r) => r.apt.length);
      if (apt.length) process.stderr.write(`prereqs: installing ${apt.map((r) => r.name).join(', ')} with apt-get\n`);
      install(missing, prefix);
      linkGo(prefix);
      missing = requirements().filter((r) => !r.ok);
      // As root, build.sh installs Go itself when apt has none new enough (it adds Debian backports); linked below.
      if (prefix.length === 0 && build) missing = missing.filter((r) => r.go === undefined || r.packaged);
    }
  }
  if (missing.length > 0) {
    process.stderr.write(`${missingLine(missing)}\n`);
    return 1;
  }
  if (!build || succeeds('bash', [BUILD_SH, '--cached'])) return 0;
  process.stderr.write('prereqs: building the API-server harness (test/apiserver/build.sh; cached after the first time)\n');
  const r = spawnSync('bash', [BUILD_SH], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) {
    process.stderr.write(`prereqs: test/apiserver/build.sh failed (exit ${r.status ?? r.signal}); its output is above\n`);
    return 1;
  }
  if (prefix) linkGo(prefix); // the Go build.sh installed
  missing = requirements().filter((r) => !r.ok);
  if (missing.length > 0) {
    process.stderr.write(`${missingLine(missing)}\n`);
    return 1;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
