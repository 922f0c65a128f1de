export * from './api-server-address';
export * from './ovn-secondary-props';
export * from './ovn-secondary';
