export * from './api-server-address';
export type { IOvnAddressPlan } from './ovn-address-plan';
export * from './ovn-secondary-props';
export * from './ovn-secondary';
