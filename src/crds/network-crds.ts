import { MemberKind } from '../common/member-kind';
import { ChartAddressPlan, onlyOne } from '../plan';
import { labelManaged } from '../common/object-labels';
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { CRD_OBJECTS } from './generated/crd-objects';
import { NetworkCrd } from './network-crd';

/** Which CRDs to install. */
export interface NetworkCrdsProps {
  /**
   * `network-attachment-definitions.k8s.cni.cncf.io`; needed by Multus and by every secondary network.
   * @default true
   */
  readonly networkAttachmentDefinitions?: boolean;
  /**
   * `multi-networkpolicies.k8s.cni.cncf.io`; OVN-Kubernetes with multi-network always watches it.
   * @default true
   */
  readonly multiNetworkPolicies?: boolean;
  /**
   * `ipamclaims.k8s.cni.cncf.io`; needed by OVN-Kubernetes with persistent IPs.
   * @default true
   */
  readonly ipamClaims?: boolean;
}

/** The App's NetworkCrds (one per App); MultiNetworkPolicy checks at synth that they ship its CRD. */
export const NETWORK_CRDS_KIND = new MemberKind<NetworkCrds>('NetworkCrds');

/**
 * The CustomResourceDefinitions of the k8s.cni.cncf.io group that Multus and OVN-Kubernetes' multi-network
 * support read, from the YAML files in the package's `crds/` folder (written by this project from the
 * upstream Go APIs, with structural schemas). Custom resources of these kinds must be applied after them.
 */
export class NetworkCrds extends Construct {
  /** The CRDs included, in a fixed order. */
  public readonly crds: NetworkCrd[];

  constructor(scope: Construct, id: string, props: NetworkCrdsProps = {}) {
    super(scope, id);
    ChartAddressPlan._join(this, NETWORK_CRDS_KIND, this, onlyOne('NetworkCrds', 'the same CustomResourceDefinitions would be applied twice'));
    const choice = [
      { field: 'networkAttachmentDefinitions', value: props.networkAttachmentDefinitions, crd: NetworkCrd.NETWORK_ATTACHMENT_DEFINITIONS, childId: 'NetworkAttachmentDefinitions' },
      { field: 'multiNetworkPolicies', value: props.multiNetworkPolicies, crd: NetworkCrd.MULTI_NETWORK_POLICIES, childId: 'MultiNetworkPolicies' },
      { field: 'ipamClaims', value: props.ipamClaims, crd: NetworkCrd.IPAM_CLAIMS, childId: 'IpamClaims' },
    ];
    for (const { field, value } of choice) {
      if (value !== undefined && typeof value !== 'boolean') {
        throw new Error(`${field}: invalid value ${JSON.stringify(value)}: expected true or false`);
      }
    }
    const chosen = choice.filter((c) => c.value ?? true);
    if (chosen.length === 0) {
      throw new Error('networkAttachmentDefinitions, multiNetworkPolicies, ipamClaims: all false; include at least one crd or leave out NetworkCrds');
    }
    this.crds = chosen.map(({ crd, childId }) => {
      // The objects of crds/<file>, generated from the YAML (`npm run crds`): not cdk8s' Include, which loads
      // every file through a child node process (~80 ms per CRD), nor a YAML parse at each synth (~40 ms).
      // A copy, so that a patch to one chart's object never reaches another chart's.
      const docs = structuredClone(CRD_OBJECTS[crd.fileName] ?? []);
      checkFile(crd, docs);
      new ApiObject(this, childId, docs[0]);
      return crd;
    });
    labelManaged(this); // app.kubernetes.io/managed-by on every object (src/common/object-labels)
  }
}

/** A file holds exactly its one CRD; anything else is a broken package, not a user error. */
function checkFile(crd: NetworkCrd, objects: any[]): void {
  const found = objects.map((o) => `${o.kind} ${o.metadata?.name}`);
  if (found.length !== 1 || found[0] !== `CustomResourceDefinition ${crd.name}`) {
    throw new Error(`crds/${crd.fileName}: expected only CustomResourceDefinition ${crd.name}, found ${JSON.stringify(found)}`);
  }
}
