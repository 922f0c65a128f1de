import { Testing } from 'cdk8s';
import { CiliumPrimary, Multus, MultusImages, MultusLogLevel, MultusMode, MultusProps, MultusVersion, Preset } from '../../src';
import { ManifestObject, validateManifests } from '../util/k8s-schema';
import { ChartAddressPlan } from '../../src/plan';


function synth(props: MultusProps = {}): any[] {
  const chart = Testing.chart();
  new Multus(chart, 'multus', props);
  return Testing.synth(chart);
}
const find = (objects: any[], kind: string) => {
  const found = objects.filter((o) => o.kind === kind);
  expect(found).toHaveLength(1);
  return found[0];
};
const podSpec = (objects: any[]) => find(objects, 'DaemonSet').spec.template.spec;
const mainContainer = (objects: any[]) => podSpec(objects).containers[0];
const hostPaths = (objects: any[]) =>
  Object.fromEntries(podSpec(objects).volumes.filter((v: any) => v.hostPath).map((v: any) => [v.name, v.hostPath.path]));
const mounts = (container: any) => Object.fromEntries(container.volumeMounts.map((m: any) => [m.name, m.mountPath]));
const podRule = (objects: any[]) => find(objects, 'ClusterRole').rules.find((r: any) => r.resources.includes('pods'));
const daemonConfig = (objects: any[]) => JSON.parse(find(objects, 'ConfigMap').data['daemon-config.json']);

// The seed's v4.1.3 (Preset.SEED); multus-version.test.ts holds the other releases, the default v4.3.0 among them, to it.
describe('Multus, thin (default), seed preset (v4.1.3)', () => {
  const objects = synth({ preset: Preset.SEED });

  test('snapshot', () => {
    expect(objects).toMatchSnapshot();
  });

  test('renders upstream v4.1.3 thin objects, with their fixed names', () => {
    expect(objects.map((o) => `${o.kind} ${o.metadata.namespace ?? '-'}/${o.metadata.name}`).sort()).toEqual([
      'ClusterRole -/multus', 'ClusterRoleBinding -/multus', 'DaemonSet kube-system/kube-multus-ds', 'ServiceAccount kube-system/multus',
    ]);
    const c = mainContainer(objects);
    expect(c.image).toBe('ghcr.io/k8snetworkplumbingwg/multus-cni:v4.1.3');
    expect(podSpec(objects).initContainers[0].image).toBe('ghcr.io/k8snetworkplumbingwg/multus-cni:v4.1.3');
    expect(c.command).toEqual(['/thin_entrypoint']);
    expect(podSpec(objects).initContainers[0].command).toEqual(['/install_multus']);
    expect(podSpec(objects).initContainers[0].args).toEqual(['--type', 'thin']);
  });

  test('the default network is pinned to Cilium\'s file, and Multus waits for it on the host path', () => {
    expect(mainContainer(objects).args).toEqual([
      '--multus-conf-file=auto',
      '--multus-autoconfig-dir=/host/etc/cni/net.d',
      '--cni-conf-dir=/host/etc/cni/net.d',
      '--multus-master-cni-file-name=05-cilium.conflist',
      '--readiness-indicator-file=/etc/cni/net.d/05-cilium.conflist',
    ]);
  });

  test('host paths and mounts as upstream', () => {
    expect(hostPaths(objects)).toEqual({ cni: '/etc/cni/net.d', cnibin: '/opt/cni/bin' });
    expect(mounts(mainContainer(objects))).toEqual({ cni: '/host/etc/cni/net.d', cnibin: '/host/opt/cni/bin' });
    expect(podSpec(objects).initContainers[0].volumeMounts).toEqual([
      { name: 'cnibin', mountPath: '/host/opt/cni/bin', mountPropagation: 'Bidirectional' },
    ]);
    expect(podSpec(objects).hostNetwork).toBe(true);
    expect(podSpec(objects).hostPID).toBeUndefined();
  });

  test('RBAC: thin only gets and updates pods', () => {
    const role = find(objects, 'ClusterRole');
    expect(role.rules).toEqual([
      { apiGroups: ['k8s.cni.cncf.io'], resources: ['*'], verbs: ['*'] },
      { apiGroups: [''], resources: ['pods', 'pods/status'], verbs: ['get', 'update'] },
      { apiGroups: ['', 'events.k8s.io'], resources: ['events'], verbs: ['create', 'patch', 'update'] },
    ]);
  });

  test('schema-valid', () => {
    expect(validateManifests(objects as ManifestObject[])).toEqual([]);
  });
});

describe('Multus, thick, seed preset (v4.1.3)', () => {
  const objects = synth({ mode: MultusMode.THICK, preset: Preset.SEED });

  test('snapshot', () => {
    expect(objects).toMatchSnapshot();
  });

  test('thick image, daemon and shim installer', () => {
    const c = mainContainer(objects);
    expect(c.image).toBe('ghcr.io/k8snetworkplumbingwg/multus-cni:v4.1.3-thick');
    expect(c.command).toEqual(['/usr/src/multus-cni/bin/multus-daemon']);
    expect(c.args).toBeUndefined();
    expect(c.env).toEqual([{ name: 'MULTUS_NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }]);
    const init = podSpec(objects).initContainers[0];
    expect(init.image).toBe('ghcr.io/k8snetworkplumbingwg/multus-cni:v4.1.3-thick');
    expect(init.command).toEqual(['cp', '/usr/src/multus-cni/bin/multus-shim', '/host/opt/cni/bin/multus-shim']);
    expect(podSpec(objects).hostPID).toBe(true);
  });

  test('daemon-config.json pins the default network and waits for it on the pod path', () => {
    expect(daemonConfig(objects)).toEqual({
      chrootDir: '/hostroot',
      cniVersion: '0.3.1',
      logLevel: 'verbose',
      logToStderr: true,
      cniConfigDir: '/host/etc/cni/net.d',
      multusAutoconfigDir: '/host/etc/cni/net.d',
      multusConfigFile: 'auto',
      multusMasterCNI: '05-cilium.conflist',
      socketDir: '/host/run/multus/',
      readinessindicatorfile: '/host/etc/cni/net.d/05-cilium.conflist',
    });
  });

  test('the ConfigMap is the one the pod mounts where multus-daemon reads it', () => {
    const cm = find(objects, 'ConfigMap');
    expect(cm.metadata).toMatchObject({ name: 'multus-daemon-config', namespace: 'kube-system' });
    const volume = podSpec(objects).volumes.find((v: any) => v.configMap);
    expect(volume.configMap).toEqual({ name: cm.metadata.name, items: [{ key: 'daemon-config.json', path: 'daemon-config.json' }] });
    expect(mounts(mainContainer(objects))[volume.name]).toBe('/etc/cni/net.d/multus.d');
  });

  test('host paths and mounts as upstream', () => {
    expect(hostPaths(objects)).toEqual({
      'cni': '/etc/cni/net.d',
      'cnibin': '/opt/cni/bin',
      'hostroot': '/',
      'host-run': '/run',
      'host-var-lib-cni-multus': '/var/lib/cni/multus',
      'host-var-lib-kubelet': '/var/lib/kubelet',
      'host-run-k8s-cni-cncf-io': '/run/k8s.cni.cncf.io',
      'host-run-netns': '/run/netns/',
    });
    const c = mainContainer(objects);
    expect(mounts(c)).toEqual({
      'cni': '/host/etc/cni/net.d',
      'cnibin': '/opt/cni/bin',
      'host-run': '/host/run',
      'host-var-lib-cni-multus': '/var/lib/cni/multus',
      'host-var-lib-kubelet': '/var/lib/kubelet',
      'host-run-k8s-cni-cncf-io': '/run/k8s.cni.cncf.io',
      'host-run-netns': '/run/netns',
      'multus-daemon-config': '/etc/cni/net.d/multus.d',
      'hostroot': '/hostroot',
    });
    const propagation = Object.fromEntries(c.volumeMounts.filter((m: any) => m.mountPropagation).map((m: any) => [m.name, m.mountPropagation]));
    expect(propagation).toEqual({ 'host-var-lib-kubelet': 'HostToContainer', 'host-run-netns': 'HostToContainer', 'hostroot': 'HostToContainer' });
  });

  test('RBAC: the daemon also lists and watches pods', () => {
    expect(podRule(objects).verbs).toEqual(['get', 'list', 'update', 'watch']);
  });

  test('schema-valid', () => {
    expect(validateManifests(objects as ManifestObject[])).toEqual([]);
  });
});

describe.each([['thin', MultusMode.THIN], ['thick', MultusMode.THICK]])('Multus %s, shared facts', (_name, mode) => {
  const objects = synth({ mode });

  test('every node, every taint; upstream resources', () => {
    const spec = podSpec(objects);
    expect(spec.tolerations).toEqual([{ operator: 'Exists', effect: 'NoSchedule' }, { operator: 'Exists', effect: 'NoExecute' }]);
    expect(mainContainer(objects).resources).toEqual({ requests: { cpu: '100m', memory: '50Mi' }, limits: { cpu: '100m', memory: '50Mi' } });
    expect(spec.initContainers[0].resources).toEqual({ requests: { cpu: '10m', memory: '15Mi' } });
    expect(mainContainer(objects).securityContext).toEqual({ privileged: true });
  });

  test('the pods run as the bound ServiceAccount and match the selector', () => {
    const sa = find(objects, 'ServiceAccount');
    const binding = find(objects, 'ClusterRoleBinding');
    const ds = find(objects, 'DaemonSet');
    expect(ds.spec.template.spec.serviceAccountName).toBe(sa.metadata.name);
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: sa.metadata.name, namespace: sa.metadata.namespace }]);
    expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: find(objects, 'ClusterRole').metadata.name });
    expect(ds.spec.template.metadata.labels).toMatchObject(ds.spec.selector.matchLabels);
  });

  test('every volume the containers mount exists', () => {
    const spec = podSpec(objects);
    const volumes = spec.volumes.map((v: any) => v.name).sort();
    const used = [...spec.containers, ...spec.initContainers].flatMap((c: any) => c.volumeMounts.map((m: any) => m.name));
    expect([...new Set(used)].sort()).toEqual(volumes);
  });

  test('deterministic', () => {
    expect(synth({ mode })).toEqual(objects);
  });
});

describe('Multus, every prop reaches the output', () => {
  test('thick', () => {
    const props: Required<MultusProps> = {
      preset: Preset.SEED, // version wins
      mode: MultusMode.THICK,
      version: MultusVersion.V4_3_0,
      image: 'registry.example.com/multus-cni@sha256:' + 'a'.repeat(64),
      namespace: 'multus-system',
      defaultNetworkFile: '10-calico.conflist',
      waitForDefaultNetwork: false,
      logLevel: MultusLogLevel.DEBUG,
    };
    const chart = Testing.chart();
    const multus = new Multus(chart, 'multus', props);
    const objects = Testing.synth(chart) as any[];
    expect(multus.mode).toBe(MultusMode.THICK);
    expect(multus.version).toBe(MultusVersion.V4_3_0);
    expect(podSpec(objects).initContainers[0].command).toEqual(['/usr/src/multus-cni/bin/install_multus', '-d', '/host/opt/cni/bin', '-t', 'thick']);
    expect(mainContainer(objects).image).toBe(props.image);
    expect(podSpec(objects).initContainers[0].image).toBe(props.image);
    for (const o of objects.filter((x) => x.metadata.namespace !== undefined)) expect(o.metadata.namespace).toBe('multus-system');
    expect(objects.filter((x) => x.metadata.namespace !== undefined).map((o) => o.kind).sort()).toEqual(['ConfigMap', 'DaemonSet', 'ServiceAccount']);
    expect(find(objects, 'ClusterRoleBinding').subjects[0].namespace).toBe('multus-system');
    const config = daemonConfig(objects);
    expect(config.multusMasterCNI).toBe('10-calico.conflist');
    expect(config).not.toHaveProperty('readinessindicatorfile');
    expect(config.logLevel).toBe('debug');
    expect(validateManifests(objects)).toEqual([]);
  });

  test('thin', () => {
    const props: Required<MultusProps> = {
      preset: Preset.SEED, // version wins
      mode: MultusMode.THIN,
      version: MultusVersion.V4_2_4,
      image: 'registry.example.com/multus-cni:v4.2.4',
      namespace: 'multus-system',
      defaultNetworkFile: '10-calico.conflist',
      waitForDefaultNetwork: false,
      logLevel: MultusLogLevel.ERROR,
    };
    const objects = synth(props);
    expect(mainContainer(objects).image).toBe(props.image);
    expect(find(objects, 'DaemonSet').metadata.namespace).toBe('multus-system');
    expect(find(objects, 'ServiceAccount').metadata.namespace).toBe('multus-system');
    const args: string[] = mainContainer(objects).args;
    expect(args).toContain('--multus-master-cni-file-name=10-calico.conflist');
    expect(args).toContain('--multus-log-level=error');
    expect(args.filter((a) => a.startsWith('--readiness-indicator-file'))).toEqual([]);
    expect(objects.filter((o) => o.kind === 'ConfigMap')).toEqual([]);
  });

  test('the default image follows the mode', () => {
    expect(new Multus(Testing.chart(), 'm', { mode: MultusMode.THICK }).image).toBe(MultusImages.THICK);
    expect(new Multus(Testing.chart(), 'm').image).toBe(MultusImages.THIN);
  });
});

describe('Multus, invalid props', () => {
  const make = (props: any) => () => new Multus(Testing.chart(), 'm', props);

  test.each([
    [{ mode: 'thin' }, /^mode: invalid value "thin": expected MultusMode.THIN or MultusMode.THICK \("thin" or "thick" in a values file\)$/],
    [{ image: '' }, /^image: invalid value "": expected an image reference/],
    [{ image: 'ghcr.io/x/multus :v1' }, /^image: invalid value "ghcr.io\/x\/multus :v1"/],
    [{ image: 'ghcr.io/X/Multus:v1' }, /^image: invalid value "ghcr.io\/X\/Multus:v1": expected an image reference/],
    [{ namespace: 'Kube_System' }, /^namespace: invalid value "Kube_System": expected a DNS-1123 label/],
    [{ namespace: 'a'.repeat(64) }, /^namespace: invalid value "a{64}"/],
    [{ defaultNetworkFile: '/etc/cni/net.d/05-cilium.conflist' }, /^defaultNetworkFile: invalid value "\/etc\/cni\/net.d\/05-cilium.conflist": expected the name \(no directory\)/],
    [{ defaultNetworkFile: '05-cilium.json' }, /^defaultNetworkFile: invalid value "05-cilium.json": expected .*\.conf or \.conflist/],
    [{ defaultNetworkFile: '10-ovn-kubernetes.conf' }, /^defaultNetworkFile: invalid value "10-ovn-kubernetes\.conf": expected the primary CNI's file, such as "05-cilium\.conflist", not OVN-Kubernetes' own: /],
    [{ defaultNetworkFile: '00-multus.conf' }, /^defaultNetworkFile: invalid value "00-multus.conf": expected the default network's file, such as "05-cilium\.conflist", not the file multus itself writes$/],
    [{ version: 'v4.2.4' }, /^version: invalid value "v4.2.4": expected one of MultusVersion.V4_1_3, MultusVersion.V4_2_4, MultusVersion.V4_3_0 \("v4.1.3", "v4.2.4", "v4.3.0" in a values file\)$/],
    [{ logLevel: 'loud' }, /^logLevel: invalid value "loud": expected one of panic, error, verbose, debug/],
  ])('%j', (props, message) => {
    expect(make(props)).toThrow(message);
  });
});

describe('beside Cilium', () => {
  const warningsWith = (defaultNetworkFile?: string, cilium = true) => {
    const chart = Testing.chart();
    if (cilium) new CiliumPrimary(chart, 'cilium', { cniExclusive: false });
    new Multus(chart, 'multus', defaultNetworkFile === undefined ? {} : { defaultNetworkFile });
    return ChartAddressPlan.warningsOf(chart).filter((w) => w.startsWith('multus:')); // before any synth or check
  };

  test('a default network file that is not Cilium\'s is a warning, seen by warningsOf before the App is checked', () => {
    expect(warningsWith('10-calico.conflist')).toEqual([
      'multus: defaultNetworkFile "10-calico.conflist" is not Cilium\'s 05-cilium.conflist although Cilium is the primary CNI of this App; pods get their primary interface from that file',
    ]);
  });

  test('Cilium\'s own file, or no Cilium in the App, is no warning', () => {
    expect(warningsWith()).toEqual([]);
    expect(warningsWith('10-calico.conflist', false)).toEqual([]);
  });
});
