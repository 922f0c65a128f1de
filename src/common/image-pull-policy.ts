import { ImagePullPolicy } from 'cdk8s-plus-28';
import { invalidValue, quotedChoice } from './field-error';

/**
 * `value`, or the default of every workload of this library when absent (IfNotPresent, as the upstream
 * charts set it).
 * @throws `field: invalid value …` when it is not one of cdk8s-plus-28's ImagePullPolicy values
 */
export function checkImagePullPolicy(field: string, value: ImagePullPolicy | undefined): ImagePullPolicy {
  const policy = value ?? ImagePullPolicy.IF_NOT_PRESENT;
  const policies: string[] = Object.values(ImagePullPolicy);
  if (!policies.includes(policy)) throw invalidValue(field, policy, quotedChoice(policies));
  return policy;
}
