import { Testing } from 'cdk8s';
import {
  ChartAddressPlan, MultiNetworkPolicyProtocol, MultiNetworkPolicyType, OvnNetwork, SelectorOperator,
} from '../../src';
import { validateManifests } from '../util/k8s-schema';
import { LAYER2_BARE, LAYER3, LOCALNET, POLICY_CRD, rendered, withPolicy } from './helpers';

describe('MultiNetworkPolicy: what it renders', () => {
  const object = rendered(LAYER3, {
    name: 'allow-web',
    podSelector: { matchLabels: { app: 'web' } },
    ingress: [{
      from: [
        { podSelector: { matchLabels: { role: 'client' } }, namespaceSelector: { matchExpressions: [{ key: 'team', operator: SelectorOperator.IN, values: ['a'] }] } },
        { ipBlock: { cidr: '10.245.0.0/16', except: ['10.245.1.0/24'] } },
      ],
      ports: [{ port: 8080 }, { protocol: MultiNetworkPolicyProtocol.UDP, port: 53 }, { protocol: MultiNetworkPolicyProtocol.SCTP }],
    }],
    egress: [{ to: [{ ipBlock: { cidr: '10.245.0.0/16' } }] }],
  });

  test('apiVersion, kind, the policy-for annotation naming the NAD as namespace/name, the spec', () => {
    expect(object).toMatchSnapshot();
    expect(object.apiVersion).toBe('k8s.cni.cncf.io/v1beta1');
    expect(object.kind).toBe('MultiNetworkPolicy');
    expect(object.metadata).toEqual({
      name: 'allow-web', namespace: 'default',
      annotations: { 'k8s.v1.cni.cncf.io/policy-for': 'default/ovn-stream-veth' },
      labels: { 'app.kubernetes.io/managed-by': 'cdk8s-multicni' },
    });
    expect(object.spec.podSelector).toEqual({ matchLabels: { app: 'web' } });
    // egress rules given: Ingress and Egress, rendered
    expect(object.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(object.spec.ingress).toEqual([{
      from: [
        { podSelector: { matchLabels: { role: 'client' } }, namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['a'] }] } },
        { ipBlock: { cidr: '10.245.0.0/16', except: ['10.245.1.0/24'] } },
      ],
      // the protocol always rendered (TCP by default); no port: every port of the protocol
      ports: [{ protocol: 'TCP', port: 8080 }, { protocol: 'UDP', port: 53 }, { protocol: 'SCTP' }],
    }]);
    expect(object.spec.egress).toEqual([{ to: [{ ipBlock: { cidr: '10.245.0.0/16' } }] }]);
  });

  test('validates against the shipped CRD\'s openAPIV3Schema', () => {
    expect(validateManifests([object], [POLICY_CRD])).toEqual([]);
  });

  test('the defaults: every pod of the network\'s namespace, Ingress only, no rules (deny all incoming)', () => {
    const deny = rendered(LAYER3, { name: 'deny-all' });
    expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
    expect(validateManifests([deny], [POLICY_CRD])).toEqual([]);
  });

  test('policyTypes as given; an empty rule allows everything in that direction', () => {
    const egressOnly = rendered(LAYER3, { name: 'egress-only', policyTypes: [MultiNetworkPolicyType.EGRESS], egress: [{}] });
    expect(egressOnly.spec).toEqual({ podSelector: {}, policyTypes: ['Egress'], egress: [{}] });
    expect(validateManifests([egressOnly], [POLICY_CRD])).toEqual([]);
  });

  test('a policy in another namespace names the NAD with its namespace and creates its own namespace before it', () => {
    const { chart, policy } = withPolicy(LAYER3, { name: 'p', namespace: 'team-a' });
    const objects = Testing.synth(chart);
    const mnp = objects.find((o) => o.kind === 'MultiNetworkPolicy');
    expect(mnp.metadata.namespace).toBe('team-a');
    expect(mnp.metadata.annotations['k8s.v1.cni.cncf.io/policy-for']).toBe('default/ovn-stream-veth');
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['NetworkAttachmentDefinition/ovn-stream-veth', 'Namespace/team-a', 'MultiNetworkPolicy/p']);
    expect(policy.qualifiedName).toBe('team-a/p');
    expect(policy.network.qualifiedName).toBe('default/ovn-stream-veth');
  });

  test('a network without subnets takes ipBlock peers (OVN-Kubernetes allows only those there), any range', () => {
    const object2 = rendered(LAYER2_BARE, { name: 'only-block', ingress: [{ from: [{ ipBlock: { cidr: '192.168.10.0/24' } }] }] });
    expect(object2.metadata.annotations).toEqual({ 'k8s.v1.cni.cncf.io/policy-for': 'tenant/l2-bare' });
    expect(object2.spec.ingress).toEqual([{ from: [{ ipBlock: { cidr: '192.168.10.0/24' } }] }]);
    expect(validateManifests([object2], [POLICY_CRD])).toEqual([]);
  });

  test('localnet: an ipBlock outside the subnets is kept (the physical network\'s other hosts), both families', () => {
    const object3 = rendered(LOCALNET, {
      name: 'from-lan', ingress: [{ from: [{ ipBlock: { cidr: '192.168.0.0/16', except: ['192.168.30.0/24'] } }, { ipBlock: { cidr: 'fd00:31::/64' } }] }],
    });
    expect(object3.spec.ingress[0].from).toEqual([{ ipBlock: { cidr: '192.168.0.0/16', except: ['192.168.30.0/24'] } }, { ipBlock: { cidr: 'fd00:31::/64' } }]);
  });

  test('an ipBlock in a non-canonical IPv6 spelling is rendered canonically', () => {
    const object4 = rendered(LOCALNET, { name: 'v6', egress: [{ to: [{ ipBlock: { cidr: 'FD00:30:0:0::/64' } }] }] });
    expect(object4.spec.egress[0].to).toEqual([{ ipBlock: { cidr: 'fd00:30::/64' } }]);
  });

  test('the same input renders byte-identical objects', () => {
    const options = { name: 'p', ingress: [{ from: [{ podSelector: { matchLabels: { b: '2', a: '1' } } }], ports: [{ port: 80 }] }] };
    expect(JSON.stringify(rendered(LAYER3, options))).toBe(JSON.stringify(rendered(LAYER3, options)));
  });
});

describe('MultiNetworkPolicy: plan warnings', () => {
  test('an ipBlock on localnet inside the cluster\'s own ranges is warned, naming the range and its owner', () => {
    const { chart } = withPolicy(LOCALNET, { name: 'p', ingress: [{ from: [{ ipBlock: { cidr: '10.245.0.0/16' } }] }] });
    new OvnNetwork(chart, 'other', LAYER3);
    Testing.synth(chart);
    expect(ChartAddressPlan.warningsOf(chart).filter((w) => w.startsWith('policy '))).toEqual([
      'policy default/p: ingress[0].from[0].ipBlock.cidr 10.245.0.0/16 lies inside secondary network "ovn-stream-veth" 10.245.0.0/16 (owner: test/other); '
      + 'those addresses are the cluster\'s own and never appear on network default/lan\'s interface, so the rule probably matches nothing there',
    ]);
  });

  test('an ipBlock on localnet that meets its subnets, or lies outside every range of the plan, is not warned', () => {
    const { chart } = withPolicy(LOCALNET, { name: 'p', ingress: [{ from: [{ ipBlock: { cidr: '192.168.30.0/25' } }, { ipBlock: { cidr: '172.30.0.0/16' } }] }] });
    new OvnNetwork(chart, 'other', LAYER3);
    Testing.synth(chart);
    expect(ChartAddressPlan.warningsOf(chart).filter((w) => w.startsWith('policy '))).toEqual([]);
  });
});
