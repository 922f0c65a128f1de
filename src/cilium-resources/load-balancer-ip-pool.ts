import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { CiliumPrimary } from '../cilium';
import { isDnsSubdomain } from '../util/k8s-names';
import { invalidValue } from '../common/field-error';
import { apiVersionOf } from './api-versions';
import { LoadBalancerPoolProps } from './cilium-resources-props';
import { LabelSelector, renderSelector } from '../common/label-selector';
import { ParsedBlock, parseBlock } from './pool-block';

/** Props of `LoadBalancerIpPool`. */
export interface LoadBalancerIpPoolProps extends LoadBalancerPoolProps {
  /** The Cilium install whose operator runs LB IPAM. */
  readonly cilium: CiliumPrimary;
}

/**
 * A `CiliumLoadBalancerIPPool`. LB IPAM needs no flag: the operator's `enable-lb-ipam` defaults to true
 * (pkg/lbipamconfig/cell.go) and the charts of 1.18+ render it true, so a pool is used as soon as it exists.
 * Its blocks are registered in the address plan by `CiliumResources` (announced via L2 they must lie in a
 * node network, otherwise they may share no address with any other range).
 */
export class LoadBalancerIpPool extends Construct {
  /** The pool's name. */
  public readonly name: string;
  /** The blocks, read. */
  public readonly blocks: ParsedBlock[];
  /** Services the pool serves (undefined: all). */
  public readonly serviceSelector?: LabelSelector;
  /** The object. */
  public readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, props: LoadBalancerIpPoolProps) {
    super(scope, id);
    if (!isDnsSubdomain(props.name)) throw invalidValue('name', props.name, 'a DNS subdomain: lowercase letters, digits, "-" and "."');
    if (!Array.isArray(props.blocks) || props.blocks.length === 0) throw invalidValue('blocks', props.blocks, 'at least one block ({cidr} or {start, stop})');
    this.name = props.name;
    this.blocks = props.blocks.map((b, i) => parseBlock(`blocks[${i}]`, b));
    this.serviceSelector = props.serviceSelector;
    const apiVersion = apiVersionOf('CiliumLoadBalancerIPPool', props.cilium.version);
    this.apiObject = new ApiObject(this, 'Pool', {
      apiVersion,
      kind: 'CiliumLoadBalancerIPPool',
      metadata: { name: props.name },
      spec: {
        blocks: this.blocks.map((b) => b.rendered),
        ...(props.serviceSelector ? { serviceSelector: renderSelector('serviceSelector', props.serviceSelector) } : {}),
        ...(props.allowFirstLastIPs === undefined ? {} : { allowFirstLastIPs: props.allowFirstLastIPs ? 'Yes' : 'No' }),
        ...(props.disabled === undefined ? {} : { disabled: props.disabled }),
      },
    });
  }
}
