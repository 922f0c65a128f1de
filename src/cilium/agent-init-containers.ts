import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { CGROUP_ROOT, CNI_BIN } from './agent-paths';
import { capabilities } from './capabilities';
import { CONFIG_MAP } from './names';
import { apiServerEnv, downwardEnv } from './pod-env';
import { CiliumSettings } from './settings';

/** The agent's init containers, in the order the kubelet runs them. */
export function agentInitContainers(settings: CiliumSettings): k8s.Container[] {
  return [
    buildConfig(settings),
    mountCgroup(settings),
    applySysctlOverwrites(settings),
    mountBpfFs(settings),
    cleanCiliumState(settings),
    installCniBinaries(settings),
  ];
}

/** Image, pull policy and log policy, as every init container has them. */
function initContainer(settings: CiliumSettings, name: string): Pick<k8s.Container, 'name' | 'image' | 'imagePullPolicy' | 'terminationMessagePolicy'> {
  return { name, image: settings.images.agent, imagePullPolicy: settings.imagePullPolicy, terminationMessagePolicy: 'FallbackToLogsOnError' };
}

/** 1.19 helper scripts run in bash. */
function shell(settings: CiliumSettings): string {
  return settings.version.atLeast(19) ? 'bash' : 'sh';
}

const HOST_HELPER_MOUNTS: k8s.VolumeMount[] = [
  { name: 'hostproc', mountPath: '/hostproc' },
  { name: 'cni-path', mountPath: '/hostbin' },
];

/**
 * An init container that copies a static helper from the image into the host's CNI bin dir, runs it
 * in the host's namespaces (nsenter) and removes it again.
 */
function hostHelper(settings: CiliumSettings, name: string, binary: string, nsenterArgs: string, helperArgs: string, env: k8s.EnvVar[]): k8s.Container {
  const script = `cp /usr/bin/${binary} /hostbin/${binary};\nnsenter ${nsenterArgs} "\${BIN_PATH}/${binary}"${helperArgs};\nrm /hostbin/${binary}\n`;
  return {
    ...initContainer(settings, name),
    env: [...env, { name: 'BIN_PATH', value: CNI_BIN }],
    command: [shell(settings), '-ec', script],
    volumeMounts: HOST_HELPER_MOUNTS,
    securityContext: capabilities(['SYS_ADMIN', 'SYS_CHROOT', 'SYS_PTRACE']),
  };
}

/** Resolves cilium-config (and per-node overrides) into /tmp/cilium/config-map for the agent. */
function buildConfig(settings: CiliumSettings): k8s.Container {
  const version = settings.version;
  return {
    ...initContainer(settings, 'config'),
    command: ['cilium-dbg', 'build-config', ...(version.atLeast(20) ? ['--k8s-api-server-urls='] : [])],
    env: [...downwardEnv(), ...apiServerEnv(settings)],
    volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
    ...(version.atLeast(19) ? { securityContext: { capabilities: { add: ['NET_ADMIN'], drop: ['ALL'] } } } : {}),
  };
}

/** Mounts the cgroup2 filesystem at /run/cilium/cgroupv2 in the host's mount namespace. */
function mountCgroup(settings: CiliumSettings): k8s.Container {
  return hostHelper(settings, 'mount-cgroup', 'cilium-mount', '--cgroup=/hostproc/1/ns/cgroup --mount=/hostproc/1/ns/mnt', ' $CGROUP_ROOT',
    [{ name: 'CGROUP_ROOT', value: CGROUP_ROOT }]);
}

/** Keeps systemd from overriding rp_filter on Cilium's interfaces (drop-in in the host's /etc/sysctl.d). */
function applySysctlOverwrites(settings: CiliumSettings): k8s.Container {
  return hostHelper(settings, 'apply-sysctl-overwrites', 'cilium-sysctlfix', '--mount=/hostproc/1/ns/mnt', '', []);
}

/** Mounts the BPF filesystem; bidirectional mount propagation needs a privileged container. */
function mountBpfFs(settings: CiliumSettings): k8s.Container {
  return {
    ...initContainer(settings, 'mount-bpf-fs'),
    args: ['mount | grep "/sys/fs/bpf type bpf" || mount -t bpf bpf /sys/fs/bpf'],
    command: ['/bin/bash', '-c', '--'],
    securityContext: { privileged: true },
    volumeMounts: [{ name: 'bpf-maps', mountPath: '/sys/fs/bpf', mountPropagation: 'Bidirectional' }],
  };
}

/** Wipes state only when cilium-config asks for it (clean-cilium-state / clean-cilium-bpf-state). */
function cleanCiliumState(settings: CiliumSettings): k8s.Container {
  const fromConfig = (name: string, key: string): k8s.EnvVar =>
    ({ name, valueFrom: { configMapKeyRef: { name: CONFIG_MAP, key, optional: true } } });
  return {
    ...initContainer(settings, 'clean-cilium-state'),
    command: ['/init-container.sh'],
    env: [
      fromConfig('CILIUM_ALL_STATE', 'clean-cilium-state'),
      fromConfig('CILIUM_BPF_STATE', 'clean-cilium-bpf-state'),
      fromConfig('WRITE_CNI_CONF_WHEN_READY', 'write-cni-conf-when-ready'),
      ...apiServerEnv(settings),
    ],
    securityContext: capabilities(['NET_ADMIN', 'SYS_MODULE', 'SYS_ADMIN', 'SYS_RESOURCE']),
    volumeMounts: [
      { name: 'bpf-maps', mountPath: '/sys/fs/bpf' },
      { name: 'cilium-cgroup', mountPath: CGROUP_ROOT, mountPropagation: 'HostToContainer' },
      { name: 'cilium-run', mountPath: '/var/run/cilium' },
    ],
  };
}

/** Copies the CNI plugin binary to the node, so the agent itself needs no writable /opt/cni/bin. */
function installCniBinaries(settings: CiliumSettings): k8s.Container {
  return {
    ...initContainer(settings, 'install-cni-binaries'),
    command: ['/install-plugin.sh'],
    resources: {
      // cpu as the string "1" (the chart has the number): the API server stores it as a string, and a
      // number would make every re-apply report a change.
      ...(settings.version.atLeast(19) ? { limits: { cpu: k8s.Quantity.fromString('1'), memory: k8s.Quantity.fromString('1Gi') } } : {}),
      requests: { cpu: k8s.Quantity.fromString('100m'), memory: k8s.Quantity.fromString('10Mi') },
    },
    securityContext: capabilities([]),
    volumeMounts: [{ name: 'cni-path', mountPath: `/host${CNI_BIN}` }],
  };
}
