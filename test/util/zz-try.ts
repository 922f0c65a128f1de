import { validateManifests } from './k8s-schema';
let t0 = process.cpuUsage().user/1000;
const lap = (l: string) => { const n=process.cpuUsage().user/1000; console.log(l, Math.round(n - t0)); t0 = n; };
validateManifests([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }]); lap('configmap');
validateManifests([{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'c' } }]); lap('service');
validateManifests([{ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'c' } }]); lap('daemonset');
validateManifests([{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'c' } }]); lap('deployment');
validateManifests([{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'c' } }]); lap('pod');
