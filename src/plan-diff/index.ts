export * from './change';
export * from './plan-diff';
export * from './render';
export * from './read-output';
export { factsOf } from './facts';
export type { ClusterFacts } from './facts';
