import { IConstruct } from 'constructs';
import { ChartAddressPlan } from './chart-address-plan';
import { ADDRESS_CONFIG_KIND } from './members';

/**
 * Nodes a cluster is assumed to have when nothing states it: the seed's kind cluster (one control plane,
 * two workers). DeceptiveNetworkConfig's `nodeCount` defaults to it as well.
 */
export const DEFAULT_NODE_COUNT = 3;

/**
 * The node count of the cluster (the App) that contains `scope`: the `nodeCount` of its
 * DeceptiveNetworkConfig, else `DEFAULT_NODE_COUNT`. Read when called: a DeceptiveNetworkConfig added later
 * is not seen, so every reader waits for the check (a `_beforeCheck` step or a `Lazy` value), when every
 * construct exists: what it decides does not depend on the order the constructs were created in.
 */
export function clusterNodeCount(scope: IConstruct): number {
  const config = ChartAddressPlan._membersOf(scope, ADDRESS_CONFIG_KIND)[0];
  return config?.nodeCount ?? DEFAULT_NODE_COUNT;
}
