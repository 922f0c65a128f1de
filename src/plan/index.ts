export * from './chart-address-plan';
