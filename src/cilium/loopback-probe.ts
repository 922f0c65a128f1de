import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { CiliumSettings } from './settings';

/**
 * An HTTP probe of a health endpoint on the node's loopback address (the pods use the host network).
 * `brief` sends the `brief: true` header, as the chart does for the agent's probes.
 */
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
