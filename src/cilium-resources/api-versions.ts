import type { CiliumVersion } from '../cilium';

/** The Cilium custom resources this folder renders. */
export type CiliumResourceKind =
  | 'CiliumLoadBalancerIPPool' | 'CiliumL2AnnouncementPolicy'
  | 'CiliumBGPClusterConfig' | 'CiliumBGPPeerConfig' | 'CiliumBGPAdvertisement' | 'CiliumEgressGatewayPolicy';

/**
 * The storage version of each kind, as the CRDs of Cilium 1.19.6 and 1.20.0 declare it
 * (pkg/k8s/apis/cilium.io/client/crds/ of github.com/cilium/cilium at those tags: `served: true,
 * storage: true`). The pool and the BGP v2 kinds still serve v2alpha1 there, marked
 * `+kubebuilder:deprecatedversion` (pkg/k8s/apis/cilium.io/v2alpha1/lbipam_types.go, bgp_cluster_types.go);
 * CiliumL2AnnouncementPolicy exists only as v2alpha1.
 */
const API_VERSION: Record<CiliumResourceKind, string> = {
  CiliumLoadBalancerIPPool: 'cilium.io/v2',
  CiliumL2AnnouncementPolicy: 'cilium.io/v2alpha1',
  CiliumBGPClusterConfig: 'cilium.io/v2',
  CiliumBGPPeerConfig: 'cilium.io/v2',
  CiliumBGPAdvertisement: 'cilium.io/v2',
  CiliumEgressGatewayPolicy: 'cilium.io/v2',
};

/** The oldest minor release these API versions are rendered for. */
const FIRST_MINOR = 18;

/**
 * The apiVersion of `kind` for `version`, or an error naming the releases that have it.
 *
 * 1.19.6 and 1.20.0 are read from their CRDs (tests validate every object against them). 1.18.12's CRDs
 * are not available here (the Go module proxy does not serve v1.18.12), so it is reasoned from 1.19.6's:
 * 1.19.6 still serves the deprecated v2alpha1 beside v2, which is what a release that introduced v2 one
 * line earlier looks like, and 1.18.12's chart renders the same operator RBAC for these kinds. 1.16.7 is
 * refused: its CRDs are not available either (the proxy refuses v1.16.7), so which of these apiVersions it
 * serves cannot be checked (not verified here: the 1.16 line predates the deprecation markers above).
 */
export function apiVersionOf(kind: CiliumResourceKind, version: CiliumVersion): string {
  if (!version.atLeast(FIRST_MINOR)) {
    throw new Error(`${kind} is rendered for Cilium 1.18.12, 1.19.6 and 1.20.0 (cilium.io/v2 API), not for ${version.version}; set the Cilium version to one of those`);
  }
  return API_VERSION[kind];
}
