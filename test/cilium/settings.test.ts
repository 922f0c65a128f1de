import { Testing } from 'cdk8s';
import { ImagePullPolicy } from 'cdk8s-plus-28';
import { CiliumPrimary, CiliumPrimaryProps, HubbleTls, IpamMode, RoutingMode, TunnelProtocol } from '../../src/cilium';

function build(props: CiliumPrimaryProps): () => void {
  return () => new CiliumPrimary(Testing.chart(), 'cilium', props);
}

// Props a caller without the type checker (JavaScript, YAML values) could pass.

const untyped = (value: unknown): any => value;

describe('CiliumPrimary rejects invalid props at construction', () => {
  test.each<[string, CiliumPrimaryProps, RegExp]>([
    ['ipam not an IpamMode', { ipam: untyped('kubernetes') }, /^ipam: invalid value "kubernetes": expected an IpamMode: IpamMode\.KUBERNETES or IpamMode\.clusterPool\(\{ podCidrs \}\) \("kubernetes" or "cluster-pool" with clusterPool\.podCidrs in a values file\)$/],
    ['podCidrs empty', { podCidrs: [] }, /^podCidrs: invalid value \[\]: expected one cidr per family \(1 or 2 entries\)$/],
    ['podCidrs malformed', { podCidrs: ['10.244.0.0/33'] }, /^podCidrs\[0\]: invalid cidr "10\.244\.0\.0\/33"/],
    ['podCidrs host bits', { podCidrs: ['10.244.1.0/16'] }, /^podCidrs\[0\]: invalid cidr "10\.244\.1\.0\/16": host bits are set/],
    ['podCidrs two of a family', { podCidrs: ['10.244.0.0/16', '10.245.0.0/16'] }, /^podCidrs: invalid value \["10\.244\.0\.0\/16","10\.245\.0\.0\/16"\]: expected one IPv4 and one IPv6 range for dual-stack, got two IPv4 ranges$/],
    ['podCidrs with cluster-pool', { ipam: IpamMode.clusterPool({ podCidrs: ['10.128.0.0/14'] }), podCidrs: ['10.244.0.0/16'] },
      /^podCidrs: invalid value \["10\.244\.0\.0\/16"\]: expected no podCidrs with ipam cluster-pool: its pools \(clusterPool\.podCidrs\) are the pod ranges$/],
    ['cluster-pool without pools', { ipam: IpamMode.clusterPool({ podCidrs: [] }) }, /^clusterPool\.podCidrs: invalid value \[\]: expected at least one cidr/],
    ['cluster-pool malformed pool', { ipam: IpamMode.clusterPool({ podCidrs: ['10.128.0.0'] }) }, /^clusterPool\.podCidrs\[0\]: invalid cidr "10\.128\.0\.0"/],
    ['cluster-pool mask not longer than the pool', { ipam: IpamMode.clusterPool({ podCidrs: ['10.128.0.0/14'], ipv4MaskSize: 14 }) },
      /^clusterPool\.ipv4MaskSize: invalid value 14: expected a whole number longer than every IPv4 pool's prefix \(\/14\) and at most 32$/],
    ['cluster-pool mask over 32', { ipam: IpamMode.clusterPool({ podCidrs: ['10.128.0.0/14'], ipv4MaskSize: 33 }) }, /^clusterPool\.ipv4MaskSize: invalid value 33: .*at most 32$/],
    ['cluster-pool mask not an integer', { ipam: IpamMode.clusterPool({ podCidrs: ['10.128.0.0/14'], ipv4MaskSize: 24.5 }) }, /^clusterPool\.ipv4MaskSize: invalid value 24\.5: expected a whole number/],
    ['cluster-pool IPv6 mask without IPv6 pool', { ipam: IpamMode.clusterPool({ podCidrs: ['10.128.0.0/14'], ipv6MaskSize: 120 }) },
      /^clusterPool\.ipv6MaskSize: invalid value 120: expected no IPv6 mask size: clusterPool\.podCidrs \["10\.128\.0\.0\/14"\] has no IPv6 pool$/],
    ['routingMode unknown', { routingMode: untyped('direct') }, /^routingMode: invalid value "direct": expected "tunnel" or "native"$/],
    ['tunnelProtocol unknown', { tunnelProtocol: untyped('gre') }, /^tunnelProtocol: invalid value "gre": expected "vxlan" or "geneve"$/],
    ['tunnelPort out of range', { tunnelPort: 70000 }, /^tunnelPort: invalid value 70000: expected a port number from 1 to 65535$/],
    ['tunnelPort zero', { tunnelPort: 0 }, /^tunnelPort: invalid value 0: expected a port number from 1 to 65535$/],
    ['native routing without ipv4NativeRoutingCidr', { routingMode: RoutingMode.NATIVE },
      /^ipv4NativeRoutingCidr: required with routingMode native: the IPv4 range reached without masquerading, containing the pod ranges \["10\.244\.0\.0\/16"\]$/],
    ['native routing dual-stack without ipv6NativeRoutingCidr',
      { routingMode: RoutingMode.NATIVE, podCidrs: ['10.244.0.0/16', 'fd00:10:244::/56'], ipv4NativeRoutingCidr: '10.244.0.0/16' },
      /^ipv6NativeRoutingCidr: required with routingMode native: .*\["fd00:10:244::\/56"\]$/],
    ['native routing CIDR not containing the pods', { routingMode: RoutingMode.NATIVE, ipv4NativeRoutingCidr: '10.96.0.0/12' },
      /^ipv4NativeRoutingCidr: invalid value "10\.96\.0\.0\/12": expected a range containing the pod ranges, but 10\.244\.0\.0\/16 is outside it/],
    ['native routing CIDR of the wrong family', { routingMode: RoutingMode.NATIVE, ipv4NativeRoutingCidr: 'fd00::/8' },
      /^ipv4NativeRoutingCidr: invalid value "fd00::\/8": expected an IPv4 cidr$/],
    ['native routing CIDR malformed', { routingMode: RoutingMode.NATIVE, ipv4NativeRoutingCidr: '10.0.0.0/x' }, /^ipv4NativeRoutingCidr: invalid cidr "10\.0\.0\.0\/x"/],
    ['IPv6 native routing CIDR without IPv6 pods', { ipv6NativeRoutingCidr: 'fd00::/8' },
      /^ipv6NativeRoutingCidr: invalid value "fd00::\/8": expected no IPv6 range: the pod ranges \["10\.244\.0\.0\/16"\] have no IPv6$/],
    ['kube-proxy replacement without the API server', { kubeProxyReplacement: true },
      /^kubeProxyReplacement: invalid value true: expected k8sServiceHost and k8sServicePort set with it: without kube-proxy the agent cannot reach the API server/],
    ['k8sServiceHost without port', { k8sServiceHost: '172.18.0.2' },
      /^k8sServicePort: required with k8sServiceHost: set both or neither, got k8sServiceHost "172\.18\.0\.2" and k8sServicePort undefined$/],
    ['k8sServicePort without host', { k8sServicePort: 6443 }, /^k8sServiceHost: required with k8sServicePort: set both or neither, got k8sServiceHost undefined and k8sServicePort 6443$/],
    ['k8sServiceHost with scheme', { k8sServiceHost: 'https://172.18.0.2', k8sServicePort: 6443 },
      /^k8sServiceHost: invalid value "https:\/\/172\.18\.0\.2": expected an IP address or DNS name \(no scheme, port or brackets\), such as "172\.18\.0\.2"$/],
    ['k8sServiceHost bad IPv4', { k8sServiceHost: '172.18.0.256', k8sServicePort: 6443 }, /^k8sServiceHost: invalid value "172\.18\.0\.256": expected an IP address or DNS name/],
    ['k8sServicePort out of range', { k8sServiceHost: 'kind-control-plane', k8sServicePort: 65536 }, /^k8sServicePort: invalid value 65536: expected a port number from 1 to 65535$/],
    ['devices empty', { devices: [] }, /^devices: invalid value \[\]: expected a non-empty list of interface names such as \["eth0"\]$/],
    ['devices with a space', { devices: ['eth0', 'eth 1'] }, /^devices\[1\]: invalid value "eth 1": expected a network interface name/],
    ['device name too long', { devices: ['a-very-long-interface'] }, /^devices\[0\]: invalid value "a-very-long-interface": expected a network interface name/],
    ['clusterName with uppercase', { clusterName: 'Kind' }, /^clusterName: invalid value "Kind": expected at most 32 lowercase letters, digits and "-", starting and ending with a letter or digit$/],
    ['clusterName ending with -', { clusterName: 'kind-' }, /^clusterName: invalid value "kind-": expected/],
    ['clusterName over 32 characters', { clusterName: 'a'.repeat(33) }, /^clusterName: invalid value "a{33}": expected/],
    ['clusterName empty', { clusterName: '' }, /^clusterName: invalid value "": expected/],
    ['clusterId over 255', { clusterName: 'kind', clusterId: 256 }, /^clusterId: invalid value 256: expected a whole number from 0 to 255$/],
    ['clusterId negative', { clusterName: 'kind', clusterId: -1 }, /^clusterId: invalid value -1: expected a whole number from 0 to 255$/],
    ['clusterId not an integer', { clusterName: 'kind', clusterId: 1.5 }, /^clusterId: invalid value 1\.5: expected a whole number from 0 to 255$/],
    ['clusterId with the default name', { clusterId: 3 }, /^clusterId: invalid value 3: expected 0 while clusterName is "default" \(Cluster Mesh tells clusters apart by name\)/],
    ['operatorReplicas zero', { operatorReplicas: 0 }, /^operatorReplicas: invalid value 0: expected a whole number, at least 1$/],
    ['operatorReplicas fractional', { operatorReplicas: 1.5 }, /^operatorReplicas: invalid value 1\.5: expected a whole number, at least 1$/],
    ['imagePullPolicy unknown', { imagePullPolicy: untyped('Sometimes') }, /^imagePullPolicy: invalid value "Sometimes": expected "Always", "IfNotPresent" or "Never"$/],
    ['imageRegistry with trailing slash', { imageRegistry: 'registry.example.com/cilium/' }, /^imageRegistry: invalid value "registry\.example\.com\/cilium\/": expected a registry host/],
    ['imageRegistry with a scheme', { imageRegistry: 'https://registry.example.com' }, /^imageRegistry: invalid value "https:\/\/registry\.example\.com": expected/],
    ['agentImage without tag or digest', { agentImage: 'registry.example.com/cilium/cilium' },
      /^agentImage: invalid value "registry\.example\.com\/cilium\/cilium": expected an image reference with a tag and\/or digest/],
    ['operatorImage with whitespace', { operatorImage: 'quay.io/cilium/operator-generic: v1' }, /^operatorImage: invalid value "quay\.io\/cilium\/operator-generic: v1": expected an image reference/],
    ['envoyImage empty', { envoyImage: '' }, /^envoyImage: invalid value "": expected an image reference/],
    ['certgenImage with a bad digest', { certgenImage: 'quay.io/cilium/certgen@sha256:123' }, /^certgenImage: invalid value "quay\.io\/cilium\/certgen@sha256:123": expected an image reference/],
    ['hubbleTls not a HubbleTls', { hubbleTls: untyped('cronJob') }, /^hubbleTls: invalid value "cronJob": expected a HubbleTls: HubbleTls\.CRON_JOB, HubbleTls\.cronJob\(\{ … \}\) or HubbleTls\.DISABLED \("cronJob" or "disabled" in a values file\)$/],
    ['hubbleTls schedule with four fields', { hubbleTls: HubbleTls.cronJob({ schedule: '0 0 1 *' }) },
      /^hubbleTls\.schedule: invalid value "0 0 1 \*": expected a cron expression of five space-separated fields/],
    ['hubbleTls validity zero', { hubbleTls: HubbleTls.cronJob({ certValidityDays: 0 }) }, /^hubbleTls\.certValidityDays: invalid value 0: expected a whole number of days, at least 1$/],
  ])('%s', (_name, props, message) => {
    expect(build(props)).toThrow(message);
  });
});

describe('CiliumPrimary accepts valid edge values', () => {
  test.each<[string, CiliumPrimaryProps]>([
    ['cluster id 255 with a name', { clusterName: 'kind', clusterId: 255 }],
    ['cluster name of 32 characters', { clusterName: 'a'.repeat(32) }],
    ['API server by DNS name', { k8sServiceHost: 'kind-control-plane', k8sServicePort: 6443 }],
    ['API server by IPv6 address', { k8sServiceHost: 'fd00::2', k8sServicePort: 6443 }],
    ['API server by a DNS name in capitals (resolvers ignore case)', { k8sServiceHost: 'Kind-Control-Plane', k8sServicePort: 6443 }],
    ['device wildcard', { devices: ['eth+'] }],
    ['image with digest only', { agentImage: 'registry.example.com/cilium/cilium@sha256:294d2432507fed393b26e9fbfacb25c2e37095578cb34dabac7312b66ed0782e' }],
    ['kind-loaded image without registry', { agentImage: 'cilium:dev' }],
    ['registry with port', { imageRegistry: 'localhost:5000' }],
    ['pull policy Never', { imagePullPolicy: ImagePullPolicy.NEVER }],
    // Alone, Cilium may tunnel on any port: only an OvnSecondary of the same App on that port conflicts (checked at synth).
    ['geneve on its default 6081', { tunnelProtocol: TunnelProtocol.GENEVE }],
    ['tunnelPort 6081', { tunnelPort: 6081 }],
  ])('%s', (_name, props) => {
    expect(build(props)).not.toThrow();
  });
});

describe('messages a values-file user can meet name values as the file spells them, not TypeScript names', () => {
  // Each of these props can come from a values file (its enum keys are plain strings there).
  test.each<[string, CiliumPrimaryProps, string]>([
    ['native routing without its cidr', { routingMode: RoutingMode.NATIVE }, 'routingMode native'],
    ['autoDirectNodeRoutes with tunneling', { autoDirectNodeRoutes: true }, 'routingMode native'],
    ['podCidrs beside cluster-pool IPAM', { ipam: IpamMode.clusterPool({ podCidrs: ['10.128.0.0/14'] }), podCidrs: ['10.244.0.0/16'] }, 'ipam cluster-pool'],
    ['routingMode unknown', { routingMode: untyped('bgp') }, '"tunnel" or "native"'],
  ])('%s', (_name, props, spelled) => {
    let message = '';
    try {
      build(props)();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(spelled);
    expect(message).not.toMatch(/\b(RoutingMode|TunnelProtocol|IpamMode|HubbleTls|CiliumVersion|ImagePullPolicy)\./);
  });
});
