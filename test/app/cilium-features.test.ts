/**
 * The Cilium features through the synth app: values keys reach the output files, a refused prerequisite is
 * one line naming the values file and key, the GatewayClass waits for stage 2, and the App-wide rules
 * (WireGuard's port against OVN's encapPort, WireGuard's overhead against OVN's MTUs) see the whole stack.
 */
import * as fs from 'fs';
import * as path from 'path';
import { synthesize } from '../../src/app/synthesize';
import { valuesToProps } from '../../src/app/values';
import { runMain, tmpDir } from '../support/run-app';

const KPR = { kubeProxyReplacement: true, k8sServiceHost: 'ovn-control-plane', k8sServicePort: 6443 };
const objectsOf = (content: string) => content.split(/^---\n/m).filter((d) => d.trim()).map((d) => d);

describe('Cilium features in the synth app', () => {
  test('gatewayApi: the GatewayClass goes to stage2/01-cilium.k8s.yaml, the rest of Cilium (admission policy included) stays in stage 1', () => {
    const out = synthesize(valuesToProps({ cilium: { version: '1.20.0', ...KPR, gatewayApi: true } }));
    expect(out.files.map((f) => f.path).filter((p) => p.endsWith('.yaml'))).toEqual([
      '01-network-crds.k8s.yaml', '02-cilium.k8s.yaml', '03-multus.k8s.yaml', '04-ovn-kubernetes.k8s.yaml',
      'stage2/01-cilium.k8s.yaml', 'stage2/02-networks.k8s.yaml', 'stage2/03-demo.k8s.yaml',
    ]);
    const stage2 = out.files.find((f) => f.path === 'stage2/01-cilium.k8s.yaml')!.content;
    expect(objectsOf(stage2)).toHaveLength(1);
    expect(stage2).toMatch(/^apiVersion: gateway\.networking\.k8s\.io\/v1\nkind: GatewayClass\n/);
    const stage1 = out.files.find((f) => f.path === '02-cilium.k8s.yaml')!.content;
    expect(stage1).not.toContain('kind: GatewayClass');
    expect(stage1).toContain('kind: ValidatingAdmissionPolicy\n');
    expect(stage1).toContain('enable-gateway-api: "true"');
  });

  test('without Gateway API the layout is unchanged', () => {
    const out = synthesize(valuesToProps({ cilium: { version: '1.20.0', encryption: 'wireguard' } }));
    expect(out.files.map((f) => f.path).filter((p) => p.startsWith('stage2/'))).toEqual(['stage2/01-networks.k8s.yaml', 'stage2/02-demo.k8s.yaml']);
    expect(out.files.find((f) => f.path === '02-cilium.k8s.yaml')!.content).toContain('enable-wireguard: "true"');
  });

  test('a refused prerequisite is one line naming the file and key, and the previous dist/ stays', () => {
    const dir = tmpDir('multicni-features-');
    const dist = path.join(dir, 'dist');
    const kind = path.join(dir, 'kind.yaml');
    expect(runMain(['--outdir', dist, '--kind-config', kind]).code).toBe(0);
    const before = fs.readFileSync(path.join(dist, '02-cilium.k8s.yaml'), 'utf8');
    const values = path.join(dir, 'bbr.yaml');
    fs.writeFileSync(values, 'cilium:\n  version: "1.20.0"\n  bbr: true\n');
    const r = runMain(['--values', values, '--outdir', dist, '--kind-config', kind]);
    expect(r.code).toBe(1);
    expect(r.errLines).toHaveLength(1);
    expect(r.err).toMatch(/^\S*bbr\.yaml: cilium\.bbr: invalid value true: expected bandwidthManager true with it/);
    expect(fs.readFileSync(path.join(dist, '02-cilium.k8s.yaml'), 'utf8')).toBe(before);
    fs.writeFileSync(values, 'preset: seed\ncilium:\n  encryption: wireguard\n'); // 1.16.7
    expect(runMain(['--values', values, '--outdir', dist, '--kind-config', kind]).err)
      .toMatch(/cilium\.encryption: invalid value "wireguard": expected "none" with Cilium 1\.16\.7: encryption is supported with Cilium 1\.18\.12, 1\.19\.6 and 1\.20\.0/);
    fs.writeFileSync(values, 'cilium:\n  encryption: ipsec\n');
    expect(runMain(['--values', values, '--outdir', dist, '--kind-config', kind]).err).toMatch(/cilium\.encryption/);
  });

  test('WireGuard\'s fixed UDP port 51871 beside OVN-Kubernetes on the same encapPort is refused, naming both owners', () => {
    expect(() => synthesize(valuesToProps({ cilium: { version: '1.20.0', encryption: 'wireguard' }, ovn: { encapPort: 51871 } }))).toThrow(
      /plan: udp port 51871 is both ovn encapPort \(set; multicni\/ovn-kubernetes\) and cilium WireGuard port \(fixed by the agent; multicni\/cilium\): .*choose another ovn encapPort \(cilium's WireGuard port is fixed\)/);
    expect(() => synthesize(valuesToProps({ cilium: { version: '1.20.0' }, ovn: { encapPort: 51871 } }))).not.toThrow();
    expect(() => synthesize(valuesToProps({ cilium: { version: '1.20.0', encryption: 'wireguard' } }))).not.toThrow();
  });

  test('with WireGuard node encryption, OVN MTUs that do not fit Geneve and WireGuard in 1500 bytes are warned about', () => {
    const warnings = (values: Record<string, unknown>) => synthesize(valuesToProps(values)).warnings;
    const node = { version: '1.20.0', encryption: 'wireguard', nodeEncryption: true };
    // The defaults: OVN's mtu 1400 (1400 + 58 + 95 = 1553), the seed network's 1300 fits (1453).
    expect(warnings({ cilium: node })).toEqual([expect.stringMatching(
      /^ovn mtu 1400 \(multicni\/ovn-kubernetes\) \+ 58 \(Geneve over IPv4\) \+ 95 \(WireGuard, cilium pkg\/mtu; multicni\/cilium\) = 1553 exceeds a 1500-byte node MTU: .* set ovn mtu to at most 1347/)]);
    expect(warnings({ cilium: node, ovn: { mtu: 1347 } })).toEqual([]);
    expect(warnings({ cilium: node, ovn: { mtu: 1347 }, networks: [{ name: 'big', topology: 'layer2', subnets: ['10.245.0.0/16'], mtu: 1400 }] }))
      .toEqual([expect.stringMatching(/^network default\/big: mtu 1400 .* set network default\/big: mtu to at most 1347/)]);
    // Pod-only encryption does not wrap OVN's tunnel (node addresses are not encrypted without encrypt-node).
    expect(warnings({ cilium: { version: '1.20.0', encryption: 'wireguard' } })).toEqual([]);
  });
});
