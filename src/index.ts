export * from './addressing';
export * from './plan';
export * from './deception';
