import { OvnDeploymentMode } from '../../src/ovn';
import { find, Obj, synth } from './fixtures';

interface Rule { apiGroups: string[]; resources: string[]; verbs: string[] }

/** Whether a role's rules allow `verb` on `group`/`resource`. */
function allows(role: Obj, group: string, resource: string, verb: string): boolean {
  return (role.rules as Rule[]).some((r) => r.apiGroups.includes(group) && r.resources.includes(resource) && r.verbs.includes(verb));
}

/** Roles bound to a ServiceAccount, by ClusterRoleBinding or RoleBinding. */
function rolesOf(objs: Obj[], sa: string): Obj[] {
  return objs
    .filter((o) => o.kind === 'ClusterRoleBinding' || o.kind === 'RoleBinding')
    .filter((b) => b.subjects.some((s: any) => s.kind === 'ServiceAccount' && s.name === sa && s.namespace === 'ovn-kubernetes'))
    .map((b) => find(objs, b.roleRef.kind, b.roleRef.name));
}

describe.each([OvnDeploymentMode.CENTRAL, OvnDeploymentMode.INTERCONNECT])('RBAC, %s mode', (mode) => {
  const objs = synth({ mode });
  const workloads = objs.filter((o) => o.kind === 'Deployment' || o.kind === 'DaemonSet');
  const accounts = [...new Set(workloads.map((w) => w.spec.template.spec.serviceAccountName).filter(Boolean))] as string[];

  test('every ServiceAccount a pod uses exists; every binding points at a role that exists', () => {
    expect(accounts.sort()).toEqual(mode === OvnDeploymentMode.CENTRAL
      ? ['ovnkube-db', 'ovnkube-master', 'ovnkube-node']
      : ['ovnkube-cluster-manager', 'ovnkube-node']);
    for (const sa of accounts) expect(find(objs, 'ServiceAccount', sa).metadata.namespace).toBe('ovn-kubernetes');
    for (const b of objs.filter((o) => o.kind === 'ClusterRoleBinding' || o.kind === 'RoleBinding')) {
      expect(() => find(objs, b.roleRef.kind, b.roleRef.name)).not.toThrow();
      expect(b.roleRef.apiGroup).toBe('rbac.authorization.k8s.io');
    }
  });

  test('without ovnkube-identity the node binds its ServiceAccount, not the system:ovn-nodes group', () => {
    const subjects = objs.filter((o) => o.kind.endsWith('Binding')).flatMap((b) => b.subjects);
    expect(subjects.filter((s: any) => s.kind !== 'ServiceAccount')).toEqual([]);
    expect(objs.filter((o) => o.kind === 'ClusterRole').some((r) => allows(r, 'certificates.k8s.io', 'certificatesigningrequests', 'create'))).toBe(false);
  });

  test('multi-networking: NADs, MultiNetworkPolicies and IPAMClaims readable by every ovnkube account', () => {
    const ovnkube = mode === OvnDeploymentMode.CENTRAL ? ['ovnkube-master', 'ovnkube-node'] : ['ovnkube-cluster-manager', 'ovnkube-node'];
    for (const sa of ovnkube) {
      for (const resource of ['network-attachment-definitions', 'multi-networkpolicies', 'ipamclaims']) {
        for (const verb of ['get', 'list', 'watch']) {
          expect([sa, resource, verb, rolesOf(objs, sa).some((r) => allows(r, 'k8s.cni.cncf.io', resource, verb))])
            .toEqual([sa, resource, verb, true]);
        }
      }
    }
  });

  test('whoever allocates persistent IPs may update the IPAMClaim status', () => {
    const allocators = mode === OvnDeploymentMode.CENTRAL ? ['ovnkube-master'] : ['ovnkube-cluster-manager', 'ovnkube-node'];
    for (const sa of allocators) {
      expect([sa, rolesOf(objs, sa).some((r) => allows(r, 'k8s.cni.cncf.io', 'ipamclaims/status', 'update'))]).toEqual([sa, true]);
    }
  });

  test('ovnkube.sh can read the zone label (nodes/status) and ovn-config, and take leases', () => {
    const node = rolesOf(objs, 'ovnkube-node');
    expect(node.some((r) => allows(r, '', 'nodes/status', 'get'))).toBe(true);
    expect(node.some((r) => r.kind === 'Role' && allows(r, '', 'configmaps', 'get'))).toBe(true);
    expect(node.some((r) => allows(r, 'coordination.k8s.io', 'leases', 'update'))).toBe(true);
  });

  test('interconnect: the node writes the topology-version ConfigMap and may create endpoints', () => {
    const node = rolesOf(objs, 'ovnkube-node');
    const ic = mode === OvnDeploymentMode.INTERCONNECT;
    expect(node.some((r) => allows(r, '', 'configmaps', 'update'))).toBe(ic);
    expect(node.some((r) => allows(r, '', 'endpoints', 'create'))).toBe(ic);
    expect(node.some((r) => allows(r, 'networking.k8s.io', 'networkpolicies', 'watch'))).toBe(ic);
  });
});

test('central: the database account may write the endpoints of the selector-less ovnkube-db Service', () => {
  const objs = synth();
  expect(rolesOf(objs, 'ovnkube-db').some((r) => allows(r, '', 'endpoints', 'create'))).toBe(true);
});
