import { Testing } from 'cdk8s';
import { Preset } from '../../src';
import { CiliumPrimary, CiliumVersion, RoutingMode } from '../../src/cilium';
import { ChartAddressPlan } from '../../src/plan';
import { valuesToProps } from '../../src/app/values';
import { validateManifests } from '../util/k8s-schema';
import { agentContainer, ciliumConfig, containers, find, synthCilium } from './helpers';

// Digests as in `helm template` of each packaged chart (cilium/charts, cilium-<version>.tgz).
const DIGESTS: Record<string, Record<string, string>> = {
  '1.16.7': {
    agent: 'cilium:v1.16.7@sha256:294d2432507fed393b26e9fbfacb25c2e37095578cb34dabac7312b66ed0782e',
    operator: 'operator-generic:v1.16.7@sha256:25a41ac50bcebfb780ed2970e55a5ba1a5f26996850ed5a694dc69b312e0b5a0',
    certgen: 'certgen:v0.2.0@sha256:169d93fd8f2f9009db3b9d5ccd37c2b753d0989e1e7cd8fe79f9160c459eef4f',
  },
  '1.18.12': {
    agent: 'cilium:v1.18.12@sha256:94149589d9b77fe3a78f900121b36fab51b1ede0c4190924e2328facc37de210',
    operator: 'operator-generic:v1.18.12@sha256:86899c73438812b2761ac6fa435ea4e65f68e70d1ae54ac806fec8805d1ce011',
    certgen: 'certgen:v0.4.6@sha256:511cedee817713fdf72db7e32fffb4b90da7747661b95180064f18198877626c',
  },
  '1.19.6': {
    agent: 'cilium:v1.19.6@sha256:0df5b2750b64c49843aba1d649e9eaf61467cb0645ad3171db6f6962c095ac92',
    operator: 'operator-generic:v1.19.6@sha256:0db4ca4e06969d8904ee036617795d0e9c3228cf7b8d902ba74fc2bb98d2d665',
    certgen: 'certgen:v0.4.6@sha256:511cedee817713fdf72db7e32fffb4b90da7747661b95180064f18198877626c',
  },
  '1.20.0': {
    agent: 'cilium:v1.20.0@sha256:383968cd5e8873f7976fa76aa6196045643558f4cc9518a207b9335cb24a0e93',
    operator: 'operator-generic:v1.20.0@sha256:80744a8cc7c91c2f9e6347629406844eb35d79b30a732c6d41c15b17232a74f3',
    certgen: 'certgen:v0.4.8@sha256:e65f1d15a0ffaf2df32797c8ad1c797fc64dad11c274cd96a2eafa89d712cdc3',
  },
};

const names = (objects: any[]) => objects.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`);

describe.each(CiliumVersion.all().map((v) => [v.version, v] as const))('CiliumPrimary %s with minimal props', (name, version) => {
  const objects = synthCilium({ version });
  const config = ciliumConfig(objects);

  test('snapshot', () => {
    expect(objects).toMatchSnapshot();
  });

  test("every container runs the release's image, pinned by digest", () => {
    const images = Object.fromEntries(containers(objects).map(({ owner, container }) => [`${owner}/${container.name}`, container.image]));
    const d = DIGESTS[name];
    expect(images['DaemonSet/cilium/cilium-agent']).toBe(`quay.io/cilium/${d.agent}`);
    expect(images['DaemonSet/cilium/install-cni-binaries']).toBe(`quay.io/cilium/${d.agent}`);
    expect(images['Deployment/cilium-operator/cilium-operator']).toBe(`quay.io/cilium/${d.operator}`);
    expect(images['CronJob/hubble-generate-certs/certgen']).toBe(`quay.io/cilium/${d.certgen}`);
    expect(images['DaemonSet/cilium-envoy/cilium-envoy']).toBe(version.images.envoy);
    expect(version.images.envoy).toMatch(/^quay\.io\/cilium\/cilium-envoy:v1\.\d+\.\d+-\d+-[0-9a-f]{40}@sha256:[0-9a-f]{64}$/);
  });

  test('the seed settings hold in every release', () => {
    expect(config.ipam).toBe('kubernetes');
    expect(config['cni-exclusive']).toBe('false');
    expect(config['routing-mode']).toBe('tunnel');
    expect(config['tunnel-protocol']).toBe('vxlan');
    expect(config['auto-direct-node-routes']).toBe('false');
    expect(config['write-cni-conf-when-ready']).toBe('/host/etc/cni/net.d/05-cilium.conflist');
    // No key material in any release: certgen makes the Secrets in the cluster.
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    expect(find(objects, 'Job', 'hubble-generate-certs-<hash>').metadata.annotations).toBeUndefined();
  });

  test('every object is valid against the upstream Kubernetes schema', () => {
    expect(validateManifests(objects)).toEqual([]);
  });
});

describe('what changes between releases', () => {
  const render = (v: CiliumVersion) => synthCilium({ version: v });
  const [v16, v18, v19, v20] = CiliumVersion.all().map(render);

  test('1.18 adds the cilium-secrets namespace and its Roles; 1.19 the ztunnel Role; 1.16 neither', () => {
    const extra = ['Namespace//cilium-secrets', 'Role/cilium-secrets/cilium-tlsinterception-secrets',
      'Role/cilium-secrets/cilium-operator-tlsinterception-secrets', 'RoleBinding/cilium-secrets/cilium-tlsinterception-secrets',
      'RoleBinding/cilium-secrets/cilium-operator-tlsinterception-secrets'];
    const ztunnel = ['Role/kube-system/cilium-operator-ztunnel', 'RoleBinding/kube-system/cilium-operator-ztunnel'];
    for (const n of [...extra, ...ztunnel]) expect(names(v16)).not.toContain(n);
    for (const n of extra) expect(names(v18)).toContain(n);
    for (const n of ztunnel) expect(names(v18)).not.toContain(n);
    for (const n of [...extra, ...ztunnel]) {
      expect(names(v19)).toContain(n);
      expect(names(v20)).toContain(n);
    }
    // The namespace precedes the Roles in it, so one `kubectl apply` creates both.
    expect(names(v20).indexOf('Namespace//cilium-secrets')).toBeLessThan(names(v20).indexOf('Role/cilium-secrets/cilium-tlsinterception-secrets'));
    expect(find(v20, 'Role', 'cilium-operator-ztunnel').rules).toEqual([
      { apiGroups: ['apps'], resources: ['daemonsets'], verbs: ['create', 'delete', 'get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['serviceaccounts'], verbs: ['get', 'list', 'watch'] },
    ]);
    expect(find(v19, 'Role', 'cilium-operator-ztunnel').rules).toHaveLength(1);
  });

  test('version-specific cilium-config keys', () => {
    const [c16, c18, c19, c20] = [v16, v18, v19, v20].map(ciliumConfig);
    expect(Object.keys(c16)).toHaveLength(129);
    expect(c16['enable-l2-neigh-discovery']).toBe('true');
    expect(c18['enable-l2-neigh-discovery']).toBe('false');
    expect(c16['policy-secrets-namespace']).toBeUndefined();
    expect(c18['policy-secrets-namespace']).toBe('cilium-secrets');
    expect(c18['enable-internal-traffic-policy']).toBe('true');
    expect(c19['enable-internal-traffic-policy']).toBeUndefined();
    expect(c18['enable-node-port']).toBe('false');
    expect(c19['enable-node-port']).toBeUndefined();
    expect(c16['unmanaged-pod-watcher-interval']).toBe('15');
    expect(c19['unmanaged-pod-watcher-interval']).toBe('15s');
    expect(c19['envoy-xds-mode']).toBeUndefined();
    expect(c20['envoy-xds-mode']).toBe('ads');
    expect(c20.devices).toBe('');
    expect(Object.keys(c20)).toHaveLength(162);
  });

  test('structural switches: probes by named port from 1.19, ADS bootstrap in 1.20', () => {
    expect(agentContainer(v18, 'cilium-agent').readinessProbe.httpGet.port).toBe(9879);
    expect(agentContainer(v19, 'cilium-agent').readinessProbe.httpGet.port).toBe('health');
    expect(agentContainer(v20, 'config').command).toEqual(['cilium-dbg', 'build-config', '--k8s-api-server-urls=']);
    expect(agentContainer(v16, 'cilium-agent').securityContext.capabilities.add).not.toContain('SYSLOG');
    expect(agentContainer(v19, 'cilium-agent').securityContext.capabilities.add).toContain('SYSLOG');
    const bootstrap = (o: any[]) => JSON.parse(find(o, 'ConfigMap', 'cilium-envoy-config').data['bootstrap-config.json']);
    expect(bootstrap(v19).dynamicResources.adsConfig).toBeUndefined();
    expect(bootstrap(v20).dynamicResources.ldsConfig).toEqual({ ads: {}, initialFetchTimeout: '30s', resourceApiVersion: 'V3' });
    // hostUsers: true of the 1.20 chart is left out: it is what an unset field means, and an API server
    // without user namespaces drops it (intended-differences.ts).
    expect(find(v20, 'DaemonSet', 'cilium').spec.template.spec.hostUsers).toBeUndefined();
  });
});

describe('choosing a version', () => {
  test('the default is 1.20.0 (Preset.CURRENT); Preset.SEED installs the seed\'s 1.16.7; a version wins over the preset', () => {
    const v20 = synthCilium({ version: CiliumVersion.V1_20_0 });
    expect(synthCilium()).toEqual(v20);
    expect(synthCilium({ preset: Preset.CURRENT })).toEqual(v20);
    expect(synthCilium({ preset: Preset.SEED })).toEqual(synthCilium({ version: CiliumVersion.V1_16_7 }));
    expect(synthCilium({ preset: Preset.SEED, version: CiliumVersion.V1_19_6 })).toEqual(synthCilium({ version: CiliumVersion.V1_19_6 }));
    expect(agentContainer(v20, 'cilium-agent').image).toContain('cilium:v1.20.0@sha256:');
    expect(CiliumVersion.V1_16_7.images.agent).toContain('cilium:v1.16.7@sha256:');
    expect([CiliumVersion.defaultFor(Preset.CURRENT), CiliumVersion.defaultFor(Preset.SEED)]).toEqual([CiliumVersion.V1_20_0, CiliumVersion.V1_16_7]);
  });

  test('a preset that is not a Preset is refused, even beside a version', () => {
    const expected = 'preset: invalid value "seed": expected Preset.CURRENT or Preset.SEED ("current" or "seed" in a values file)';
    expect(() => synthCilium({ preset: 'seed' as any })).toThrow(expected);
    expect(() => synthCilium({ preset: 'seed' as any, version: CiliumVersion.V1_16_7 })).toThrow(expected);
  });

  test('only 1.16.7 is end-of-life; installing it warns once, naming the line\'s last release and the supported ones', () => {
    expect(CiliumVersion.all().filter((v) => v.endOfLife)).toEqual([CiliumVersion.V1_16_7]);
    expect(CiliumVersion.V1_16_7.lineEndedWith).toBe('1.16.19');
    const warnings = (props: { version?: CiliumVersion; preset?: Preset }, count = 1) => {
      const chart = Testing.chart();
      for (let i = 0; i < count; i++) new CiliumPrimary(chart, `cilium${i}`, props);
      return ChartAddressPlan.warningsOf(chart);
    };
    const line = 'cilium: installs Cilium 1.16.7, which is end-of-life (the 1.16 line ended with 1.16.19: no more fixes, security fixes included), as the seed did; '
      + 'for a supported Cilium drop preset: seed or set cilium.version to 1.20.0, 1.19.6 or 1.18.12';
    expect(warnings({ preset: Preset.SEED })).toEqual([line]);
    expect(warnings({ version: CiliumVersion.V1_16_7 })).toEqual([line]);
    expect(warnings({ preset: Preset.SEED }, 2)).toEqual([line]);
    for (const v of [CiliumVersion.V1_18_12, CiliumVersion.V1_19_6, CiliumVersion.V1_20_0]) expect(warnings({ version: v, preset: Preset.SEED })).toEqual([]);
    expect(warnings({})).toEqual([]);
  });

  test('CiliumVersion.of finds a release and names the valid ones for an unknown one', () => {
    expect(CiliumVersion.of('1.19.6')).toBe(CiliumVersion.V1_19_6);
    expect(() => CiliumVersion.of('1.17.0')).toThrow('version: invalid value "1.17.0": expected a Cilium release this library renders: "1.16.7", "1.18.12", "1.19.6", "1.20.0"');
  });

  test('a version that is not a CiliumVersion is refused', () => {
    expect(() => synthCilium({ version: '1.20.0' as any })).toThrow('version: invalid value "1.20.0": expected a CiliumVersion such as CiliumVersion.of("1.20.0"); supported: "1.16.7", "1.18.12", "1.19.6", "1.20.0"');
  });

  test('values key cilium.version: the four releases, and an error naming key, value and valid values', () => {
    for (const v of CiliumVersion.all()) expect(valuesToProps({ cilium: { version: v.version } }).cilium?.version).toBe(v);
    expect(() => valuesToProps({ cilium: { version: '1.17.0' } })).toThrow(/cilium\.version.*1\.17\.0.*1\.16\.7.*1\.18\.12.*1\.19\.6.*1\.20\.0/);
    expect(() => valuesToProps({ cilium: { version: 1.2 } })).toThrow(/cilium\.version/);
  });
});

describe('autoDirectNodeRoutes', () => {
  test('with native routing it is rendered', () => {
    const config = ciliumConfig(synthCilium({
      version: CiliumVersion.V1_20_0, routingMode: RoutingMode.NATIVE, ipv4NativeRoutingCidr: '10.244.0.0/16', autoDirectNodeRoutes: true,
    }));
    expect(config['auto-direct-node-routes']).toBe('true');
    expect(config['routing-mode']).toBe('native');
  });

  test('with tunnel routing it is refused, as the agent refuses it', () => {
    expect(() => synthCilium({ autoDirectNodeRoutes: true })).toThrow(
      'autoDirectNodeRoutes: invalid value true: expected routingMode native with it: the agent refuses auto-direct-node-routes with tunneling (packets must go through the tunnel device)');
  });

  test('values key cilium.autoDirectNodeRoutes takes a boolean', () => {
    expect(valuesToProps({ cilium: { autoDirectNodeRoutes: true } }).cilium?.autoDirectNodeRoutes).toBe(true);
    expect(() => valuesToProps({ cilium: { autoDirectNodeRoutes: 'yes' } })).toThrow(/cilium\.autoDirectNodeRoutes/);
  });

  test('a non-boolean prop is refused', () => {
    expect(() => new CiliumPrimary(require('cdk8s').Testing.chart(), 'c', { autoDirectNodeRoutes: 'true' as any })).toThrow('autoDirectNodeRoutes: invalid value "true": expected true or false');
  });
});
