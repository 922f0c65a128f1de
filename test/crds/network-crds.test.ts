import { Testing } from 'cdk8s';
import { NetworkCrd, NetworkCrds, NetworkCrdsProps } from '../../src';
import { ManifestObject, validateManifests } from '../util/k8s-schema';
import { structuralProblems } from './structural-schema';


function synth(props?: NetworkCrdsProps): any[] {
  const chart = Testing.chart();
  new NetworkCrds(chart, 'crds', props);
  return Testing.synth(chart);
}
const byName = (objects: any[], name: string) => objects.find((o) => o.metadata.name === name);

describe('NetworkCrds', () => {
  const objects = synth();

  test('snapshot', () => {
    expect(objects).toMatchSnapshot();
  });

  test('all three CRDs by default, in a fixed order', () => {
    expect(objects.map((o) => `${o.apiVersion} ${o.kind} ${o.metadata.name}`)).toEqual([
      'apiextensions.k8s.io/v1 CustomResourceDefinition network-attachment-definitions.k8s.cni.cncf.io',
      'apiextensions.k8s.io/v1 CustomResourceDefinition multi-networkpolicies.k8s.cni.cncf.io',
      'apiextensions.k8s.io/v1 CustomResourceDefinition ipamclaims.k8s.cni.cncf.io',
    ]);
  });

  test('valid apiextensions.k8s.io/v1 objects', () => {
    expect(validateManifests(objects as ManifestObject[])).toEqual([]);
  });

  test('every version has a structural schema', () => {
    for (const crd of objects) {
      for (const version of crd.spec.versions) {
        expect({ crd: crd.metadata.name, version: version.name, problems: structuralProblems(version.schema.openAPIV3Schema) })
          .toEqual({ crd: crd.metadata.name, version: version.name, problems: [] });
      }
    }
  });

  test('the structural check can fail', () => {
    expect(structuralProblems({ type: 'object', properties: { a: { description: 'no type' }, b: { type: 'array' } } }))
      .toEqual(['/a: missing or unknown type undefined', '/b: array without items']);
  });

  test('NetworkAttachmentDefinition: the API of network-attachment-definition-client', () => {
    const crd = byName(objects, 'network-attachment-definitions.k8s.cni.cncf.io');
    expect(crd.spec.group).toBe('k8s.cni.cncf.io');
    expect(crd.spec.scope).toBe('Namespaced');
    expect(crd.spec.names).toMatchObject({ kind: 'NetworkAttachmentDefinition', plural: 'network-attachment-definitions', shortNames: ['nad', 'net-attach-def'] });
    expect(crd.spec.versions.map((v: any) => [v.name, v.served, v.storage])).toEqual([['v1', true, true]]);
    expect(crd.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.config.type).toBe('string');
  });

  test('MultiNetworkPolicy: v1beta1, the NetworkPolicy spec', () => {
    const crd = byName(objects, 'multi-networkpolicies.k8s.cni.cncf.io');
    expect(crd.spec.scope).toBe('Namespaced');
    expect(crd.spec.names).toMatchObject({ kind: 'MultiNetworkPolicy', plural: 'multi-networkpolicies', shortNames: ['multi-policy'] });
    expect(crd.spec.versions.map((v: any) => [v.name, v.served, v.storage])).toEqual([['v1beta1', true, true]]);
    const spec = crd.spec.versions[0].schema.openAPIV3Schema.properties.spec;
    expect(spec.required).toEqual(['podSelector']);
    expect(Object.keys(spec.properties).sort()).toEqual(['egress', 'ingress', 'podSelector', 'policyTypes']);
    expect(spec.properties.policyTypes.items.enum).toEqual(['Ingress', 'Egress']);
    const ingress = spec.properties.ingress.items.properties;
    const egress = spec.properties.egress.items.properties;
    expect(Object.keys(ingress).sort()).toEqual(['from', 'ports']);
    expect(Object.keys(egress).sort()).toEqual(['ports', 'to']);
    expect(Object.keys(ingress.from.items.properties).sort()).toEqual(['ipBlock', 'namespaceSelector', 'podSelector']);
    expect(ingress.from.items).toEqual(egress.to.items);
    expect(ingress.ports).toEqual(egress.ports);
    expect(ingress.ports.items.properties.port['x-kubernetes-int-or-string']).toBe(true);
  });

  test('IPAMClaim: v1alpha1 with a status subresource', () => {
    const crd = byName(objects, 'ipamclaims.k8s.cni.cncf.io');
    expect(crd.spec.names).toMatchObject({ kind: 'IPAMClaim', plural: 'ipamclaims' });
    const [version] = crd.spec.versions;
    expect([version.name, version.served, version.storage]).toEqual(['v1alpha1', true, true]);
    expect(version.subresources).toEqual({ status: {} });
    const schema = version.schema.openAPIV3Schema.properties;
    expect(schema.spec.required).toEqual(['interface', 'network']);
    expect(schema.status.properties.ips).toEqual(expect.objectContaining({ type: 'array', items: { type: 'string' } }));
  });

  test('each CRD names its file', () => {
    expect([NetworkCrd.NETWORK_ATTACHMENT_DEFINITIONS, NetworkCrd.MULTI_NETWORK_POLICIES, NetworkCrd.IPAM_CLAIMS].map((c) => c.filePath.split('/').slice(-2).join('/')))
      .toEqual(['crds/network-attachment-definitions.yaml', 'crds/multi-networkpolicies.yaml', 'crds/ipamclaims.yaml']);
  });

  test('deterministic', () => {
    expect(synth()).toEqual(objects);
  });
});

describe('NetworkCrds, every prop reaches the output', () => {
  const names = (objects: any[]) => objects.map((o) => o.metadata.name.split('.')[0]);

  test.each<[Required<NetworkCrdsProps>, string[]]>([
    [{ networkAttachmentDefinitions: true, multiNetworkPolicies: false, ipamClaims: false }, ['network-attachment-definitions']],
    [{ networkAttachmentDefinitions: false, multiNetworkPolicies: true, ipamClaims: false }, ['multi-networkpolicies']],
    [{ networkAttachmentDefinitions: false, multiNetworkPolicies: false, ipamClaims: true }, ['ipamclaims']],
    [{ networkAttachmentDefinitions: true, multiNetworkPolicies: false, ipamClaims: true }, ['network-attachment-definitions', 'ipamclaims']],
    [{ networkAttachmentDefinitions: true, multiNetworkPolicies: true, ipamClaims: true }, ['network-attachment-definitions', 'multi-networkpolicies', 'ipamclaims']],
  ])('%j', (props, expected) => {
    const chart = Testing.chart();
    const crds = new NetworkCrds(chart, 'crds', props);
    expect(names(Testing.synth(chart))).toEqual(expected);
    expect(crds.crds.map((c) => c.name.split('.')[0])).toEqual(expected);
  });

  test('leaving one out keeps the others', () => {
    expect(names(synth({ multiNetworkPolicies: false }))).toEqual(['network-attachment-definitions', 'ipamclaims']);
  });
});

describe('NetworkCrds, invalid props', () => {
  test('all false', () => {
    expect(() => synth({ networkAttachmentDefinitions: false, multiNetworkPolicies: false, ipamClaims: false }))
      .toThrow(/^networkAttachmentDefinitions, multiNetworkPolicies, ipamClaims: all false; include at least one crd/);
  });

  test('not a boolean', () => {
    expect(() => synth({ ipamClaims: 'yes' as any })).toThrow(/^ipamClaims: invalid value "yes": expected true or false/);
  });
});
