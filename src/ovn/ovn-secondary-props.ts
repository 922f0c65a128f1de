import type { ImagePullPolicy } from 'cdk8s-plus-28';
import { IOvnAddressPlan } from './ovn-address-plan';

/** How the OVN databases and controllers are laid out. */
export enum OvnDeploymentMode {
  /**
   * One NB/SB database (Deployment `ovnkube-db`) and one `ovnkube-master` for the whole cluster; every node
   * runs `ovnkube-node` and `ovn-controller` against them. The seed's default (`values-no-ic.yaml`).
   */
  CENTRAL = 'central',
  /**
   * One zone per node (`values-single-node-zone.yaml`): every `ovnkube-node` pod runs its own NB/SB
   * databases, `ovn-northd` and `ovnkube-controller`; `ovnkube-control-plane` runs the cluster manager.
   * Every node must carry the label `k8s.ovn.org/zone-name=<node name>` (see `OvnSecondary.ZONE_NAME_LABEL`).
   */
  INTERCONNECT = 'interconnect',
}

/** Settings of OVN-Kubernetes that have defaults (a chart can take these from its user). */
export interface OvnSecondaryOptions {
  /**
   * Central databases or one zone per node.
   * @default OvnDeploymentMode.CENTRAL (the seed's default)
   */
  readonly mode?: OvnDeploymentMode;

  /**
   * MTU of OVN-Kubernetes pod interfaces (`mtu` in `ovn-config`); leave room for the Geneve header below the
   * node MTU. At least 576 (1280 when the cluster has IPv6), at most 65535.
   * @default 1400 (the seed's, on kind)
   */
  readonly mtu?: number;

  /**
   * UDP port of the Geneve tunnels between nodes (`OVN_ENCAP_PORT`), bound on every node. Checked at
   * synth against the tunnel port of every `CiliumPrimary` of the App with tunnel routing (8472 for VXLAN,
   * 6081 for Geneve, or its `tunnelPort`): the same port is refused, as both tunnels bind it in the nodes'
   * host network namespace.
   * @default 6081
   */
  readonly encapPort?: number;

  /**
   * Image repository for every OVN-Kubernetes container.
   *
   * The secondary-CNI option (`--secondary-cni`) exists only in images built from the seed's branch
   * (`multicni` of github.com/flavio-fernandes/ovn-kubernetes), which its deploy script builds as
   * `localhost/ovn-daemonset-f:dev` and loads into kind: that is the default, so a cluster without the build
   * fails visibly (ErrImagePull). The public `ghcr.io/ovn-kubernetes/ovn-kubernetes/ovn-kube-fedora:master`
   * does NOT have the option: `OVN_SECONDARY_CNI_ENABLE` is ignored and OVN-Kubernetes also manages
   * default-network pods, giving them logical ports and addresses inside the decoy range (`net_cidr`), which
   * keeps it off the primary CNI's addresses but does not keep it out. Its builds of 2026 no longer contain
   * central mode either.
   * @default 'localhost/ovn-daemonset-f'
   */
  readonly imageRepository?: string;

  /**
   * Image tag for every OVN-Kubernetes container.
   * @default 'dev'
   */
  readonly imageTag?: string;

  /**
   * Pull policy of every OVN-Kubernetes container; `IF_NOT_PRESENT` lets a locally built image loaded into
   * the nodes (`kind load docker-image`) be used.
   * @default ImagePullPolicy.IF_NOT_PRESENT
   */
  readonly imagePullPolicy?: ImagePullPolicy;

  /**
   * Namespace OVN-Kubernetes uses to classify host-network traffic for network policies
   * (`host_network_namespace`); it is created.
   * @default 'ovn-host-network'
   */
  readonly hostNetworkNamespace?: string;

  /**
   * Persistent IPs for secondary networks through IPAMClaims (`OVN_ENABLE_PERSISTENT_IPS`), used by KubeVirt
   * VMs on layer2/localnet networks with `allowPersistentIPs`. Needs the IPAMClaim CRD
   * (`ipamclaims.k8s.cni.cncf.io`), which the chart ships with the multi-networking CRDs.
   * @default false in central mode, true in interconnect mode (the seed's values files)
   */
  readonly persistentIps?: boolean;

  /**
   * EgressQoS (DSCP marking of pod egress traffic; `OVN_EGRESSQOS_ENABLE`); ships the EgressQoS CRD.
   * Not allowed together with the secondary-CNI option: the seed's branch skips the namespace address sets
   * of default-network pods there, and creating an EgressQoS object then probably panics on a nil address set.
   * @default false
   */
  readonly egressQos?: boolean;

  /**
   * Node labels (key → value) a node needs to run the control-plane pods (`ovnkube-db` and
   * `ovnkube-master` in central mode, `ovnkube-control-plane` in interconnect mode), as required node
   * affinity. `{}` lets them run on any Linux node, e.g. on a managed cluster that has no control-plane
   * nodes of its own; at most one of each per node either way (they use host ports).
   * @default - nodes labelled `node-role.kubernetes.io/control-plane` (any value), as upstream
   */
  readonly controlPlaneNodeSelector?: { [key: string]: string };
}

/** Settings of OVN-Kubernetes as the secondary CNI. */
export interface OvnSecondaryProps extends OvnSecondaryOptions {
  /**
   * The address plan's OVN settings: decoy `net_cidr`, real `svc_cidr`, join/masquerade/transit subnets and
   * whether OVN-Kubernetes runs as a secondary CNI; usually a `DeceptiveNetworkConfig`, whose ranges are
   * already in the chart's AddressPlan.
   */
  readonly network: IOvnAddressPlan;

  /**
   * The real kube-apiserver, as `https://<host>:<port>` (host: IPv4, `[IPv6]` or DNS name). OVN-Kubernetes
   * cannot discover it. On kind it is the control-plane node's IP, e.g. `https://172.18.0.2:6443`.
   */
  readonly apiServer: string;
}
