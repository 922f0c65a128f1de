export * from './decoy-network';
export * from './deceptive-network-config';
