import type { ImagePullPolicy } from 'cdk8s-plus-28';
import { invalidValue, quotedChoice } from './field-error';

// cdk8s-plus-28's ImagePullPolicy, checked without loading cdk8s-plus-28's index at run time: only its k8s
// imports are needed to build objects, and its index (every L2 construct) costs ~20 ms of a synth.
// test/common/image-pull-policy.test.ts holds this list equal to the enum's values.

/** Every value of `ImagePullPolicy`, in the enum's order. */
export const IMAGE_PULL_POLICIES: readonly string[] = ['Always', 'IfNotPresent', 'Never'];

/** The default of every workload of this library, as the upstream charts set it. */
export const DEFAULT_IMAGE_PULL_POLICY = 'IfNotPresent' as ImagePullPolicy;

/**
 * `value`, or the default when absent.
 * @throws `field: invalid value …` when it is not an ImagePullPolicy
 */
export function checkImagePullPolicy(field: string, value: ImagePullPolicy | undefined): ImagePullPolicy {
  const policy = value ?? DEFAULT_IMAGE_PULL_POLICY;
  if (!IMAGE_PULL_POLICIES.includes(policy)) throw invalidValue(field, policy, quotedChoice(IMAGE_PULL_POLICIES));
  return policy;
}
