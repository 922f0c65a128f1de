import { CiliumEncryption, CiliumVersion, HubbleMetric, HubbleTls } from '../cilium';
import { MultusMode, MultusVersion } from '../multus';
import { NetworkRole, OvnTopology } from '../networks';
import { Preset } from '../common/preset';
import { GitopsEngine } from '../gitops';

/**
 * Values keys whose props type is an enum-like class, by key path (`[]` stands for every item of a list):
 * the name written in YAML → the instance. `npm run schema` writes these names into values.schema.json as
 * the key's `enum`; the values file is mapped through them. TypeScript enums (RoutingMode, ImagePullPolicy …)
 * need no entry: their YAML text is their value.
 */
export const ENUM_KEYS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'preset': byName(Preset.all(), (p) => p.name),
  'cilium.hubbleTls': { cronJob: HubbleTls.CRON_JOB, disabled: HubbleTls.DISABLED },
  'cilium.encryption': byName(CiliumEncryption.all(), (e) => e.name),
  'cilium.version': byName(CiliumVersion.all(), (v) => v.version),
  'cilium.hubble.metrics[]': byName(HubbleMetric.all(), (m) => m.name),
  'multus.version': byName(MultusVersion.ALL, (v) => v.tag),
  'multus.mode': byName([MultusMode.THIN, MultusMode.THICK], (m) => m.name),
  'networks[].topology': byName([OvnTopology.LAYER3, OvnTopology.LAYER2, OvnTopology.LOCALNET], (t) => t.name),
  'networks[].role': byName([NetworkRole.SECONDARY, NetworkRole.PRIMARY], (r) => r.name),
  'gitops.engine': byName(GitopsEngine.all(), (e) => e.name),
};

/** The instances of an enum-like class by the name each gives itself. */
export function byName<T>(instances: readonly T[], name: (instance: T) => string): Record<string, T> {
  return Object.fromEntries(instances.map((i) => [name(i), i]));
}
