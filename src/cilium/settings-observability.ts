import { invalidValue } from '../common/field-error';
import { CiliumPrimaryProps } from './cilium-primary-props';
import { CiliumVersion } from './cilium-version';
import { HubbleMetric } from './hubble-options';

/** Hubble Relay and UI, Hubble's flow metrics, the agents' Prometheus metrics and the ServiceMonitors. */
export interface ObservabilitySettings {
  readonly hubbleRelay: boolean;
  readonly hubbleUi: boolean;
  /** The metric names, in the order given; empty: no Hubble metrics server. */
  readonly hubbleMetrics: string[];
  /** The agent's Prometheus metrics on :9962 (`prometheus.enabled`; the operator's are always on, as in the chart). */
  readonly prometheus: boolean;
  /** ServiceMonitors for the prometheus-operator (and the headless metrics Services they select). */
  readonly serviceMonitors: boolean;
}

/** The first minor release (1.x) this library renders these features for. */
const SINCE = 18;

/**
 * Checks the observability props. Each prerequisite names who enforces it: the chart's
 * templates/validate.yaml, or the agent (cilium/cilium v1.19.6 and v1.20.0 sources).
 */
export function resolveObservability(props: CiliumPrimaryProps, version: CiliumVersion): ObservabilitySettings {
  const hubble = props.hubble ?? {};
  if (typeof hubble !== 'object' || hubble === null || Array.isArray(hubble)) {
    throw invalidValue('hubble', hubble, 'HubbleOptions such as { relay: true, ui: true }');
  }
  const hubbleRelay = flag('hubble.relay', hubble.relay, version);
  const hubbleUi = flag('hubble.ui', hubble.ui, version);
  const prometheus = flag('prometheus', props.prometheus, version);
  const serviceMonitors = flag('serviceMonitors', props.serviceMonitors, version);
  const hubbleMetrics = metrics(hubble.metrics, version);
  if (hubbleUi && !hubbleRelay) {
    // The chart's templates/validate.yaml: "Hubble UI requires .Values.hubble.relay.enabled=true" (the UI's backend reads flows from Relay).
    throw invalidValue('hubble.ui', true, 'false without hubble.relay: the UI reads flows through Hubble Relay (the chart\'s validate.yaml: "Hubble UI requires .Values.hubble.relay.enabled=true"); set hubble.relay: true');
  }
  if (serviceMonitors && !prometheus) {
    // templates/cilium-agent/servicemonitor.yaml renders the agent's ServiceMonitor only with prometheus.enabled: the
    // chart would silently leave the agents unscraped.
    throw invalidValue('serviceMonitors', true, 'false without prometheus: the agents serve no metrics to monitor (the chart silently renders no cilium-agent ServiceMonitor without prometheus.enabled); set prometheus: true');
  }
  return { hubbleRelay, hubbleUi, hubbleMetrics, prometheus, serviceMonitors };
}

/** A boolean prop, true only from 1.18. */
function flag(field: string, value: unknown, version: CiliumVersion): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw invalidValue(field, value, 'true or false');
  if (value) supported(field, value, version);
  return value;
}

/** The releases that render these features, for the message. */
function supported(field: string, value: unknown, version: CiliumVersion, off = 'false'): void {
  if (version.atLeast(SINCE)) return;
  const versions = CiliumVersion.all().filter((v) => v.atLeast(SINCE)).map((v) => v.version).join(', ');
  throw invalidValue(field, value, `${off} with Cilium ${version.version} (${field} is supported with Cilium ${versions})`);
}

/**
 * The metric list: HubbleMetric instances the release's agent registers, each once. The agent refuses
 * `http` beside `httpV2` (pkg/hubble/metrics/http/plugin.go: ConflictingPlugins; api/registry.go: "plugin %s
 * conflicts with plugin %s") and fails at start-up on a name it has not registered.
 */
function metrics(given: unknown, version: CiliumVersion): string[] {
  if (given === undefined) return [];
  if (!Array.isArray(given)) {
    throw invalidValue('hubble.metrics', given, 'a list of HubbleMetric such as [HubbleMetric.DNS, HubbleMetric.DROP]');
  }
  if (given.length > 0) supported('hubble.metrics', given.map(String), version, 'no metrics');
  const names: string[] = [];
  given.forEach((m, i) => {
    const field = `hubble.metrics[${i}]`;
    if (!(m instanceof HubbleMetric)) {
      throw invalidValue(field, m, `a HubbleMetric: ${HubbleMetric.all().map((x) => `"${x.name}"`).join(', ')} in a values file`);
    }
    if (!m.supportedBy(version)) {
      const agents = CiliumVersion.all().filter((v) => v.atLeast(SINCE) && m.supportedBy(v)).map((v) => v.version).join(', ');
      throw invalidValue(field, m.name, `a metric the ${version.version} agent registers (pkg/hubble/metrics); "${m.name}" is one of Cilium ${agents}`);
    }
    if (names.includes(m.name)) throw invalidValue(field, m.name, 'each metric once');
    names.push(m.name);
  });
  if (names.includes('http') && names.includes('httpV2')) {
    throw invalidValue('hubble.metrics', names, 'http or httpV2, not both: the agent refuses them together ("plugin httpV2 conflicts with plugin http", pkg/hubble/metrics/api/registry.go)');
  }
  return names;
}
