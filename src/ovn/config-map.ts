import { ApiObject, Lazy } from 'cdk8s';
import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { ChartAddressPlan } from '../plan';
import { CONFIG_KEYS, CONFIG_MAP, OVN_NAMESPACE, subnetConfigKey } from './names';
import { OvnSettings } from './settings';

/**
 * ConfigMap `ovn-config`: the settings every OVN-Kubernetes container reads through env vars.
 * `net_cidr` is the decoy (so OVN-Kubernetes never claims the primary CNI's pod addresses), `svc_cidr` the
 * cluster's real Service range. The join/masquerade (and, in interconnect mode, transit) subnets are kept
 * here as well, under keys of our own, so that every range OVN-Kubernetes uses can be read from one object.
 */
export function addOvnConfigMap(scope: Construct, settings: OvnSettings): ApiObject {
  const data: Record<string, string> = {
    // Read at synth, after the App's pending steps: an automatic decoy is chosen only when every range of the cluster is known.
    [CONFIG_KEYS.netCidr]: Lazy.any({ produce: () => {
      ChartAddressPlan._settle(scope);
      return settings.network.netCidr;
    } }) as unknown as string,
    [CONFIG_KEYS.svcCidr]: settings.svcCidr,
    [CONFIG_KEYS.apiServer]: settings.apiServer.url,
    [CONFIG_KEYS.mtu]: String(settings.mtu),
    [CONFIG_KEYS.hostNetworkNamespace]: settings.hostNetworkNamespace,
  };
  for (const family of settings.subnets) {
    data[subnetConfigKey(family.tag, 'join')] = family.join;
    data[subnetConfigKey(family.tag, 'masquerade')] = family.masquerade;
    if (settings.interconnect) data[subnetConfigKey(family.tag, 'transit_switch')] = family.transit;
  }
  return new k8s.KubeConfigMap(scope, 'ConfigMap', { metadata: { name: CONFIG_MAP, namespace: OVN_NAMESPACE }, data });
}
