// Named re-exports: cidr.ts and ip-family.ts also export helpers (addressBits, compareCidrs, splitList)
// that the other files of this folder share but that are not part of the package's API.
export { IpFamily } from './ip-family';
export { Cidr } from './cidr';
// The one address reader, for `multicni check` and the host rule (common/host). Free functions are
// TypeScript-only: jsii leaves them out of the other languages' API.
export { formatIpAddress, ipAddressFamily, parseIpAddress } from './ip-address';
export * from './cluster-subnet';
export * from './range-role';
export * from './address-plan';
export * from './decoy';
export * from './node-subnets';
