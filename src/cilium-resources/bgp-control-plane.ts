import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { IpFamily, parseIpAddress } from '../addressing';
import type { CiliumPrimary } from '../cilium';
import { isDnsSubdomain } from '../util/k8s-names';
import { invalidValue } from '../common/field-error';
import { apiVersionOf } from './api-versions';
import { BgpAdvertiseProps, BgpProps } from './cilium-resources-props';
import { LabelSelector, renderSelector } from '../common/label-selector';

/** Props of `BgpControlPlane`. */
export interface BgpControlPlaneProps extends BgpProps {
  /** The Cilium install; needs `bgpControlPlane`. */
  readonly cilium: CiliumPrimary;
}

/** A BGP peer, read. */
export interface BgpPeer {
  /** The peer's name. */
  readonly name: string;
  /** The peer's address, as given. */
  readonly address: string;
  /** The address' family. */
  readonly family: IpFamily;
  /** The peer's AS number. */
  readonly asn: number;
}

/** The highest 32-bit AS number (RFC 6793); 0 is reserved (RFC 7607) and refused by the CRD's localASN. */
const MAX_ASN = 4294967295;
/** Label that ties the advertisement to the peer config's families (`advertisements` selector). */
const ADVERTISE_LABEL = 'cdk8s-multicni.io/bgp-advertisement';

/**
 * Cilium's BGP control plane, v2 API: one `CiliumBGPClusterConfig` (the nodes' instance and its peers), one
 * `CiliumBGPPeerConfig` (the families, each selecting the advertisement by label), one
 * `CiliumBGPAdvertisement`. The agent's BGP control plane (pkg/bgpv1, pkg/bgp) reconciles them only with
 * `enable-bgp-control-plane`.
 */
export class BgpControlPlane extends Construct {
  /** The peers, read. */
  public readonly peers: BgpPeer[];
  /** Whether LoadBalancer addresses are advertised. */
  public readonly advertisesLoadBalancerIps: boolean;
  /** Services whose addresses are advertised (undefined: all). */
  public readonly serviceSelector?: LabelSelector;

  constructor(scope: Construct, id: string, props: BgpControlPlaneProps) {
    super(scope, id);
    if (!props.cilium.bgpControlPlane) {
      // Without it the operator does not even register the BGP CRDs (agentCRDResourceNames, pkg/k8s/synced/crd.go).
      throw new Error('needs the BGP control plane: set cilium.bgpControlPlane: true (without it the operator registers no BGP CRDs and the agent runs no BGP)');
    }
    const name = props.name ?? 'multicni';
    if (!isDnsSubdomain(name)) throw invalidValue('name', name, 'a DNS subdomain: lowercase letters, digits, "-" and "."');
    checkAsn('localAsn', props.localAsn);
    if (!Array.isArray(props.peers) || props.peers.length === 0) throw invalidValue('peers', props.peers, 'at least one peer {name, address, asn}');
    const seen = new Map<string, number>();
    this.peers = props.peers.map((p, i) => {
      if (typeof p.name !== 'string' || p.name.length === 0 || p.name.length > 255) throw invalidValue(`peers[${i}].name`, p.name, 'a name of 1 to 255 characters (the CRD\'s limits)');
      const first = seen.get(p.name);
      if (first !== undefined) throw invalidValue(`peers[${i}].name`, p.name, `a name no other peer has (peers[${first}] has it)`);
      seen.set(p.name, i);
      let address;
      try {
        address = parseIpAddress(p.address);
      } catch (e) {
        throw new Error(`peers[${i}].address: ${(e as Error).message}`);
      }
      checkAsn(`peers[${i}].asn`, p.asn);
      return { name: p.name, address: p.address, family: address.family, asn: p.asn };
    });
    const advertise: BgpAdvertiseProps = props.advertise ?? {};
    this.advertisesLoadBalancerIps = advertise.loadBalancerIps ?? true;
    this.serviceSelector = advertise.serviceSelector;
    const addresses = [
      ...(this.advertisesLoadBalancerIps ? ['LoadBalancerIP'] : []),
      ...(advertise.clusterIps ? ['ClusterIP'] : []),
      ...(advertise.externalIps ? ['ExternalIP'] : []),
    ];
    if (addresses.length === 0 && !advertise.podCidrs) {
      throw invalidValue('advertise', advertise, 'at least one of podCidrs, loadBalancerIps, clusterIps, externalIps true (nothing would be advertised)');
    }
    const families = [...new Set(this.peers.map((p) => p.family))].sort();
    const version = props.cilium.version;

    new ApiObject(this, 'ClusterConfig', {
      apiVersion: apiVersionOf('CiliumBGPClusterConfig', version),
      kind: 'CiliumBGPClusterConfig',
      metadata: { name },
      spec: {
        ...(props.nodeSelector ? { nodeSelector: renderSelector('nodeSelector', props.nodeSelector) } : {}),
        bgpInstances: [{
          name: `${name}-${props.localAsn}`,
          localASN: props.localAsn,
          peers: this.peers.map((p) => ({ name: p.name, peerAddress: p.address, peerASN: p.asn, peerConfigRef: { name } })),
        }],
      },
    });
    new ApiObject(this, 'PeerConfig', {
      apiVersion: apiVersionOf('CiliumBGPPeerConfig', version),
      kind: 'CiliumBGPPeerConfig',
      metadata: { name },
      spec: {
        families: families.map((f) => ({
          afi: f === IpFamily.IPV4 ? 'ipv4' : 'ipv6',
          safi: 'unicast',
          advertisements: { matchLabels: { [ADVERTISE_LABEL]: name } },
        })),
      },
    });
    new ApiObject(this, 'Advertisement', {
      apiVersion: apiVersionOf('CiliumBGPAdvertisement', version),
      kind: 'CiliumBGPAdvertisement',
      metadata: { name, labels: { [ADVERTISE_LABEL]: name } },
      spec: {
        advertisements: [
          ...(advertise.podCidrs ? [{ advertisementType: 'PodCIDR' }] : []),
          ...(addresses.length > 0 ? [{
            advertisementType: 'Service',
            service: { addresses },
            // Without a selector a Service advertisement selects no Service (the CRD's description of
            // `selector`); a NotIn on a key no Service carries selects them all.
            selector: advertise.serviceSelector
              ? renderSelector('advertise.serviceSelector', advertise.serviceSelector)
              : { matchExpressions: [{ key: ADVERTISE_LABEL, operator: 'NotIn', values: ['never'] }] },
          }] : []),
        ],
      },
    });
  }
}

/** AS numbers are 32-bit (RFC 6793); 0 is reserved (RFC 7607) and below the CRD's minimum of localASN. */
function checkAsn(field: string, asn: unknown): void {
  if (typeof asn !== 'number' || !Number.isInteger(asn) || asn < 1 || asn > MAX_ASN) {
    throw invalidValue(field, asn, `an AS number from 1 to ${MAX_ASN} (32-bit; 0 is reserved)`);
  }
}
