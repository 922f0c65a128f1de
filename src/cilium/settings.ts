import { invalidValue } from '../common/field-error';
import { checkPreset } from '../common/preset';
import { CiliumPrimaryProps } from './cilium-primary-props';
import { CiliumVersion } from './cilium-version';
import { ApiServerSettings, resolveApiServer } from './settings-api-server';
import { ClusterSettings, resolveCluster } from './settings-cluster';
import { FeatureSettings, resolveFeatures } from './settings-features';
import { HubbleSettings, resolveHubble } from './settings-hubble';
import { ImageSettings, resolveImages } from './settings-images';
import { ObservabilitySettings, resolveObservability } from './settings-observability';
import { PodRangeSettings, resolvePodRanges } from './settings-pod-ranges';
import { RoutingSettings, resolveRouting } from './settings-routing';

/** The props, checked and with every default applied: what the builders render. */
export interface CiliumSettings extends PodRangeSettings, RoutingSettings, ApiServerSettings, ClusterSettings, ImageSettings, HubbleSettings, FeatureSettings, ObservabilitySettings {
  readonly version: CiliumVersion;
  readonly cniExclusive: boolean;
}

/**
 * Checks every prop (throwing on the first bad one, as `field: invalid value …: expected …`; like every
 * component, Cilium names only its own props: the chart prefixes the section, `cilium: …`) and applies the
 * defaults. Each group of props is checked in its own settings-*.ts file.
 */
export function resolveSettings(props: CiliumPrimaryProps): CiliumSettings {
  const version = resolveVersion(props.version, props);
  const podRanges = resolvePodRanges(props);
  const apiServer = resolveApiServer(props);
  return {
    version,
    ...podRanges,
    cniExclusive: props.cniExclusive ?? false,
    ...resolveRouting(props, version, podRanges.podCidrs),
    ...apiServer,
    ...resolveCluster(props),
    ...resolveImages(props, version),
    ...resolveHubble(props.hubbleTls),
    ...resolveFeatures(props, { version, kubeProxyReplacement: apiServer.kubeProxyReplacement, ipv4: podRanges.ipv4, socketLbHostNamespaceOnly: apiServer.socketLbHostNamespaceOnly }),
    ...resolveObservability(props, version),
  };
}

/** `version`, else the preset's release (checked even when `version` is given: a bad prop is never ignored). */
function resolveVersion(given: CiliumVersion | undefined, props: CiliumPrimaryProps): CiliumVersion {
  const preset = checkPreset(props.preset);
  const version = given ?? CiliumVersion.defaultFor(preset);
  if (!(version instanceof CiliumVersion)) {
    throw invalidValue('version', version, `a CiliumVersion such as CiliumVersion.of("1.20.0"); supported: ${CiliumVersion.all().map((v) => `"${v.version}"`).join(', ')}`);
  }
  return version;
}
