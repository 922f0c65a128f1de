import { ChartProps } from 'cdk8s';
import { Preset } from '../common/preset';
import { CiliumPrimaryProps } from '../cilium';
import { CiliumResourcesOptions } from '../cilium-resources';
import { NetworkCrdsProps } from '../crds';
import { DeceptiveNetworkConfigProps } from '../deception';
import { DemoPodPlacement } from '../demo';
import { MultusProps } from '../multus';
import { MultiNetworkPolicyOptions } from '../network-policy';
import { OvnNetworkProps } from '../networks';
import { OvnSecondaryOptions } from '../ovn';

/**
 * Cilium's install and its custom resources (LB IPAM pools, L2 announcement and BGP policies, egress gateway
 * policies), one section as in a values file. The chart renders the resources apart (`cilium-resources`):
 * they wait for the operator to register their CRDs.
 */
export interface CiliumChartProps extends CiliumPrimaryProps, CiliumResourcesOptions {}

/** A secondary network and the MultiNetworkPolicies that apply to it, one entry as in a values file. */
export interface NetworkChartProps extends OvnNetworkProps {
  /**
   * MultiNetworkPolicies for this network (`k8s.v1.cni.cncf.io/policy-for` names it); rendered apart
   * (`network-policies`, in stage 2 with the networks).
   * @default - none
   */
  readonly policies?: MultiNetworkPolicyOptions[];
}

/** The whole stack: Cilium primary, Multus, OVN-Kubernetes secondary, the networks and the demo. */
export interface MultiCniChartProps extends ChartProps {
  /**
   * The real kube-apiserver, `https://<host>:<port>`; OVN-Kubernetes cannot discover it.
   * On the seed's kind cluster `https://ovn-control-plane:6443` works (Docker's DNS resolves the node name,
   * and kubeadm puts it in the serving certificate).
   */
  readonly apiServer: string;
  /**
   * Which releases the components install where their `version` is not given: `Preset.CURRENT` (Cilium
   * 1.20.0, Multus v4.3.0) or `Preset.SEED` (the seed's deployment exactly: Cilium 1.16.7, end-of-life,
   * and Multus v4.1.3). Every other default is the seed's in both. `cilium.preset` / `multus.preset`,
   * and any explicit `version`, win over it.
   * @default Preset.CURRENT
   */
  readonly preset?: Preset;
  /**
   * The cluster's ranges and the OVN-Kubernetes ranges beside them. `primaryPodCidrs` defaults to Cilium's
   * pod ranges.
   * @default - the seed's plan (pods 10.244.0.0/16, services 10.96.0.0/16, decoy 10.254.0.0/16/24)
   */
  readonly addressing?: DeceptiveNetworkConfigProps;
  /**
   * Cilium.
   * @default - the seed's install (ipam kubernetes, cni.exclusive false) with the preset's release (1.20.0)
   */
  readonly cilium?: CiliumChartProps;
  /**
   * Multus. Its default network is pinned to Cilium's CNI config file.
   * @default - thin plugin, the preset's release (v4.3.0)
   */
  readonly multus?: MultusProps;
  /**
   * Which k8s.cni.cncf.io CRDs to ship.
   * @default - all three
   */
  readonly networkCrds?: NetworkCrdsProps;
  /**
   * OVN-Kubernetes.
   * @default - central mode, MTU 1400, secondary-CNI mode
   */
  readonly ovn?: OvnSecondaryOptions;
  /**
   * Secondary networks.
   * @default - the seed's `default/ovn-stream-veth`: layer3, 10.245.0.0/16/24, MTU 1300
   */
  readonly networks?: NetworkChartProps[];
  /**
   * Render the seed's demo pods on the first network.
   * @default true
   */
  readonly demo?: boolean;
  /**
   * The demo pods.
   * @default - tinypod on ovn-worker, tinypod2 on ovn-worker2
   */
  readonly demoPods?: DemoPodPlacement[];
}
