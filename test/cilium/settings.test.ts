import { Testing } from 'cdk8s';
import { ImagePullPolicy } from 'cdk8s-plus-28';
import { CiliumPrimary, CiliumPrimaryProps, HubbleTls, IpamMode, RoutingMode, TunnelProtocol } from '../../src/cilium';

function build(props: CiliumPrimaryProps): () => void {
  return () => new CiliumPrimary(Testing.chart(), 'cilium', props);
}

// Props a caller without the type checker (JavaScript, YAML values) could pass.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const untyped = (value: unknown): any => value;

describe('CiliumPrimary rejects invalid props at construction', () => {
  test.each<[string, CiliumPrimaryProps, RegExp]>([
    ['ipam not an IpamMode', { ipam: untyped('kubernetes') }, /^cilium: ipam must be IpamMode\.KUBERNETES or IpamMode\.clusterPool\(\{\.\.\.\}\), got "kubernetes"/],
    ['podCidrs empty', { podCidrs: [] }, /^cilium: podCidrs must be a non-empty list of cidrs/],
    ['podCidrs malformed', { podCidrs: ['10.244.0.0/33'] }, /^cilium: podCidrs\[0\]: invalid cidr "10\.244\.0\.0\/33"/],
    ['podCidrs host bits', { podCidrs: ['10.244.1.0/16'] }, /^cilium: podCidrs\[0\]: invalid cidr "10\.244\.1\.0\/16": host bits are set/],
    ['podCidrs two of a family', { podCidrs: ['10.244.0.0/16', '10.245.0.0/16'] }, /^cilium: podCidrs must hold one cidr per family/],
    ['podCidrs with cluster-pool', { ipam: IpamMode.clusterPool({ podCidrs: ['10.128.0.0/14'] }), podCidrs: ['10.244.0.0/16'] },
      /^cilium: podCidrs \["10\.244\.0\.0\/16"\] only applies to IpamMode\.KUBERNETES/],
    ['cluster-pool without pools', { ipam: IpamMode.clusterPool({ podCidrs: [] }) }, /^cilium: ipam\.clusterPool\.podCidrs must be a non-empty list/],
    ['cluster-pool malformed pool', { ipam: IpamMode.clusterPool({ podCidrs: ['10.128.0.0'] }) }, /^cilium: ipam\.clusterPool\.podCidrs\[0\]: invalid cidr "10\.128\.0\.0"/],
    ['cluster-pool mask not longer than the pool', { ipam: IpamMode.clusterPool({ podCidrs: ['10.128.0.0/14'], ipv4MaskSize: 14 }) },
      /^cilium: ipam\.clusterPool\.ipv4MaskSize must be an integer longer than every IPv4 pool's prefix \(\/14\) and at most 32, got 14/],
    ['cluster-pool mask over 32', { ipam: IpamMode.clusterPool({ podCidrs: ['10.128.0.0/14'], ipv4MaskSize: 33 }) }, /ipv4MaskSize .*at most 32, got 33/],
    ['cluster-pool mask not an integer', { ipam: IpamMode.clusterPool({ podCidrs: ['10.128.0.0/14'], ipv4MaskSize: 24.5 }) }, /ipv4MaskSize .*got 24\.5/],
    ['cluster-pool IPv6 mask without IPv6 pool', { ipam: IpamMode.clusterPool({ podCidrs: ['10.128.0.0/14'], ipv6MaskSize: 120 }) },
      /^cilium: ipam\.clusterPool\.ipv6MaskSize 120 needs an IPv6 cidr in ipam\.clusterPool\.podCidrs/],
    ['routingMode unknown', { routingMode: untyped('direct') }, /^cilium: routingMode must be RoutingMode\.TUNNEL or RoutingMode\.NATIVE, got "direct"/],
    ['tunnelProtocol unknown', { tunnelProtocol: untyped('gre') }, /^cilium: tunnelProtocol must be TunnelProtocol\.VXLAN or TunnelProtocol\.GENEVE, got "gre"/],
    ['geneve on its default port collides with OVN-Kubernetes', { tunnelProtocol: TunnelProtocol.GENEVE },
      /^cilium: tunnelProtocol geneve without tunnelPort uses UDP 6081, which OVN-Kubernetes' Geneve tunnel already binds on every node; set tunnelPort to a free port \(e\.g\. 6082\) or use TunnelProtocol\.VXLAN/],
    ['geneve on 6081 explicitly', { tunnelProtocol: TunnelProtocol.GENEVE, tunnelPort: 6081 }, /^cilium: tunnelPort 6081 is UDP 6081, which OVN-Kubernetes/],
    ['vxlan moved onto 6081', { tunnelPort: 6081 }, /^cilium: tunnelPort 6081 is UDP 6081, which OVN-Kubernetes/],
    ['tunnelPort out of range', { tunnelPort: 70000 }, /^cilium: tunnelPort must be an integer from 1 to 65535, got 70000/],
    ['tunnelPort zero', { tunnelPort: 0 }, /^cilium: tunnelPort must be an integer from 1 to 65535, got 0/],
    ['native routing without ipv4NativeRoutingCidr', { routingMode: RoutingMode.NATIVE },
      /^cilium: RoutingMode\.NATIVE needs ipv4NativeRoutingCidr: the IPv4 range reached without masquerading, containing the pod ranges \["10\.244\.0\.0\/16"\]/],
    ['native routing dual-stack without ipv6NativeRoutingCidr',
      { routingMode: RoutingMode.NATIVE, podCidrs: ['10.244.0.0/16', 'fd00:10:244::/56'], ipv4NativeRoutingCidr: '10.244.0.0/16' },
      /^cilium: RoutingMode\.NATIVE needs ipv6NativeRoutingCidr/],
    ['native routing CIDR not containing the pods', { routingMode: RoutingMode.NATIVE, ipv4NativeRoutingCidr: '10.96.0.0/12' },
      /^cilium: ipv4NativeRoutingCidr "10\.96\.0\.0\/12" must contain the pod ranges, but 10\.244\.0\.0\/16 is outside it/],
    ['native routing CIDR of the wrong family', { routingMode: RoutingMode.NATIVE, ipv4NativeRoutingCidr: 'fd00::/8' },
      /^cilium: ipv4NativeRoutingCidr must be an IPv4 cidr, got "fd00::\/8"/],
    ['native routing CIDR malformed', { routingMode: RoutingMode.NATIVE, ipv4NativeRoutingCidr: '10.0.0.0/x' }, /^cilium: ipv4NativeRoutingCidr: invalid cidr "10\.0\.0\.0\/x"/],
    ['IPv6 native routing CIDR without IPv6 pods', { ipv6NativeRoutingCidr: 'fd00::/8' },
      /^cilium: ipv6NativeRoutingCidr "fd00::\/8" given but the pod ranges \["10\.244\.0\.0\/16"\] have no IPv6/],
    ['kube-proxy replacement without the API server', { kubeProxyReplacement: true },
      /^cilium: kubeProxyReplacement true needs k8sServiceHost and k8sServicePort: without kube-proxy the agent cannot reach the API server/],
    ['k8sServiceHost without port', { k8sServiceHost: '172.18.0.2' },
      /^cilium: k8sServiceHost and k8sServicePort must be set together, got k8sServiceHost "172\.18\.0\.2" and k8sServicePort undefined/],
    ['k8sServicePort without host', { k8sServicePort: 6443 }, /^cilium: k8sServiceHost and k8sServicePort must be set together, got k8sServiceHost undefined and k8sServicePort 6443/],
    ['k8sServiceHost with scheme', { k8sServiceHost: 'https://172.18.0.2', k8sServicePort: 6443 },
      /^cilium: k8sServiceHost must be an IP address or DNS name of the API server \(no scheme, port or brackets\).*got "https:\/\/172\.18\.0\.2"/],
    ['k8sServiceHost bad IPv4', { k8sServiceHost: '172.18.0.256', k8sServicePort: 6443 }, /^cilium: k8sServiceHost must be .*got "172\.18\.0\.256"/],
    ['k8sServicePort out of range', { k8sServiceHost: 'kind-control-plane', k8sServicePort: 65536 }, /^cilium: k8sServicePort must be an integer from 1 to 65535, got 65536/],
    ['devices empty', { devices: [] }, /^cilium: devices must be a non-empty list of interface names such as \["eth0"\], got \[\]/],
    ['devices with a space', { devices: ['eth0', 'eth 1'] }, /^cilium: devices\[1\] must be a network interface name .*got "eth 1"/],
    ['device name too long', { devices: ['a-very-long-interface'] }, /^cilium: devices\[0\] must be a network interface name/],
    ['clusterName with uppercase', { clusterName: 'Kind' }, /^cilium: clusterName must be at most 32 lowercase letters, digits and "-".*got "Kind"/],
    ['clusterName ending with -', { clusterName: 'kind-' }, /^cilium: clusterName .*got "kind-"/],
    ['clusterName over 32 characters', { clusterName: 'a'.repeat(33) }, /^cilium: clusterName .*got "a{33}"/],
    ['clusterName empty', { clusterName: '' }, /^cilium: clusterName .*got ""/],
    ['clusterId over 255', { clusterName: 'kind', clusterId: 256 }, /^cilium: clusterId must be an integer from 0 to 255, got 256/],
    ['clusterId negative', { clusterName: 'kind', clusterId: -1 }, /^cilium: clusterId must be an integer from 0 to 255, got -1/],
    ['clusterId not an integer', { clusterName: 'kind', clusterId: 1.5 }, /^cilium: clusterId must be an integer from 0 to 255, got 1\.5/],
    ['clusterId with the default name', { clusterId: 3 }, /^cilium: clusterId 3 needs a clusterName other than "default"/],
    ['operatorReplicas zero', { operatorReplicas: 0 }, /^cilium: operatorReplicas must be an integer >= 1, got 0/],
    ['operatorReplicas fractional', { operatorReplicas: 1.5 }, /^cilium: operatorReplicas must be an integer >= 1, got 1\.5/],
    ['imagePullPolicy unknown', { imagePullPolicy: untyped('Sometimes') }, /^cilium: imagePullPolicy must be one of Always, IfNotPresent, Never, got "Sometimes"/],
    ['imageRegistry with trailing slash', { imageRegistry: 'registry.example.com/cilium/' }, /^cilium: imageRegistry must be a registry host .*got "registry\.example\.com\/cilium\/"/],
    ['imageRegistry with a scheme', { imageRegistry: 'https://registry.example.com' }, /^cilium: imageRegistry must be .*got "https:\/\/registry\.example\.com"/],
    ['agentImage without tag or digest', { agentImage: 'registry.example.com/cilium/cilium' },
      /^cilium: agentImage must be an image reference with a tag and\/or digest.*got "registry\.example\.com\/cilium\/cilium"/],
    ['operatorImage with whitespace', { operatorImage: 'quay.io/cilium/operator-generic: v1' }, /^cilium: operatorImage must be an image reference/],
    ['envoyImage empty', { envoyImage: '' }, /^cilium: envoyImage must be an image reference.*got ""/],
    ['certgenImage with a bad digest', { certgenImage: 'quay.io/cilium/certgen@sha256:123' }, /^cilium: certgenImage must be an image reference/],
    ['hubbleTls not a HubbleTls', { hubbleTls: untyped('cronJob') }, /^cilium: hubbleTls must be HubbleTls\.CRON_JOB, HubbleTls\.cronJob\(\{\.\.\.\}\) or HubbleTls\.DISABLED, got "cronJob"/],
    ['hubbleTls schedule with four fields', { hubbleTls: HubbleTls.cronJob({ schedule: '0 0 1 *' }) },
      /^cilium: hubbleTls schedule must be a cron expression of five space-separated fields .*got "0 0 1 \*"/],
    ['hubbleTls validity zero', { hubbleTls: HubbleTls.cronJob({ certValidityDays: 0 }) }, /^cilium: hubbleTls certValidityDays must be an integer >= 1, got 0/],
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
    ['device wildcard', { devices: ['eth+'] }],
    ['image with digest only', { agentImage: 'registry.example.com/cilium/cilium@sha256:294d2432507fed393b26e9fbfacb25c2e37095578cb34dabac7312b66ed0782e' }],
    ['kind-loaded image without registry', { agentImage: 'cilium:dev' }],
    ['registry with port', { imageRegistry: 'localhost:5000' }],
    ['pull policy Never', { imagePullPolicy: ImagePullPolicy.NEVER }],
  ])('%s', (_name, props) => {
    expect(build(props)).not.toThrow();
  });
});
