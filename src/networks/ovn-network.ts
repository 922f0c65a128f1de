import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { NetworkAttachmentDefinition } from '../../imports/nad-k8s.cni.cncf.io';
import { Cidr, ClusterSubnet, IpFamily, RangeRole } from '../addressing';
import { OVN_CNI_PLUGIN_TYPE } from '../common/cni-facts';
import { checkMtu } from '../common/mtu';
import { ChartAddressPlan, clusterNodeCount, ensureNamespace } from '../plan';
import { isDnsLabel, isDnsSubdomain } from '../util/k8s-names';
import { parseField } from '../common/field-error';
import { OvnNetworkProps } from './ovn-network-props';
import { NetworkRole, OvnTopology } from './ovn-topology';


/**
 * OVN-Kubernetes' NAD controller (go-controller/pkg/networkmanager/nad_controller.go, `syncNAD`) refuses a
 * NAD whose CNI config differs from another NAD of the same network name ("CNI config does not match that
 * of network"), and a second primary NAD in a namespace. A NAD (namespace/name) is one object.
 */
function networkConsistency(networks: OvnNetwork[]): string[] {
  const problems: string[] = [];
  const byQualified = new Map<string, OvnNetwork>();
  const byNetwork = new Map<string, OvnNetwork>();
  const primaryOf = new Map<string, OvnNetwork>();
  const comparable = (n: OvnNetwork) => {
    const { netAttachDefName: _, ...rest } = JSON.parse(n.configJson);
    return JSON.stringify(rest);
  };
  for (const n of networks) {
    const same = byQualified.get(n.qualifiedName);
    if (same) {
      problems.push(`network ${n.qualifiedName}: defined twice (${same.node.path}, ${n.node.path}); a NetworkAttachmentDefinition is one object per namespace and name`);
      continue;
    }
    byQualified.set(n.qualifiedName, n);
    const first = byNetwork.get(n.networkName);
    if (first && comparable(first) !== comparable(n)) {
      problems.push(`network ${n.qualifiedName}: networkName "${n.networkName}" is also used by ${first.qualifiedName} with a different config (${comparable(first)} vs ${comparable(n)}); OVN-Kubernetes refuses a NAD whose config does not match that of its network; give both the same subnets, topology, mtu and role, or another networkName`);
    } else if (!first) {
      byNetwork.set(n.networkName, n);
    }
    if (n.primary) {
      const namespace = n.qualifiedName.split('/')[0];
      const other = primaryOf.get(namespace);
      if (other) problems.push(`network ${n.qualifiedName}: namespace ${namespace} already has the primary network ${other.qualifiedName}; OVN-Kubernetes allows one primary NAD per namespace`);
      else primaryOf.set(namespace, n);
    }
  }
  return problems;
}

// Names OVN-Kubernetes reserves for its own default network.
const RESERVED_NETWORK_NAMES = ['default', 'ovn-kubernetes'];
/** The characters allowed in a network name and in a physical network name (one rule for both). */
const OVN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * An OVN-Kubernetes secondary network (layer3, layer2 or localnet) as a NetworkAttachmentDefinition of
 * type `ovn-k8s-cni-overlay`. Registers its subnets in the chart's AddressPlan — localnet too, which
 * OVN-Kubernetes itself does not check against its internal subnets.
 */
export class OvnNetwork extends Construct {
  /**
   * The NetworkAttachmentDefinition. Typed as its base class ApiObject because the generated class in
   * `imports/` is not part of this package's exported (jsii) API.
   */
  public readonly nad: ApiObject;
  /** The cluster-wide network name. */
  public readonly networkName: string;
  /** `<namespace>/<name>`, the config's `netAttachDefName`. */
  public readonly qualifiedName: string;
  /** The topology. */
  public readonly topology: OvnTopology;
  /** The CNI config JSON, exactly as rendered into `spec.config`. */
  public readonly configJson: string;
  /** Whether the network is a primary (user-defined) network of its namespace. */
  public readonly primary: boolean;

  constructor(scope: Construct, id: string, props: OvnNetworkProps) {
    super(scope, id);
    const namespace = props.namespace ?? 'default';
    const field = `network ${namespace}/${props.name}`;
    this.networkName = checkNames(field, props, namespace);
    this.topology = props.topology ?? OvnTopology.LAYER3;
    this.qualifiedName = `${namespace}/${props.name}`;
    const role = props.role ?? NetworkRole.SECONDARY;
    const subnets = parseSubnets(field, props, this.topology);
    checkTopologyOptions(field, props, this.topology, role, subnets.cidrs);
    const mtu = checkMtu(`${field}: mtu`, props.mtu ?? 1300, subnets.families.includes(IpFamily.IPV6));
    if (props.nodeCount !== undefined && (!Number.isInteger(props.nodeCount) || props.nodeCount < 1)) {
      throw new Error(`${field}: nodeCount ${JSON.stringify(props.nodeCount)} must be an integer >= 1`);
    }

    this.configJson = JSON.stringify(cniConfig(this, props, subnets, mtu, role));
    this.primary = role === NetworkRole.PRIMARY;
    // The namespace must exist before the NAD (a custom one is rendered once per App).
    const namespaceObject = ensureNamespace(this, namespace);
    this.nad = new NetworkAttachmentDefinition(this, 'Resource', {
      metadata: { name: props.name, namespace },
      spec: { config: this.configJson },
    });
    if (namespaceObject) this.nad.addDependency(namespaceObject);
    ChartAddressPlan._join(this, 'OvnNetwork', this, networkConsistency);
    this.registerSubnets(subnets, props.nodeCount);
  }

  /** Registers the subnets in the chart's AddressPlan; a layer3 network's per-node split needs the node count. */
  private registerSubnets(subnets: ParsedSubnets, nodeCount: number | undefined): void {
    const plan = ChartAddressPlan.of(this);
    if (this.topology !== OvnTopology.LAYER3) {
      subnets.cidrs.forEach((cidr) => plan.register({ name: this.networkName, role: RangeRole.SECONDARY_NETWORK, owner: this.node.path, cidr }));
      return;
    }
    const register = (count: number | undefined) => plan.registerClusterSubnets({ name: this.networkName, role: RangeRole.SECONDARY_NETWORK, owner: this.node.path, subnets: subnets.clusterSubnets, nodeCount: count });
    register(nodeCount);
    if (nodeCount === undefined) {
      // Every node needs a subnet of a layer3 network: the cluster's node count applies, read once every construct exists.
      ChartAddressPlan._beforeCheck(this, () => register(clusterNodeCount(this)));
    }
  }
}

/** The subnets of a network as given and as parsed. */
interface ParsedSubnets {
  /** As given. */
  readonly texts: string[];
  /** Layer3 only: `cidr/hostPrefix` each. */
  readonly clusterSubnets: ClusterSubnet[];
  /** The ranges. */
  readonly cidrs: Cidr[];
  readonly excludes: Cidr[];
  readonly families: IpFamily[];
}

/** Name, namespace and network name; returns the network name. */
function checkNames(field: string, props: OvnNetworkProps, namespace: string): string {
  if (!isDnsSubdomain(props.name)) {
    throw new Error(`${field}: name ${JSON.stringify(props.name)} must be a lowercase DNS subdomain (a-z, 0-9, "-", "."), at most 253 characters`);
  }
  if (!isDnsLabel(namespace)) {
    throw new Error(`${field}: namespace ${JSON.stringify(namespace)} must be a lowercase DNS label (a-z, 0-9, "-"), at most 63 characters`);
  }
  const networkName = props.networkName ?? props.name;
  if (RESERVED_NETWORK_NAMES.includes(networkName) || !OVN_NAME.test(networkName)) {
    throw new Error(`${field}: network name ${JSON.stringify(networkName)} is reserved or invalid; use letters, digits, ".", "_" or "-", and not ${RESERVED_NETWORK_NAMES.join(' or ')}`);
  }
  return networkName;
}

/** `subnets` (`cidr/hostPrefix` on layer3, plain CIDRs otherwise) and `excludeSubnets`, at most one range per family. */
function parseSubnets(field: string, props: OvnNetworkProps, topology: OvnTopology): ParsedSubnets {
  const layer3 = topology === OvnTopology.LAYER3;
  const texts = props.subnets ?? [];
  const clusterSubnets = layer3 ? texts.map((t, i) => parseField(`${field}: subnets[${i}]`, t, ClusterSubnet.parse)) : [];
  const cidrs = layer3 ? clusterSubnets.map((s) => s.cidr) : texts.map((t, i) => parseField(`${field}: subnets[${i}]`, t, Cidr.parse));
  const excludes = (props.excludeSubnets ?? []).map((t, i) => parseField(`${field}: excludeSubnets[${i}]`, t, Cidr.parse));

  if (layer3 && cidrs.length === 0) {
    throw new Error(`${field}: a layer3 network needs at least one subnet in "cidr/hostPrefix" form, e.g. 10.245.0.0/16/24`);
  }
  const families = Cidr.familiesOf(cidrs);
  if (cidrs.length > 2 || families.length !== cidrs.length) {
    throw new Error(`${field}: subnets ${JSON.stringify(texts)} must hold at most one IPv4 and one IPv6 range`);
  }
  for (const excluded of excludes) {
    if (!cidrs.some((s) => s.contains(excluded))) {
      throw new Error(`${field}: excludeSubnets entry ${excluded} is not inside any subnet (${cidrs.join(', ') || 'none'})`);
    }
  }
  return { texts, clusterSubnets, cidrs, excludes, families };
}

/** The options only some topologies (or only networks with subnets) allow, as OVN-Kubernetes checks them. */
function checkTopologyOptions(field: string, props: OvnNetworkProps, topology: OvnTopology, role: NetworkRole, cidrs: Cidr[]): void {
  const layer3 = topology === OvnTopology.LAYER3;
  const localnet = topology === OvnTopology.LOCALNET;
  if (role === NetworkRole.PRIMARY && localnet) {
    throw new Error(`${field}: role primary is not allowed for localnet; localnet networks are secondary only`);
  }
  if (role === NetworkRole.PRIMARY && cidrs.length === 0) {
    throw new Error(`${field}: role primary needs subnets, the pods' only addresses come from them`);
  }
  if (props.allowPersistentIps && layer3) {
    throw new Error(`${field}: allowPersistentIps is not allowed on layer3 (OVN-Kubernetes: "layer3 topology does not allow persistent IPs"); use layer2 or localnet`);
  }
  if (props.allowPersistentIps && cidrs.length === 0) {
    throw new Error(`${field}: allowPersistentIps needs subnets: there are no addresses to keep without IP management`);
  }
  if (props.vlanId !== undefined && (!localnet || !Number.isInteger(props.vlanId) || props.vlanId < 1 || props.vlanId > 4094)) {
    throw new Error(localnet
      ? `${field}: vlanId ${JSON.stringify(props.vlanId)} must be an integer from 1 to 4094`
      : `${field}: vlanId is only valid on localnet networks, not ${topology.name}`);
  }
  if (props.physicalNetworkName !== undefined && !localnet) {
    throw new Error(`${field}: physicalNetworkName is only valid on localnet networks, not ${topology.name}`);
  }
  if (props.physicalNetworkName !== undefined && !OVN_NAME.test(props.physicalNetworkName)) {
    throw new Error(`${field}: physicalNetworkName ${JSON.stringify(props.physicalNetworkName)} must be letters, digits, ".", "_" or "-"`);
  }
}

/** The CNI config of `spec.config`; key order is fixed so the rendered JSON is byte-identical run after run. */
function cniConfig(network: OvnNetwork, props: OvnNetworkProps, subnets: ParsedSubnets, mtu: number, role: NetworkRole): Record<string, unknown> {
  const layer3 = network.topology === OvnTopology.LAYER3;
  return {
    cniVersion: '0.3.1',
    name: network.networkName,
    type: OVN_CNI_PLUGIN_TYPE,
    topology: network.topology.name,
    netAttachDefName: network.qualifiedName,
    ...(subnets.texts.length > 0 ? { subnets: (layer3 ? subnets.clusterSubnets.map(String) : subnets.cidrs.map(String)).join(',') } : {}),
    ...(subnets.excludes.length > 0 ? { excludeSubnets: subnets.excludes.map(String).join(',') } : {}),
    mtu,
    ...(props.role ? { role: role.name } : {}),
    ...(props.allowPersistentIps ? { allowPersistentIPs: true } : {}),
    ...(props.vlanId !== undefined ? { vlanID: props.vlanId } : {}),
    ...(props.physicalNetworkName !== undefined ? { physicalNetworkName: props.physicalNetworkName } : {}),
  };
}
