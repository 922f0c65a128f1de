import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { READ_VERBS, addClusterRoleGrant, rule } from '../common/rbac';
import { HUBBLE_RELAY, HUBBLE_RELAY_SERVICE_PORT } from './hubble-relay';
import { NAMESPACE, PART_OF } from './names';
import { CiliumSettings } from './settings';

/** Names of Hubble UI's objects, fixed by the chart (`cilium hubble ui` port-forwards to the Service). */
export const HUBBLE_UI = 'hubble-ui';
export const HUBBLE_UI_NGINX = 'hubble-ui-nginx';
/** The frontend's nginx port. */
const HTTP_PORT = 8081;
/** The backend's port on the pod's loopback, to which nginx passes `/api`. */
const BACKEND_PORT = 8090;
/** The user and group the UI images run as. */
const UI_USER = 1001;

/**
 * Hubble UI (the chart's `hubble.ui.enabled`): nginx serving the web app on 8081 and passing `/api` to the
 * backend on the pod's loopback, which reads flows from `hubble-relay:80` and the cluster's objects through
 * its ClusterRole; the ClusterIP Service `hubble-ui:80`. Needs Relay (settings-observability.ts).
 */
export function addHubbleUi(scope: Construct, settings: CiliumSettings): void {
  const labels = { 'k8s-app': HUBBLE_UI, 'app.kubernetes.io/name': HUBBLE_UI, ...PART_OF };
  new k8s.KubeServiceAccount(scope, 'HubbleUiServiceAccount', { metadata: { name: HUBBLE_UI, namespace: NAMESPACE } });
  new k8s.KubeConfigMap(scope, 'HubbleUiNginxConfigMap', {
    metadata: { name: HUBBLE_UI_NGINX, namespace: NAMESPACE },
    data: { 'nginx.conf': nginxConfig() },
  });
  addClusterRoleGrant(scope, 'HubbleUi', { name: HUBBLE_UI, rules: uiRules(settings), serviceAccount: { name: HUBBLE_UI, namespace: NAMESPACE }, labels: PART_OF });
  new k8s.KubeService(scope, 'HubbleUiService', {
    metadata: { name: HUBBLE_UI, namespace: NAMESPACE, labels },
    spec: {
      type: 'ClusterIP',
      selector: { 'k8s-app': HUBBLE_UI },
      ports: [{ name: 'http', port: 80, targetPort: k8s.IntOrString.fromNumber(HTTP_PORT) }],
    },
  });
  new k8s.KubeDeployment(scope, 'HubbleUiDeployment', {
    metadata: { name: HUBBLE_UI, namespace: NAMESPACE, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: { 'k8s-app': HUBBLE_UI } },
      strategy: { rollingUpdate: { maxUnavailable: k8s.IntOrString.fromNumber(1) }, type: 'RollingUpdate' },
      template: { metadata: { labels }, spec: uiPod(settings) },
    },
  });
}

/** What the backend reads: the objects it draws (1.18 also network policies, endpoints and every cilium.io kind; 1.19 still endpoints). */
function uiRules(settings: CiliumSettings): k8s.PolicyRule[] {
  const v = settings.version;
  return [
    ...(v.atLeast(19) ? [] : [rule(['networking.k8s.io'], ['networkpolicies'], READ_VERBS)]),
    rule([''], ['componentstatuses', ...(v.atLeast(20) ? [] : ['endpoints']), 'namespaces', 'nodes', 'pods', 'services'], READ_VERBS),
    rule(['apiextensions.k8s.io'], ['customresourcedefinitions'], READ_VERBS),
    ...(v.atLeast(19) ? [] : [rule(['cilium.io'], ['*'], READ_VERBS)]),
  ];
}

/**
 * The frontend's server block: the single-page app from /app (unknown paths fall back to index.html),
 * `/api` to the backend, `/healthz` answering "ok" for the liveness probe, probes not logged.
 */
function nginxConfig(): string {
  return [
    'server {',
    `  listen ${HTTP_PORT};`,
    `  listen [::]:${HTTP_PORT};`,
    '  server_name localhost;',
    '  root /app;',
    '  index index.html;',
    '  client_max_body_size 1G;',
    '  location / {',
    '    proxy_set_header Host $host;',
    '    proxy_set_header X-Real-IP $remote_addr;',
    '    location /api {',
    '      proxy_http_version 1.1;',
    '      proxy_pass_request_headers on;',
    `      proxy_pass http://127.0.0.1:${BACKEND_PORT};`,
    '    }',
    '    location / {',
    '      if ($http_user_agent ~* "kube-probe") { access_log off; }',
    '      try_files $uri $uri/ /index.html /index.html;',
    '    }',
    '    location /healthz {',
    '      access_log off;',
    '      add_header Content-Type text/plain;',
    "      return 200 'ok';",
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
}

function uiPod(settings: CiliumSettings): k8s.PodSpec {
  const v = settings.version;
  // 1.20 hardens the pod: non-root enforced, the runtime's seccomp profile, no capabilities, a bounded /tmp.
  const hardened = v.atLeast(20);
  const probePort = v.atLeast(19) ? k8s.IntOrString.fromString('http') : k8s.IntOrString.fromNumber(HTTP_PORT);
  const containerSecurity: k8s.SecurityContext = { allowPrivilegeEscalation: false, ...(hardened ? { capabilities: { drop: ['ALL'] } } : {}) };
  return {
    securityContext: {
      fsGroup: UI_USER,
      runAsGroup: UI_USER,
      ...(hardened ? { runAsNonRoot: true } : {}),
      runAsUser: UI_USER,
      ...(hardened ? { seccompProfile: { type: 'RuntimeDefault' } } : {}),
    },
    serviceAccountName: HUBBLE_UI,
    automountServiceAccountToken: true,
    containers: [
      {
        name: 'frontend',
        image: settings.images.hubbleUi,
        imagePullPolicy: settings.imagePullPolicy,
        ports: [{ name: 'http', containerPort: HTTP_PORT }],
        livenessProbe: { httpGet: { path: '/healthz', port: probePort } },
        readinessProbe: { httpGet: { path: '/', port: probePort } },
        volumeMounts: [
          { name: 'hubble-ui-nginx-conf', mountPath: '/etc/nginx/conf.d/default.conf', subPath: 'nginx.conf' },
          { name: 'tmp-dir', mountPath: '/tmp' },
        ],
        terminationMessagePolicy: 'FallbackToLogsOnError',
        securityContext: containerSecurity,
      },
      {
        name: 'backend',
        image: settings.images.hubbleUiBackend,
        imagePullPolicy: settings.imagePullPolicy,
        env: [
          { name: 'EVENTS_SERVER_PORT', value: String(BACKEND_PORT) },
          { name: 'FLOWS_API_ADDR', value: `${HUBBLE_RELAY}:${HUBBLE_RELAY_SERVICE_PORT}` },
        ],
        ports: [{ name: 'grpc', containerPort: BACKEND_PORT }],
        terminationMessagePolicy: 'FallbackToLogsOnError',
        securityContext: containerSecurity,
      },
    ],
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    volumes: [
      { name: 'hubble-ui-nginx-conf', configMap: { defaultMode: 0o644, name: HUBBLE_UI_NGINX } },
      { name: 'tmp-dir', emptyDir: hardened ? { sizeLimit: k8s.Quantity.fromString('256Mi') } : {} },
    ],
  };
}
