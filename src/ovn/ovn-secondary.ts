import { Construct } from 'constructs';
import { labelManaged } from '../common/object-labels';
import { TUNNEL_MTU_KIND } from '../common/tunnel-mtu';
import { HOST_PORT_KIND, hostPortConflicts } from '../common/host-ports';
import { TUNNEL_PORT_KIND, tunnelPortConflicts } from '../common/tunnel-ports';
import { AddressPlanRecord, ChartAddressPlan } from '../plan';
import { ApiServerAddress } from './api-server-address';
import { addCentralControlPlane } from './central';
import { addOvnConfigMap } from './config-map';
import { addEgressQosCrd } from './egress-qos-crd';
import { OVN_IMAGES } from './images';
import { addInterconnectControlPlane } from './interconnect';
import { CNI_CONF_FILE, CNI_PLUGIN_TYPE, OVN_NAMESPACE, ZONE_NAME_LABEL } from './names';
import { ovnHostPorts } from './host-ports';
import { addOvnNamespaces } from './namespaces';
import { addOvnkubeNode } from './ovnkube-node';
import { OvnDeploymentMode, OvnSecondaryProps } from './ovn-secondary-props';
import { addOvsNode } from './ovs-node';
import { addOvnRbac } from './rbac';
import { resolveSettings } from './settings';

/**
 * OVN-Kubernetes as a secondary CNI, as the seed deploys it with helm: multi-networking on, the
 * secondary-CNI option on (from `network.secondaryCni`), ovnkube-identity, EgressIP, EgressService,
 * EgressFirewall and multi-external-gateway off, EgressQoS off unless asked for (never with the
 * secondary-CNI option). Default-network pods stay with the primary CNI; OVN-Kubernetes serves the
 * NetworkAttachmentDefinitions of type `ovn-k8s-cni-overlay`.
 *
 * Renders: namespaces `ovn-kubernetes` and the host-network namespace, ConfigMap `ovn-config`, RBAC, the
 * workloads of the chosen mode, DaemonSet `ovs-node` and, with EgressQoS only, its CRD. It does not render
 * the multi-networking CRDs (NetworkAttachmentDefinition, MultiNetworkPolicy, IPAMClaim): ship them once,
 * beside Multus.
 *
 * Interconnect mode needs every node labelled `k8s.ovn.org/zone-name=<node name>` before it runs
 * (`kubectl label node <node> k8s.ovn.org/zone-name=<node>`, as the seed's script does); ovnkube-node is
 * only scheduled to labelled nodes.
 *
 * The secondary-CNI option needs an image built from the seed's branch: see `imageRepository`.
 */
export class OvnSecondary extends Construct {
  /** Namespace of every OVN-Kubernetes object. */
  public static readonly NAMESPACE = OVN_NAMESPACE;
  /** CNI config file ovnkube-node writes into `/etc/cni/net.d` (Multus must not pick it as the default). */
  public static readonly CNI_CONF_FILE = CNI_CONF_FILE;
  /** CNI plugin type of OVN-Kubernetes NetworkAttachmentDefinitions. */
  public static readonly CNI_PLUGIN_TYPE = CNI_PLUGIN_TYPE;
  /** Node label naming a node's zone in interconnect mode; its value must be the node's name. */
  public static readonly ZONE_NAME_LABEL = ZONE_NAME_LABEL;
  /** Default image repository: the seed's local build, the only one with the secondary-CNI option (see `imageRepository`). */
  public static readonly DEFAULT_IMAGE_REPOSITORY = OVN_IMAGES.ovnKubernetes.repository;
  /** Default image tag. */
  public static readonly DEFAULT_IMAGE_TAG = OVN_IMAGES.ovnKubernetes.tag;

  /** The deployment mode. */
  public readonly mode: OvnDeploymentMode;
  /** The kube-apiserver address OVN-Kubernetes uses. */
  public readonly apiServer: ApiServerAddress;
  /** MTU of OVN-Kubernetes pod interfaces. */
  public readonly mtu: number;
  /** UDP port of OVN-Kubernetes' Geneve tunnels. */
  public readonly encapPort: number;
  /** The image every container runs. */
  public readonly image: string;
  /** Whether the secondary-CNI option is on. */
  public readonly secondaryCni: boolean;
  /** Whether persistent IPs (IPAMClaims) are on. */
  public readonly persistentIps: boolean;
  /** Whether EgressQoS is on (then its CRD is shipped). */
  public readonly egressQos: boolean;
  /** The host-network namespace. */
  public readonly hostNetworkNamespace: string;

  constructor(scope: Construct, id: string, props: OvnSecondaryProps) {
    super(scope, id);
    const settings = resolveSettings(props);
    this.mode = settings.mode;
    this.apiServer = settings.apiServer;
    this.mtu = settings.mtu;
    this.encapPort = settings.encapPort;
    this.image = settings.image;
    this.secondaryCni = settings.secondaryCni;
    this.persistentIps = settings.persistentIps;
    this.egressQos = settings.egressQos;
    this.hostNetworkNamespace = settings.hostNetworkNamespace;
    // The Geneve port against Cilium's tunnel port: an App-wide fact, checked at synth (why: common/tunnel-ports).
    const source = props.encapPort === undefined ? 'the default' : 'set';
    ChartAddressPlan._join(this, TUNNEL_PORT_KIND, { component: 'ovn', port: this.encapPort, source, node: this.node }, tunnelPortConflicts);
    // Its pods' MTU rides the Geneve tunnel, which Cilium's node encryption may wrap (why: common/tunnel-mtu).
    ChartAddressPlan._join(this, TUNNEL_MTU_KIND, { field: 'ovn mtu', mtu: this.mtu, node: this.node });
    // The servers' TCP ports against Cilium's (why: common/host-ports).
    ChartAddressPlan._join(this, HOST_PORT_KIND, { component: 'ovn', ports: ovnHostPorts(settings), node: this.node }, hostPortConflicts);

    // Builder functions in apply order; construct ids name each object's role (NodeDaemonSet, ConfigmapRole).
    addOvnNamespaces(this, settings);
    addOvnConfigMap(this, settings);
    addOvnRbac(this, settings);
    if (settings.interconnect) {
      addInterconnectControlPlane(this, settings);
    } else {
      addCentralControlPlane(this, settings);
    }
    addOvnkubeNode(this, settings);
    addOvsNode(this, settings);
    if (settings.egressQos) addEgressQosCrd(this);
    // The whole App's plan in the output (what `multicni check dist/` and the next synth read back).
    new AddressPlanRecord(this, 'AddressPlanRecord');
    labelManaged(this); // app.kubernetes.io/managed-by on every object (src/common/object-labels)
  }
}
