// Ports of Cilium's pods on the node (all run in the host network), each fixed by the chart's defaults.

/** The agent's health endpoint on the node's loopback (`agent-health-port`). */
export const AGENT_HEALTH_PORT = 9879;
/** The agent's Hubble server (`hubble-listen-address: ":4244"`), reached through the `hubble-peer` Service. */
export const HUBBLE_PORT = 4244;
/** The operator's Prometheus metrics (`operator-prometheus-serve-addr`). */
export const OPERATOR_METRICS_PORT = 9963;
/** The operator's health API (`operator-api-serve-addr`, on the node's loopback). */
export const OPERATOR_HEALTH_PORT = 9234;
/** The agent's Prometheus metrics (`prometheus-serve-addr`, with `prometheus`). */
export const AGENT_METRICS_PORT = 9962;
/** Hubble's flow metrics on every agent (`hubble-metrics-server`, with `hubble.metrics`). */
export const HUBBLE_METRICS_PORT = 9965;
/** Hubble Relay's gRPC port inside its pod (not host network: no node port). */
export const HUBBLE_RELAY_PORT = 4245;
