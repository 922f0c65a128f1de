import * as fs from 'fs';
import * as path from 'path';
import { CiliumVersion, MultiCniValues } from '../../src';
import { fileOfKey, mergeValues } from '../../src/app/values-merge';
import { runPlan } from '../../src/cli/plan-command';
import { runMain, tmpDir } from '../support/run-app';

describe('mergeValues: left to right, as helm merges repeated --values', () => {
  test('mappings merge recursively, lists and scalars are replaced, null is kept (it unsets the key)', () => {
    const merged = mergeValues([
      { cilium: { version: '1.18.12', routingMode: 'native' }, networks: [{ name: 'a' }, { name: 'b' }], apiServer: 'https://a:6443' },
      { cilium: { version: '1.20.0' }, networks: [{ name: 'c' }], addressing: { nodeCount: 6 } },
      { apiServer: null },
    ]);
    expect(merged).toEqual({
      cilium: { version: '1.20.0', routingMode: 'native' },
      networks: [{ name: 'c' }],
      apiServer: null,
      addressing: { nodeCount: 6 },
    });
  });

  test('an empty file (no document) changes nothing; a later scalar replaces a mapping and the reverse', () => {
    expect(mergeValues([{ ovn: { mtu: 1300 } }, null, undefined])).toEqual({ ovn: { mtu: 1300 } });
    expect(mergeValues([{ ovn: { mtu: 1300 } }, { ovn: 'x' }])).toEqual({ ovn: 'x' });
    expect(mergeValues([{ ovn: 'x' }, { ovn: { mtu: 1 } }])).toEqual({ ovn: { mtu: 1 } });
  });

  test('inputs are not changed; __proto__ stays a key', () => {
    const a = { ovn: { mtu: 1300 } };
    const b = JSON.parse('{"ovn": {"__proto__": {"x": 1}}}');
    const merged = mergeValues([a, b]) as any;
    expect(a).toEqual({ ovn: { mtu: 1300 } });
    expect(Object.keys(merged.ovn)).toEqual(['mtu', '__proto__']);
  });

  test('fileOfKey names the last file that sets the key, else its nearest enclosing key', () => {
    const layers = [{ networks: [{ name: 'a', subnets: ['x'] }], cilium: { version: '1' } }, { cilium: { routingMode: 'native' } }];
    expect(fileOfKey(['a.yaml', 'b.yaml'], layers, 'networks[0].subnets')).toBe('a.yaml');
    expect(fileOfKey(['a.yaml', 'b.yaml'], layers, 'cilium.routingMode')).toBe('b.yaml');
    expect(fileOfKey(['a.yaml', 'b.yaml'], layers, 'cilium.version')).toBe('a.yaml');
    expect(fileOfKey(['a.yaml', 'b.yaml'], layers, 'cilium.tunnelPort')).toBe('b.yaml');
    expect(fileOfKey(['a.yaml', 'b.yaml'], layers, 'addressing.decoy')).toBeUndefined();
  });
});

describe('repeated --values', () => {
  const dir = tmpDir('multicni-values-merge-');
  const cluster = path.join(dir, 'cluster.yaml');
  const overlay = path.join(dir, 'overlay.yaml');
  fs.writeFileSync(cluster, 'cilium:\n  version: "1.20.0"\naddressing:\n  decoy: 10.200.0.0/16/24\n  nodeCount: 6\n');
  fs.writeFileSync(overlay, 'addressing:\n  nodeCount: 4\nnetworks:\n  - name: storage\n    subnets: [10.246.0.0/16/24]\n');

  test('synth keeps the first file\'s keys that the second does not set', () => {
    const r = runMain(['--values', cluster, '--values', overlay, '--outdir', path.join(dir, 'd'), '--kind-config', path.join(dir, 'k.yaml')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const ovn = fs.readFileSync(path.join(dir, 'd', '04-ovn-kubernetes.k8s.yaml'), 'utf8');
    expect(ovn).toMatch(/net_cidr: 10\.200\.0\.0\/16\/24/);
    expect(fs.readFileSync(path.join(dir, 'd', '02-cilium.k8s.yaml'), 'utf8')).toMatch(/cilium\/cilium:v1\.20\.0@/);
    expect(fs.readFileSync(path.join(dir, 'd', 'stage2', '01-networks.k8s.yaml'), 'utf8')).toMatch(/name: storage/);
    expect(fs.readFileSync(path.join(dir, 'k.yaml'), 'utf8').match(/role: worker/g)).toHaveLength(3);
  });

  test('multicni plan --values a --values b shows the merged plan', () => {
    const out: string[] = [];
    expect(runPlan(['--values', cluster, '--values', overlay], (l) => out.push(l), () => {})).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('`10.200.0.0/16/24`');
    expect(text).toContain('`10.246.0.0/16/24`');
    expect(text).not.toContain('`10.245.0.0/16/24`'); // the seed's network: the overlay's list replaced it
  });

  test('a problem names the file that set the key', () => {
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, 'ovn:\n  mtuu: 1\n');
    const outputs = ['--outdir', path.join(dir, 'e'), '--kind-config', path.join(dir, 'e.yaml')];
    expect(runMain(['--values', cluster, '--values', bad, ...outputs]).err).toMatch(new RegExp(`^${bad}: ovn\\.mtuu: unknown key`));
    const clash = path.join(dir, 'clash.yaml');
    fs.writeFileSync(clash, 'networks:\n  - name: clash\n    subnets: [10.200.0.0/24]\n');
    // the overlap is blamed on the network (set in clash.yaml), not on the decoy of cluster.yaml
    expect(runMain(['--values', cluster, '--values', clash, ...outputs]).err).toMatch(new RegExp(`^${clash}: networks\\[0\\]\\.subnets: overlap`));
    expect(fs.existsSync(path.join(dir, 'e'))).toBe(false);
  });

  test('MultiCniValues.load is the same loader for code', () => {
    const props = MultiCniValues.load([cluster, overlay]);
    expect(props.cilium?.version).toBe(CiliumVersion.V1_20_0);
    expect(props.addressing?.nodeCount).toBe(4);
    expect(props.networks?.map((n) => n.name)).toEqual(['storage']);
    expect(MultiCniValues.fromData([{ ovn: { mtu: 1300 } }]).ovn?.mtu).toBe(1300);
    expect(MultiCniValues.fromData([{ ovn: { mtu: 1300 } }, { ovn: { mtu: null } }]).ovn?.mtu).toBeUndefined();
    expect(() => MultiCniValues.load([cluster, path.join(dir, 'missing.yaml')])).toThrow(/missing\.yaml: cannot read: no such file/);
  });
});
