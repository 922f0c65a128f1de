import { invalidValue } from './field-error';

/** The largest MTU an IP length field allows. */
export const MAX_MTU = 65535;

/**
 * The MTU rule of every pod interface of the stack: an IPv4 host must take 576-byte datagrams (RFC 791);
 * the Linux kernel disables IPv6 on a link below 1280 (IPV6_MIN_MTU, RFC 8200), so with IPv6 that is the floor.
 */
export function checkMtu(field: string, mtu: unknown, hasIpv6: boolean): number {
  const min = hasIpv6 ? 1280 : 576;
  if (typeof mtu !== 'number' || !Number.isInteger(mtu) || mtu < min || mtu > MAX_MTU) {
    throw invalidValue(field, mtu, `a whole number from ${min} to ${MAX_MTU}${hasIpv6 ? ' (IPv6 needs at least 1280)' : ''}`);
  }
  return mtu;
}
