import { ManifestDocument } from '../manifest-reader';
import { extractCiliumConfig, extractCiliumEgressPolicy, extractCiliumLbPool, extractCiliumPodIpPool, extractMetallbPool } from './cilium';
import { extractKindCluster, extractKubeadmConfig, extractKubeadmConfigMap } from './cluster-config';
import { Extraction, ObjectContext } from './found';
import { extractNad } from './nad';
import { extractNode } from './node';
import { extractPlanRecord } from './plan-record';
import { PLAN_RECORD_NAME } from '../../plan';
import { WORKLOAD_KINDS, extractOvnConfig, extractOvnEnv, extractUserDefinedNetwork } from './ovn';

/** Every range the objects state, by kind of object (see docs/check.md, "What it reads"). */
export function extractAll(docs: ManifestDocument[]): Extraction {
  const out: Extraction = { ranges: [], nativeRouting: [], nodePodRanges: [], nodeCount: 0, problems: [] };
  const counter = { next: 0 };
  // Env vars may take their value from a ConfigMap of the same input (`valueFrom.configMapKeyRef`).
  const configMaps = new Map<string, Record<string, string>>();
  for (const { object: o } of docs) {
    if (o?.kind === 'ConfigMap' && o.metadata?.name) configMaps.set(`${o.metadata.namespace ?? ''}/${o.metadata.name}`, o.data ?? {});
  }
  for (const doc of docs) {
    const o = doc.object;
    if (!o || typeof o !== 'object' || typeof o.kind !== 'string') continue;
    const ctx = new ObjectContext(doc, out, counter);
    const api = typeof o.apiVersion === 'string' ? o.apiVersion : '';
    switch (o.kind) {
      case 'ConfigMap':
        if (o.metadata?.name === 'cilium-config') extractCiliumConfig(ctx, o);
        if (o.metadata?.name === 'ovn-config') extractOvnConfig(ctx, o);
        if (o.metadata?.name === 'kubeadm-config') extractKubeadmConfigMap(ctx, o);
        if (o.metadata?.name === PLAN_RECORD_NAME) extractPlanRecord(ctx, o);
        break;
      case 'NetworkAttachmentDefinition':
        extractNad(ctx, o);
        break;
      case 'CiliumPodIPPool':
        extractCiliumPodIpPool(ctx, o);
        break;
      case 'CiliumLoadBalancerIPPool':
        extractCiliumLbPool(ctx, o);
        break;
      case 'CiliumEgressGatewayPolicy':
        extractCiliumEgressPolicy(ctx, o);
        break;
      case 'IPAddressPool':
        if (api.startsWith('metallb.io/')) extractMetallbPool(ctx, o);
        break;
      case 'UserDefinedNetwork':
      case 'ClusterUserDefinedNetwork':
        extractUserDefinedNetwork(ctx, o);
        break;
      case 'Node':
        extractNode(ctx, o);
        break;
      case 'Cluster':
        // kind.sigs.k8s.io: the API group of kind before v0.6 (v1alpha3), same networking fields
        if (api.startsWith('kind.x-k8s.io/') || api.startsWith('kind.sigs.k8s.io/')) extractKindCluster(ctx, o);
        break;
      case 'ClusterConfiguration':
        if (api.startsWith('kubeadm.k8s.io/')) extractKubeadmConfig(ctx, o, undefined);
        break;
      default:
        if (WORKLOAD_KINDS.includes(o.kind)) extractOvnEnv(ctx, o, configMaps);
    }
  }
  return out;
}
