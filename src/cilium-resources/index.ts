export type { LoadBalancerPoolBlock, ParsedBlock } from './pool-block';
export * from './cilium-resources-props';
export * from './load-balancer-ip-pool';
export * from './l2-announcement-policy';
export * from './bgp-control-plane';
export * from './egress-gateway-policy';
export * from './cilium-resources';
