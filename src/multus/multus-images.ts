/**
 * The Multus images this library deploys by default (`Preset.CURRENT`): release v4.3.0. Other releases
 * (the seed's v4.1.3 among them) give theirs through `MultusVersion.image(mode)`.
 *
 * Tags, not digests: the digests of these tags could not be verified offline, so none is pinned. Give
 * `MultusProps.image` a `…@sha256:…` reference to pin one.
 */
export class MultusImages {
  /** The Multus release. */
  public static readonly VERSION = 'v4.3.0';
  /** Thin plugin image (`/thin_entrypoint`, `/install_multus`). */
  public static readonly THIN = `ghcr.io/k8snetworkplumbingwg/multus-cni:${MultusImages.VERSION}`;
  /** Thick plugin image (`multus-daemon`, `multus-shim`); upstream tags it `<version>-thick`. */
  public static readonly THICK = `ghcr.io/k8snetworkplumbingwg/multus-cni:${MultusImages.VERSION}-thick`;

  private constructor() {}
}
