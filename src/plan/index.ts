export * from './chart-address-plan';
export * from './plan-report';
