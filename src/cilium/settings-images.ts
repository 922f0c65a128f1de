import { invalidValue } from '../common/field-error';
import { checkImagePullPolicy } from '../common/image-pull-policy';
import { isImageReference } from '../util/image-reference';
import { CiliumPrimaryProps } from './cilium-primary-props';
import { CiliumVersion } from './cilium-version';
import { CiliumImages } from './images';

/** The images of every Cilium pod and how they are pulled. */
export interface ImageSettings {
  readonly imagePullPolicy: string;
  readonly images: {
    readonly agent: string; readonly operator: string; readonly envoy: string; readonly certgen: string;
    /** Hubble Relay and UI: the release's images in `imageRegistry` ('' for a release without them). */
    readonly hubbleRelay: string; readonly hubbleUi: string; readonly hubbleUiBackend: string;
  };
}

/** A registry host with optional port and path, without a trailing "/". */
const REGISTRY = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?(\/[a-z0-9]+([._-]+[a-z0-9]+)*)*$/;

/** Each image: given in full, or the release's image moved to `imageRegistry`. */
export function resolveImages(props: CiliumPrimaryProps, version: CiliumVersion): ImageSettings {
  const imagePullPolicy = checkImagePullPolicy('imagePullPolicy', props.imagePullPolicy);
  const registry = props.imageRegistry ?? CiliumImages.DEFAULT_REGISTRY;
  if (typeof registry !== 'string' || !REGISTRY.test(registry)) {
    throw invalidValue('imageRegistry', registry, 'a registry host with optional port and path, without a trailing "/", such as "registry.example.com/cilium"');
  }
  const image = (field: string, given: string | undefined, upstream: string): string => {
    if (given !== undefined) return checkImage(field, given);
    return registry === CiliumImages.DEFAULT_REGISTRY ? upstream : CiliumImages.inRegistry(upstream, registry);
  };
  const moved = (upstream: string | undefined) => (upstream === undefined ? '' : image('', undefined, upstream));
  return {
    imagePullPolicy,
    images: {
      agent: image('agentImage', props.agentImage, version.images.agent),
      operator: image('operatorImage', props.operatorImage, version.images.operator),
      envoy: image('envoyImage', props.envoyImage, version.images.envoy),
      certgen: image('certgenImage', props.certgenImage, version.images.certgen),
      hubbleRelay: moved(version.images.hubbleRelay),
      hubbleUi: moved(version.images.hubbleUi),
      hubbleUiBackend: moved(version.images.hubbleUiBackend),
    },
  };
}

/** An image reference with a tag and/or digest. */
function checkImage(field: string, reference: string): string {
  if (!isImageReference(reference, true)) {
    throw invalidValue(field, reference, 'an image reference with a tag and/or digest, such as "registry.example.com/cilium/cilium:v1.16.7@sha256:…"');
  }
  return reference;
}
