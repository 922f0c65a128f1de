import { CiliumVersion, MultiCniChartProps, SelectorOperator } from '../../src';

/** The API server of the test stacks. */
export const API_SERVER = 'https://ovn-control-plane:6443';

/** The Cilium sections of the test stacks: every key of every resource used at least once. */
export function ciliumStacks(version: CiliumVersion): Array<[string, MultiCniChartProps]> {
  const features = { version, l2Announcements: true, bgpControlPlane: true, egressGateway: true, bpfMasquerade: true, kubeProxyReplacement: true, k8sServiceHost: '172.18.0.2', k8sServicePort: 6443 };
  return [
    ['l2 pool, bgp pool, bgp, egress', {
      apiServer: API_SERVER,
      cilium: {
        ...features,
        loadBalancerPools: [
          { name: 'l2-pool', blocks: [{ cidr: '172.18.255.0/28' }, { start: '172.18.254.10', stop: '172.18.254.20' }], serviceSelector: { matchLabels: { announce: 'l2' } }, allowFirstLastIPs: true },
          { name: 'bgp-pool', blocks: [{ cidr: '192.168.100.0/24' }, { start: '192.168.101.7' }], serviceSelector: { matchLabels: { announce: 'bgp' } }, allowFirstLastIPs: false, disabled: false },
          { name: 'spare', blocks: [{ cidr: '192.168.102.0/24' }], disabled: true, serviceSelector: { matchExpressions: [{ key: 'tier', operator: SelectorOperator.IN, values: ['spare'] }, { key: 'announce', operator: SelectorOperator.DOES_NOT_EXIST }] } },
        ],
        l2AnnouncementPolicies: [
          { name: 'l2', loadBalancerIPs: true, externalIPs: false, interfaces: ['^eth[0-9]+'], serviceSelector: { matchLabels: { announce: 'l2' } }, nodeSelector: { matchExpressions: [{ key: 'node-role.kubernetes.io/control-plane', operator: SelectorOperator.DOES_NOT_EXIST }] } },
        ],
        bgp: {
          localAsn: 65001,
          peers: [{ name: 'tor', address: '172.18.0.1', asn: 65000 }, { name: 'tor-v6', address: 'fd00:18::1', asn: 4200000000 }],
          advertise: { podCidrs: true, loadBalancerIps: true, clusterIps: true, externalIps: true, serviceSelector: { matchLabels: { announce: 'bgp' } } },
          nodeSelector: { matchLabels: { bgp: 'on' } },
        },
        egressGatewayPolicies: [
          {
            name: 'egress', destinationCidrs: ['0.0.0.0/0'], excludedCidrs: ['10.0.0.0/8'], egressIp: '172.18.0.200',
            podSelector: { matchLabels: { app: 'web' } }, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } },
            gatewayNodeSelector: { matchLabels: { egress: 'true' } },
          },
          { name: 'by-interface', destinationCidrs: ['203.0.113.0/24'], egressInterface: 'eth1', gatewayNodeSelector: {} },
        ],
      },
    }],
    ['bgp defaults, one pool', {
      apiServer: API_SERVER,
      cilium: { ...features, loadBalancerPools: [{ name: 'only', blocks: [{ cidr: '192.168.200.0/24' }] }], bgp: { localAsn: 4294967295, peers: [{ name: 'r', address: '192.0.2.1', asn: 1 }] } },
    }],
  ];
}

/** Supported releases that render the Cilium resources. */
export const RESOURCE_VERSIONS = [CiliumVersion.V1_18_12, CiliumVersion.V1_19_6, CiliumVersion.V1_20_0];
