import { invalidValue, showValue } from '../common/field-error';
import { checkHost, checkPort } from '../common/host';
import { CiliumPrimaryProps } from './cilium-primary-props';

/** Service load-balancing and how the agent reaches the API server. */
export interface ApiServerSettings {
  readonly kubeProxyReplacement: boolean;
  readonly k8sServiceHost?: string;
  readonly k8sServicePort?: number;
  readonly socketLbHostNamespaceOnly?: boolean;
}

/**
 * The kube-proxy replacement and the direct API server address (`KUBERNETES_SERVICE_HOST`/`_PORT`):
 * both or neither of host and port, and without kube-proxy the agent needs them.
 */
export function resolveApiServer(props: CiliumPrimaryProps): ApiServerSettings {
  const kubeProxyReplacement = props.kubeProxyReplacement ?? false;
  const host = props.k8sServiceHost;
  const port = props.k8sServicePort;
  if ((host === undefined) !== (port === undefined)) {
    const [missing, given] = host === undefined ? ['k8sServiceHost', 'k8sServicePort'] : ['k8sServicePort', 'k8sServiceHost'];
    throw new Error(`${missing}: required with ${given}: set both or neither, got k8sServiceHost ${showValue(host)} and k8sServicePort ${showValue(port)}`);
  }
  if (host !== undefined) checkHost('k8sServiceHost', host);
  if (port !== undefined) checkPort('k8sServicePort', port);
  if (kubeProxyReplacement && host === undefined) {
    throw invalidValue('kubeProxyReplacement', true, 'k8sServiceHost and k8sServicePort set with it: without kube-proxy the agent cannot reach the API server through the kubernetes Service');
  }
  return { kubeProxyReplacement, k8sServiceHost: host, k8sServicePort: port, socketLbHostNamespaceOnly: props.socketLbHostNamespaceOnly };
}
