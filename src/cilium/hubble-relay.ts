import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { yaml } from '../util/yaml';
import { AGENT_SELECTOR } from './agent-selector';
import { HUBBLE_PEER, NAMESPACE, PART_OF } from './names';
import { HUBBLE_RELAY_PORT } from './ports';
import { CiliumSettings } from './settings';

/** Names of Hubble Relay's objects, fixed by the chart (the UI backend and the cilium CLI look them up). */
export const HUBBLE_RELAY = 'hubble-relay';
export const HUBBLE_RELAY_CONFIG = 'hubble-relay-config';
/** The Secret certgen writes Relay's client certificate into (`HubbleTls.CRON_JOB`). */
export const HUBBLE_RELAY_CLIENT_CERTS = 'hubble-relay-client-certs';
/** Port of the `hubble-relay` Service (plain text: Relay serves without TLS, the chart's default). */
export const HUBBLE_RELAY_SERVICE_PORT = 80;
const TLS_DIR = '/var/lib/hubble-relay/tls';
/** Relay's gRPC health server, which its probes ask. */
const HEALTH_PORT = 4222;
/** The user and group of the distroless Relay image. */
const NONROOT = 65532;

/**
 * Hubble Relay (the chart's `hubble.relay.enabled`): one replica beside an agent (pod affinity), reading
 * every agent's Hubble server through `hubble-peer` with the client certificate certgen generates, and
 * serving the joined flows without TLS on the ClusterIP Service `hubble-relay:80`. Relay is not in the
 * host network: its port 4245 is bound inside its pod only.
 */
export function addHubbleRelay(scope: Construct, settings: CiliumSettings): void {
  const labels = { 'k8s-app': HUBBLE_RELAY, 'app.kubernetes.io/name': HUBBLE_RELAY, ...PART_OF };
  new k8s.KubeServiceAccount(scope, 'HubbleRelayServiceAccount', {
    metadata: { name: HUBBLE_RELAY, namespace: NAMESPACE },
    automountServiceAccountToken: false,
  });
  new k8s.KubeConfigMap(scope, 'HubbleRelayConfigMap', {
    metadata: { name: HUBBLE_RELAY_CONFIG, namespace: NAMESPACE },
    data: { 'config.yaml': relayConfig(settings) },
  });
  new k8s.KubeService(scope, 'HubbleRelayService', {
    metadata: { name: HUBBLE_RELAY, namespace: NAMESPACE, labels },
    spec: {
      type: 'ClusterIP',
      selector: { 'k8s-app': HUBBLE_RELAY },
      ports: [{ protocol: 'TCP', port: HUBBLE_RELAY_SERVICE_PORT, targetPort: k8s.IntOrString.fromString('grpc') }],
    },
  });
  new k8s.KubeDeployment(scope, 'HubbleRelayDeployment', {
    metadata: { name: HUBBLE_RELAY, namespace: NAMESPACE, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: { 'k8s-app': HUBBLE_RELAY } },
      strategy: { rollingUpdate: { maxUnavailable: k8s.IntOrString.fromNumber(1) }, type: 'RollingUpdate' },
      template: { metadata: { labels }, spec: relayPod(settings) },
    },
  });
}

/** Relay's configuration file: where the peers are, how to reach them, where to listen. */
function relayConfig(settings: CiliumSettings): string {
  const config = {
    'cluster-name': settings.clusterName,
    // The trailing dot: an absolute name, so the resolver does not try the search domains first.
    'peer-service': `${HUBBLE_PEER}.${NAMESPACE}.svc.cluster.local.:${settings.hubbleTls ? 443 : 80}`,
    'listen-address': `:${HUBBLE_RELAY_PORT}`,
    'gops': true,
    'gops-port': '9893',
    ...(settings.hubbleTls ? {
      'tls-hubble-client-cert-file': `${TLS_DIR}/client.crt`,
      'tls-hubble-client-key-file': `${TLS_DIR}/client.key`,
      'tls-hubble-server-ca-files': `${TLS_DIR}/hubble-server-ca.crt`,
    } : { 'disable-client-tls': true }),
    'disable-server-tls': true,
  };
  return yaml.stringify(config);
}

function relayPod(settings: CiliumSettings): k8s.PodSpec {
  const v20 = settings.version.atLeast(20);
  const grpcProbe = { grpc: { port: HEALTH_PORT } };
  return {
    securityContext: { fsGroup: NONROOT, seccompProfile: { type: 'RuntimeDefault' } },
    containers: [{
      name: HUBBLE_RELAY,
      securityContext: {
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        // 1.20: a read-only root file system, with /tmp as an emptyDir.
        ...(v20 ? { readOnlyRootFilesystem: true } : {}),
        runAsGroup: NONROOT,
        runAsNonRoot: true,
        runAsUser: NONROOT,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      image: settings.images.hubbleRelay,
      imagePullPolicy: settings.imagePullPolicy,
      command: ['hubble-relay'],
      args: ['serve'],
      ports: [{ name: 'grpc', containerPort: HUBBLE_RELAY_PORT }],
      readinessProbe: { ...grpcProbe, timeoutSeconds: 3 },
      livenessProbe: { ...grpcProbe, timeoutSeconds: 10, initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 12 },
      startupProbe: { ...grpcProbe, initialDelaySeconds: 10, failureThreshold: 20, periodSeconds: 3 },
      volumeMounts: [
        ...(v20 ? [{ name: 'tmp-volume', mountPath: '/tmp' }] : []),
        { name: 'config', mountPath: '/etc/hubble-relay', readOnly: true },
        ...(settings.hubbleTls ? [{ name: 'tls', mountPath: TLS_DIR, readOnly: true }] : []),
      ],
      terminationMessagePolicy: 'FallbackToLogsOnError',
    }],
    restartPolicy: 'Always',
    serviceAccountName: HUBBLE_RELAY,
    automountServiceAccountToken: false,
    terminationGracePeriodSeconds: 1,
    // Beside an agent: Relay is of no use on a node without one.
    affinity: {
      podAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: AGENT_SELECTOR }, topologyKey: 'kubernetes.io/hostname' }],
      },
    },
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    volumes: [
      ...(v20 ? [{ name: 'tmp-volume', emptyDir: {} }] : []),
      { name: 'config', configMap: { name: HUBBLE_RELAY_CONFIG, items: [{ key: 'config.yaml', path: 'config.yaml' }] } },
      ...(settings.hubbleTls ? [{
        name: 'tls',
        projected: {
          defaultMode: 0o400,
          sources: [{
            secret: {
              name: HUBBLE_RELAY_CLIENT_CERTS,
              items: [{ key: 'tls.crt', path: 'client.crt' }, { key: 'tls.key', path: 'client.key' }, { key: 'ca.crt', path: 'hubble-server-ca.crt' }],
            },
          }],
        },
      }] : []),
    ],
  };
}
