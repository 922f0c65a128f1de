export * from './addressing';
export * from './plan';
export * from './deception';
export * from './check';
export * from './cli';
export * from './networks';
export * from './multus';
export * from './crds';
