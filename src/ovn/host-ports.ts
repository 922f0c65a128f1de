import { HostPort } from '../common/host-ports';
import { NB_PORT, SB_PORT } from './names';
import { OvnSettings } from './settings';

/** The TCP ports OVN-Kubernetes' host-network pods bind on the nodes, per mode (why and sources: common/host-ports). */
export function ovnHostPorts(settings: OvnSettings): HostPort[] {
  const tcp = (port: number, owner: string): HostPort => ({ port, protocol: 'tcp', owner: `ovn ${owner}` });
  return [
    tcp(9410, 'ovnkube-node metrics'),
    tcp(9476, 'ovn metrics'),
    tcp(9310, 'ovs metrics exporter'),
    ...(settings.interconnect
      ? [tcp(9411, 'cluster manager metrics')]
      : [tcp(9409, 'ovnkube-master metrics'), tcp(NB_PORT, 'northbound database'), tcp(SB_PORT, 'southbound database')]),
  ];
}
