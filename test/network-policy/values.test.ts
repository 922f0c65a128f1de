import * as fs from 'fs';
import * as path from 'path';
import { parse, parseAllDocuments } from 'yaml';
import { synthesize } from '../../src/app/synthesize';
import { valuesToProps } from '../../src/app/values';
import { runMain, tmpDir } from '../support/run-app';
import { validateManifests } from '../util/k8s-schema';
import { POLICY_CRD } from './helpers';

/** The seed's network with a selector policy, and a layer2 network without subnets with an ipBlock-only one. */
const VALUES = `
networks:
  - name: ovn-stream-veth
    subnets: [10.245.0.0/16/24]
    policies:
      - name: allow-web
        podSelector: { matchLabels: { app: web } }
        ingress:
          - from:
              - podSelector: { matchLabels: { role: client } }
                namespaceSelector: {}
            ports: [{ port: 8080 }, { protocol: UDP, port: 53 }]
      - name: deny-egress
        policyTypes: [Egress]
  - name: l2-bare
    namespace: tenant
    topology: layer2
    policies:
      - name: from-lab
        ingress:
          - from: [{ ipBlock: { cidr: 192.168.0.0/16, except: [192.168.1.0/24] } }]
`;

const objectsOf = (content: string) => parseAllDocuments(content).map((d) => d.toJS());

describe('networks[].policies in a values file', () => {
  const props = valuesToProps(parse(VALUES));
  const output = synthesize(props);
  const byPath = new Map(output.files.map((f) => [f.path, f.content]));

  test('the values reach the props: options of each network, enums as their text', () => {
    expect(props.networks?.[0].policies?.map((p) => p.name)).toEqual(['allow-web', 'deny-egress']);
    expect(props.networks?.[0].policies?.[0].ingress?.[0].ports).toEqual([{ port: 8080 }, { protocol: 'UDP', port: 53 }]);
    expect(props.networks?.[1].policies?.[0].ingress?.[0].from?.[0].ipBlock).toEqual({ cidr: '192.168.0.0/16', except: ['192.168.1.0/24'] });
  });

  test('the policies go to stage 2, in their own file after the networks, and nowhere else', () => {
    const paths = output.files.map((f) => f.path);
    expect(paths.filter((p) => p.startsWith('stage2/'))).toEqual(['stage2/01-networks.k8s.yaml', 'stage2/02-network-policies.k8s.yaml', 'stage2/03-demo.k8s.yaml']);
    const policies = objectsOf(byPath.get('stage2/02-network-policies.k8s.yaml')!);
    expect(policies.map((o) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`))
      .toEqual(['MultiNetworkPolicy/default/allow-web', 'MultiNetworkPolicy/default/deny-egress', 'MultiNetworkPolicy/tenant/from-lab']);
    const elsewhere = output.files.filter((f) => f.path !== 'stage2/02-network-policies.k8s.yaml' && f.content.includes('kind: MultiNetworkPolicy'));
    // the CRD itself is in stage 1
    expect(elsewhere.map((f) => f.path)).toEqual(['01-network-crds.k8s.yaml']);
    expect(objectsOf(byPath.get('01-network-crds.k8s.yaml')!).map((o) => o.metadata.name)).toContain('multi-networkpolicies.k8s.cni.cncf.io');
  });

  test('each names its network in policy-for and validates against the shipped CRD', () => {
    const policies = objectsOf(byPath.get('stage2/02-network-policies.k8s.yaml')!);
    expect(policies.map((o) => o.metadata.annotations['k8s.v1.cni.cncf.io/policy-for'])).toEqual(['default/ovn-stream-veth', 'default/ovn-stream-veth', 'tenant/l2-bare']);
    expect(policies[0].spec).toEqual({
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Ingress'],
      ingress: [{ ports: [{ protocol: 'TCP', port: 8080 }, { protocol: 'UDP', port: 53 }], from: [{ podSelector: { matchLabels: { role: 'client' } }, namespaceSelector: {} }] }],
    });
    expect(policies[1].spec).toEqual({ podSelector: {}, policyTypes: ['Egress'] });
    expect(validateManifests(policies, [POLICY_CRD])).toEqual([]);
  });

  test('no values policies, no file: the default stage 2 keeps its numbering', () => {
    const paths = synthesize(valuesToProps({})).files.map((f) => f.path).filter((p) => p.startsWith('stage2/'));
    expect(paths).toEqual(['stage2/01-networks.k8s.yaml', 'stage2/02-demo.k8s.yaml']);
  });
});

test('an ipBlock on a network without subnets inside Cilium\'s pod range is a synth warning, not a refusal', () => {
  const { warnings, files } = synthesize(valuesToProps(parse(`networks:
  - name: l2-bare
    topology: layer2
    policies: [{ name: p, ingress: [{ from: [{ ipBlock: { cidr: 10.244.0.0/24 } }] }] }]
demo: { enabled: false }
`)));
  expect(warnings.filter((w) => w.startsWith('policy '))).toEqual([
    expect.stringMatching(/^policy default\/p: ingress\[0\]\.from\[0\]\.ipBlock\.cidr 10\.244\.0\.0\/24 lies inside primary pod "[^"]+" 10\.244\.0\.0\/16 \(owner: [^)]+\); those addresses are the cluster's own and never appear on network default\/l2-bare's interface/),
  ]);
  expect(files.map((f) => f.path)).toContain('stage2/02-network-policies.k8s.yaml');
});

describe('networks[].policies: refusals through synth name the values key path', () => {
  const dir = tmpDir('multicni-mnp-');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const refuse = (text: string): string => {
    const file = path.join(dir, 'values.yaml');
    fs.writeFileSync(file, text);
    const r = runMain(['--values', file, '--outdir', path.join(dir, 'dist'), '--kind-config', path.join(dir, 'kind.yaml')]);
    expect(r.code).toBe(1);
    expect(r.errLines).toHaveLength(1);
    return r.errLines[0].slice(file.length + 2);
  };

  test('an except outside its cidr', () => {
    expect(refuse(`networks:
  - name: a
    subnets: [10.245.0.0/16/24]
    policies:
      - name: ok
      - name: bad
        ingress: [{ from: [{ ipBlock: { cidr: 10.245.0.0/16, except: [10.246.0.0/24] } }] }]
`)).toMatch(/^networks\[0\]\.policies\[1\]\.ingress\[0\]\.from\[0\]\.ipBlock\.except\[0\]: invalid value "10\.246\.0\.0\/24": expected a range strictly inside cidr 10\.245\.0\.0\/16 .*; nothing was written/);
  });

  test('a selector peer on a network without subnets', () => {
    expect(refuse(`networks:
  - name: a
    topology: layer2
    policies: [{ name: p, egress: [{ to: [{ podSelector: {} }] }] }]
demo: { enabled: false }
`)).toMatch(/^networks\[0\]\.policies\[0\]\.egress\[0\]\.to\[0\]\.podSelector: invalid value \{\}: expected an ipBlock peer: network default\/a has no subnets .*IPAM-less networks can only have `ipBlock` peers/);
  });

  test('a policy while networkCrds.multiNetworkPolicies is false', () => {
    expect(refuse(`networkCrds: { multiNetworkPolicies: false }
networks:
  - name: a
    subnets: [10.245.0.0/16/24]
    policies: [{ name: p }]
`)).toMatch(/^networks\[0\]\.policies\[0\]: policy default\/p: networkCrds\.multiNetworkPolicies is false, so the App ships no multi-networkpolicies\.k8s\.cni\.cncf\.io CRD/);
  });

  test('a named port, an unknown key, a bad enum: the schema names the key', () => {
    expect(refuse('networks: [{ name: a, subnets: [10.245.0.0/16/24], policies: [{ name: p, ingress: [{ ports: [{ port: http }] }] }] }]\n'))
      .toMatch(/^networks\[0\]\.policies\[0\]\.ingress\[0\]\.ports\[0\]\.port: invalid value "http": expected an integer/);
    expect(refuse('networks: [{ name: a, subnets: [10.245.0.0/16/24], policies: [{ name: p, ingress: [{ ports: [{ port: 80, endPort: 90 }] }] }] }]\n'))
      .toMatch(/^networks\[0\]\.policies\[0\]\.ingress\[0\]\.ports\[0\]\.endPort: unknown key; valid keys here: port, protocol/);
    expect(refuse('networks: [{ name: a, subnets: [10.245.0.0/16/24], policies: [{ name: p, policyTypes: [ingress] }] }]\n'))
      .toMatch(/^networks\[0\]\.policies\[0\]\.policyTypes\[0\]: invalid value "ingress": expected one of Ingress, Egress/);
  });
});
