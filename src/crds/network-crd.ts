import * as path from 'path';
import { crdsDirectory } from './crd-files';

/** One of the CRDs of the k8s.cni.cncf.io group this library ships. */
export class NetworkCrd {
  /** NetworkAttachmentDefinition (v1): the networks Multus attaches pods to. */
  public static readonly NETWORK_ATTACHMENT_DEFINITIONS = new NetworkCrd(
    'network-attachment-definitions.k8s.cni.cncf.io', 'network-attachment-definitions.yaml');
  /** MultiNetworkPolicy (v1beta1): NetworkPolicy for secondary networks (OVN-Kubernetes enforces it). */
  public static readonly MULTI_NETWORK_POLICIES = new NetworkCrd(
    'multi-networkpolicies.k8s.cni.cncf.io', 'multi-networkpolicies.yaml');
  /** IPAMClaim (v1alpha1): persistent IPs of layer2/localnet networks in OVN-Kubernetes. */
  public static readonly IPAM_CLAIMS = new NetworkCrd('ipamclaims.k8s.cni.cncf.io', 'ipamclaims.yaml');

  /**
   * @param name `metadata.name` of the CRD
   * @param fileName its file in the package's `crds/` folder
   */
  private constructor(public readonly name: string, public readonly fileName: string) {}

  /** Absolute path of the CRD's YAML file. */
  public get filePath(): string {
    return path.join(crdsDirectory(), this.fileName);
  }
}
