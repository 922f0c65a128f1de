/**
 * Each Multus version in each mode, against the facts of upstream's release files at the tag
 * (deployments/multus-daemonset.yml and multus-daemonset-thick.yml): the tag's own image, the thick
 * installer and mounts of v4.2+, and in every version the pin to Cilium's file and the readiness indicator.
 */
import { Testing } from 'cdk8s';
import { MultiCniChart, Multus, MultusImages, MultusMode, MultusVersion, Preset } from '../../src';
import { ManifestObject, validateManifests } from '../util/k8s-schema';


function synth(version: MultusVersion, mode: MultusMode): any[] {
  const chart = Testing.chart();
  new Multus(chart, 'multus', { version, mode });
  return Testing.synth(chart);
}
const daemonSet = (objects: any[]) => objects.find((o) => o.kind === 'DaemonSet');
const pod = (objects: any[]) => daemonSet(objects).spec.template.spec;
const hostPaths = (objects: any[]) => Object.fromEntries(pod(objects).volumes.filter((v: any) => v.hostPath).map((v: any) => [v.name, v.hostPath.path]));

const NEWER = [['v4.2.4', MultusVersion.V4_2_4], ['v4.3.0', MultusVersion.V4_3_0]] as const;
const ALL = [['v4.1.3', MultusVersion.V4_1_3], ...NEWER] as const;

describe('MultusVersion', () => {
  test('tags, images and lookup by tag', () => {
    expect(MultusVersion.ALL.map((v) => v.tag)).toEqual(['v4.1.3', 'v4.2.4', 'v4.3.0']);
    expect(MultusVersion.V4_2_4.image(MultusMode.THIN)).toBe('ghcr.io/k8snetworkplumbingwg/multus-cni:v4.2.4');
    expect(MultusVersion.V4_3_0.image(MultusMode.THICK)).toBe('ghcr.io/k8snetworkplumbingwg/multus-cni:v4.3.0-thick');
    expect(MultusVersion.of('v4.3.0')).toBe(MultusVersion.V4_3_0);
    expect(() => MultusVersion.of('4.3.0')).toThrow('version: invalid value "4.3.0": expected one of v4.1.3, v4.2.4, v4.3.0');
  });

  test('the default is v4.3.0 (Preset.CURRENT); Preset.SEED installs the seed\'s v4.1.3; a version wins over the preset', () => {
    expect(new Multus(Testing.chart(), 'm').version).toBe(MultusVersion.V4_3_0);
    expect(new Multus(Testing.chart(), 'm', { preset: Preset.SEED }).version).toBe(MultusVersion.V4_1_3);
    expect(new Multus(Testing.chart(), 'm', { preset: Preset.SEED, version: MultusVersion.V4_2_4 }).version).toBe(MultusVersion.V4_2_4);
    expect(MultusImages.THIN).toBe(MultusVersion.V4_3_0.image(MultusMode.THIN));
    expect(MultusImages.THICK).toBe(MultusVersion.V4_3_0.image(MultusMode.THICK));
    for (const [preset, version] of [[undefined, MultusVersion.V4_3_0], [Preset.CURRENT, MultusVersion.V4_3_0], [Preset.SEED, MultusVersion.V4_1_3]] as const) {
      for (const mode of [MultusMode.THIN, MultusMode.THICK]) {
        const implicit = Testing.chart();
        new Multus(implicit, 'multus', { mode, preset });
        expect(synth(version, mode)).toEqual(Testing.synth(implicit));
      }
    }
  });

  test('a preset that is not a Preset is refused, even beside a version', () => {
    const expected = 'preset: invalid value "seed": expected Preset.CURRENT or Preset.SEED ("current" or "seed" in a values file)';
    expect(() => new Multus(Testing.chart(), 'm', { preset: 'seed' as any })).toThrow(expected);
    expect(() => new Multus(Testing.chart(), 'm', { preset: 'seed' as any, version: MultusVersion.V4_1_3 })).toThrow(expected);
  });
});

test('MultiCniChart passes the version through and keeps the pin to Cilium\'s file', () => {
  const chart = new MultiCniChart(Testing.app(), 'stack', { apiServer: 'https://10.0.0.1:6443', multus: { version: MultusVersion.V4_3_0, mode: MultusMode.THICK } });
  expect(chart.multus.version).toBe(MultusVersion.V4_3_0);
  const ds = Testing.synth(chart).find((o: any) => o.kind === 'DaemonSet' && o.metadata.name === 'kube-multus-ds');
  expect(ds.spec.template.spec.containers[0].image).toBe('ghcr.io/k8snetworkplumbingwg/multus-cni:v4.3.0-thick');
  expect(chart.multus.defaultNetworkFile).toBe('05-cilium.conflist');
});

describe.each(ALL)('Multus %s, thin', (tag, version) => {
  const objects = synth(version, MultusMode.THIN);

  test('the tag\'s thin image in both containers; thin entrypoint and installer as in every release', () => {
    const spec = pod(objects);
    expect(spec.containers[0].image).toBe(`ghcr.io/k8snetworkplumbingwg/multus-cni:${tag}`);
    expect(spec.initContainers[0].image).toBe(`ghcr.io/k8snetworkplumbingwg/multus-cni:${tag}`);
    expect(spec.containers[0].command).toEqual(['/thin_entrypoint']);
    expect(spec.initContainers[0].command).toEqual(['/install_multus']);
    expect(spec.initContainers[0].args).toEqual(['--type', 'thin']);
    expect(hostPaths(objects)).toEqual({ cni: '/etc/cni/net.d', cnibin: '/opt/cni/bin' });
  });

  test('pinned to Cilium\'s file, which is also the readiness indicator', () => {
    const args: string[] = pod(objects).containers[0].args;
    expect(args).toContain('--multus-master-cni-file-name=05-cilium.conflist');
    expect(args).toContain('--readiness-indicator-file=/etc/cni/net.d/05-cilium.conflist');
  });

  test('schema-valid', () => {
    expect(validateManifests(objects as ManifestObject[])).toEqual([]);
  });
});

describe.each(ALL)('Multus %s, thick', (tag, version) => {
  const objects = synth(version, MultusMode.THICK);
  const newer = tag !== 'v4.1.3';

  test('the tag\'s thick image in both containers', () => {
    const spec = pod(objects);
    expect(spec.containers[0].image).toBe(`ghcr.io/k8snetworkplumbingwg/multus-cni:${tag}-thick`);
    expect(spec.initContainers[0].image).toBe(`ghcr.io/k8snetworkplumbingwg/multus-cni:${tag}-thick`);
    expect(spec.containers[0].command).toEqual(['/usr/src/multus-cni/bin/multus-daemon']);
  });

  test(newer ? 'v4.2+: install_multus installs the shim; the host\'s /etc/cni/multus/net.d is mounted' : 'v4.1.3: cp installs the shim; no multus conf dir', () => {
    const spec = pod(objects);
    const mount = spec.containers[0].volumeMounts.find((m: any) => m.mountPath === '/etc/cni/multus/net.d');
    if (newer) {
      expect(spec.initContainers[0].command).toEqual(['/usr/src/multus-cni/bin/install_multus', '-d', '/host/opt/cni/bin', '-t', 'thick']);
      expect(mount).toEqual({ name: 'multus-conf-dir', mountPath: '/etc/cni/multus/net.d' });
      expect(hostPaths(objects)['multus-conf-dir']).toBe('/etc/cni/multus/net.d');
    } else {
      expect(spec.initContainers[0].command).toEqual(['cp', '/usr/src/multus-cni/bin/multus-shim', '/host/opt/cni/bin/multus-shim']);
      expect(mount).toBeUndefined();
      expect(hostPaths(objects)).not.toHaveProperty('multus-conf-dir');
    }
    // The installer writes into the host's bin dir in every version.
    expect(spec.initContainers[0].volumeMounts).toEqual([{ name: 'cnibin', mountPath: '/host/opt/cni/bin', mountPropagation: 'Bidirectional' }]);
  });

  test('pinned to Cilium\'s file, which is also the readiness indicator', () => {
    const config = JSON.parse(objects.find((o) => o.kind === 'ConfigMap').data['daemon-config.json']);
    expect(config.multusMasterCNI).toBe('05-cilium.conflist');
    expect(config.readinessindicatorfile).toBe('/host/etc/cni/net.d/05-cilium.conflist');
  });

  test('schema-valid', () => {
    expect(validateManifests(objects as ManifestObject[])).toEqual([]);
  });
});
