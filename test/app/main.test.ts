import * as fs from 'fs';
import * as path from 'path';
import { listing as snapshotDir, runMain as run, tmpDir } from '../support/run-app';
import { valuesToProps } from '../../src/app/values';
import { MultusMode, MultusVersion, OvnDeploymentMode } from '../../src';

const tmp = () => tmpDir('multicni-main-');

describe('synth app', () => {
  test('writes dist/ and the kind config; a second run gives identical bytes', () => {
    const dir = tmp();
    const args = ['--outdir', path.join(dir, 'dist'), '--kind-config', path.join(dir, 'kind.yaml')];
    expect(run(args).code).toBe(0);
    const first = snapshotDir(path.join(dir, 'dist'));
    expect(Object.keys(first).sort()).toEqual([
      '.cdk8s-multicni', '01-network-crds.k8s.yaml', '02-cilium.k8s.yaml', '03-multus.k8s.yaml', '04-ovn-kubernetes.k8s.yaml',
      'address-plan.md', 'address-plan.svg', 'stage2/01-networks.k8s.yaml', 'stage2/02-demo.k8s.yaml',
    ]);
    // the address plan sits at the root of the output directory (kubectl apply -f reads only .yaml/.yml/.json)
    expect(first['address-plan.md']).toContain('| `10.254.0.0/16/24` | IPv4 | decoy pod |');
    expect(first['address-plan.svg']).toMatch(/^<svg /);
    expect(fs.readFileSync(path.join(dir, 'kind.yaml'), 'utf8')).toMatch(/podSubnet: 10\.244\.0\.0\/16/);
    expect(run(args).code).toBe(0);
    expect(snapshotDir(path.join(dir, 'dist'))).toEqual(first);
    expect(fs.readdirSync(dir).sort()).toEqual(['dist', 'kind.yaml']); // no staging directories left behind
  });

  test('a failed synth exits non-zero with the message and leaves the previous dist/ untouched', () => {
    const dir = tmp();
    const dist = path.join(dir, 'dist');
    const kind = path.join(dir, 'kind.yaml');
    expect(run(['--outdir', dist, '--kind-config', kind]).code).toBe(0);
    const before = snapshotDir(dist);
    const kindBefore = fs.readFileSync(kind, 'utf8');
    const values = path.join(dir, 'bad.yaml');
    fs.writeFileSync(values, 'addressing:\n  decoy: 10.244.0.0/16/24\n');
    const r = run(['--values', values, '--outdir', dist, '--kind-config', kind]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^\S*bad\.yaml: addressing\.decoy: overlap: primary pod "primary pod range" 10\.244\.0\.0\/16 .* overlaps decoy pod/);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/nothing was written \(\S*dist\/ and \S*kind\.yaml are unchanged\)$/);
    expect(snapshotDir(dist)).toEqual(before);
    expect(fs.readFileSync(kind, 'utf8')).toBe(kindBefore);
  });

  test('a custom node mask is named in the kind config and warned about (kind gets no kubeadm patch)', () => {
    const dir = tmp();
    const values = path.join(dir, 'v.yaml');
    fs.writeFileSync(values, 'addressing: { nodeCount: 4, primaryPodCidrs: [10.244.0.0/24], nodeMaskSize: 26 }\n');
    const r = run(['--values', values, '--outdir', path.join(dir, 'd'), '--kind-config', path.join(dir, 'k.yaml')]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^warning: kind config: kube-controller-manager's node mask \(--node-cidr-mask-size-ipv4=26\) is not written into the kind config/);
    expect(fs.readFileSync(path.join(dir, 'k.yaml'), 'utf8')).toMatch(/^# kube-controller-manager must run with --node-cidr-mask-size-ipv4=26 \(not set by this file\)\.$/m);
    // the default mask: no note
    expect(run(['--outdir', path.join(dir, 'd'), '--kind-config', path.join(dir, 'k.yaml')]).err).toBe('');
    expect(fs.readFileSync(path.join(dir, 'k.yaml'), 'utf8')).not.toMatch(/node-cidr-mask-size/);
  });

  test('the example values file synthesizes', () => {
    const dir = tmp();
    const r = run(['--values', path.join(__dirname, '..', '..', 'examples', 'values.yaml'), '--outdir', path.join(dir, 'd'), '--kind-config', path.join(dir, 'k.yaml')]);
    // its localnet network: the one warning, the bridge mapping each node needs
    expect(r.err).toMatch(/^warning: network \S+: localnet needs "underlay" in ovn-bridge-mappings on every node[^\n]*$/);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'd', 'stage2', '01-networks.k8s.yaml'), 'utf8')).toMatch(/physnet/);
  });

  test('when run by cdk8s synth, the manifests are also copied to CDK8S_OUTDIR', () => {
    const dir = tmp();
    process.env.CDK8S_OUTDIR = path.join(dir, 'cdk8s.out');
    try {
      expect(run(['--outdir', path.join(dir, 'dist'), '--kind-config', path.join(dir, 'k.yaml')]).code).toBe(0);
    } finally {
      delete process.env.CDK8S_OUTDIR;
    }
    const { ['.cdk8s-multicni']: marker, ...manifests } = snapshotDir(path.join(dir, 'dist'));
    expect(marker).toMatch(/cdk8s-multicni synth/);
    expect(snapshotDir(path.join(dir, 'cdk8s.out'))).toEqual(manifests);
  });

  test('--no-kind-config writes dist/ only, and says so', () => {
    const dir = tmp();
    const r = run(['--outdir', path.join(dir, 'dist'), '--no-kind-config']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/kind config: not written \(--no-kind-config\)/);
    expect(fs.readdirSync(dir)).toEqual(['dist']);
    expect(run(['--outdir', path.join(dir, 'dist'), '--no-kind-config', '--kind-config', path.join(dir, 'k.yaml')]).err)
      .toMatch(/--kind-config and --no-kind-config exclude each other/);
  });

  test('bad arguments: refused before anything is written', () => {
    const dir = tmp();
    const outputs = ['--outdir', path.join(dir, 'dist'), '--kind-config', path.join(dir, 'kind.yaml')];
    expect(run([...outputs, '--bogus']).code).toBe(2);
    expect(run([...outputs, '--values']).err).toMatch(/--values needs a value/);
    expect(run([...outputs, '--help']).out).toMatch(/usage: synth/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('values file', () => {
  test('keys map onto props', () => {
    const props = valuesToProps({ apiServer: 'https://10.0.0.1:6443', ovn: { mode: 'interconnect', mtu: 1300 }, demo: { enabled: false } });
    expect(props.apiServer).toBe('https://10.0.0.1:6443');
    expect(props.ovn).toEqual({ mode: OvnDeploymentMode.INTERCONNECT, mtu: 1300 });
    expect(props.demo).toBe(false);
  });

  test('multus.version picks the release; an unknown one names the key, the value and the valid tags', () => {
    expect(valuesToProps({ multus: { version: 'v4.3.0', mode: 'thick' } }).multus).toEqual({ version: MultusVersion.V4_3_0, mode: MultusMode.THICK });
    expect(valuesToProps({ multus: { version: 'v4.2.4' } }).multus).toEqual({ version: MultusVersion.V4_2_4 });
    expect(() => valuesToProps({ multus: { version: '4.3.0' } })).toThrow('multus.version: invalid value "4.3.0": expected one of v4.1.3, v4.2.4, v4.3.0');
    expect(() => valuesToProps({ multus: { version: 4.3 } })).toThrow('multus.version: invalid value 4.3: expected one of v4.1.3, v4.2.4, v4.3.0');
  });

  test('a version written as a YAML number (1.20 reads as 1.2) gets a hint to quote it', () => {
    expect(() => valuesToProps({ cilium: { version: 1.2 } })).toThrow(/^cilium\.version: invalid value 1\.2: expected one of [^;]*1\.20\.0[^;]*; YAML read an unquoted number: quote it, e\.g\. "1\.20\.0"$/);
    expect(() => valuesToProps({ ovn: { imageTag: 1.2 } })).toThrow(/^ovn\.imageTag: invalid value 1\.2: expected a string; YAML read an unquoted number: quote it/);
    expect(() => valuesToProps({ cilium: { version: '1.2' } })).not.toThrow(/unquoted/);
  });

  test.each([
    [{ ovn: { mtuu: 1400 } }, /^ovn\.mtuu: unknown key; valid keys here: .*mtu/],
    [{ ovn: { mtu: '1400' } }, /^ovn\.mtu: invalid value "1400": expected an integer$/],
    [{ ovn: { mode: 'hybrid' } }, /^ovn\.mode: invalid value "hybrid": expected one of central, interconnect$/],
    [{ networks: [{ name: 'a' }, { topology: 'layer2' }] }, /^networks\[1\]\.name: required/],
    [{ networks: { name: 'a' } }, /^networks: invalid value \{"name":"a"\}: expected a list of mappings$/],
    [{ cilium: { ipam: 'cluster-pool' } }, /^cilium\.clusterPool\.podCidrs: required when ipam is cluster-pool/],
    [{ cilium: { clusterPool: { podCidrs: ['10.0.0.0/16'] } } }, /^cilium\.clusterPool: only valid with ipam: cluster-pool/],
    [{ addressing: { decoy: '10.254.0.0/16/8' } }, /^addressing: decoy: invalid cluster subnet "10\.254\.0\.0\/16\/8"/],
    [{ addressing: { serviceCidrs: '10.96.0.0/16' } }, /^addressing\.serviceCidrs: invalid value "10\.96\.0\.0\/16": expected a list of strings$/],
    [{ demo: { pods: [{ nodeName: 'x' }] } }, /^demo\.pods\[0\]\.name: required/],
    [{ extra: 1 }, /^extra: unknown key/],
    [[1, 2], /^values: invalid value \[1,2\]: expected a mapping$/],
  ])('rejects %j', (values, message) => {
    expect(() => valuesToProps(values)).toThrow(message);
  });

  test('dual-stack without a decoy names addressing.decoy as not set and how to set it, never as a wrong value', () => {
    const dir = tmp();
    const values = path.join(dir, 'v.yaml');
    fs.writeFileSync(values, 'addressing:\n  primaryPodCidrs: [10.244.0.0/16, "fd00:10:244::/56"]\n  serviceCidrs: [10.96.0.0/16, "fd00:10:96::/112"]\n');
    const r = run(['--values', values, '--outdir', path.join(dir, 'd'), '--no-kind-config']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^\S+v\.yaml: addressing\.decoy: not set, and its default 10\.254\.0\.0\/16\/24 is IPv4 only while the primary pod ranges are IPv4\+IPv6: set decoy to auto .* e\.g\. "10\.254\.0\.0\/16\/24,fd00:10:254::\/48\/64"/);
    expect(r.err).not.toMatch(/family:/);
  });

  test('a bad entry that only the construct can judge is reported with its key path at synth', () => {
    const dir = tmp();
    const values = path.join(dir, 'v.yaml');
    fs.writeFileSync(values, 'networks:\n  - name: n1\n    topology: layer3\n    allowPersistentIps: true\n    subnets: [10.245.0.0/16/24]\n');
    const r = run(['--values', values, '--outdir', path.join(dir, 'd'), '--kind-config', path.join(dir, 'k.yaml')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/networks\[0\]: network default\/n1: allowPersistentIps: invalid value true: expected false on layer3/);
    expect(fs.existsSync(path.join(dir, 'd'))).toBe(false);
  });

  test('unreadable or invalid files are named', () => {
    const dir = tmp();
    const outputs = ['--outdir', path.join(dir, 'd'), '--kind-config', path.join(dir, 'k.yaml')];
    expect(run(['--values', path.join(dir, 'missing.yaml'), ...outputs]).err).toMatch(/missing\.yaml: cannot read: no such file/);
    fs.writeFileSync(path.join(dir, 'broken.yaml'), 'a: [\n');
    expect(run(['--values', path.join(dir, 'broken.yaml'), ...outputs]).err).toMatch(/broken\.yaml: not valid YAML/);
    expect(fs.readdirSync(dir)).toEqual(['broken.yaml']);
  });
});
