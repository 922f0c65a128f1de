import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
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
