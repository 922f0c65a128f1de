import { invalidValue } from '../common/field-error';
import { Preset } from '../common/preset';
import { CiliumImages } from './images';

/** The default images of one Cilium release (tag and digest, from that release's chart values). */
export interface CiliumReleaseImages {
  /** Agent image (`cilium-agent` and its init containers). */
  readonly agent: string;
  /** Generic operator image (`cilium-operator-generic`). */
  readonly operator: string;
  /** Envoy image of the `cilium-envoy` DaemonSet. */
  readonly envoy: string;
  /** certgen image of the in-cluster Hubble certificate generation. */
  readonly certgen: string;
  /** Hubble Relay image (1.18 and later). */
  readonly hubbleRelay?: string;
  /** Hubble UI frontend image (1.18 and later). */
  readonly hubbleUi?: string;
  /** Hubble UI backend image (1.18 and later). */
  readonly hubbleUiBackend?: string;
}

const HUBBLE_UI = `${CiliumImages.DEFAULT_REGISTRY}/hubble-ui:v0.13.5@sha256:f7d514fc54d784ed6df9d58cf0e97648b143f92b766dd1780ed3fc845bd4c516`;
const HUBBLE_UI_BACKEND = `${CiliumImages.DEFAULT_REGISTRY}/hubble-ui-backend:v0.13.5@sha256:fac0c300ae119274edca11fd89b1ad23c788792d8bc4ea2ba631c709e8d3c688`;

const REG = CiliumImages.DEFAULT_REGISTRY;

/**
 * The Cilium release to deploy. Enum-like class so the API compiles with jsii. Each release is
 * rendered as its own chart renders it (cilium-config defaults, images, the few structural changes
 * between chart lines); the differences between releases live in `version-changes.ts`.
 *
 * Digests: from the packaged charts cilium-<version>.tgz of the cilium/charts repository (values.yaml
 * `image`, `operator.image.genericDigest`, `envoy.image`, `certgen.image`, `hubble.relay.image`,
 * `hubble.ui.frontend.image`, `hubble.ui.backend.image`), as they appear in
 * `helm template` of each chart.
 */
export class CiliumVersion {
  /**
   * 1.16.7, the seed's release (`Preset.SEED`). End-of-life: the 1.16 line ended with 1.16.19, so synth
   * warns when it installs it.
   */
  public static readonly V1_16_7 = new CiliumVersion('1.16.7', 16, {
    agent: CiliumImages.AGENT,
    operator: CiliumImages.OPERATOR,
    envoy: CiliumImages.ENVOY,
    certgen: CiliumImages.CERTGEN,
  }, '1.16.19');

  /** 1.18.12 (supported line). */
  public static readonly V1_18_12 = new CiliumVersion('1.18.12', 18, {
    agent: `${REG}/cilium:v1.18.12@sha256:94149589d9b77fe3a78f900121b36fab51b1ede0c4190924e2328facc37de210`,
    operator: `${REG}/operator-generic:v1.18.12@sha256:86899c73438812b2761ac6fa435ea4e65f68e70d1ae54ac806fec8805d1ce011`,
    envoy: `${REG}/cilium-envoy:v1.36.9-1782267392-edeb3f2af56c37c407efa1f63f0b32f595399bbc@sha256:767101fb8a5e38f055778cb43b7aa8eed80450b37f8121effac3d9de9e06dc99`,
    certgen: `${REG}/certgen:v0.4.6@sha256:511cedee817713fdf72db7e32fffb4b90da7747661b95180064f18198877626c`,
    hubbleRelay: `${REG}/hubble-relay:v1.18.12@sha256:308b186791faf8a8a9322ce64d2e12f66fa82a3f4659e7a79b31829b6195df61`,
    hubbleUi: HUBBLE_UI,
    hubbleUiBackend: HUBBLE_UI_BACKEND,
  });

  /** 1.19.6 (supported line). */
  public static readonly V1_19_6 = new CiliumVersion('1.19.6', 19, {
    agent: `${REG}/cilium:v1.19.6@sha256:0df5b2750b64c49843aba1d649e9eaf61467cb0645ad3171db6f6962c095ac92`,
    operator: `${REG}/operator-generic:v1.19.6@sha256:0db4ca4e06969d8904ee036617795d0e9c3228cf7b8d902ba74fc2bb98d2d665`,
    envoy: `${REG}/cilium-envoy:v1.36.9-1782267392-edeb3f2af56c37c407efa1f63f0b32f595399bbc@sha256:767101fb8a5e38f055778cb43b7aa8eed80450b37f8121effac3d9de9e06dc99`,
    certgen: `${REG}/certgen:v0.4.6@sha256:511cedee817713fdf72db7e32fffb4b90da7747661b95180064f18198877626c`,
    hubbleRelay: `${REG}/hubble-relay:v1.19.6@sha256:6782a49e3f28eba015701c4410a5ec7fa096fe9a562f879b4372dbecd827ea44`,
    hubbleUi: HUBBLE_UI,
    hubbleUiBackend: HUBBLE_UI_BACKEND,
  });

  /** 1.20.0 (newest line), the default (`Preset.CURRENT`). */
  public static readonly V1_20_0 = new CiliumVersion('1.20.0', 20, {
    agent: `${REG}/cilium:v1.20.0@sha256:383968cd5e8873f7976fa76aa6196045643558f4cc9518a207b9335cb24a0e93`,
    operator: `${REG}/operator-generic:v1.20.0@sha256:80744a8cc7c91c2f9e6347629406844eb35d79b30a732c6d41c15b17232a74f3`,
    envoy: `${REG}/cilium-envoy:v1.37.5-1782911245-7cffc778c923f68a77954a53b1a98d6b5353f004@sha256:583057dd4f7d54cd41efff3c413aa0b148ac201f522e2c3336851fa89c78b039`,
    certgen: `${REG}/certgen:v0.4.8@sha256:e65f1d15a0ffaf2df32797c8ad1c797fc64dad11c274cd96a2eafa89d712cdc3`,
    hubbleRelay: `${REG}/hubble-relay:v1.20.0@sha256:2ca16981c7eb98df0ba9c9d18896bb9ca628b5cbd40dc9801339f4741f91ee94`,
    hubbleUi: HUBBLE_UI,
    hubbleUiBackend: HUBBLE_UI_BACKEND,
  });

  /** Every supported release, oldest first. */
  public static all(): CiliumVersion[] {
    return [CiliumVersion.V1_16_7, CiliumVersion.V1_18_12, CiliumVersion.V1_19_6, CiliumVersion.V1_20_0];
  }

  /** The release a preset installs when no `version` is given: 1.20.0 (`CURRENT`) or 1.16.7 (`SEED`). */
  public static defaultFor(preset: Preset): CiliumVersion {
    return preset === Preset.SEED ? CiliumVersion.V1_16_7 : CiliumVersion.V1_20_0;
  }

  /**
   * The release named `version` (e.g. "1.20.0").
   * @throws when the release is not one of `all()`
   */
  public static of(version: string): CiliumVersion {
    const found = CiliumVersion.all().find((v) => v.version === version);
    if (!found) {
      throw invalidValue('version', version, `a Cilium release this library renders: ${CiliumVersion.all().map((v) => `"${v.version}"`).join(', ')}`);
    }
    return found;
  }

  private constructor(
    /** The release, e.g. "1.20.0". */
    public readonly version: string,
    /** The minor release of the 1.x line (16, 18, 19, 20): what the chart's structure depends on. */
    public readonly minor: number,
    /** The release's default images, pinned by tag and digest. */
    public readonly images: CiliumReleaseImages,
    /** For an end-of-life line, its last release (e.g. "1.16.19"); undefined while the line is supported. */
    public readonly lineEndedWith?: string,
  ) {}

  /** Whether the release's line is end-of-life (no more patches, security fixes included). */
  public get endOfLife(): boolean {
    return this.lineEndedWith !== undefined;
  }

  /** Whether this release is 1.`minor` or later. */
  public atLeast(minor: number): boolean {
    return this.minor >= minor;
  }

  public toString(): string {
    return this.version;
  }
}
