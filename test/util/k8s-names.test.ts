import { isDnsLabel, isDnsSubdomain } from '../../src/util/k8s-names';

describe('Kubernetes name rules', () => {
  test('DNS-1123 label: lowercase alphanumerics and "-", alphanumeric at both ends, 1 to 63 characters', () => {
    for (const ok of ['a', 'kube-system', 'ovn-host-network', '0abc9', 'a'.repeat(63)]) expect([ok, isDnsLabel(ok)]).toEqual([ok, true]);
    for (const bad of ['', 'A', 'a.b', '-a', 'a-', 'a_b', 'a'.repeat(64), undefined, 7]) {
      expect([bad, isDnsLabel(bad)]).toEqual([bad, false]);
    }
  });

  test('DNS-1123 subdomain: labels joined by ".", at most 253 characters', () => {
    const long = Array.from({ length: 4 }, () => 'a'.repeat(63)).join('.'); // 255 characters
    for (const ok of ['ovn-stream-veth', 'a.b.c', long.slice(0, 253).replace(/\.$/, 'a')]) expect([ok, isDnsSubdomain(ok)]).toEqual([ok, true]);
    for (const bad of ['', 'a..b', '.a', 'a.', 'Bad_Name', long, null]) expect([bad, isDnsSubdomain(bad)]).toEqual([bad, false]);
  });
});
