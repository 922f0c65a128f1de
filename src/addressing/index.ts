// Named re-exports: cidr.ts and ip-family.ts also export helpers (addressBits, compareCidrs, splitList)
// that the other files of this folder share but that are not part of the package's API.
export { IpFamily } from './ip-family';
export { Cidr } from './cidr';
export * from './cluster-subnet';
export * from './range-role';
export * from './address-plan';
export * from './decoy';
export * from './node-subnets';
