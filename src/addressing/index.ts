export * from './ip-family';
export * from './cidr';
export * from './cluster-subnet';
export * from './range-role';
export * from './address-plan';
export * from './decoy';
