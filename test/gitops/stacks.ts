// Stacks the GitOps tests render: the default one and a feature-rich one with every stage and optional/.
import * as fs from 'fs';
import * as path from 'path';
import { GitopsEngine, GitopsOptions } from '../../src';
import { synthesize } from '../../src/app/synthesize';
import { valuesToSynthValues } from '../../src/app/values';
import { yaml } from '../../src/util/yaml';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

/** Every stage (Gateway API's GatewayClass in stage 2, Cilium resources in stage 3) and optional/ (ServiceMonitors). */
export function richValues(): any {
  const resources = yaml.parse(fs.readFileSync(path.join(EXAMPLES, 'values-cilium-resources.yaml'), 'utf8'));
  return {
    ...resources,
    cilium: { ...resources.cilium, gatewayApi: true, prometheus: true, serviceMonitors: true, hubble: { relay: true, metrics: ['dns', 'drop'] } },
    networks: [
      { name: 'ovn-stream-veth', subnets: ['10.245.0.0/16/24'], policies: [{ name: 'deny-all', ingress: [] }] },
    ],
  };
}

export const STACKS: Array<[string, () => any]> = [
  ['the default stack', () => ({})],
  ['a feature-rich stack (stages 1-3, optional/)', richValues],
];

export const ARGOCD: GitopsOptions = { engine: GitopsEngine.ARGOCD, repoUrl: 'https://git.example.com/fleet/cluster-a.git' };
export const FLUX: GitopsOptions = { engine: GitopsEngine.FLUX, repoUrl: 'https://git.example.com/fleet/cluster-a.git' };

/** The files synth renders for the values, with the GitOps options given. */
export function render(values: any, gitops?: GitopsOptions) {
  return synthesize(valuesToSynthValues(values).props, gitops).files;
}
