import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ACCEPTED } from '../support/accepted-values';
import { REFUSED } from '../support/refused-values';
import { listing as listingUtf8, runMain, tmpDir } from '../support/run-app';

/**
 * A corpus of bad and borderline values files, run through the real synth entry point (`main`, the code
 * behind `npm run synth`; a sample also through `node bin/synth.js`). Refused files: exit 1, exactly one
 * stderr line `<file>: <key.path>: …` with the expected key path, no stack trace, and the previous dist/
 * and kind config byte-identical. Legal files: exit 0.
 */

const ROOT = path.join(__dirname, '..', '..');
const tmp = () => tmpDir('multicni-corpus-');
const listing = (dir: string) => listingUtf8(dir, 'latin1');
/** stderr as lines: each refusal must be exactly one. */
const run = (args: string[]) => {
  const r = runMain(args);
  return { code: r.code, out: r.out, err: r.errLines };
};


/** Legal, unusual setups: each must synthesize. */
/** Every key of the values file, each given a value of the wrong type: refused at exactly that key. */
const KEYS: Record<string, string[]> = {
  addressing: ['primaryPodCidrs', 'serviceCidrs', 'nodeNetworks', 'nodeCount', 'decoy', 'joinSubnets', 'transitSubnets', 'masqueradeSubnets', 'secondaryCni', 'nodeMaskSize', 'nodeMaskSizeIpv4', 'nodeMaskSizeIpv6', 'decoySearch'],
  cilium: ['ipam', 'podCidrs', 'cniExclusive', 'routingMode', 'tunnelProtocol', 'tunnelPort', 'ipv4NativeRoutingCidr', 'ipv6NativeRoutingCidr', 'kubeProxyReplacement', 'k8sServiceHost', 'k8sServicePort', 'socketLbHostNamespaceOnly', 'devices', 'clusterName', 'clusterId', 'operatorReplicas', 'imagePullPolicy', 'imageRegistry', 'agentImage', 'operatorImage', 'envoyImage', 'certgenImage', 'hubbleTls', 'clusterPool'],
  multus: ['mode', 'image', 'namespace', 'defaultNetworkFile', 'waitForDefaultNetwork', 'logLevel'],
  networkCrds: ['networkAttachmentDefinitions', 'multiNetworkPolicies', 'ipamClaims'],
  ovn: ['mode', 'mtu', 'encapPort', 'imageRepository', 'imageTag', 'imagePullPolicy', 'hostNetworkNamespace', 'persistentIps', 'egressQos'],
  demo: ['enabled', 'pods'],
};
const WRONG_TYPE: Array<[string, string, string]> = Object.entries(KEYS).flatMap(([section, keys]) => keys.map((key): [string, string, string] => {
  // A mapping is wrong for every scalar and list key; a section key gets a list instead.
  const section2 = ['decoySearch', 'clusterPool'].includes(key);
  return [`wrong type: ${section}.${key}`, `${section}:\n  ${key}: ${section2 ? '[1, 2]' : '{ a: 1 }'}`, `${section}.${key}`];
}));

const KEY_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\[\d+\])?(\.[A-Za-z][A-Za-z0-9]*(\[\d+\])?)*$/;

describe('values corpus', () => {
  const dir = tmp();
  const dist = path.join(dir, 'dist');
  const kind = path.join(dir, 'kind.yaml');
  let before: Record<string, string>;
  let kindBefore: string;

  beforeAll(() => {
    expect(run(['--outdir', dist, '--kind-config', kind]).code).toBe(0);
    before = listing(dist);
    kindBefore = fs.readFileSync(kind, 'latin1');
  });

  test('the corpus is large and its labels unique', () => {
    expect(REFUSED.length + WRONG_TYPE.length + ACCEPTED.length).toBeGreaterThan(200);
    const labels = [...REFUSED, ...WRONG_TYPE, ...ACCEPTED].map((c) => c[0]);
    expect(new Set(labels).size).toBe(labels.length);
  });

  test.each([...REFUSED, ...WRONG_TYPE])('refuses: %s', (label, text, keyPath) => {
    const file = path.join(dir, `${label.replace(/[^a-z0-9]+/gi, '-')}.yaml`);
    fs.writeFileSync(file, text);
    const r = run(['--values', file, '--outdir', dist, '--kind-config', kind]);
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    const line = r.err[0];
    expect(line.startsWith(`${file}: `)).toBe(true);
    const rest = line.slice(file.length + 2);
    const key = rest.slice(0, rest.indexOf(': '));
    expect(key).toMatch(KEY_PATH);
    expect(key).toBe(keyPath);
    expect(line).not.toMatch(/\n|\s+at \S+ \(|Error:|TypeError|undefined/);
    expect(line.length).toBeLessThan(1200); // huge values are cut, not echoed
    expect(line).toMatch(/nothing was written/);
    expect(listing(dist)).toEqual(before);
    expect(fs.readFileSync(kind, 'latin1')).toBe(kindBefore);
  });

  test.each(ACCEPTED)('accepts: %s', (_label, text) => {
    const sub = tmp();
    const file = path.join(sub, 'values.yaml');
    fs.writeFileSync(file, text);
    const r = run(['--values', file, '--outdir', path.join(sub, 'dist'), '--kind-config', path.join(sub, 'kind.yaml')]);
    expect(r.err.filter((l) => !l.startsWith('warning: '))).toEqual([]);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(sub, 'dist', '02-cilium.k8s.yaml'))).toBe(true);
  });

  test('input that is not UTF-8, not YAML or not a file is refused on one line, bytes escaped', () => {
    const cases: Array<[string, Buffer, RegExp]> = [
      ['latin1.yaml', Buffer.from('apiServer: "caf\xe9"\n', 'latin1'), /: line 1: not valid UTF-8: "apiServer: \\x22caf\\xe9\\x22"/],
      ['broken.yaml', Buffer.from('a: [\n'), /: not valid YAML: /],
      ['twice.yaml', Buffer.from('ovn: {}\novn: {}\n'), /: not valid YAML: .*unique/],
      ['docs.yaml', Buffer.from('ovn: {}\n---\novn: {}\n'), /: not valid YAML: /],
      ['list.yaml', Buffer.from('- 1\n- 2\n'), /: values: invalid value \[1,2\]: expected a mapping/],
      ['scalar.yaml', Buffer.from('hello\n'), /: values: invalid value "hello": expected a mapping/],
      ['control.yaml', Buffer.from('apiServer: "\\u0007\\u001b[31m"\n'), /apiServer: invalid api server address "(\\x07\\x1b|\\u0007\\u001b)\[31m"/],
    ];
    for (const [name, bytes, message] of cases) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      const r = run(['--values', file, '--outdir', dist, '--kind-config', kind]);
      expect({ name, code: r.code }).toEqual({ name, code: 1 });
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(message);
      // eslint-disable-next-line no-control-regex -- the test looks for control characters
      expect(r.err[0]).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\ufffd]/);
      expect(listing(dist)).toEqual(before);
    }
    const r = run(['--values', dir, '--outdir', dist, '--kind-config', kind]);
    expect(r.err).toEqual([expect.stringMatching(/: cannot read: is a directory/)]);
  });

  test('the real bin/synth.js refuses a sample the same way, with no stack trace', () => {
    for (const [name, text, keyPath] of [REFUSED[2], REFUSED[36], REFUSED[80]]) {
      const file = path.join(dir, `bin-${name.replace(/[^a-z0-9]+/gi, '-')}.yaml`);
      fs.writeFileSync(file, text);
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'synth.js'), '--values', file, '--outdir', dist, '--kind-config', kind], { cwd: ROOT, encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')).toEqual([expect.stringMatching(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ${keyPath.replace(/[.[\]]/g, '\\$&')}: `)), '']);
    }
    expect(listing(dist)).toEqual(before);
  });
});
