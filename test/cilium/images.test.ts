import { CiliumImages } from '../../src/cilium';

describe('CiliumImages', () => {
  test('1.16.7 images pinned by tag and digest (from the 1.16.7 chart values)', () => {
    expect(CiliumImages.VERSION).toBe('1.16.7');
    expect(CiliumImages.AGENT).toBe('quay.io/cilium/cilium:v1.16.7@sha256:294d2432507fed393b26e9fbfacb25c2e37095578cb34dabac7312b66ed0782e');
    expect(CiliumImages.OPERATOR).toBe('quay.io/cilium/operator-generic:v1.16.7@sha256:25a41ac50bcebfb780ed2970e55a5ba1a5f26996850ed5a694dc69b312e0b5a0');
    expect(CiliumImages.ENVOY).toBe(
      'quay.io/cilium/cilium-envoy:v1.31.5-1739264036-958bef243c6c66fcfd73ca319f2eb49fff1eb2ae@sha256:fc708bd36973d306412b2e50c924cd8333de67e0167802c9b48506f9d772f521');
    expect(CiliumImages.CERTGEN).toBe('quay.io/cilium/certgen:v0.2.0@sha256:169d93fd8f2f9009db3b9d5ccd37c2b753d0989e1e7cd8fe79f9160c459eef4f');
  });

  test('inRegistry moves an upstream image and keeps tag and digest', () => {
    expect(CiliumImages.inRegistry(CiliumImages.AGENT, 'mirror.example.com/cilium'))
      .toBe('mirror.example.com/cilium/cilium:v1.16.7@sha256:294d2432507fed393b26e9fbfacb25c2e37095578cb34dabac7312b66ed0782e');
  });

  test('inRegistry refuses an image that is not upstream', () => {
    expect(() => CiliumImages.inRegistry('docker.io/library/busybox:1', 'mirror.example.com'))
      .toThrow(/^image: invalid value "docker\.io\/library\/busybox:1": expected an upstream quay\.io\/cilium\/… image \(only those can be moved to another registry\)$/);
  });
});
