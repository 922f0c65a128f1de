import { ImagePullPolicy } from 'cdk8s-plus-28';
import { checkImagePullPolicy } from '../../src/common/image-pull-policy';

test('checkImagePullPolicy: the value, IfNotPresent when absent, an error naming the field and the choices', () => {
  expect(checkImagePullPolicy('imagePullPolicy', ImagePullPolicy.NEVER)).toBe('Never');
  expect(checkImagePullPolicy('imagePullPolicy', undefined)).toBe('IfNotPresent');
  expect(() => checkImagePullPolicy('imagePullPolicy', 'Sometimes' as ImagePullPolicy))
    .toThrow('imagePullPolicy: invalid value "Sometimes": expected "Always", "IfNotPresent" or "Never"');
});
