import { isImageRepository, isImageTag } from '../util/image-reference';
import { invalidValue } from '../common/field-error';

/**
 * The one image every OVN-Kubernetes container runs (ovs-node, databases, northd, ovnkube, ovn-controller):
 * its entry point `/root/ovnkube.sh <target>` picks the daemon. Overridden by `imageRepository`/`imageTag`.
 *
 * The default is the image the seed's deploy script builds from its branch and loads into kind
 * (`BUILD_IMAGE`): only that build has the secondary-CNI option, and public `master` builds of 2026 no
 * longer have central mode either. A cluster without the build shows ErrImagePull at once, instead of
 * silently running an OVN-Kubernetes that manages every pod. Public images: see `PUBLIC_OVN_IMAGE`.
 */
export const OVN_IMAGES = {
  ovnKubernetes: {
    repository: 'localhost/ovn-daemonset-f',
    tag: 'dev',
  },
};

/** The public image the seed pulls without `BUILD_IMAGE`; it lacks the secondary-CNI option. */
export const PUBLIC_OVN_IMAGE = { repository: 'ghcr.io/ovn-kubernetes/ovn-kubernetes/ovn-kube-fedora', tag: 'master' };


/** Validates repository and tag and joins them; errors name the prop. */
export function imageReference(repository: string, tag: string): string {
  if (!isImageRepository(repository)) {
    throw invalidValue('imageRepository', repository,
      `an image name without tag or digest, such as "${OVN_IMAGES.ovnKubernetes.repository}" or "registry.example.com/ovn/ovn-kube-fedora"`);
  }
  if (!isImageTag(tag)) {
    throw invalidValue('imageTag', tag, 'a tag of letters, digits, "_", "." or "-" (at most 128, not starting with "." or "-"), such as "master" or "dev"');
  }
  return `${repository}:${tag}`;
}
