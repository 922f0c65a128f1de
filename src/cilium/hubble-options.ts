import { CiliumVersion } from './cilium-version';

/**
 * A Hubble flow metric the agent exports on `:9965` (`hubble-metrics`). Enum-like class so the API
 * compiles with jsii; each name is one the agent registers (cilium/cilium pkg/hubble/metrics/<name>/
 * plugin.go: `api.DefaultRegistry().Register(...)`), with the releases whose agent knows it.
 */
export class HubbleMetric {
  /** DNS queries and responses (`dns`). */
  public static readonly DNS = new HubbleMetric('dns');
  /** Dropped packets by reason (`drop`). */
  public static readonly DROP = new HubbleMetric('drop');
  /** TCP flags (`tcp`). */
  public static readonly TCP = new HubbleMetric('tcp');
  /** Flows by type (`flow`). */
  public static readonly FLOW = new HubbleMetric('flow');
  /** ICMP messages (`icmp`). */
  public static readonly ICMP = new HubbleMetric('icmp');
  /** HTTP requests and responses, first generation (`http`); the agent refuses it beside `httpV2`. */
  public static readonly HTTP = new HubbleMetric('http');
  /** HTTP requests with method, protocol and status in one metric (`httpV2`); refused beside `http`. */
  public static readonly HTTP_V2 = new HubbleMetric('httpV2');
  /** Destination ports (`port-distribution`). */
  public static readonly PORT_DISTRIBUTION = new HubbleMetric('port-distribution');
  /** Flows leaving the cluster (`flows-to-world`). */
  public static readonly FLOWS_TO_WORLD = new HubbleMetric('flows-to-world');
  /** Policy verdicts (`policy`). */
  public static readonly POLICY = new HubbleMetric('policy');
  /** Kafka requests (`kafka`); the 1.20 agent no longer has it (pkg/hubble/metrics/kafka is gone). */
  public static readonly KAFKA = new HubbleMetric('kafka', 20);
  /** SCTP (`sctp`); new in the 1.20 agent (pkg/hubble/metrics/sctp). */
  public static readonly SCTP = new HubbleMetric('sctp', undefined, 20);

  /** Every metric, in the order of this class. */
  public static all(): HubbleMetric[] {
    return [HubbleMetric.DNS, HubbleMetric.DROP, HubbleMetric.TCP, HubbleMetric.FLOW, HubbleMetric.ICMP, HubbleMetric.HTTP,
      HubbleMetric.HTTP_V2, HubbleMetric.PORT_DISTRIBUTION, HubbleMetric.FLOWS_TO_WORLD, HubbleMetric.POLICY,
      HubbleMetric.KAFKA, HubbleMetric.SCTP];
  }

  private constructor(
    /** The agent's name of the metric, as `hubble-metrics` lists it. */
    public readonly name: string,
    /** The first minor release (1.x) whose agent no longer has it. */
    private readonly removedIn?: number,
    /** The first minor release (1.x) whose agent has it. */
    private readonly addedIn?: number,
  ) {}

  /** Whether the agent of `version` registers this metric. */
  public supportedBy(version: CiliumVersion): boolean {
    return (this.addedIn === undefined || version.atLeast(this.addedIn)) && (this.removedIn === undefined || !version.atLeast(this.removedIn));
  }

  public toString(): string {
    return this.name;
  }
}

/**
 * Hubble beyond the server every agent runs (Cilium 1.18.12, 1.19.6 and 1.20.0; refused with 1.16.7).
 */
export interface HubbleOptions {
  /**
   * Hubble Relay (`hubble.relay.enabled`): a Deployment `hubble-relay` that joins every agent's Hubble
   * server into one cluster-wide flow API (Service `hubble-relay`, port 80). With `HubbleTls.CRON_JOB`
   * its client certificate `hubble-relay-client-certs` comes from the same in-cluster certgen.
   * @default false (as upstream)
   */
  readonly relay?: boolean;
  /**
   * Hubble UI (`hubble.ui.enabled`): the Deployment `hubble-ui` (nginx frontend and backend), its RBAC and
   * the Service `hubble-ui` (port 80). Needs `relay`.
   * @default false (as upstream)
   */
  readonly ui?: boolean;
  /**
   * Flow metrics the agents export on port 9965 (`hubble.metrics.enabled`), with the Service
   * `hubble-metrics`, e.g. `[HubbleMetric.DNS, HubbleMetric.DROP, HubbleMetric.TCP, HubbleMetric.FLOW]`.
   * @default - none: no Hubble metrics server (as upstream)
   */
  readonly metrics?: HubbleMetric[];
}
