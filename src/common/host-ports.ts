import { MemberKind } from './member-kind';
// The TCP/UDP ports the stack's host-network pods bind on every node, checked across the App (one App is
// one cluster): Cilium's agent, Envoy and operator, OVN-Kubernetes' databases, controllers and metrics
// servers, all with hostNetwork, share each node's port space, so the second to bind a port fails with
// "address already in use" (Cilium's servers exit at start-up; OVN-Kubernetes' metrics server logs and the
// node is left without it). The tunnels' UDP ports have their own rule (tunnel-ports.ts), which also names the
// fix; this one is for the servers.
//
// Facts (who binds what, at the defaults this stack renders):
// - Cilium (cilium/cilium v1.20.0 pkg/defaults/defaults.go and the chart's cilium-config): the agent's Hubble
//   server :4244 (`hubble-listen-address`), cluster health :4240 (ClusterHealthPort), its health API
//   127.0.0.1:9879, gops 127.0.0.1:9890 (GopsPortAgent), with `prometheus` :9962, with `hubble.metrics`
//   :9965; Envoy's metrics listener 0.0.0.0:9964 and health 127.0.0.1:9878 (its bootstrap); the operator's
//   metrics :9963, health 127.0.0.1:9234, gops 9891 (GopsPortOperator). Hubble Relay (:4245) and UI (:8081)
//   are not in the host network and bind nothing on the node.
// - OVN-Kubernetes (dist/images/ovnkube.sh of the seed's ovn-kubernetes, and its chart's
//   ovnkube-monitor.yaml Services): ovnkube-node metrics 0.0.0.0:9410 and OVN metrics 0.0.0.0:9476, the OVS
//   metrics exporter 9310, the central ovnkube-master 9409 and ovnkube-db's northbound 6641 and southbound
//   6642, the interconnect cluster manager 9411.
// - Multus (thin and thick as rendered here) binds no TCP or UDP port: the thick daemon serves a unix socket.
// A port on 127.0.0.1 still clashes with one on 0.0.0.0 of the same port, so loopback ports count too.

/** One port one component binds on every node it runs on. */
export interface HostPort {
  readonly port: number;
  readonly protocol: 'tcp' | 'udp';
  /** What binds it, for the message: `cilium agent prometheus metrics`. */
  readonly owner: string;
}

/** What one component of the App binds. */
export interface HostPortMember {
  readonly component: 'cilium' | 'ovn' | 'multus';
  readonly ports: readonly HostPort[];
  readonly node: { readonly path: string };
}

/** The `ChartAddressPlan._join` kind of the host ports. */
export const HOST_PORT_KIND = new MemberKind<HostPortMember>('HostPort');

/** Every port two components of the App both bind on the nodes' host network. */
export function hostPortConflicts(members: HostPortMember[]): string[] {
  const problems: string[] = [];
  members.forEach((a, i) => members.slice(i + 1).filter((b) => b.component !== a.component).forEach((b) => {
    for (const pa of a.ports) {
      for (const pb of b.ports.filter((p) => p.port === pa.port && p.protocol === pa.protocol)) {
        problems.push(`plan: ${pa.protocol} port ${pa.port} is bound on every node by both ${pa.owner} (${a.node.path}) and ${pb.owner} (${b.node.path}): `
          + 'both run in the host network, so the second to start fails with "address already in use"; move one of them to another port');
      }
    }
  }));
  return problems;
}
