import { k8s } from 'cdk8s-plus-28';
import { CiliumSettings } from './settings';

/** `K8S_NODE_NAME` and `CILIUM_K8S_NAMESPACE` from the downward API, as every Cilium container gets them. */
export function downwardEnv(): k8s.EnvVar[] {
  return [
    { name: 'K8S_NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
    { name: 'CILIUM_K8S_NAMESPACE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } } },
  ];
}

/** The direct API server address, when given: needed wherever kube-proxy's Service translation may be missing. */
export function apiServerEnv(settings: CiliumSettings): k8s.EnvVar[] {
  if (settings.k8sServiceHost === undefined) return [];
  return [
    { name: 'KUBERNETES_SERVICE_HOST', value: settings.k8sServiceHost },
    { name: 'KUBERNETES_SERVICE_PORT', value: String(settings.k8sServicePort) },
  ];
}

/** An HTTP probe of a health endpoint on the node's loopback address (the pods use the host network). */
export function loopbackProbe(settings: CiliumSettings, port: number | string, timing: k8s.Probe, brief: boolean, headers: k8s.HttpHeader[] = []): k8s.Probe {
  return {
    httpGet: {
      host: settings.ipv4 ? '127.0.0.1' : '::1',
      path: '/healthz',
      port: typeof port === 'number' ? k8s.IntOrString.fromNumber(port) : k8s.IntOrString.fromString(port),
      scheme: 'HTTP',
      ...(brief ? { httpHeaders: [{ name: 'brief', value: 'true' }, ...headers] } : {}),
    },
    ...timing,
  };
}

/** SELinux type `spc_t` lets the unprivileged Cilium containers reach the host's BPF and cgroup files. */
export const SPC_T: k8s.SeLinuxOptions = { level: 's0', type: 'spc_t' };

/** A container security context that drops every capability and adds `add`. */
export function capabilities(add: string[]): k8s.SecurityContext {
  return { seLinuxOptions: SPC_T, capabilities: { ...(add.length > 0 ? { add } : {}), drop: ['ALL'] } };
}

/**
 * A DaemonSet whose pods run with the AppArmor profile `Unconfined` (pod `securityContext.appArmorProfile`,
 * Kubernetes >= 1.30; the chart renders the field for such clusters, the beta annotations for older ones).
 * The bundled 1.28 types drop the unknown field, even from a JSON patch, so it is added after conversion.
 */
export class UnconfinedDaemonSet extends k8s.KubeDaemonSet {
  public toJson(): any {
    const json = super.toJson();
    const pod = json.spec.template.spec;
    pod.securityContext = { appArmorProfile: { type: 'Unconfined' }, ...pod.securityContext };
    return json;
  }
}

