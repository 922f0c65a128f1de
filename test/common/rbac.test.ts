import { Chart, Testing } from 'cdk8s';
import { addClusterRoleGrant, addRoleBinding, addRoleGrant, addServiceAccountWithClusterRole, rule } from '../../src/common/rbac';

describe('the RBAC helper', () => {
  test('a workload account: ServiceAccount, ClusterRole and binding of one name, ids by role', () => {
    const chart = Testing.chart();
    const account = addServiceAccountWithClusterRole(chart, 'Node', { name: 'ovnkube-node', namespace: 'ovn-kubernetes', rules: [rule([''], ['pods'], ['get'])] });
    expect(account).toEqual({ name: 'ovnkube-node', namespace: 'ovn-kubernetes' });
    expect(chart.node.children.map((c) => c.node.id)).toEqual(['NodeServiceAccount', 'NodeClusterRole', 'NodeClusterRoleBinding']);
    const [sa, role, binding] = Testing.synth(chart);
    expect(sa).toEqual({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'ovnkube-node', namespace: 'ovn-kubernetes' } });
    expect(role.metadata).toEqual({ name: 'ovnkube-node' });
    expect(role.rules).toEqual([{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }]);
    expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'ovnkube-node' });
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'ovnkube-node', namespace: 'ovn-kubernetes' }]);
  });

  test('a Role grant lives in its namespace and binds an account of another; labels reach role and binding', () => {
    const chart = Testing.chart();
    addRoleGrant(chart, 'Secrets', { name: 'r', namespace: 'secrets', rules: [], serviceAccount: { name: 'agent', namespace: 'kube-system' }, labels: { a: 'b' } });
    const [role, binding] = Testing.synth(chart);
    expect([role.kind, role.metadata]).toEqual(['Role', { name: 'r', namespace: 'secrets', labels: { a: 'b' } }]);
    expect([binding.kind, binding.metadata]).toEqual(['RoleBinding', { name: 'r', namespace: 'secrets', labels: { a: 'b' } }]);
    expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' });
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'agent', namespace: 'kube-system' }]);
  });

  test('a binding may name a role of another name; a ClusterRoleBinding has no namespace', () => {
    const chart = new Chart(Testing.app(), 'c');
    addClusterRoleGrant(chart, 'Reader', { name: 'reader', rules: [], serviceAccount: { name: 'x', namespace: 'n' } });
    addRoleBinding(chart, 'ConfigRoleBinding', { name: 'x-config', namespace: 'n', role: 'config', serviceAccount: { name: 'x', namespace: 'n' } });
    const objs = Testing.synth(chart);
    expect(objs.find((o) => o.kind === 'ClusterRoleBinding').metadata).toEqual({ name: 'reader' });
    expect(objs.find((o) => o.kind === 'RoleBinding').roleRef.name).toBe('config');
  });

  test('a rule copies its verbs, so a shared verb list cannot be changed through one rule', () => {
    const verbs = ['get'];
    const r = rule(['apps'], ['daemonsets'], verbs, ['one']);
    r.verbs.push('delete');
    expect(verbs).toEqual(['get']);
    expect(r).toEqual({ apiGroups: ['apps'], resources: ['daemonsets'], verbs: ['get', 'delete'], resourceNames: ['one'] });
  });
});
