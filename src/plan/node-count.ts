import { IConstruct } from 'constructs';
import { ChartAddressPlan } from './chart-address-plan';

/**
 * Nodes a cluster is assumed to have when nothing states it: the seed's kind cluster (one control plane,
 * two workers). DeceptiveNetworkConfig's `nodeCount` defaults to it as well.
 */
export const DEFAULT_NODE_COUNT = 3;

/** The `ChartAddressPlan._join` kind DeceptiveNetworkConfig joins as, and `clusterNodeCount` reads. */
export const ADDRESS_CONFIG_KIND = 'DeceptiveNetworkConfig';

/**
 * The node count of the cluster (the App) that contains `scope`: the `nodeCount` of its
 * DeceptiveNetworkConfig, else `DEFAULT_NODE_COUNT`. Read when called: a DeceptiveNetworkConfig added later
 * is not seen, so a construct that can wait reads it in a `_beforeCheck` step.
 */
export function clusterNodeCount(scope: IConstruct): number {
  const config = ChartAddressPlan._membersOf<{ nodeCount: number }>(scope, ADDRESS_CONFIG_KIND)[0];
  return config?.nodeCount ?? DEFAULT_NODE_COUNT;
}
