import { invalidValue } from '../common/field-error';
import { Preset } from '../common/preset';
import { MultusMode } from './multus-mode';

/** The image repository of every Multus release. */
const REPOSITORY = 'ghcr.io/k8snetworkplumbingwg/multus-cni';

/**
 * A Multus release. Each is a small delta over the deployment this library renders (after upstream's
 * `deployments/multus-daemonset.yml` and `multus-daemonset-thick.yml` at the tag): the tag's own images
 * (the release files name the moving `:snapshot` images) and the few structural differences between the
 * release files. In every version the default network stays pinned to one conf file and waits for it.
 *
 * Images are tags, not digests: the digests could not be verified offline. Give `MultusProps.image` a
 * `…@sha256:…` reference to pin one.
 */
export class MultusVersion {
  /** v4.1.3 (2024-10-15), the seed's (`Preset.SEED`). */
  public static readonly V4_1_3 = new MultusVersion('v4.1.3', false);

  /**
   * v4.2.4 (2026-02-17). Thick: the init container installs `multus-shim` with `install_multus -t thick`
   * instead of `cp`, and the daemon mounts the host's `/etc/cni/multus/net.d`. Thin: as v4.1.3.
   */
  public static readonly V4_2_4 = new MultusVersion('v4.2.4', true);

  /**
   * v4.3.0 (2026-05-29), the default (`Preset.CURRENT`). Deployment as v4.2.4 (its CRD adds the short name
   * `nad`, which ours has).
   */
  public static readonly V4_3_0 = new MultusVersion('v4.3.0', true);

  /** Every version, oldest first. */
  public static readonly ALL: MultusVersion[] = [MultusVersion.V4_1_3, MultusVersion.V4_2_4, MultusVersion.V4_3_0];

  /** The release a preset installs when no `version` is given: v4.3.0 (`CURRENT`) or v4.1.3 (`SEED`). */
  public static defaultFor(preset: Preset): MultusVersion {
    return preset === Preset.SEED ? MultusVersion.V4_1_3 : MultusVersion.V4_3_0;
  }

  /** The version named by its tag, e.g. `v4.2.4`. @throws naming the valid tags */
  public static of(tag: string): MultusVersion {
    const found = MultusVersion.ALL.find((v) => v.tag === tag);
    if (!found) {
      throw invalidValue('version', tag, `one of ${MultusVersion.ALL.map((v) => v.tag).join(', ')}`);
    }
    return found;
  }

  /**
   * @param tag the release tag, e.g. `v4.1.3`
   * @param thickInstaller thick: the init container runs `install_multus -t thick` (v4.2+) instead of `cp`,
   *   and the daemon mounts `/etc/cni/multus/net.d`
   */
  private constructor(public readonly tag: string, public readonly thickInstaller: boolean) {}

  /** The tag's image for a mode: `multus-cni:<tag>` (thin) or `multus-cni:<tag>-thick`. */
  public image(mode: MultusMode): string {
    return `${REPOSITORY}:${this.tag}${mode.name === 'thick' ? '-thick' : ''}`;
  }
}
