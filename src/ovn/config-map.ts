import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { CONFIG_KEYS, CONFIG_MAP, OVN_NAMESPACE, subnetConfigKey } from './names';
import { OvnSettings } from './settings';

/**
 * ConfigMap `ovn-config`: the settings every OVN-Kubernetes container reads through env vars.
 * `net_cidr` is the decoy (so OVN-Kubernetes never claims the primary CNI's pod addresses), `svc_cidr` the
 * cluster's real Service range. The join/masquerade (and, in interconnect mode, transit) subnets are kept
 * here as well, under keys of our own, so that every range OVN-Kubernetes uses can be read from one object.
 */
export function ovnConfigMap(scope: Construct, id: string, s: OvnSettings): ApiObject {
  const data: Record<string, string> = {
    [CONFIG_KEYS.netCidr]: s.netCidr,
    [CONFIG_KEYS.svcCidr]: s.svcCidr,
    [CONFIG_KEYS.apiServer]: s.apiServer.url,
    [CONFIG_KEYS.mtu]: String(s.mtu),
    [CONFIG_KEYS.hostNetworkNamespace]: s.hostNetworkNamespace,
  };
  for (const f of s.subnets) {
    data[subnetConfigKey(f.tag, 'join')] = f.join;
    data[subnetConfigKey(f.tag, 'masquerade')] = f.masquerade;
    if (s.interconnect) data[subnetConfigKey(f.tag, 'transit_switch')] = f.transit;
  }
  return new k8s.KubeConfigMap(scope, id, { metadata: { name: CONFIG_MAP, namespace: OVN_NAMESPACE }, data });
}
