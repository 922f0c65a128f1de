// scripts/prereqs.js (npm test's pretest) on a PATH of stand-ins: which tools exist, and whether apt-get (and
// sudo) may be run, is up to each test. Nothing is installed or built for real: apt-get here is a script
// that logs its arguments.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tmpDir } from '../support/tmp-dir';

const ROOT = path.join(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'prereqs.js');
const MIN_GO = Number(/^MIN_GO_MINOR=(\d+)/m.exec(fs.readFileSync(path.join(ROOT, 'test', 'apiserver', 'build.sh'), 'utf8'))![1]);
const IS_ROOT = process.getuid?.() === 0;
const SETPRIV = spawnSync('sh', ['-c', 'command -v setpriv'], { encoding: 'utf8' }).stdout.trim();

const OK = '#!/bin/sh\nexit 0\n';
const ALL: Record<string, string> = { chromium: OK, python3: OK, openssl: OK, go: `#!/bin/sh\necho go1.${MIN_GO}.3\n` };

/** A directory holding `node` and the given stand-ins (name → shell script), to be the whole PATH. */
function bin(tools: Record<string, string>): string {
  const dir = tmpDir('multicni-prereqs-');
  fs.chmodSync(dir, 0o777); // writable by the unprivileged user of the no-privilege test too
  fs.symlinkSync(process.execPath, path.join(dir, 'node'));
  for (const [name, text] of Object.entries(tools)) fs.writeFileSync(path.join(dir, name), text.replace(/\$DIR/g, dir), { mode: 0o755 });
  return dir;
}

/** An apt-get that logs each call to `$DIR/apt.log`; `install` also runs `onInstall`. */
const aptGet = (onInstall = '') => `#!/bin/sh\necho "$*" >> $DIR/apt.log\ncase "$1" in install) ${onInstall};; esac\nexit 0\n`;
/** Passwordless sudo, for a test that does not run as root. */
const SUDO = '#!/bin/sh\n[ "$1" = -n ] && shift\nexec "$@"\n';

/** A Debian-style packaged Go, `<dir>/lib/go-1.N/bin/go`, where the script looks instead of /usr/lib. */
function packagedGo(dir: string, minor: number): string {
  const goBin = path.join(dir, 'lib', `go-1.${minor}`, 'bin');
  fs.mkdirSync(goBin, { recursive: true });
  for (const tool of ['go', 'gofmt']) fs.writeFileSync(path.join(goBin, tool), `#!/bin/sh\necho go1.${minor}.0\n`, { mode: 0o755 });
  return goBin;
}

function prereqs(dir: string, args: string[], asNobody = false) {
  // packaged Go looked for in <dir>/lib, and linked into <dir> (on PATH), never into the machine's
  const env = { PATH: dir, HOME: dir, MULTICNI_PREREQS_GO_ROOT: path.join(dir, 'lib'), MULTICNI_PREREQS_LINK_DIR: dir };
  const argv = asNobody ? [SETPRIV, '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, SCRIPT, ...args] : [process.execPath, SCRIPT, ...args];
  const t0 = Date.now();
  const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', env, timeout: 60_000 });
  return { code: r.status, out: r.stdout, lines: r.stderr.split('\n').filter(Boolean), seconds: (Date.now() - t0) / 1000 };
}

describe('scripts/prereqs.js', () => {
  test('everything present: --check exits 0 and prints nothing', () => {
    const r = prereqs(bin(ALL), ['--check']);
    expect(r).toMatchObject({ code: 0, out: '', lines: [] });
  });

  test('a PATH without chromium and python3: exit 1 at once, one line naming both and the apt-get command', () => {
    const { chromium, python3, ...rest } = ALL;
    const r = prereqs(bin(rest), ['--check']);
    expect(r.code).toBe(1);
    expect(r.seconds).toBeLessThan(10);
    expect(r.out).toBe('');
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/^prereqs: npm test needs what is missing here: chromium \(renders address-plan\.svg\), python3 with venv and ensurepip \(builds and installs the Python wheel\); install it with: /);
    expect(r.lines[0]).toContain('apt-get install -y --no-install-recommends chromium python3 python3-venv python3-pip');
    expect(r.lines[0]).not.toMatch(/openssl|Go >=/);
  });

  test('python3 without ensurepip (Debian\'s python3-venv absent) is named', () => {
    const r = prereqs(bin({ ...ALL, python3: '#!/bin/sh\nexit 1\n' }), ['--check']);
    expect([r.code, r.lines.length]).toEqual([1, 1]);
    expect(r.lines[0]).toMatch(/missing here: python3 with venv and ensurepip .*install -y --no-install-recommends python3 python3-venv python3-pip /);
  });

  test(`Go older than build.sh's MIN_GO_MINOR (1.${MIN_GO}) is named with the version found, and where to get it`, () => {
    const r = prereqs(bin({ ...ALL, go: '#!/bin/sh\necho go1.19.8\n' }), ['--check']);
    expect([r.code, r.lines.length]).toEqual([1, 1]);
    expect(r.lines[0]).toContain(`missing here: Go >= 1.${MIN_GO} (have 1.19) (builds kube-apiserver, etcd and kwok)`);
    expect(r.lines[0]).toContain(`golang-1.${MIN_GO}-go`);
    expect(r.lines[0]).toContain('https://go.dev/dl');
  });

  test('no root and no passwordless sudo: installs nothing, stops with the line (sudo in the command)', () => {
    // As root the script runs as nobody (setpriv); otherwise as this user, with no sudo on its PATH.
    const { chromium, ...rest } = ALL;
    const dir = bin({ ...rest, 'apt-get': aptGet() });
    const r = prereqs(dir, ['--no-build'], IS_ROOT);
    expect([r.code, r.lines]).toEqual([1, [expect.stringMatching(/^prereqs: npm test needs what is missing here: chromium .*install it with: sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium /)]]);
    expect(fs.existsSync(path.join(dir, 'apt.log'))).toBe(false);
  });

  test('as root or with passwordless sudo: apt-get installs what is missing, then it checks again', () => {
    const { chromium, ...rest } = ALL;
    const dir = bin({ ...rest, 'apt-get': aptGet(`printf '#!/bin/sh\\nexit 0\\n' > $DIR/chromium; /bin/chmod +x $DIR/chromium`), ...(IS_ROOT ? {} : { sudo: SUDO }) });
    const r = prereqs(dir, ['--no-build']);
    expect([r.code, r.lines]).toEqual([0, ['prereqs: installing chromium with apt-get']]);
    expect(fs.readFileSync(path.join(dir, 'apt.log'), 'utf8').split('\n')).toEqual(['update -qq', 'install -y -qq --no-install-recommends chromium', '']);
  });

  test('an install that does not bring the tool: exit 1 with the line, not a failure minutes later', () => {
    const { chromium, ...rest } = ALL;
    const dir = bin({ ...rest, 'apt-get': aptGet(), ...(IS_ROOT ? {} : { sudo: SUDO }) });
    const r = prereqs(dir, ['--no-build']);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual(['prereqs: installing chromium with apt-get', expect.stringMatching(/^prereqs: npm test needs what is missing here: chromium /)]);
  });

  test('a packaged Go new enough but off PATH: named with the PATH to set (--check)', () => {
    const { go, ...rest } = ALL;
    const dir = bin(rest);
    const goBin = packagedGo(dir, MIN_GO);
    const r = prereqs(dir, ['--check']);
    expect([r.code, r.lines]).toEqual([1, [`prereqs: npm test needs what is missing here: Go >= 1.${MIN_GO} on PATH (builds kube-apiserver, etcd and kwok; ${goBin}/go is not on PATH); install it with: Go >= 1.${MIN_GO} on PATH: export PATH=${goBin}:$PATH (then run npm test again)`]]);
  });

  test('with privileges a packaged Go off PATH is linked onto it, as Debian\'s golang-go does', () => {
    const { go, ...rest } = ALL;
    const dir = bin({ ...rest, ln: '#!/bin/sh\necho "$*" >> $DIR/ln.log\nexec /bin/ln "$@"\n', ...(IS_ROOT ? {} : { sudo: SUDO }) });
    const goBin = packagedGo(dir, MIN_GO + 1);
    const r = prereqs(dir, ['--no-build']);
    expect([r.code, r.lines]).toEqual([0, [`prereqs: linking ${dir}/go and gofmt to ${goBin}`]]);
    expect(fs.readFileSync(path.join(dir, 'ln.log'), 'utf8')).toBe(`-sf ${goBin}/go ${dir}/go\n-sf ${goBin}/gofmt ${dir}/gofmt\n`);
    expect(fs.readlinkSync(path.join(dir, 'go'))).toBe(path.join(goBin, 'go'));
  });
});
