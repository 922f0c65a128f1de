import { isImageReference, isImageRepository, isImageTag } from '../../src/util/image-reference';

describe('image references', () => {
  test.each([
    ['quay.io/cilium/cilium:v1.16.7@sha256:294d2432507fed393b26e9fbfacb25c2e37095578cb34dabac7312b66ed0782e', true, true],
    ['ghcr.io/k8snetworkplumbingwg/multus-cni:v4.1.3', true, true],
    ['registry.example.com:5000/team/image', true, false],
    ['localhost/ovn-daemonset-f:dev', true, true],
    ['busybox', true, false],
  ])('%s is a reference (pinned: %s)', (ref, valid, pinned) => {
    expect(isImageReference(ref)).toBe(valid);
    expect(isImageReference(ref, true)).toBe(pinned);
  });

  test.each(['', 'Upper/Case:v1', 'a b:v1', 'image:', 'image@sha256:short', 'image:-bad', '/leading', 'trailing/'])('%j is not', (ref) => {
    expect(isImageReference(ref)).toBe(false);
  });

  test('repository and tag parts', () => {
    expect(isImageRepository('ghcr.io/ovn-kubernetes/ovn-kubernetes/ovn-kube-fedora')).toBe(true);
    expect(isImageRepository('ghcr.io/ovn:master')).toBe(false);
    expect(isImageRepository('a'.repeat(256))).toBe(false);
    expect(isImageTag('release-1.0')).toBe(true);
    expect(isImageTag('.hidden')).toBe(false);
    expect(isImageTag('x'.repeat(129))).toBe(false);
  });
});
