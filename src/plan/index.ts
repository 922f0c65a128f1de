export * from './chart-address-plan';
export * from './plan-report';
export * from './namespace';
export * from './node-count';
export * from './address-plan-record';
export * from './members';
