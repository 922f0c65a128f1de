import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { CONFIG_KEYS, CONFIG_MAP, DAEMONSET_VERSION, subnetConfigKey } from './names';
import { OvnSettings } from './settings';

/** A literal env var. */
export function literal(name: string, value: string | number | boolean): k8s.EnvVar {
  return { name, value: String(value) };
}

/** An env var read from `ovn-config`. */
export function fromConfig(name: string, key: string): k8s.EnvVar {
  return { name, valueFrom: { configMapKeyRef: { name: CONFIG_MAP, key } } };
}

/** An env var from the pod's own fields (downward API). */
function fromField(name: string, fieldPath: string): k8s.EnvVar {
  return { name, valueFrom: { fieldRef: { fieldPath } } };
}

/**
 * The `ovnkube.sh` targets that start the ovnkube binary. Each turns the env vars below into flags
 * (verified in dist/images/ovnkube.sh of the seed's branch); e.g. `OVN_SECONDARY_CNI_ENABLE=true` becomes
 * `--secondary-cni` and `OVN_MULTI_NETWORK_ENABLE=true` becomes `--enable-multi-network
 * --enable-multi-networkpolicy` in all four.
 */
export enum OvnkubeTarget {
  /** Central mode, Deployment `ovnkube-master`. */
  MASTER = 'ovn-master',
  /** Central mode, DaemonSet `ovnkube-node`. */
  NODE = 'ovn-node',
  /** Interconnect mode, DaemonSet `ovnkube-node`: controller and node in one process, per zone. */
  CONTROLLER_WITH_NODE = 'ovnkube-controller-with-node',
  /** Interconnect mode, Deployment `ovnkube-control-plane`. */
  CLUSTER_MANAGER = 'ovn-cluster-manager',
}

/** Builds the env of every container from the settings, in a fixed order. */
export class OvnEnv {
  constructor(private readonly settings: OvnSettings) {}

  /**
   * What every `ovnkube.sh` target needs: the version check, the api server (for kubectl and ovnkube),
   * the namespace, and the node (`get_node_zone` looks the zone label up by `K8S_NODE`; the central
   * databases advertise `K8S_NODE_IP`). Interconnect pods also use the node-local databases.
   */
  public base(): k8s.EnvVar[] {
    return [
      literal('OVN_DAEMONSET_VERSION', DAEMONSET_VERSION),
      fromConfig('K8S_APISERVER', CONFIG_KEYS.apiServer),
      fromField('OVN_KUBERNETES_NAMESPACE', 'metadata.namespace'),
      fromField('K8S_NODE', 'spec.nodeName'),
      fromField('K8S_NODE_IP', 'status.hostIP'),
    ];
  }

  /** Interconnect: every daemon of the node pod talks to its own databases over unix sockets. */
  public localDatabases(): k8s.EnvVar[] {
    return this.settings.interconnect ? [literal('OVN_NORTH', 'local'), literal('OVN_SOUTH', 'local')] : [];
  }

  /** Env of a container that runs ovnkube itself. */
  public ovnkube(target: OvnkubeTarget): k8s.EnvVar[] {
    const settings = this.settings;
    const env: k8s.EnvVar[] = [
      ...this.base(),
      fromConfig('OVN_NET_CIDR', CONFIG_KEYS.netCidr),
      fromConfig('OVN_SVC_CIDR', CONFIG_KEYS.svcCidr),
      fromConfig('OVN_HOST_NETWORK_NAMESPACE', CONFIG_KEYS.hostNetworkNamespace),
      literal('OVN_GATEWAY_MODE', 'shared'),
      literal('OVN_ENCAP_PORT', settings.encapPort),
    ];
    for (const family of settings.subnets) {
      const tag = family.tag.toUpperCase();
      env.push(fromConfig(`OVN_${tag}_JOIN_SUBNET`, subnetConfigKey(family.tag, 'join')));
      env.push(fromConfig(`OVN_${tag}_MASQUERADE_SUBNET`, subnetConfigKey(family.tag, 'masquerade')));
    }
    if (target === OvnkubeTarget.NODE || target === OvnkubeTarget.CONTROLLER_WITH_NODE) {
      env.push(fromConfig('OVN_MTU', CONFIG_KEYS.mtu));
    }
    if (target === OvnkubeTarget.CLUSTER_MANAGER) {
      for (const family of settings.subnets) {
        const tag = family.tag.toUpperCase();
        // The seed's branch reads OVN_V4_TRANSIT_SWITCH_SUBNET; release-1.2+ and master read
        // OVN_V4_TRANSIT_SUBNET. Both, so the manifests work with either image.
        env.push(fromConfig(`OVN_${tag}_TRANSIT_SWITCH_SUBNET`, subnetConfigKey(family.tag, 'transit_switch')));
        env.push(fromConfig(`OVN_${tag}_TRANSIT_SUBNET`, subnetConfigKey(family.tag, 'transit_switch')));
      }
    }
    env.push(
      literal('OVN_ENABLE_INTERCONNECT', settings.interconnect),
      literal('OVN_MULTI_NETWORK_ENABLE', true),
      literal('OVN_SECONDARY_CNI_ENABLE', settings.secondaryCni),
      // ovnkube.sh defaults this to true; the seed runs without the ovnkube-identity webhook.
      literal('OVN_ENABLE_OVNKUBE_IDENTITY', false),
      // Features that need k8s.ovn.org CRDs stay off (the seed's settings); EgressQoS only on request.
      literal('OVN_EGRESSIP_ENABLE', false),
      literal('OVN_EGRESSSERVICE_ENABLE', false),
      literal('OVN_EGRESSFIREWALL_ENABLE', false),
      literal('OVN_ENABLE_MULTI_EXTERNAL_GATEWAY', false),
      literal('OVN_EGRESSQOS_ENABLE', settings.egressQos),
    );
    if (target === OvnkubeTarget.MASTER || target === OvnkubeTarget.CLUSTER_MANAGER) {
      // Only these two targets pass --enable-persistent-ips (ovnkube.sh of the seed's branch).
      env.push(literal('OVN_ENABLE_PERSISTENT_IPS', settings.persistentIps));
    }
    return [...env, ...(target === OvnkubeTarget.CONTROLLER_WITH_NODE ? this.localDatabases() : [])];
  }
}
