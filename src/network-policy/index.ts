export * from './policy-enums';
export * from './multi-network-policy-props';
export * from './multi-network-policy';
