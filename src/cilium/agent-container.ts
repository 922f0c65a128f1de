import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { HUBBLE_TLS_DIR } from './agent-paths';
import { capabilities } from './capabilities';
import { loopbackProbe } from './loopback-probe';
import { CONFIG_DIR } from './names';
import { apiServerEnv, downwardEnv } from './pod-env';
import { agentMetricsPorts } from './metrics';
import { AGENT_HEALTH_PORT, HUBBLE_PORT } from './ports';
import { CiliumSettings } from './settings';

/** The `cilium-agent` container: the datapath, reading cilium-config as the `config` init container built it. */
export function agentContainer(settings: CiliumSettings): k8s.Container {
  const version = settings.version;
  return {
    name: 'cilium-agent',
    image: settings.images.agent,
    imagePullPolicy: settings.imagePullPolicy,
    command: ['cilium-agent'],
    args: [`--config-dir=${CONFIG_DIR}`],
    ...agentProbes(settings),
    env: agentEnv(settings),
    // Removes the CNI config so no pod is scheduled onto the node while the agent is gone.
    lifecycle: { preStop: { exec: { command: ['/cni-uninstall.sh'] } } },
    ...agentPorts(settings),
    // 1.19 adds SYSLOG (reading the kernel log for BPF verifier messages).
    securityContext: capabilities(['CHOWN', 'KILL', 'NET_ADMIN', 'NET_RAW', 'IPC_LOCK', 'SYS_MODULE', 'SYS_ADMIN',
      'SYS_RESOURCE', 'DAC_OVERRIDE', 'FOWNER', 'SETGID', 'SETUID', ...(version.atLeast(19) ? ['SYSLOG'] : [])]),
    terminationMessagePolicy: 'FallbackToLogsOnError',
    volumeMounts: agentVolumeMounts(settings),
  };
}

/**
 * The agent's host ports as the chart lists them: from 1.19 always the health and Hubble ports; the 1.18
 * chart lists ports only when there are metrics ports, and then the Hubble port first.
 */
function agentPorts(settings: CiliumSettings): Pick<k8s.Container, 'ports'> {
  const port = (name: string, n: number): k8s.ContainerPort => ({ name, containerPort: n, hostPort: n, protocol: 'TCP' });
  const metrics = agentMetricsPorts(settings).map((p) => port(p.name, p.port));
  if (settings.version.atLeast(19)) return { ports: [port('health', AGENT_HEALTH_PORT), port('peer-service', HUBBLE_PORT), ...metrics] };
  return metrics.length > 0 ? { ports: [port('peer-service', HUBBLE_PORT), ...metrics] } : {};
}

/**
 * Startup, liveness and readiness probes of the health endpoint. 1.18 waits longer for a slow first start
 * and keeps a running agent alive while the API server is away; 1.19 names the port and probes it by name.
 */
function agentProbes(settings: CiliumSettings): Pick<k8s.Container, 'startupProbe' | 'livenessProbe' | 'readinessProbe'> {
  const version = settings.version;
  const healthPort = version.atLeast(19) ? 'health' : AGENT_HEALTH_PORT;
  return {
    startupProbe: loopbackProbe(settings, healthPort, { failureThreshold: version.atLeast(18) ? 300 : 105, periodSeconds: 2, successThreshold: 1, initialDelaySeconds: 5 }, true),
    livenessProbe: loopbackProbe(settings, healthPort, { periodSeconds: 30, successThreshold: 1, failureThreshold: 10, timeoutSeconds: 5 }, true,
      version.atLeast(18) ? [{ name: 'require-k8s-connectivity', value: 'false' }] : []),
    readinessProbe: loopbackProbe(settings, healthPort, { periodSeconds: 30, successThreshold: 1, failureThreshold: 3, timeoutSeconds: 5 }, true),
  };
}

function agentEnv(settings: CiliumSettings): k8s.EnvVar[] {
  return [
    ...downwardEnv(),
    { name: 'CILIUM_CLUSTERMESH_CONFIG', value: '/var/lib/cilium/clustermesh/' },
    // The Go runtime's soft memory limit follows the container's limit (none by default).
    { name: 'GOMEMLIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: k8s.Quantity.fromString('1') } } },
    // 1.18: client back-off towards the API server, in seconds.
    ...(settings.version.atLeast(18) ? [{ name: 'KUBE_CLIENT_BACKOFF_BASE', value: '1' }, { name: 'KUBE_CLIENT_BACKOFF_DURATION', value: '120' }] : []),
    ...apiServerEnv(settings),
  ];
}

function agentVolumeMounts(settings: CiliumSettings): k8s.VolumeMount[] {
  return [
    { name: 'envoy-sockets', mountPath: '/var/run/cilium/envoy/sockets' },
    // Unprivileged: sysctls are written through host mounts of /proc/sys.
    { name: 'host-proc-sys-net', mountPath: '/host/proc/sys/net' },
    { name: 'host-proc-sys-kernel', mountPath: '/host/proc/sys/kernel' },
    // Mounted by the privileged mount-bpf-fs init container; propagated from the host.
    { name: 'bpf-maps', mountPath: '/sys/fs/bpf', mountPropagation: 'HostToContainer' },
    { name: 'cilium-run', mountPath: '/var/run/cilium' },
    { name: 'cilium-netns', mountPath: '/var/run/cilium/netns', mountPropagation: 'HostToContainer' },
    { name: 'etc-cni-netd', mountPath: '/host/etc/cni/net.d' },
    { name: 'clustermesh-secrets', mountPath: '/var/lib/cilium/clustermesh', readOnly: true },
    { name: 'lib-modules', mountPath: '/lib/modules', readOnly: true },
    { name: 'xtables-lock', mountPath: '/run/xtables.lock' },
    ...(settings.hubbleTls ? [{ name: 'hubble-tls', mountPath: HUBBLE_TLS_DIR, readOnly: true }] : []),
    { name: 'tmp', mountPath: '/tmp' },
  ];
}
