import { MemberKind } from '../common/member-kind';
import { ApiObject } from 'cdk8s';
import { labelManaged } from '../common/object-labels';
import { Construct } from 'constructs';
import { NetworkAttachmentDefinition } from '../../imports/nad-k8s.cni.cncf.io';
import { Cidr, ClusterSubnet, IpFamily, RangeRole } from '../addressing';
import { OVN_CNI_PLUGIN_TYPE } from '../common/cni-facts';
import { checkMtu } from '../common/mtu';
import { TUNNEL_MTU_KIND } from '../common/tunnel-mtu';
import { ChartAddressPlan, clusterNodeCount, ensureNamespace } from '../plan';
import { isDnsLabel, isDnsSubdomain } from '../util/k8s-names';
import { atField, invalidValue, parseField } from '../common/field-error';
import { OvnNetworkProps } from './ovn-network-props';
import { NetworkRole, OvnTopology } from './ovn-topology';


/** The App's networks: checked against each other at synth (one networkName, one configuration). */
const NETWORK_KIND = new MemberKind<OvnNetwork>('OvnNetwork');

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
  /** The NAD's name. */
  public readonly name: string;
  /** The NAD's namespace. */
  public readonly namespace: string;
  /** `<namespace>/<name>`, the config's `netAttachDefName`. */
  public readonly qualifiedName: string;
  /**
   * The ranges pods get addresses from, one per family (a layer3 network's cluster ranges without their
   * host prefix); none on a layer2 or localnet network without IP management.
   */
  public readonly subnets: Cidr[];
  /** The topology. */
  public readonly topology: OvnTopology;
  /** The CNI config JSON, exactly as rendered into `spec.config`. */
  public readonly configJson: string;
  /** Whether the network is a primary (user-defined) network of its namespace. */
  public readonly primary: boolean;

  constructor(scope: Construct, id: string, props: OvnNetworkProps) {
    super(scope, id);
    const namespace = props.namespace ?? 'default';
    this.topology = props.topology ?? OvnTopology.LAYER3;
    this.name = props.name;
    this.namespace = namespace;
    this.qualifiedName = `${namespace}/${props.name}`;
    const role = props.role ?? NetworkRole.SECONDARY;
    // Errors name the network, then the prop: `network default/x: vlanId: invalid value …`.
    const { networkName, subnets, mtu } = atField(`network ${this.qualifiedName}`, () => {
      const checkedName = checkNames(props, namespace);
      const parsed = parseSubnets(props, this.topology);
      checkTopologyOptions(props, this.topology, role, parsed.cidrs);
      const checkedMtu = checkMtu('mtu', props.mtu ?? 1300, parsed.families.includes(IpFamily.IPV6));
      if (props.nodeCount !== undefined && (!Number.isInteger(props.nodeCount) || props.nodeCount < 1)) {
        throw invalidValue('nodeCount', props.nodeCount, 'a whole number of nodes, at least 1');
      }
      return { networkName: checkedName, subnets: parsed, mtu: checkedMtu };
    });
    this.networkName = networkName;
    this.subnets = [...subnets.cidrs];

    this.configJson = JSON.stringify(cniConfig(this, props, subnets, mtu, role));
    this.primary = role === NetworkRole.PRIMARY;
    // The namespace must exist before the NAD (a custom one is rendered once per App).
    const namespaceObject = ensureNamespace(this, namespace);
    this.nad = new NetworkAttachmentDefinition(this, 'Resource', {
      metadata: { name: props.name, namespace },
      spec: { config: this.configJson },
    });
    if (namespaceObject) this.nad.addDependency(namespaceObject);
    ChartAddressPlan._join(this, NETWORK_KIND, this, networkConsistency);
    // Layer3 and layer2 traffic between nodes rides OVN's Geneve tunnel (localnet goes out on a node NIC): common/tunnel-mtu.
    if (this.topology !== OvnTopology.LOCALNET) ChartAddressPlan._join(this, TUNNEL_MTU_KIND, { field: `network ${this.qualifiedName}: mtu`, mtu, node: this.node });
    this.registerSubnets(subnets, props.nodeCount);
    if (this.topology === OvnTopology.LOCALNET) {
      // ovn-controller connects a localnet port only where the node's Open vSwitch maps the physical network
      // to a bridge (external_ids:ovn-bridge-mappings); nothing in the output sets it.
      const physical = props.physicalNetworkName ?? networkName;
      ChartAddressPlan.warn(this, `network ${this.qualifiedName}: localnet needs "${physical}" in ovn-bridge-mappings on every node its pods run on (ovs-vsctl set Open_vSwitch . external_ids:ovn-bridge-mappings=${physical}:<bridge>); this output does not set it, and pods there get no connectivity without it`);
    }
    labelManaged(this); // app.kubernetes.io/managed-by on every object (src/common/object-labels)
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
function checkNames(props: OvnNetworkProps, namespace: string): string {
  if (!isDnsSubdomain(props.name)) {
    throw invalidValue('name', props.name, 'a lowercase DNS subdomain (a-z, 0-9, "-", "."), at most 253 characters');
  }
  if (!isDnsLabel(namespace)) {
    throw invalidValue('namespace', namespace, 'a lowercase DNS label (a-z, 0-9, "-"), at most 63 characters');
  }
  // The network name is `name` unless networkName is given: blame the prop that set it.
  const networkName = props.networkName ?? props.name;
  if (RESERVED_NETWORK_NAMES.includes(networkName) || !OVN_NAME.test(networkName)) {
    throw invalidValue(props.networkName === undefined ? 'name' : 'networkName', networkName,
      `a network name of letters, digits, ".", "_" or "-", other than ${RESERVED_NETWORK_NAMES.map((n) => `"${n}"`).join(' and ')} (OVN-Kubernetes' own network)`);
  }
  return networkName;
}

/** `subnets` (`cidr/hostPrefix` on layer3, plain CIDRs otherwise) and `excludeSubnets`, at most one range per family. */
function parseSubnets(props: OvnNetworkProps, topology: OvnTopology): ParsedSubnets {
  const layer3 = topology === OvnTopology.LAYER3;
  const texts = props.subnets ?? [];
  const clusterSubnets = layer3 ? texts.map((t, i) => parseField(`subnets[${i}]`, t, ClusterSubnet.parse)) : [];
  const cidrs = layer3 ? clusterSubnets.map((s) => s.cidr) : texts.map((t, i) => parseField(`subnets[${i}]`, t, Cidr.parse));
  const excludeTexts = props.excludeSubnets ?? [];
  const excludes = excludeTexts.map((t, i) => parseField(`excludeSubnets[${i}]`, t, Cidr.parse));

  if (layer3 && cidrs.length === 0) {
    throw invalidValue('subnets', texts, 'at least one subnet in "cidr/hostPrefix" form on a layer3 network, such as ["10.245.0.0/16/24"]');
  }
  const families = Cidr.familiesOf(cidrs);
  if (cidrs.length > 2 || families.length !== cidrs.length) {
    throw invalidValue('subnets', texts, 'at most one IPv4 and one IPv6 range');
  }
  excludes.forEach((excluded, i) => {
    if (!cidrs.some((s) => s.contains(excluded))) {
      throw invalidValue(`excludeSubnets[${i}]`, excludeTexts[i], `a range inside one of the subnets (${cidrs.join(', ') || 'none'})`);
    }
  });
  return { texts, clusterSubnets, cidrs, excludes, families };
}

/** The options only some topologies (or only networks with subnets) allow, as OVN-Kubernetes checks them. */
function checkTopologyOptions(props: OvnNetworkProps, topology: OvnTopology, role: NetworkRole, cidrs: Cidr[]): void {
  const layer3 = topology === OvnTopology.LAYER3;
  const localnet = topology === OvnTopology.LOCALNET;
  if (role === NetworkRole.PRIMARY && localnet) {
    throw invalidValue('role', role.name, '"secondary" on a localnet network: localnet networks are secondary only');
  }
  if (role === NetworkRole.PRIMARY && cidrs.length === 0) {
    throw invalidValue('role', role.name, '"secondary" on a network without subnets: the pods of a primary network get their only addresses from its subnets');
  }
  if (props.allowPersistentIps && layer3) {
    throw invalidValue('allowPersistentIps', props.allowPersistentIps,
      'false on layer3 (OVN-Kubernetes: "layer3 topology does not allow persistent IPs"), or topology layer2 or localnet');
  }
  if (props.allowPersistentIps && cidrs.length === 0) {
    throw invalidValue('allowPersistentIps', props.allowPersistentIps, 'false on a network without subnets: without IP management there are no addresses to keep');
  }
  if (props.vlanId !== undefined && !localnet) {
    throw invalidValue('vlanId', props.vlanId, `no vlanId on a ${topology.name} network: only localnet networks are VLAN-tagged`);
  }
  if (props.vlanId !== undefined && (!Number.isInteger(props.vlanId) || props.vlanId < 1 || props.vlanId > 4094)) {
    throw invalidValue('vlanId', props.vlanId, 'a whole number from 1 to 4094');
  }
  if (props.physicalNetworkName !== undefined && !localnet) {
    throw invalidValue('physicalNetworkName', props.physicalNetworkName, `no physicalNetworkName on a ${topology.name} network: only localnet networks bridge to a physical network`);
  }
  if (props.physicalNetworkName !== undefined && !OVN_NAME.test(props.physicalNetworkName)) {
    throw invalidValue('physicalNetworkName', props.physicalNetworkName, 'letters, digits, ".", "_" or "-", starting with a letter or digit');
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
