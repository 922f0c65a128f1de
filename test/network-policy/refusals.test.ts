import { Testing } from 'cdk8s';
import {
  MultiNetworkPolicy, MultiNetworkPolicyOptions, MultiNetworkPolicyProtocol, MultiNetworkPolicyType, NetworkCrds, OvnNetwork, OvnTopology, SelectorOperator,
} from '../../src';
import { LAYER2_BARE, LAYER3, LOCALNET, refusal, withPolicy } from './helpers';

/** Options the TypeScript types refuse, as a values file or JavaScript could give them. */
const forced = (options: object) => options as MultiNetworkPolicyOptions;
const IPAM_LESS = 'OVN-Kubernetes refuses selector peers there with "IPAM-less networks can only have `ipBlock` peers" (convertMultiNetPolicyToNetPolicy, go-controller/pkg/ovn/base_network_controller_multipolicy.go)';

describe('MultiNetworkPolicy refuses', () => {
  test('a name that is not a DNS subdomain', () => {
    expect(refusal(LAYER3, { name: 'Allow_Web' }))
      .toBe('name: invalid value "Allow_Web": expected a lowercase DNS subdomain (a-z, 0-9, "-", "."), at most 253 characters');
  });

  test('a namespace that is not a DNS label', () => {
    expect(refusal(LAYER3, { name: 'p', namespace: 'team.a' }))
      .toBe('namespace: invalid value "team.a": expected a lowercase DNS label (a-z, 0-9, "-"), at most 63 characters');
  });

  test('a second policy of one namespace and name', () => {
    const { chart, net } = withPolicy(LAYER3, { name: 'p' });
    expect(() => new MultiNetworkPolicy(chart, 'again', { name: 'p', network: net }))
      .toThrow('name: invalid value "p": expected a name no other MultiNetworkPolicy of namespace default has (test/policy has it): one name is one object');
    // another namespace is another object
    expect(() => new MultiNetworkPolicy(chart, 'elsewhere', { name: 'p', namespace: 'team-a', network: net })).not.toThrow();
  });

  test('a network of another App', () => {
    const net = new OvnNetwork(Testing.chart(), 'net', LAYER3);
    expect(() => new MultiNetworkPolicy(Testing.chart(), 'p', { name: 'p', network: net }))
      .toThrow('network: invalid value "default/ovn-stream-veth": expected an OvnNetwork of the same App: the policy names its NetworkAttachmentDefinition, which must be applied with it');
  });

  describe('when the App ships no MultiNetworkPolicy CRD', () => {
    const message = 'policy default/p: networkCrds.multiNetworkPolicies is false, so the App ships no multi-networkpolicies.k8s.cni.cncf.io CRD and the policy cannot be applied; set it to true or remove the policy';

    test('at once when the NetworkCrds exists', () => {
      const chart = Testing.chart();
      new NetworkCrds(chart, 'crds', { multiNetworkPolicies: false });
      const net = new OvnNetwork(chart, 'net', LAYER3);
      expect(() => new MultiNetworkPolicy(chart, 'p', { name: 'p', network: net })).toThrow(message);
    });

    test('at synth when the NetworkCrds comes later', () => {
      const { chart } = withPolicy(LAYER3, { name: 'p' });
      new NetworkCrds(chart, 'crds', { multiNetworkPolicies: false });
      expect(() => Testing.synth(chart)).toThrow(message);
    });

    test('not when it ships it, or when the App has no NetworkCrds (the CRD is installed some other way)', () => {
      const { chart } = withPolicy(LAYER3, { name: 'p' });
      expect(() => Testing.synth(chart)).not.toThrow();
      new NetworkCrds(chart, 'crds', { ipamClaims: false });
      expect(() => Testing.synth(chart)).not.toThrow();
    });
  });

  describe('peers', () => {
    test('an empty peer', () => {
      expect(refusal(LAYER3, { name: 'p', ingress: [{ from: [{}] }] }))
        .toBe('ingress[0].from[0]: invalid value {}: expected an ipBlock, a podSelector or a namespaceSelector (Kubernetes\' ValidateNetworkPolicyPeer: "must specify a peer")');
    });

    test('an ipBlock beside a selector', () => {
      expect(refusal(LAYER3, { name: 'p', egress: [{ to: [{ ipBlock: { cidr: '10.245.0.0/16' }, namespaceSelector: {} }] }] }))
        .toBe('egress[0].to[0].namespaceSelector: invalid value {}: expected no selector beside ipBlock: give the pods as another peer of the list (Kubernetes\' ValidateNetworkPolicyPeer: "may not specify both ipBlock and another peer")');
    });

    test('a podSelector peer on a layer2 network without subnets, with OVN-Kubernetes\' reason', () => {
      expect(refusal(LAYER2_BARE, { name: 'p', ingress: [{ from: [{ ipBlock: { cidr: '192.168.0.0/24' } }, { podSelector: { matchLabels: { app: 'db' } } }] }] }))
        .toBe(`ingress[0].from[1].podSelector: invalid value {"matchLabels":{"app":"db"}}: expected an ipBlock peer: network tenant/l2-bare has no subnets (no IP management), and ${IPAM_LESS}`);
    });

    test('a namespaceSelector peer on a localnet network without subnets', () => {
      expect(refusal({ name: 'lan', topology: OvnTopology.LOCALNET }, { name: 'p', egress: [{ to: [{ namespaceSelector: { matchLabels: { team: 'a' } } }] }] }))
        .toBe(`egress[0].to[0].namespaceSelector: invalid value {"matchLabels":{"team":"a"}}: expected an ipBlock peer: network default/lan has no subnets (no IP management), and ${IPAM_LESS}`);
    });

    test('a selector requirement without values', () => {
      expect(refusal(LAYER3, { name: 'p', ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: 'app', operator: SelectorOperator.IN }] } }] }] }))
        .toBe('ingress[0].from[0].podSelector.matchExpressions[0].values: operator In needs at least one value (apimachinery\'s LabelSelectorAsSelector refuses it)');
    });
  });

  describe('ipBlocks', () => {
    const ingressBlock = (cidr: string, except?: string[]): MultiNetworkPolicyOptions => ({ name: 'p', ingress: [{ from: [{ ipBlock: { cidr, ...(except ? { except } : {}) } }] }] });

    test('a cidr that does not parse, or has host bits set', () => {
      expect(refusal(LAYER3, ingressBlock('10.245.0.0')))
        .toBe('ingress[0].from[0].ipBlock.cidr: invalid cidr "10.245.0.0": expected exactly one "/" as in "10.244.0.0/16" or "fd00::/64"');
      expect(refusal(LAYER3, ingressBlock('10.245.1.0/16')))
        .toBe('ingress[0].from[0].ipBlock.cidr: invalid cidr "10.245.1.0/16": host bits are set; the network address is 10.245.0.0/16');
    });

    test('an except outside its cidr, equal to it, or of the other family', () => {
      const strict = 'expected a range strictly inside cidr 10.245.0.0/16 (Kubernetes\' ValidateIPBlock: "must be a strict subset of `cidr`")';
      expect(refusal(LAYER3, ingressBlock('10.245.0.0/16', ['10.245.1.0/24', '10.246.0.0/24'])))
        .toBe(`ingress[0].from[0].ipBlock.except[1]: invalid value "10.246.0.0/24": ${strict}`);
      expect(refusal(LAYER3, ingressBlock('10.245.0.0/16', ['10.245.0.0/16']))).toBe(`ingress[0].from[0].ipBlock.except[0]: invalid value "10.245.0.0/16": ${strict}`);
      expect(refusal(LAYER3, ingressBlock('10.245.0.0/16', ['fd00::/64']))).toBe(`ingress[0].from[0].ipBlock.except[0]: invalid value "fd00::/64": ${strict}`);
    });

    test('an except that does not parse', () => {
      expect(refusal(LAYER3, ingressBlock('10.245.0.0/16', ['10.245.1.1/24'])))
        .toBe('ingress[0].from[0].ipBlock.except[0]: invalid cidr "10.245.1.1/24": host bits are set; the network address is 10.245.1.0/24');
    });

    test('a family the network has no subnet of', () => {
      expect(refusal(LAYER3, ingressBlock('fd00:245::/64')))
        .toBe('ingress[0].from[0].ipBlock.cidr: invalid value "fd00:245::/64": expected an IPv4 range: network default/ovn-stream-veth has only 10.245.0.0/16, so its pods hold no IPv6 address on it');
    });

    test('on layer3, a block outside the network\'s subnets (Cilium\'s pod range, say)', () => {
      expect(refusal(LAYER3, ingressBlock('10.244.0.0/16')))
        .toBe('ingress[0].from[0].ipBlock: invalid value "10.244.0.0/16": expected a block with addresses in the subnets of network default/ovn-stream-veth (10.245.0.0/16) outside its except: '
          + 'OVN-Kubernetes matches an ipBlock against the addresses on the network\'s own switch, and the pods of a layer3 network hold only addresses of its subnets, so this rule would match nothing');
    });

    test('on layer2, a block whose except covers the subnets; a wider one that keeps some of them passes', () => {
      const l2 = { name: 'l2', topology: OvnTopology.LAYER2, subnets: ['10.100.0.0/24'] };
      expect(refusal(l2, { name: 'p', egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.100.0.0/25', '10.100.0.128/25'] } }] }] }))
        .toMatch(/^egress\[0\]\.to\[0\]\.ipBlock: invalid value \{"cidr":"10\.0\.0\.0\/8","except":\["10\.100\.0\.0\/25","10\.100\.0\.128\/25"\]\}: expected a block with addresses in the subnets of network default\/l2 \(10\.100\.0\.0\/24\) outside its except: .* the pods of a layer2 network hold only/);
      expect(() => withPolicy(l2, { name: 'p', egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.100.0.0/25'] } }] }] })).not.toThrow();
    });

    test('localnet keeps blocks outside its subnets, but not of a family it has no subnet of', () => {
      expect(() => withPolicy(LOCALNET, ingressBlock('203.0.113.0/24'))).not.toThrow();
      expect(refusal({ ...LOCALNET, subnets: ['192.168.30.0/24'] }, ingressBlock('fd00:31::/64'))).toMatch(/^ingress\[0\]\.from\[0\]\.ipBlock\.cidr: invalid value "fd00:31::\/64": expected an IPv4 range: /);
    });
  });

  describe('ports', () => {
    const port = (p: object): MultiNetworkPolicyOptions => forced({ name: 'p', ingress: [{ ports: [{ port: 80 }, p] }] });

    test('a port number out of range or not whole', () => {
      for (const n of [0, 65536, 80.5]) {
        expect(refusal(LAYER3, port({ port: n })))
          .toBe(`ingress[0].ports[1].port: invalid value ${n}: expected a whole port number from 1 to 65535 (Kubernetes' ValidateNetworkPolicyPort), or no port for every port of the protocol`);
      }
    });

    test('a named port, which OVN-Kubernetes would read as every port', () => {
      expect(refusal(LAYER3, port({ port: 'http' })))
        .toBe('ingress[0].ports[1].port: invalid value "http": expected a port number from 1 to 65535: OVN-Kubernetes reads only the number of a MultiNetworkPolicy port (addPortPolicy, go-controller/pkg/ovn/gress_policy.go), and a named port would allow every port');
    });

    test('an unknown protocol', () => {
      expect(refusal(LAYER3, port({ protocol: 'ICMP' }))).toBe('ingress[0].ports[1].protocol: invalid value "ICMP": expected "TCP", "UDP" or "SCTP"');
      expect(() => withPolicy(LAYER3, { name: 'p', egress: [{ ports: [{ protocol: MultiNetworkPolicyProtocol.SCTP, port: 9 }] }] })).not.toThrow();
    });
  });

  describe('policyTypes', () => {
    test('an empty list, which OVN-Kubernetes reads as isolating nothing', () => {
      expect(refusal(LAYER3, { name: 'p', policyTypes: [] }))
        .toBe('policyTypes: invalid value []: expected "Ingress" or "Egress" or both, or no policyTypes for the default: an empty list isolates nothing');
    });

    test('an unknown type, or one twice', () => {
      expect(refusal(LAYER3, forced({ name: 'p', policyTypes: ['Ingress', 'Sideways'] }))).toBe('policyTypes[1]: invalid value "Sideways": expected "Ingress" or "Egress"');
      expect(refusal(LAYER3, { name: 'p', policyTypes: [MultiNetworkPolicyType.EGRESS, MultiNetworkPolicyType.EGRESS] }))
        .toBe('policyTypes[1]: invalid value "Egress": expected each type once (Egress is also policyTypes[0])');
    });
  });

  test('a list given as something else', () => {
    expect(refusal(LAYER3, forced({ name: 'p', ingress: [{ from: { ipBlock: { cidr: '10.245.0.0/16' } } }] })))
      .toBe('ingress[0].from: invalid value {"ipBlock":{"cidr":"10.245.0.0/16"}}: expected a list');
  });
});
