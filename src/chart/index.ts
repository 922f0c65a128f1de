export * from './multi-cni-chart-props';
export * from './multi-cni-chart';
