import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { agentDefaultKeys, cniKeys, hubbleKeys, ipamKeys, proxyKeys } from './config-features';
import { generalKeys, loadBalancingKeys, routingKeys } from './config-datapath';
import { featureConfigKeys } from './config-feature-keys';
import { ConfigKeys } from './config-keys';
import { metricsKeys } from './metrics';
import { CONFIG_MAP, NAMESPACE } from './names';
import { CiliumSettings } from './settings';
import { CONFIG_CHANGES } from './version-changes';

/** The ConfigMap `cilium-config` the agent and the operator read. */
export function addConfigMap(scope: Construct, settings: CiliumSettings): k8s.KubeConfigMap {
  return new k8s.KubeConfigMap(scope, 'ConfigMap', {
    metadata: { name: CONFIG_MAP, namespace: NAMESPACE },
    data: ciliumConfigData(settings),
  });
}

/**
 * The data of `cilium-config`: every key the chart of the chosen release renders for these settings,
 * with the chart's values. The keys are the 1.16 chart's, in its order (config-datapath.ts,
 * config-features.ts); later lines apply their changes (version-changes.ts) on top. Values are strings,
 * as the agent reads them.
 */
function ciliumConfigData(settings: CiliumSettings): Record<string, string> {
  const keys = new ConfigKeys();
  generalKeys(keys, settings);
  routingKeys(keys, settings);
  loadBalancingKeys(keys, settings);
  cniKeys(keys, settings);
  hubbleKeys(keys, settings);
  metricsKeys(keys, settings);
  ipamKeys(keys, settings);
  agentDefaultKeys(keys);
  proxyKeys(keys);
  const data = keys.toData();
  for (const change of CONFIG_CHANGES.filter((c) => settings.version.atLeast(c.since))) {
    for (const key of change.remove ?? []) delete data[key];
    Object.assign(data, change.set ?? {});
  }
  return Object.assign(data, featureConfigKeys(settings));
}
