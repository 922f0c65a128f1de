/**
 * Custom resources built with the classes `cdk8s import` generated from crds/ validate against the CRDs
 * NetworkCrds ships; broken ones (forced past the TypeScript types with a JSON patch) are rejected.
 */
import { ApiObject, JsonPatch, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { IpamClaim } from '../../imports/ipamclaim-k8s.cni.cncf.io';
import {
  MultiNetworkPolicy,
  MultiNetworkPolicySpecEgressPortsPort,
  MultiNetworkPolicySpecEgressPortsProtocol,
  MultiNetworkPolicySpecIngressFromPodSelectorMatchExpressionsOperator,
  MultiNetworkPolicySpecIngressPortsPort,
  MultiNetworkPolicySpecIngressPortsProtocol,
  MultiNetworkPolicyProps,
  MultiNetworkPolicySpecPolicyTypes,
} from '../../imports/multinetworkpolicy-k8s.cni.cncf.io';
import { NetworkAttachmentDefinition } from '../../imports/nad-k8s.cni.cncf.io';
import { NetworkCrds } from '../../src';
import { ManifestObject, validateManifests } from '../util/k8s-schema';

function shippedCrds(): ManifestObject[] {
  const chart = Testing.chart();
  new NetworkCrds(chart, 'crds');
  return Testing.synth(chart);
}

function nad(scope: Construct): NetworkAttachmentDefinition {
  return new NetworkAttachmentDefinition(scope, 'nad', {
    metadata: { name: 'ovn-stream-veth', namespace: 'default' },
    spec: {
      config: JSON.stringify({
        cniVersion: '0.3.1', name: 'ovn-stream-veth', type: 'ovn-k8s-cni-overlay', topology: 'layer3',
        subnets: '10.245.0.0/16/24', mtu: 1300, netAttachDefName: 'default/ovn-stream-veth',
      }),
    },
  });
}

function policyProps(): MultiNetworkPolicyProps {
  return {
    metadata: { name: 'allow-web', namespace: 'default', annotations: { 'k8s.v1.cni.cncf.io/policy-for': 'default/ovn-stream-veth' } },
    spec: {
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: [MultiNetworkPolicySpecPolicyTypes.INGRESS, MultiNetworkPolicySpecPolicyTypes.EGRESS],
      ingress: [{
        ports: [
          { protocol: MultiNetworkPolicySpecIngressPortsProtocol.TCP, port: MultiNetworkPolicySpecIngressPortsPort.fromNumber(8080) },
          { port: MultiNetworkPolicySpecIngressPortsPort.fromString('http') },
        ],
        from: [
          { ipBlock: { cidr: '10.245.0.0/16', except: ['10.245.1.0/24'] } },
          {
            namespaceSelector: { matchLabels: { team: 'a' } },
            podSelector: { matchExpressions: [{ key: 'role', operator: MultiNetworkPolicySpecIngressFromPodSelectorMatchExpressionsOperator.IN, values: ['client'] }] },
          },
        ],
      }],
      egress: [{
        ports: [{ protocol: MultiNetworkPolicySpecEgressPortsProtocol.UDP, port: MultiNetworkPolicySpecEgressPortsPort.fromNumber(53) }],
        to: [{ ipBlock: { cidr: '10.245.0.0/16' } }],
      }],
    },
  };
}

function policy(scope: Construct): MultiNetworkPolicy {
  return new MultiNetworkPolicy(scope, 'policy', policyProps());
}

function claim(scope: Construct): IpamClaim {
  return new IpamClaim(scope, 'claim', {
    metadata: { name: 'vm-a.pod-iface', namespace: 'default' },
    spec: { network: 'l2-net', interface: 'pod16367aacb67' },
  });
}

/** Synthesizes the object that `build` returns, after the patches, and validates it against the shipped CRDs. */
function problems(build: (scope: Construct) => ApiObject, ...patches: JsonPatch[]): string[] {
  const chart = Testing.chart();
  build(chart).addJsonPatch(...patches);
  return validateManifests(Testing.synth(chart), shippedCrds());
}

describe('custom resources against the shipped CRDs', () => {
  test('valid ones pass', () => {
    expect(problems(nad)).toEqual([]);
    expect(problems(policy)).toEqual([]);
    expect(problems(claim)).toEqual([]);
  });

  test('the typed classes render what the schema expects', () => {
    const chart = Testing.chart();
    policy(chart);
    const [rendered] = Testing.synth(chart);
    expect(rendered.apiVersion).toBe('k8s.cni.cncf.io/v1beta1');
    expect(rendered.spec.ingress[0].ports).toEqual([{ protocol: 'TCP', port: 8080 }, { port: 'http' }]);
  });

  test('NAD: spec.config must be a string', () => {
    expect(problems(nad, JsonPatch.replace('/spec/config', { type: 'ovn-k8s-cni-overlay' })))
      .toEqual(['k8s.cni.cncf.io/v1/NetworkAttachmentDefinition ovn-stream-veth: /spec/config must be string']);
  });

  test('MultiNetworkPolicy: unknown policyType', () => {
    expect(problems(policy, JsonPatch.replace('/spec/policyTypes/1', 'Sideways')).join('\n'))
      .toMatch(/MultiNetworkPolicy allow-web: \/spec\/policyTypes\/1 must be equal to one of the allowed values/);
  });

  test('MultiNetworkPolicy: podSelector is required', () => {
    expect(problems(policy, JsonPatch.remove('/spec/podSelector')).join('\n'))
      .toMatch(/\/spec must have required property 'podSelector'/);
  });

  test('MultiNetworkPolicy: ipBlock without cidr, unknown protocol', () => {
    const found = problems(policy,
      JsonPatch.remove('/spec/ingress/0/from/0/ipBlock/cidr'),
      JsonPatch.replace('/spec/egress/0/ports/0/protocol', 'ICMP')).join('\n');
    expect(found).toMatch(/\/spec\/ingress\/0\/from\/0\/ipBlock must have required property 'cidr'/);
    expect(found).toMatch(/\/spec\/egress\/0\/ports\/0\/protocol must be equal to one of the allowed values/);
  });

  test('MultiNetworkPolicy: a port is a number or a name', () => {
    // The generated class re-renders ports from its IntOrString wrapper, so start from its plain manifest.
    const manifest = MultiNetworkPolicy.manifest(policyProps());
    manifest.spec.ingress[0].ports[0].port = true;
    const chart = Testing.chart();
    new ApiObject(chart, 'raw', manifest);
    expect(validateManifests(Testing.synth(chart), shippedCrds()).join('\n'))
      .toMatch(/\/spec\/ingress\/0\/ports\/0\/port must match a schema in anyOf/);
  });

  test('IPAMClaim: spec.interface is required', () => {
    expect(problems(claim, JsonPatch.remove('/spec/interface')).join('\n'))
      .toMatch(/IPAMClaim vm-a.pod-iface: \/spec must have required property 'interface'/);
  });

  test('a kind the CRDs do not define is rejected', () => {
    const chart = Testing.chart();
    new ApiObject(chart, 'x', { apiVersion: 'k8s.cni.cncf.io/v1', kind: 'NetworkAttachment', metadata: { name: 'x' } });
    expect(validateManifests(Testing.synth(chart), shippedCrds())).toEqual(['k8s.cni.cncf.io/v1/NetworkAttachment x: no CRD shipped for k8s.cni.cncf.io/v1 NetworkAttachment']);
  });
});
