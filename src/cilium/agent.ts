import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { hostPathVolume } from '../util/host-path-volume';
import { HUBBLE_TLS_DIR } from './config';
import { AGENT, CONFIG_DIR, CONFIG_MAP, HUBBLE_SERVER_CERTS, NAMESPACE, PART_OF } from './names';
import { apiServerEnv, capabilities, downwardEnv, loopbackProbe, UnconfinedDaemonSet } from './pod-common';
import { CiliumSettings } from './settings';

/** The agent's health endpoint on the node's loopback. */
const AGENT_HEALTH_PORT = 9879;
/** The agent's Hubble server (`hubble-listen-address`). */
const HUBBLE_PORT = 4244;
const CNI_BIN = '/opt/cni/bin';
const CGROUP_ROOT = '/run/cilium/cgroupv2';

/** Labels of the agent pods; `k8s-app: cilium` is the selector hubble-peer and cilium-envoy rely on. */
export const AGENT_SELECTOR = { 'k8s-app': AGENT };

/**
 * The agent DaemonSet `cilium`, as the chart of the chosen release renders it for Kubernetes >= 1.30.
 * Left out on purpose: the chart's postStart hook that deletes AWS VPC CNI SNAT rules (only relevant on
 * nodes that ran the AWS VPC CNI before).
 */
export function addAgent(scope: Construct, s: CiliumSettings): k8s.KubeDaemonSet {
  const labels = { ...AGENT_SELECTOR, 'app.kubernetes.io/name': 'cilium-agent', ...PART_OF };
  const v = s.version;
  const image = s.images.agent;
  // 1.19 names the health port and probes it by name; the 1.19 helper scripts run in bash.
  const healthPort = v.atLeast(19) ? 'health' : AGENT_HEALTH_PORT;
  const shell = v.atLeast(19) ? 'bash' : 'sh';
  const imagePullPolicy = s.imagePullPolicy;
  const fromConfig = (name: string, key: string): k8s.EnvVar =>
    ({ name, valueFrom: { configMapKeyRef: { name: CONFIG_MAP, key, optional: true } } });
  // Copies a static helper into the host's CNI bin dir and runs it in the host's namespaces (nsenter).
  const hostHelper = (binary: string, nsenter: string, args: string) =>
    `cp /usr/bin/${binary} /hostbin/${binary};\nnsenter ${nsenter} "\${BIN_PATH}/${binary}"${args};\nrm /hostbin/${binary}\n`;
  const hostHelperMounts: k8s.VolumeMount[] = [
    { name: 'hostproc', mountPath: '/hostproc' },
    { name: 'cni-path', mountPath: '/hostbin' },
  ];

  const agent: k8s.Container = {
    name: 'cilium-agent',
    image,
    imagePullPolicy,
    command: ['cilium-agent'],
    args: [`--config-dir=${CONFIG_DIR}`],
    // 1.18 waits longer for a slow first start and keeps a running agent alive while the API server is away.
    startupProbe: loopbackProbe(s, healthPort, { failureThreshold: v.atLeast(18) ? 300 : 105, periodSeconds: 2, successThreshold: 1, initialDelaySeconds: 5 }, true),
    livenessProbe: loopbackProbe(s, healthPort, { periodSeconds: 30, successThreshold: 1, failureThreshold: 10, timeoutSeconds: 5 }, true,
      v.atLeast(18) ? [{ name: 'require-k8s-connectivity', value: 'false' }] : []),
    readinessProbe: loopbackProbe(s, healthPort, { periodSeconds: 30, successThreshold: 1, failureThreshold: 3, timeoutSeconds: 5 }, true),
    env: [
      ...downwardEnv(),
      { name: 'CILIUM_CLUSTERMESH_CONFIG', value: '/var/lib/cilium/clustermesh/' },
      // The Go runtime's soft memory limit follows the container's limit (none by default).
      { name: 'GOMEMLIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: k8s.Quantity.fromString('1') } } },
      // 1.18: client back-off towards the API server, in seconds.
      ...(v.atLeast(18) ? [{ name: 'KUBE_CLIENT_BACKOFF_BASE', value: '1' }, { name: 'KUBE_CLIENT_BACKOFF_DURATION', value: '120' }] : []),
      ...apiServerEnv(s),
    ],
    // Removes the CNI config so no pod is scheduled onto the node while the agent is gone.
    lifecycle: { preStop: { exec: { command: ['/cni-uninstall.sh'] } } },
    ...(v.atLeast(19) ? {
      ports: [
        { name: 'health', containerPort: AGENT_HEALTH_PORT, hostPort: AGENT_HEALTH_PORT, protocol: 'TCP' },
        { name: 'peer-service', containerPort: HUBBLE_PORT, hostPort: HUBBLE_PORT, protocol: 'TCP' },
      ],
    } : {}),
    // 1.19 adds SYSLOG (reading the kernel log for BPF verifier messages).
    securityContext: capabilities(['CHOWN', 'KILL', 'NET_ADMIN', 'NET_RAW', 'IPC_LOCK', 'SYS_MODULE', 'SYS_ADMIN',
      'SYS_RESOURCE', 'DAC_OVERRIDE', 'FOWNER', 'SETGID', 'SETUID', ...(v.atLeast(19) ? ['SYSLOG'] : [])]),
    terminationMessagePolicy: 'FallbackToLogsOnError',
    volumeMounts: [
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
      ...(s.hubbleTls ? [{ name: 'hubble-tls', mountPath: HUBBLE_TLS_DIR, readOnly: true }] : []),
      { name: 'tmp', mountPath: '/tmp' },
    ],
  };

  const initContainers: k8s.Container[] = [
    {
      // Resolves cilium-config (and per-node overrides) into /tmp/cilium/config-map for the agent.
      name: 'config',
      image,
      imagePullPolicy,
      command: ['cilium-dbg', 'build-config', ...(v.atLeast(20) ? ['--k8s-api-server-urls='] : [])],
      env: [...downwardEnv(), ...apiServerEnv(s)],
      volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
      terminationMessagePolicy: 'FallbackToLogsOnError',
      ...(v.atLeast(19) ? { securityContext: { capabilities: { add: ['NET_ADMIN'], drop: ['ALL'] } } } : {}),
    },
    {
      // Mounts the cgroup2 filesystem at /run/cilium/cgroupv2 in the host's mount namespace.
      name: 'mount-cgroup',
      image,
      imagePullPolicy,
      env: [{ name: 'CGROUP_ROOT', value: CGROUP_ROOT }, { name: 'BIN_PATH', value: CNI_BIN }],
      command: [shell, '-ec', hostHelper('cilium-mount', '--cgroup=/hostproc/1/ns/cgroup --mount=/hostproc/1/ns/mnt', ' $CGROUP_ROOT')],
      volumeMounts: hostHelperMounts,
      terminationMessagePolicy: 'FallbackToLogsOnError',
      securityContext: capabilities(['SYS_ADMIN', 'SYS_CHROOT', 'SYS_PTRACE']),
    },
    {
      // Keeps systemd from overriding rp_filter on Cilium's interfaces (drop-in in the host's /etc/sysctl.d).
      name: 'apply-sysctl-overwrites',
      image,
      imagePullPolicy,
      env: [{ name: 'BIN_PATH', value: CNI_BIN }],
      command: [shell, '-ec', hostHelper('cilium-sysctlfix', '--mount=/hostproc/1/ns/mnt', '')],
      volumeMounts: hostHelperMounts,
      terminationMessagePolicy: 'FallbackToLogsOnError',
      securityContext: capabilities(['SYS_ADMIN', 'SYS_CHROOT', 'SYS_PTRACE']),
    },
    {
      // Bidirectional mount propagation needs a privileged container.
      name: 'mount-bpf-fs',
      image,
      imagePullPolicy,
      args: ['mount | grep "/sys/fs/bpf type bpf" || mount -t bpf bpf /sys/fs/bpf'],
      command: ['/bin/bash', '-c', '--'],
      terminationMessagePolicy: 'FallbackToLogsOnError',
      securityContext: { privileged: true },
      volumeMounts: [{ name: 'bpf-maps', mountPath: '/sys/fs/bpf', mountPropagation: 'Bidirectional' }],
    },
    {
      // Wipes state only when cilium-config asks for it (clean-cilium-state / clean-cilium-bpf-state).
      name: 'clean-cilium-state',
      image,
      imagePullPolicy,
      command: ['/init-container.sh'],
      env: [
        fromConfig('CILIUM_ALL_STATE', 'clean-cilium-state'),
        fromConfig('CILIUM_BPF_STATE', 'clean-cilium-bpf-state'),
        fromConfig('WRITE_CNI_CONF_WHEN_READY', 'write-cni-conf-when-ready'),
        ...apiServerEnv(s),
      ],
      terminationMessagePolicy: 'FallbackToLogsOnError',
      securityContext: capabilities(['NET_ADMIN', 'SYS_MODULE', 'SYS_ADMIN', 'SYS_RESOURCE']),
      volumeMounts: [
        { name: 'bpf-maps', mountPath: '/sys/fs/bpf' },
        { name: 'cilium-cgroup', mountPath: CGROUP_ROOT, mountPropagation: 'HostToContainer' },
        { name: 'cilium-run', mountPath: '/var/run/cilium' },
      ],
    },
    {
      // The CNI plugin binary is copied here, so the agent itself needs no writable /opt/cni/bin.
      name: 'install-cni-binaries',
      image,
      imagePullPolicy,
      command: ['/install-plugin.sh'],
      resources: {
        // cpu as the string "1" (the chart has the number): the API server stores it as a string, and a
        // number would make every re-apply report a change.
        ...(v.atLeast(19) ? { limits: { cpu: k8s.Quantity.fromString('1'), memory: k8s.Quantity.fromString('1Gi') } } : {}),
        requests: { cpu: k8s.Quantity.fromString('100m'), memory: k8s.Quantity.fromString('10Mi') },
      },
      securityContext: capabilities([]),
      terminationMessagePolicy: 'FallbackToLogsOnError',
      volumeMounts: [{ name: 'cni-path', mountPath: `/host${CNI_BIN}` }],
    },
  ];

  const optionalSecret = (name: string, items?: Array<[string, string]>): k8s.VolumeProjection => ({
    secret: { name, optional: true, ...(items ? { items: items.map(([key, path]) => ({ key, path })) } : {}) },
  });
  const volumes: k8s.Volume[] = [
    { name: 'tmp', emptyDir: {} },
    hostPathVolume('cilium-run', '/var/run/cilium', 'DirectoryOrCreate'),
    hostPathVolume('cilium-netns', '/var/run/netns', 'DirectoryOrCreate'),
    hostPathVolume('bpf-maps', '/sys/fs/bpf', 'DirectoryOrCreate'),
    hostPathVolume('hostproc', '/proc', 'Directory'),
    hostPathVolume('cilium-cgroup', CGROUP_ROOT, 'DirectoryOrCreate'),
    hostPathVolume('cni-path', CNI_BIN, 'DirectoryOrCreate'),
    hostPathVolume('etc-cni-netd', '/etc/cni/net.d', 'DirectoryOrCreate'),
    hostPathVolume('lib-modules', '/lib/modules'),
    // Shared with kube-proxy and other iptables users on the node.
    hostPathVolume('xtables-lock', '/run/xtables.lock', 'FileOrCreate'),
    hostPathVolume('envoy-sockets', '/var/run/cilium/envoy/sockets', 'DirectoryOrCreate'),
    {
      // Cluster Mesh credentials, all optional: mounted now so enabling Cluster Mesh needs no restart.
      name: 'clustermesh-secrets',
      projected: {
        defaultMode: 0o400,
        sources: [
          optionalSecret('cilium-clustermesh'),
          optionalSecret('clustermesh-apiserver-remote-cert',
            [['tls.key', 'common-etcd-client.key'], ['tls.crt', 'common-etcd-client.crt'], ['ca.crt', 'common-etcd-client-ca.crt']]),
          optionalSecret('clustermesh-apiserver-local-cert',
            [['tls.key', 'local-etcd-client.key'], ['tls.crt', 'local-etcd-client.crt'], ['ca.crt', 'local-etcd-client-ca.crt']]),
        ],
      },
    },
    hostPathVolume('host-proc-sys-net', '/proc/sys/net', 'Directory'),
    hostPathVolume('host-proc-sys-kernel', '/proc/sys/kernel', 'Directory'),
  ];
  if (s.hubbleTls) {
    // Optional: the Secret appears once the certgen Job ran; the kubelet then fills the volume.
    volumes.push({
      name: 'hubble-tls',
      projected: {
        defaultMode: 0o400,
        sources: [optionalSecret(HUBBLE_SERVER_CERTS, [['tls.crt', 'server.crt'], ['tls.key', 'server.key'], ['ca.crt', 'client-ca.crt']])],
      },
    });
  }

  return new UnconfinedDaemonSet(scope, 'agent', {
    metadata: { name: AGENT, namespace: NAMESPACE, labels },
    spec: {
      selector: { matchLabels: AGENT_SELECTOR },
      updateStrategy: { rollingUpdate: { maxUnavailable: k8s.IntOrString.fromNumber(2) }, type: 'RollingUpdate' },
      template: {
        metadata: {
          ...(v.atLeast(18) ? { annotations: { 'kubectl.kubernetes.io/default-container': agent.name } } : {}),
          labels,
        },
        spec: {
          ...(v.atLeast(18) ? { securityContext: { seccompProfile: { type: 'Unconfined' } } } : {}),
          containers: [agent],
          initContainers,
          restartPolicy: 'Always',
          priorityClassName: 'system-node-critical',
          serviceAccountName: AGENT,
          automountServiceAccountToken: true,
          terminationGracePeriodSeconds: 1,
          hostNetwork: true,
          // One agent per node, even during a rolling update.
          affinity: {
            podAntiAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: AGENT_SELECTOR }, topologyKey: 'kubernetes.io/hostname' }],
            },
          },
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [{ operator: 'Exists' }],
          volumes,
        },
      },
    },
  });
}
