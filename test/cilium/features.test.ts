/**
 * Encryption, load balancing, routing and Gateway API (Cilium 1.18 and later): each prop reaches the
 * objects the chart renders for it, and each prerequisite the chart, the agent or the operator enforces is
 * refused at synth with a one-line message. The fidelity suite compares the whole output with the chart's
 * renders; these tests pin the facts that matter one feature at a time.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Preset } from '../../src';
import { CiliumEncryption, CiliumPrimaryProps, CiliumVersion } from '../../src/cilium';
import { yaml } from '../../src/util/yaml';
import { validateManifests } from '../util/k8s-schema';
import { Manifest, ciliumConfig, find, synthCilium } from './helpers';

const KPR = { kubeProxyReplacement: true, k8sServiceHost: 'ovn-control-plane', k8sServicePort: 6443 };
const FEATURE_VERSIONS = [CiliumVersion.V1_18_12, CiliumVersion.V1_19_6, CiliumVersion.V1_20_0];

/** The rules of a ClusterRole, flattened to `group/resource verb` strings. */
function grants(objects: Manifest[], role: string): string[] {
  return find(objects, 'ClusterRole', role).rules.flatMap((r: Manifest) =>
    r.apiGroups.flatMap((g: string) => r.resources.flatMap((res: string) => r.verbs.map((v: string) => `${g || 'core'}/${res} ${v}`))));
}

describe.each(FEATURE_VERSIONS.map((v) => [v.version, v] as const))('Cilium %s features', (_name, version) => {
  const base = synthCilium({ version, ...KPR });
  const baseConfig = ciliumConfig(base);
  /** The cilium-config keys a feature adds or changes, against the same install without it. */
  const added = (props: CiliumPrimaryProps) => {
    const config = ciliumConfig(synthCilium({ version, ...KPR, ...props }));
    return Object.fromEntries(Object.entries(config).filter(([k, v]) => baseConfig[k] !== v));
  };

  test('none is on by default', () => {
    for (const key of ['enable-wireguard', 'encrypt-node', 'enable-bandwidth-manager', 'enable-bbr', 'enable-bpf-masquerade',
      'enable-egress-gateway', 'enable-l2-announcements', 'enable-bgp-control-plane', 'enable-gateway-api']) {
      expect([key, baseConfig[key]]).toEqual([key, undefined]);
    }
    expect(base.filter((o) => o.kind === 'GatewayClass')).toEqual([]);
  });

  test('encryption wireguard and nodeEncryption', () => {
    expect(added({ encryption: CiliumEncryption.WIREGUARD })).toEqual({ 'enable-wireguard': 'true', 'wireguard-persistent-keepalive': '0s' });
    expect(added({ encryption: CiliumEncryption.WIREGUARD, nodeEncryption: true })['encrypt-node']).toBe('true');
  });

  test('bandwidthManager, bbr, bpfMasquerade, egressGateway', () => {
    expect(added({ bandwidthManager: true })).toEqual({ 'enable-bandwidth-manager': 'true', 'enable-bbr': 'false', 'enable-bbr-hostns-only': 'false' });
    expect(added({ bandwidthManager: true, bbr: true, bpfMasquerade: true })).toEqual({
      'enable-bandwidth-manager': 'true', 'enable-bbr': 'true', 'enable-bbr-hostns-only': 'false', 'enable-bpf-masquerade': 'true',
    });
    expect(added({ bpfMasquerade: true, egressGateway: true })).toEqual({ 'enable-bpf-masquerade': 'true', 'enable-egress-gateway': 'true' });
  });

  test('l2Announcements: the key and the agent\'s Lease rule', () => {
    const objects = synthCilium({ version, ...KPR, l2Announcements: true });
    expect(ciliumConfig(objects)['enable-l2-announcements']).toBe('true');
    const leases = (o: Manifest[]) => grants(o, 'cilium').filter((g) => g.startsWith('coordination.k8s.io/leases'));
    expect(leases(objects).sort()).toEqual(['create', 'delete', 'get', 'list', 'update'].map((v) => `coordination.k8s.io/leases ${v}`));
    expect(leases(base)).toEqual([]);
  });

  test('bgpControlPlane: its keys and the agent\'s Role on Secrets in kube-system', () => {
    const objects = synthCilium({ version, ...KPR, bgpControlPlane: true });
    const config = ciliumConfig(objects);
    expect(config['enable-bgp-control-plane']).toBe('true');
    expect(config['bgp-secrets-namespace']).toBe('kube-system');
    const role = find(objects, 'Role', 'cilium-bgp-control-plane-secrets');
    expect(role.metadata.namespace).toBe('kube-system');
    expect(role.rules).toEqual([{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch'] }]);
    expect(find(objects, 'RoleBinding', 'cilium-bgp-control-plane-secrets').subjects).toEqual([{ kind: 'ServiceAccount', name: 'cilium', namespace: 'kube-system' }]);
  });

  test('gatewayApi: keys, the operator\'s rules, the cilium-secrets Roles, the GatewayClass (and from 1.20 its admission policy)', () => {
    const objects = synthCilium({ version, ...KPR, gatewayApi: true });
    const config = ciliumConfig(objects);
    expect(config['enable-gateway-api']).toBe('true');
    expect(config['enable-envoy-config']).toBe('true');
    expect(config['gateway-api-secrets-namespace']).toBe('cilium-secrets');
    expect(config['bpf-lb-sock-hostns-only']).toBe(version.atLeast(20) ? 'true' : undefined);
    const operator = grants(objects, 'cilium-operator');
    expect(operator).toEqual(expect.arrayContaining(['gateway.networking.k8s.io/gateways watch', 'gateway.networking.k8s.io/gateways/status patch',
      'gateway.networking.k8s.io/gatewayclasses patch', 'core/services create', 'cilium.io/ciliumgatewayclassconfigs list']));
    expect(grants(base, 'cilium-operator').filter((g) => g.startsWith('gateway.networking.k8s.io'))).toEqual([]);
    for (const [name, account] of [['cilium-gateway-secrets', 'cilium'], ['cilium-operator-gateway-secrets', 'cilium-operator']]) {
      expect(find(objects, 'Role', name).metadata.namespace).toBe('cilium-secrets');
      expect(find(objects, 'RoleBinding', name).subjects[0].name).toBe(account);
    }
    const gatewayClass = find(objects, 'GatewayClass', 'cilium');
    expect(gatewayClass.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(gatewayClass.spec.controllerName).toBe('io.cilium/gateway-controller');
    const policies = objects.filter((o) => o.kind.startsWith('ValidatingAdmissionPolicy'));
    expect(policies.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(version.atLeast(20)
      ? ['ValidatingAdmissionPolicy/gateway.cilium.io', 'ValidatingAdmissionPolicyBinding/gateway.cilium.io'] : []);
    expect(validateManifests(objects.filter((o) => o.kind !== 'GatewayClass'))).toEqual([]);
  });
});

describe('feature prerequisites are refused at synth, citing who enforces them', () => {
  const v20 = CiliumVersion.V1_20_0;
  const refuse = (props: CiliumPrimaryProps) => expect(() => synthCilium({ version: v20, ...props }));

  test('every feature is refused with 1.16.7, naming the setting and the releases that support it', () => {
    const cases: Array<[CiliumPrimaryProps, string]> = [
      [{ encryption: CiliumEncryption.WIREGUARD }, 'encryption: invalid value "wireguard": expected "none" with Cilium 1.16.7'],
      [{ bandwidthManager: true }, 'bandwidthManager: invalid value true: expected false with Cilium 1.16.7'],
      [{ bpfMasquerade: true }, 'bpfMasquerade: invalid value true'],
      [{ l2Announcements: true, ...KPR }, 'l2Announcements: invalid value true'],
      [{ bgpControlPlane: true }, 'bgpControlPlane: invalid value true'],
      [{ gatewayApi: true, ...KPR }, 'gatewayApi: invalid value true'],
    ];
    // 1.16.7 through the seed preset (the default release, 1.20.0, has them all)
    for (const [props, start] of cases) {
      expect(() => synthCilium({ preset: Preset.SEED, ...props })).toThrow(start);
    }
    expect(() => synthCilium({ preset: Preset.SEED, egressGateway: true })).toThrow(
      'egressGateway: invalid value true: expected false with Cilium 1.16.7: egressGateway is supported with Cilium 1.18.12, 1.19.6 and 1.20.0 (set version)');
    // false is the default, so it is accepted with every release.
    expect(() => synthCilium({ preset: Preset.SEED, bbr: false, encryption: CiliumEncryption.NONE })).not.toThrow();
  });

  test('nodeEncryption needs encryption (the chart renders encrypt-node only with it)', () => {
    refuse({ nodeEncryption: true }).toThrow('nodeEncryption: invalid value true: expected encryption "wireguard" with it');
  });

  test('bbr needs the bandwidth manager, and BPF host routing: kube-proxy replacement and BPF masquerading', () => {
    refuse({ bbr: true, ...KPR, bpfMasquerade: true }).toThrow(/^bbr: invalid value true: expected bandwidthManager true with it: .*pkg\/datapath\/linux\/bandwidth\/bandwidth\.go/);
    refuse({ bbr: true, bandwidthManager: true, bpfMasquerade: true }).toThrow(/^bbr: invalid value true: expected kubeProxyReplacement and bpfMasquerade true with it/);
    refuse({ bbr: true, bandwidthManager: true, ...KPR }).toThrow(/^bbr: invalid value true: expected kubeProxyReplacement and bpfMasquerade/);
  });

  test('egressGateway needs BPF masquerading and IPv4 (pkg/egressgateway/manager.go)', () => {
    refuse({ egressGateway: true }).toThrow(/^egressGateway: invalid value true: expected bpfMasquerade true with it: .*pkg\/egressgateway\/manager\.go/);
    refuse({ egressGateway: true, bpfMasquerade: true, podCidrs: ['fd00:10:244::/56'] }).toThrow(/^egressGateway: invalid value true: expected an IPv4 pod range/);
  });

  test('l2Announcements and gatewayApi need the kube-proxy replacement', () => {
    refuse({ l2Announcements: true }).toThrow(/^l2Announcements: invalid value true: expected kubeProxyReplacement true with it/);
    refuse({ gatewayApi: true }).toThrow(/^gatewayApi: invalid value true: expected kubeProxyReplacement true with it: .*operator\/pkg\/gateway-api\/cell\.go/);
  });

  test('1.20 forces bpf-lb-sock-hostns-only with Gateway API, so socketLbHostNamespaceOnly false is refused there', () => {
    refuse({ gatewayApi: true, ...KPR, socketLbHostNamespaceOnly: false }).toThrow(/^socketLbHostNamespaceOnly: invalid value false: expected true or unset with gatewayApi on Cilium 1\.20/);
    expect(() => synthCilium({ version: CiliumVersion.V1_19_6, gatewayApi: true, ...KPR, socketLbHostNamespaceOnly: false })).not.toThrow();
  });

  test('wrong types are refused by name', () => {
    refuse({ encryption: 'wireguard' as unknown as CiliumEncryption }).toThrow(/^encryption: invalid value "wireguard": expected a CiliumEncryption/);
    refuse({ bgpControlPlane: 'yes' as unknown as boolean }).toThrow('bgpControlPlane: invalid value "yes": expected true or false');
  });

  test('every feature together, with its prerequisites, is accepted', () => {
    expect(() => synthCilium({
      version: v20, ...KPR, encryption: CiliumEncryption.WIREGUARD, nodeEncryption: true, bandwidthManager: true, bbr: true,
      bpfMasquerade: true, egressGateway: true, l2Announcements: true, bgpControlPlane: true, gatewayApi: true,
    })).not.toThrow();
  });
});

/**
 * The GatewayClass against the CRD that Cilium 1.20's documentation installs (Gateway API v1.6.1,
 * config/crd/standard of the sigs.k8s.io/gateway-api Go module). Needs the Go module proxy or cache.
 */
describe('the GatewayClass against the Gateway API CRD', () => {
  let dir: string | undefined;
  let reason = '';
  try {
    dir = JSON.parse(execFileSync('go', ['mod', 'download', '-json', 'sigs.k8s.io/gateway-api@v1.6.1'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).Dir;
  } catch (e) {
    reason = (e as Error).message.split('\n')[0];
  }
  if (!dir) {
    if (process.env.CI === 'true') test('the Gateway API module is available', () => { throw new Error(`go mod download failed: ${reason}`); });

    else console.warn(`GatewayClass schema test skipped: ${reason}`);
    return;
  }
  test('is valid against gateway.networking.k8s.io_gatewayclasses.yaml v1', () => {
    const crd = yaml.parse(fs.readFileSync(path.join(dir!, 'config/crd/standard/gateway.networking.k8s.io_gatewayclasses.yaml'), 'utf8'));
    const objects = synthCilium({ version: CiliumVersion.V1_20_0, ...KPR, gatewayApi: true }).filter((o) => o.kind === 'GatewayClass');
    expect(objects).toHaveLength(1);
    expect(validateManifests(objects, [crd])).toEqual([]);
    expect(validateManifests([{ ...objects[0], spec: { description: 'no controllerName' } }], [crd])).not.toEqual([]);
  });
});
