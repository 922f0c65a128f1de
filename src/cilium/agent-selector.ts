import { AGENT } from './names';

/** Labels of the agent pods; `k8s-app: cilium` is the selector hubble-peer and cilium-envoy rely on. */
export const AGENT_SELECTOR = { 'k8s-app': AGENT };
