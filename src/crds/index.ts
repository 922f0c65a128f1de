export * from './network-crd';
export * from './network-crds';
