import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';

/** SELinux type `spc_t` lets the unprivileged Cilium containers reach the host's BPF and cgroup files. */
const SPC_T: k8s.SeLinuxOptions = { level: 's0', type: 'spc_t' };

/** A container security context that drops every capability and adds `add`. */
export function capabilities(add: string[]): k8s.SecurityContext {
  return { seLinuxOptions: SPC_T, capabilities: { ...(add.length > 0 ? { add } : {}), drop: ['ALL'] } };
}
