import { showValue } from '../../src/common/field-error';
import { checkHost, checkPort, isDnsName, isIpv4Address, isIpv6Address } from '../../src/common/host';

describe('the host rule', () => {
  test.each([
    ['172.18.0.2', true, false, false],
    ['0.0.0.0', true, false, false],
    ['172.18.0.256', false, false, false],
    ['172.018.0.2', false, false, false],
    ['fd00::2', false, true, false],
    ['::1', false, true, false],
    ['fe80::1%eth0', false, false, false],
    // a dotted-quad tail, as Go's net.ParseIP reads it (an IPv4-mapped address is still written as IPv6: a URL brackets it)
    ['::ffff:10.0.0.1', false, true, false],
    ['64:ff9b::192.0.2.33', false, true, false],
    ['::FFFF:A00:1', false, true, false],
    ['::ffff:10.0.0.01', false, false, false],
    ['::ffff:10.0.0', false, false, false],
    ['1:2:3:4:5:6:7:10.0.0.1', false, false, false],
    ['fd00::1::2', false, false, false],
    ['[fd00::2]', false, false, false],
    ['kind-control-plane', false, false, true],
    ['API.example.com', false, false, true],
    ['-bad.example.com', false, false, false],
    ['1.2.3', false, false, false],
    ['https://172.18.0.2', false, false, false],
    ['172.18.0.2:6443', false, false, false],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`, false, false, true],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`, false, false, false],
  ])('%s: IPv4 %p, IPv6 %p, DNS name %p', (text, ipv4, ipv6, dns) => {
    expect([isIpv4Address(text), isIpv6Address(text), isDnsName(text)]).toEqual([ipv4, ipv6, dns]);
    if (ipv4 || ipv6 || dns) expect(checkHost('host', text)).toBe(text);
    else expect(() => checkHost('host', text)).toThrow(`host: invalid value ${showValue(text)}: expected an IP address or DNS name (no scheme, port or brackets), such as "172.18.0.2"`);
  });

  test('a host that is not a string is refused with its value', () => {
    expect(() => checkHost('k8sServiceHost', 6443)).toThrow(/^k8sServiceHost: invalid value 6443: expected an IP address/);
  });
});

describe('the port rule', () => {
  test.each([[1, true], [65535, true], [0, false], [65536, false], [6443.5, false], ['6443', false], [-1, false]])('%p allowed: %p', (port, ok) => {
    if (ok) expect(checkPort('port', port)).toBe(port);
    else expect(() => checkPort('port', port)).toThrow(`port: invalid value ${JSON.stringify(port)}: expected a port number from 1 to 65535`);
  });
});
