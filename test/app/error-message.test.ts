import { decodeUtf8, escapeUnprintable, splitProblems, synthErrorLine, truncateQuoted } from '../../src/app/error-message';
import { MultiCniChartProps } from '../../src/chart';

const props = (p: Partial<MultiCniChartProps>) => ({ apiServer: 'https://x:6443', ...p }) as MultiCniChartProps;

describe('synth error lines', () => {
  test('cdk8s validation blocks become their problems on one line', () => {
    expect(splitProblems('Validation failed with the following errors:\n  [a] one\n  [b/c] two')).toEqual(['one', 'two']);
    expect(synthErrorLine('Validation failed with the following errors:\n  [a] one\n  [b] two')).toBe('one; two');
  });

  test('component prefixes become key paths; the top-level apiServer keeps its own', () => {
    expect(synthErrorLine('ovn: apiServer: invalid', props({}))).toBe('apiServer: invalid');
    expect(synthErrorLine('addressing: nodeNetworks[0]: invalid cidr', props({}))).toBe('addressing.nodeNetworks[0]: invalid cidr');
    expect(synthErrorLine('cilium: tunnelPort must be an integer', props({ cilium: { tunnelPort: 0 } }))).toBe('cilium.tunnelPort: must be an integer');
    // a word that is not a key the user set stays prose
    expect(synthErrorLine('cilium: tunnelPort must be an integer', props({}))).toBe('cilium: tunnelPort must be an integer');
  });

  test('a tunnel-port conflict is blamed on the key the user set, OVN\'s first, with the keys as the values file spells them', () => {
    const problem = 'plan: udp port 6081 is both ovn encapPort (the default; m/ovn-kubernetes) and cilium tunnelPort (the geneve default; m/cilium): both tunnels bind their port; choose another port for one of them: ovn encapPort or cilium tunnelPort';
    const body = 'udp port 6081 is both ovn.encapPort (the default; m/ovn-kubernetes) and cilium.tunnelPort (the geneve default; m/cilium): both tunnels bind their port; choose another port for one of them: ovn.encapPort or cilium.tunnelPort';
    expect(synthErrorLine(problem, props({ cilium: { tunnelProtocol: 'geneve' as never } }))).toBe(`cilium.tunnelProtocol: ${body}`);
    expect(synthErrorLine(problem, props({ cilium: { tunnelPort: 6081 } }))).toBe(`cilium.tunnelPort: ${body}`);
    expect(synthErrorLine(problem, props({ cilium: { tunnelPort: 6081 }, ovn: { encapPort: 6081 } }))).toBe(`ovn.encapPort: ${body}`);
    expect(synthErrorLine(problem, props({ ovn: { encapPort: 6081 } }))).toBe(`ovn.encapPort: ${body}`);
    expect(synthErrorLine(problem)).toBe(problem); // no values file: the constructs' words
  });

  test('a plan problem is blamed on the range whose key the user set, then the later network', () => {
    const overlap = 'overlap: service "cluster service range" 10.96.0.0/16 (owner: m/addressing) overlaps ovn join "ovn join subnet" 10.96.0.0/16 (owner: m/addressing)';
    expect(synthErrorLine(overlap, props({ addressing: { serviceCidrs: ['10.96.0.0/16'] } }))).toBe(`addressing.serviceCidrs: ${overlap}`);
    expect(synthErrorLine(overlap, props({ addressing: { joinSubnets: ['10.96.0.0/16'] } }))).toBe(`addressing.joinSubnets: ${overlap}`);
    const nets = 'overlap: secondary network "a" 10.245.0.0/16/24 (owner: m/networks/default.a) overlaps secondary network "b" 10.245.7.0/24 (owner: m/networks/default.b)';
    expect(synthErrorLine(nets, props({ networks: [{ name: 'a' }, { name: 'b' }] }))).toBe(`networks[1].subnets: ${nets}`);
  });

  test('a grouped overlap line is blamed on the range it is about, not on its first partner', () => {
    const grouped = 'overlap: secondary network "a" 20.0.0.0/24 (owner: m/networks/default.a) overlaps 2 other ranges, first: secondary network "b" 20.0.0.0/24 (owner: m/networks/default.b)';
    expect(synthErrorLine(grouped, props({ networks: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] }))).toBe(`networks[0].subnets: ${grouped}`);
  });

  test('huge values are cut with their length; unprintables escaped', () => {
    expect(truncateQuoted(`bad "${'a'.repeat(500)}" and "short"`)).toBe(`bad "${'a'.repeat(60)}…" (500 characters) and "short"`);
    expect(truncateQuoted(`network x/${'b'.repeat(300)}: bad`)).toMatch(/^network x\/b{58}… \(302 characters\): bad$/);
    expect(escapeUnprintable('a\u0007b\ufffdc\u001b[0m')).toBe('a\\x07b\\u{fffd}c\\x1b[0m');
  });

  test('non-UTF-8 bytes are named by line, escaped', () => {
    expect(decodeUtf8('v.yaml', Buffer.from('ok: 1\n', 'utf8'))).toBe('ok: 1\n');
    expect(() => decodeUtf8('v.yaml', Buffer.from([0x61, 0x0a, 0x62, 0x3a, 0x20, 0xc3, 0x28, 0x0a]))).toThrow(/^v\.yaml: line 2: not valid UTF-8: "b: \\xc3\(" ?;/);
  });
});
