import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { hostPathVolume } from '../util/host-path-volume';
import { CGROUP_ROOT, CNI_BIN } from './agent-paths';
import { HUBBLE_SERVER_CERTS } from './names';
import { CiliumSettings } from './settings';

/** The agent pod's volumes: host paths, Cluster Mesh credentials and, with TLS, the Hubble server certificate. */
export function agentVolumes(settings: CiliumSettings): k8s.Volume[] {
  return [
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
    clustermeshSecrets(),
    hostPathVolume('host-proc-sys-net', '/proc/sys/net', 'Directory'),
    hostPathVolume('host-proc-sys-kernel', '/proc/sys/kernel', 'Directory'),
    ...(settings.hubbleTls ? [hubbleTlsVolume()] : []),
  ];
}

/** A projected Secret that may be absent; `items` maps Secret keys to file names. */
function optionalSecret(name: string, items?: Array<[string, string]>): k8s.VolumeProjection {
  return { secret: { name, optional: true, ...(items ? { items: items.map(([key, path]) => ({ key, path })) } : {}) } };
}

/** Cluster Mesh credentials, all optional: mounted now so enabling Cluster Mesh needs no restart. */
function clustermeshSecrets(): k8s.Volume {
  return {
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
  };
}

/** Optional: the Secret appears once the certgen Job ran; the kubelet then fills the volume. */
function hubbleTlsVolume(): k8s.Volume {
  return {
    name: 'hubble-tls',
    projected: {
      defaultMode: 0o400,
      sources: [optionalSecret(HUBBLE_SERVER_CERTS, [['tls.crt', 'server.crt'], ['tls.key', 'server.key'], ['ca.crt', 'client-ca.crt']])],
    },
  };
}
