import { invalidValue } from '../common/field-error';

/**
 * The images of Cilium 1.16.7, the seed's release (`CiliumVersion.V1_16_7.images`; other releases carry
 * their own in `CiliumVersion`).
 *
 * Every reference is pinned by tag AND digest, taken from the 1.16.7 chart's values.yaml
 * (`image`, `operator.image.genericDigest`, `envoy.image`, `certgen.image`), verified against the
 * packaged chart cilium-1.16.7.tgz of the official chart repository.
 * Override one image with `CiliumPrimaryProps.agentImage` etc., or all with `imageRegistry`.
 */
export class CiliumImages {
  /** The Cilium release. */
  public static readonly VERSION = '1.16.7';
  /** Registry and organisation of the upstream images. */
  public static readonly DEFAULT_REGISTRY = 'quay.io/cilium';
  /** Agent image (`cilium-agent`, and the init containers). */
  public static readonly AGENT = `${CiliumImages.DEFAULT_REGISTRY}/cilium:v1.16.7@sha256:294d2432507fed393b26e9fbfacb25c2e37095578cb34dabac7312b66ed0782e`;
  /** Generic operator image (`cilium-operator-generic`: no cloud-provider IPAM). */
  public static readonly OPERATOR = `${CiliumImages.DEFAULT_REGISTRY}/operator-generic:v1.16.7@sha256:25a41ac50bcebfb780ed2970e55a5ba1a5f26996850ed5a694dc69b312e0b5a0`;
  /** Envoy image of the `cilium-envoy` DaemonSet (1.16 runs Envoy beside the agent by default). */
  public static readonly ENVOY = `${CiliumImages.DEFAULT_REGISTRY}/cilium-envoy:v1.31.5-1739264036-958bef243c6c66fcfd73ca319f2eb49fff1eb2ae@sha256:fc708bd36973d306412b2e50c924cd8333de67e0167802c9b48506f9d772f521`;
  /** certgen image: generates the Hubble certificates in-cluster (`HubbleTls.CRON_JOB`). */
  public static readonly CERTGEN = `${CiliumImages.DEFAULT_REGISTRY}/certgen:v0.2.0@sha256:169d93fd8f2f9009db3b9d5ccd37c2b753d0989e1e7cd8fe79f9160c459eef4f`;

  /**
   * An upstream image moved to another registry: `quay.io/cilium/cilium:v…@sha256:…` becomes
   * `<registry>/cilium:v…@sha256:…`. The digest stays valid for a mirror that copies images unchanged.
   * @param image one of the constants of this class
   * @param registry registry and organisation, e.g. `registry.example.com/cilium`
   */
  public static inRegistry(image: string, registry: string): string {
    const prefix = `${CiliumImages.DEFAULT_REGISTRY}/`;
    if (!image.startsWith(prefix)) {
      throw invalidValue('image', image, `an upstream ${prefix}… image (only those can be moved to another registry)`);
    }
    return `${registry}/${image.slice(prefix.length)}`;
  }

  private constructor() {}
}
