import * as fs from 'fs';
import { ImagePullPolicy } from 'cdk8s-plus-28';
import { parse } from 'yaml';
import { CiliumPrimaryProps, CiliumVersion, HubbleTls, IpamMode, RoutingMode, TunnelProtocol } from '../cilium';
import { MultiCniChartProps } from '../chart';
import { DecoyNetwork } from '../deception';
import { MultusLogLevel, MultusMode, MultusVersion } from '../multus';
import { NetworkRole, OvnNetworkProps, OvnTopology } from '../networks';
import { OvnDeploymentMode } from '../ovn';
import { decodeUtf8 } from './error-message';
import { ValuesReader } from './values-reader';

/** The seed's API server on its kind cluster `ovn`: Docker's DNS resolves the node name. */
export const SEED_API_SERVER = 'https://ovn-control-plane:6443';

/** Reads a values file (YAML) into chart props. Errors name the file and the key path. */
export function loadValuesFile(file: string): MultiCniChartProps {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`${file}: cannot read: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}`);
  }
  const text = decodeUtf8(file, bytes);
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  try {
    return valuesToProps(data);
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}

const PULL_POLICIES: Record<string, ImagePullPolicy> = {
  Always: ImagePullPolicy.ALWAYS, IfNotPresent: ImagePullPolicy.IF_NOT_PRESENT, Never: ImagePullPolicy.NEVER,
};

/** Values (parsed YAML, helm-like) to chart props; absent keys keep the seed's defaults. */
export function valuesToProps(data: unknown): MultiCniChartProps {
  const root = new ValuesReader(data, '');
  const props: MultiCniChartProps = {
    apiServer: root.string('apiServer') ?? SEED_API_SERVER,
    addressing: readAddressing(root.section('addressing')),
    cilium: readCilium(root.section('cilium')),
    multus: readMultus(root.section('multus')),
    networkCrds: readCrds(root.section('networkCrds')),
    ovn: readOvn(root.section('ovn')),
    networks: root.list('networks')?.map(readNetwork),
    ...readDemo(root.section('demo')),
  };
  root.done();
  return compact(props);
}

/** Drops keys left undefined, so a spread of the result never overrides a default with `undefined`. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function readAddressing(r: ValuesReader): MultiCniChartProps['addressing'] {
  const decoy = r.string('decoy');
  const search = r.section('decoySearch');
  const searchOptions = compact({
    ipv4Pool: search.strings('ipv4Pool'),
    ipv4Prefix: search.integer('ipv4Prefix'),
    ipv4HostPrefix: search.integer('ipv4HostPrefix'),
    ipv6Pool: search.strings('ipv6Pool'),
    ipv6Prefix: search.integer('ipv6Prefix'),
    ipv6HostPrefix: search.integer('ipv6HostPrefix'),
  });
  search.done();
  if (Object.keys(searchOptions).length > 0 && decoy !== 'auto') {
    throw new Error(`${r.at('decoySearch')}: only valid with decoy: auto, got decoy ${JSON.stringify(decoy ?? '10.254.0.0/16/24 (the default)')}`);
  }
  const automatic = () => {
    try {
      return DecoyNetwork.automatic(searchOptions);
    } catch (e) {
      throw new Error(`${r.at('decoySearch')}: ${(e as Error).message}`);
    }
  };
  const out = {
    primaryPodCidrs: r.strings('primaryPodCidrs'),
    serviceCidrs: r.strings('serviceCidrs'),
    nodeNetworks: r.strings('nodeNetworks'),
    nodeCount: r.integer('nodeCount'),
    decoy: decoy === undefined ? undefined : decoy === 'auto' ? automatic() : r.wrap(() => DecoyNetwork.fixed(decoy)),
    joinSubnets: r.strings('joinSubnets'),
    transitSubnets: r.strings('transitSubnets'),
    masqueradeSubnets: r.strings('masqueradeSubnets'),
    secondaryCni: r.boolean('secondaryCni'),
    nodeMaskSize: r.integer('nodeMaskSize'),
    nodeMaskSizeIpv4: r.integer('nodeMaskSizeIpv4'),
    nodeMaskSizeIpv6: r.integer('nodeMaskSizeIpv6'),
  };
  r.done();
  return compact(out);
}

function readCilium(r: ValuesReader): CiliumPrimaryProps {
  const ipam = r.string('ipam', ['kubernetes', 'cluster-pool']);
  const pool = r.section('clusterPool');
  const poolOptions = { podCidrs: pool.strings('podCidrs'), ipv4MaskSize: pool.integer('ipv4MaskSize'), ipv6MaskSize: pool.integer('ipv6MaskSize') };
  pool.done();
  if (ipam === 'cluster-pool' && !poolOptions.podCidrs) {
    throw new Error(`${pool.at('podCidrs')}: required when ipam is cluster-pool (Cilium's own default 10.0.0.0/8 holds the service range)`);
  }
  if (ipam !== 'cluster-pool' && Object.values(poolOptions).some((v) => v !== undefined)) {
    throw new Error(`${r.at('clusterPool')}: only valid with ipam: cluster-pool, got ipam ${JSON.stringify(ipam ?? 'kubernetes (the default)')}`);
  }
  const out: CiliumPrimaryProps = {
    version: r.choice('version', Object.fromEntries(CiliumVersion.all().map((v) => [v.version, v]))),
    ipam: ipam === 'cluster-pool' ? IpamMode.clusterPool({ ...poolOptions, podCidrs: poolOptions.podCidrs! }) : ipam === 'kubernetes' ? IpamMode.KUBERNETES : undefined,
    podCidrs: r.strings('podCidrs'),
    cniExclusive: r.boolean('cniExclusive'),
    routingMode: r.choice('routingMode', { tunnel: RoutingMode.TUNNEL, native: RoutingMode.NATIVE }),
    tunnelProtocol: r.choice('tunnelProtocol', { vxlan: TunnelProtocol.VXLAN, geneve: TunnelProtocol.GENEVE }),
    tunnelPort: r.integer('tunnelPort'),
    ipv4NativeRoutingCidr: r.string('ipv4NativeRoutingCidr'),
    ipv6NativeRoutingCidr: r.string('ipv6NativeRoutingCidr'),
    autoDirectNodeRoutes: r.boolean('autoDirectNodeRoutes'),
    kubeProxyReplacement: r.boolean('kubeProxyReplacement'),
    k8sServiceHost: r.string('k8sServiceHost'),
    k8sServicePort: r.integer('k8sServicePort'),
    socketLbHostNamespaceOnly: r.boolean('socketLbHostNamespaceOnly'),
    devices: r.strings('devices'),
    clusterName: r.string('clusterName'),
    clusterId: r.integer('clusterId'),
    operatorReplicas: r.integer('operatorReplicas'),
    imagePullPolicy: r.choice('imagePullPolicy', PULL_POLICIES),
    imageRegistry: r.string('imageRegistry'),
    agentImage: r.string('agentImage'),
    operatorImage: r.string('operatorImage'),
    envoyImage: r.string('envoyImage'),
    certgenImage: r.string('certgenImage'),
    hubbleTls: r.choice('hubbleTls', { cronJob: HubbleTls.CRON_JOB, disabled: HubbleTls.DISABLED }),
  };
  r.done();
  return compact(out);
}

function readMultus(r: ValuesReader): MultiCniChartProps['multus'] {
  const out = {
    mode: r.choice('mode', { thin: MultusMode.THIN, thick: MultusMode.THICK }),
    version: r.choice('version', Object.fromEntries(MultusVersion.ALL.map((v) => [v.tag, v]))),
    image: r.string('image'),
    namespace: r.string('namespace'),
    defaultNetworkFile: r.string('defaultNetworkFile'),
    waitForDefaultNetwork: r.boolean('waitForDefaultNetwork'),
    logLevel: r.choice('logLevel', Object.fromEntries(Object.values(MultusLogLevel).map((l) => [l, l]))),
  };
  r.done();
  return compact(out);
}

function readCrds(r: ValuesReader): MultiCniChartProps['networkCrds'] {
  const out = {
    networkAttachmentDefinitions: r.boolean('networkAttachmentDefinitions'),
    multiNetworkPolicies: r.boolean('multiNetworkPolicies'),
    ipamClaims: r.boolean('ipamClaims'),
  };
  r.done();
  return compact(out);
}

function readOvn(r: ValuesReader): MultiCniChartProps['ovn'] {
  const out = {
    mode: r.choice('mode', { central: OvnDeploymentMode.CENTRAL, interconnect: OvnDeploymentMode.INTERCONNECT }),
    mtu: r.integer('mtu'),
    encapPort: r.integer('encapPort'),
    imageRepository: r.string('imageRepository'),
    imageTag: r.string('imageTag'),
    imagePullPolicy: r.choice('imagePullPolicy', PULL_POLICIES),
    hostNetworkNamespace: r.string('hostNetworkNamespace'),
    persistentIps: r.boolean('persistentIps'),
    egressQos: r.boolean('egressQos'),
  };
  r.done();
  return compact(out);
}

function readNetwork(r: ValuesReader): OvnNetworkProps {
  const name = r.string('name');
  if (name === undefined) throw new Error(`${r.at('name')}: required (the NetworkAttachmentDefinition's name)`);
  const out: OvnNetworkProps = {
    name,
    namespace: r.string('namespace'),
    networkName: r.string('networkName'),
    topology: r.choice('topology', { layer3: OvnTopology.LAYER3, layer2: OvnTopology.LAYER2, localnet: OvnTopology.LOCALNET }),
    subnets: r.strings('subnets'),
    excludeSubnets: r.strings('excludeSubnets'),
    mtu: r.integer('mtu'),
    role: r.choice('role', { secondary: NetworkRole.SECONDARY, primary: NetworkRole.PRIMARY }),
    allowPersistentIps: r.boolean('allowPersistentIps'),
    vlanId: r.integer('vlanId'),
    physicalNetworkName: r.string('physicalNetworkName'),
  };
  r.done();
  return compact(out);
}

function readDemo(r: ValuesReader): Pick<MultiCniChartProps, 'demo' | 'demoPods'> {
  const out = {
    demo: r.boolean('enabled'),
    demoPods: r.list('pods')?.map((p) => {
      const name = p.string('name');
      if (name === undefined) throw new Error(`${p.at('name')}: required`);
      const pod = { name, nodeName: p.string('nodeName') };
      p.done();
      return compact(pod);
    }),
  };
  r.done();
  return compact(out);
}
