import { MultusImages } from './multus-images';

/**
 * How Multus runs on each node.
 */
export class MultusMode {
  /**
   * Thin plugin (upstream `deployments/multus-daemonset.yml`): the `multus` binary runs on the host for each
   * CNI call and reads the API server itself; the pod only writes the config. What the seed installs.
   */
  public static readonly THIN = new MultusMode('thin', MultusImages.THIN);

  /**
   * Thick plugin (upstream `deployments/multus-daemonset-thick.yml`): a `multus-shim` on the host forwards
   * each CNI call over a unix socket to `multus-daemon` in the pod, configured by the ConfigMap
   * `multus-daemon-config`.
   */
  public static readonly THICK = new MultusMode('thick', MultusImages.THICK);

  /**
   * @param name `thin` or `thick`
   * @param defaultImage the image of the default version (MultusVersion.V4_3_0, see MultusImages) in this mode; `Multus` takes
   *   `MultusVersion.image(mode)` of the version it deploys
   */
  private constructor(public readonly name: string, public readonly defaultImage: string) {}
}
