export * from './images';
export * from './cilium-version';
export * from './ipam-mode';
export * from './routing';
export * from './hubble-tls';
export * from './hubble-options';
export * from './cilium-primary-props';
export * from './cilium-primary';
