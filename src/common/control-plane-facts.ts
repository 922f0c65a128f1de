import { IpFamily } from '../addressing';

// Defaults of the real control plane that more than one component relies on: the deception checks a
// plan against them, the synth app writes a kind config only where a plan departs from them.

/** kube-controller-manager's default per-node pod range: `defaultNodeMaskCIDRIPv4` / `defaultNodeMaskCIDRIPv6`. */
export const KCM_DEFAULT_NODE_MASK = { [IpFamily.IPV4]: 24, [IpFamily.IPV6]: 64 };
