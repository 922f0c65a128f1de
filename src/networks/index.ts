export * from './ovn-topology';
export * from './ovn-network-props';
export * from './ovn-network';
