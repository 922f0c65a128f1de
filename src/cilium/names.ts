/** Names fixed by Cilium itself (the agent, operator and CLI look objects up by these names). */
export const NAMESPACE = 'kube-system';
export const CONFIG_MAP = 'cilium-config';
export const ENVOY_CONFIG_MAP = 'cilium-envoy-config';
export const AGENT = 'cilium';
export const ENVOY = 'cilium-envoy';
export const OPERATOR = 'cilium-operator';
export const CONFIG_AGENT_ROLE = 'cilium-config-agent';
export const HUBBLE_PEER = 'hubble-peer';
export const CERTGEN = 'hubble-generate-certs';
export const HUBBLE_SERVER_CERTS = 'hubble-server-certs';
export const CA_SECRET = 'cilium-ca';
/** Namespace of the secrets TLS-interception policies use (1.18 and later, `policy-secrets-namespace`). */
export const SECRETS_NAMESPACE = 'cilium-secrets';
/** The CNI config the agent writes once ready; Multus is pinned to it. */
export { CILIUM_CNI_CONF_FILE as CNI_CONF_FILE } from '../common/cni-facts';
/** Where the agent and operator read cilium-config (the agent's `config` init container builds it). */
export const CONFIG_DIR = '/tmp/cilium/config-map';
export const PART_OF = { 'app.kubernetes.io/part-of': 'cilium' };
