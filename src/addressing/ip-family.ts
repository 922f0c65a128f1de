/** The IP version of an address range. */
export enum IpFamily {
  /** IPv4: 32-bit addresses. */
  IPV4 = 'IPv4',
  /** IPv6: 128-bit addresses. */
  IPV6 = 'IPv6',
}

/** Number of bits in an address of the family. */
export function addressBits(family: IpFamily): number {
  return family === IpFamily.IPV4 ? 32 : 128;
}
