import { IpFamily, ipAddressFamily } from '../addressing';
import { isDnsLabel } from '../util/k8s-names';
import { invalidValue } from './field-error';

// The host and port rules of every prop that names a server (the API server for Cilium's agent, for
// OVN-Kubernetes' pods): what a Go client dials (net.JoinHostPort, then net.Dial) once it is put in a URL.


/** Whether `text` is a dotted-quad IPv4 address. */
export function isIpv4Address(text: string): boolean {
  return ipAddressFamily(text) === IpFamily.IPV4;
}

/**
 * Whether `text` is an IPv6 address (a dotted-quad tail such as `::ffff:10.0.0.1` included) without brackets
 * and without a zone (`%eth0`). An IPv4-mapped address counts: it is written as IPv6, so a URL needs brackets.
 */
export function isIpv6Address(text: string): boolean {
  return ipAddressFamily(text) === IpFamily.IPV6;
}

/** Whether `text` is a DNS name: dot-separated RFC 1123 labels in any case (a resolver ignores it), at most 253 characters, not all digits and dots. */
export function isDnsName(text: string): boolean {
  return text.length <= 253 && !/^[0-9.]+$/.test(text) && text.toLowerCase().split('.').every(isDnsLabel);
}

/**
 * A bare host: an IPv4 address, an IPv6 address without brackets or a DNS name; no scheme, port or path.
 * @throws `field: invalid value …` otherwise
 */
export function checkHost(field: string, host: unknown, example: string = '172.18.0.2'): string {
  if (typeof host !== 'string' || !(isIpv4Address(host) || isIpv6Address(host) || isDnsName(host))) {
    throw invalidValue(field, host, `an IP address or DNS name (no scheme, port or brackets), such as "${example}"`);
  }
  return host;
}

/**
 * A TCP or UDP port: a whole number from 1 to 65535 (apimachinery's `IsValidPortNum`, which the API server
 * applies to every port field; 0 would mean "any port" to the kernel).
 * @throws `field: invalid value …` otherwise
 */
export function checkPort(field: string, port: unknown): number {
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw invalidValue(field, port, 'a port number from 1 to 65535');
  }
  return port;
}
