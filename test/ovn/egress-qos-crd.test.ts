import { validateManifests } from '../util/k8s-schema';
import { Obj, synth } from './fixtures';

describe('EgressQoS CRD (shipped only with egressQos)', () => {
  const objs = synth({ egressQos: true }, { secondaryCni: false });
  const crds = objs.filter((o) => o.kind === 'CustomResourceDefinition');
  const sample = (spec: unknown, name = 'default'): Obj => ({
    apiVersion: 'k8s.ovn.org/v1', kind: 'EgressQoS', metadata: { name, namespace: 'team-a' }, spec,
  });
  // Each sample alone against the shipped CRD; the problems must mention what is wrong.
  const problems = (o: Obj) => validateManifests([o], crds);

  test('one CRD: egressqoses.k8s.ovn.org v1, namespaced, with a status subresource', () => {
    expect(crds.map((c) => c.metadata.name)).toEqual(['egressqoses.k8s.ovn.org']);
    expect(crds[0].spec).toMatchObject({
      group: 'k8s.ovn.org', scope: 'Namespaced',
      names: { kind: 'EgressQoS', plural: 'egressqoses', singular: 'egressqos', listKind: 'EgressQoSList' },
    });
    expect(crds[0].spec.versions.map((v: any) => [v.name, v.served, v.storage, v.subresources])).toEqual([['v1', true, true, { status: {} }]]);
    expect(validateManifests(crds)).toEqual([]);
  });

  test('schema extensions are spelled as the api server expects', () => {
    const text = JSON.stringify(crds[0]);
    expect(text).not.toMatch(/xKubernetes|openApiv3Schema/);
    expect(text).toContain('"x-kubernetes-list-type":"map"');
    expect(text).toContain('"x-kubernetes-map-type":"atomic"');
  });

  test('accepts a valid object, rejects what upstream rejects', () => {
    expect(problems(sample({ egress: [{ dscp: 46, dstCIDR: '10.0.0.0/8', podSelector: { matchLabels: { app: 'voip' } } }, { dscp: 0 }] }))).toEqual([]);
    expect(problems(sample({ egress: [{ dscp: 64 }] })).join()).toMatch(/dscp.*<= 63/);
    expect(problems(sample({ egress: [{ dscp: -1 }] })).join()).toMatch(/dscp.*>= 0/);
    expect(problems(sample({ egress: [{ dstCIDR: '10.0.0.0/8' }] })).join()).toMatch(/required property 'dscp'/);
    expect(problems(sample({})).join()).toMatch(/required property 'egress'/);
    expect(problems(sample({ egress: [{ dscp: 1 }] }, 'qos')).join()).toMatch(/metadata\/name.*pattern/);
  });
});
