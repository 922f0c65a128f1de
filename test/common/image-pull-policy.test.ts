import { ImagePullPolicy } from 'cdk8s-plus-28';
import { DEFAULT_IMAGE_PULL_POLICY, IMAGE_PULL_POLICIES, checkImagePullPolicy } from '../../src/common/image-pull-policy';

test('the list is cdk8s-plus-28\'s ImagePullPolicy, and the default is IF_NOT_PRESENT', () => {
  expect(IMAGE_PULL_POLICIES).toEqual(Object.values(ImagePullPolicy));
  expect(DEFAULT_IMAGE_PULL_POLICY).toBe(ImagePullPolicy.IF_NOT_PRESENT);
});

test('checkImagePullPolicy: the value, the default when absent, an error naming the field and the choices', () => {
  expect(checkImagePullPolicy('imagePullPolicy', ImagePullPolicy.NEVER)).toBe('Never');
  expect(checkImagePullPolicy('imagePullPolicy', undefined)).toBe('IfNotPresent');
  expect(() => checkImagePullPolicy('imagePullPolicy', 'Sometimes' as ImagePullPolicy))
    .toThrow('imagePullPolicy: invalid value "Sometimes": expected "Always", "IfNotPresent" or "Never"');
});
