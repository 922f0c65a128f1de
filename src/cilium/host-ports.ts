import { HostPort } from '../common/host-ports';
import { ENVOY_HEALTH_PORT, ENVOY_METRICS_PORT } from './envoy-bootstrap';
import { AGENT_HEALTH_PORT, AGENT_METRICS_PORT, HUBBLE_METRICS_PORT, HUBBLE_PORT, OPERATOR_HEALTH_PORT, OPERATOR_METRICS_PORT } from './ports';
import { CiliumSettings } from './settings';

/** Cluster health between the agents (cilium/cilium pkg/defaults ClusterHealthPort). */
const CLUSTER_HEALTH_PORT = 4240;
/** gops of the agent and the operator (pkg/defaults GopsPortAgent, GopsPortOperator). */
const AGENT_GOPS_PORT = 9890;
const OPERATOR_GOPS_PORT = 9891;

/** The TCP ports Cilium's host-network pods bind on the nodes with these settings (why: common/host-ports). */
export function ciliumHostPorts(settings: CiliumSettings): HostPort[] {
  const tcp = (port: number, owner: string): HostPort => ({ port, protocol: 'tcp', owner: `cilium ${owner}` });
  return [
    tcp(HUBBLE_PORT, 'agent hubble server'),
    tcp(CLUSTER_HEALTH_PORT, 'agent cluster health'),
    tcp(AGENT_HEALTH_PORT, 'agent health api'),
    tcp(AGENT_GOPS_PORT, 'agent gops'),
    ...(settings.prometheus ? [tcp(AGENT_METRICS_PORT, 'agent prometheus metrics (prometheus)')] : []),
    ...(settings.hubbleMetrics.length > 0 ? [tcp(HUBBLE_METRICS_PORT, 'hubble metrics (hubble.metrics)')] : []),
    tcp(ENVOY_METRICS_PORT, 'envoy metrics'),
    tcp(ENVOY_HEALTH_PORT, 'envoy health'),
    tcp(OPERATOR_METRICS_PORT, 'operator metrics'),
    tcp(OPERATOR_HEALTH_PORT, 'operator health api'),
    tcp(OPERATOR_GOPS_PORT, 'operator gops'),
  ];
}
