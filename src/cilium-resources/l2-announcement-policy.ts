import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { CiliumPrimary } from '../cilium';
import { isDnsSubdomain } from '../util/k8s-names';
import { invalidValue } from '../common/field-error';
import { apiVersionOf } from './api-versions';
import { L2AnnouncementPolicyProps } from './cilium-resources-props';
import { LabelSelector, renderSelector } from '../common/label-selector';

/** Props of `L2AnnouncementPolicy`. */
export interface L2AnnouncementPolicyConstructProps extends L2AnnouncementPolicyProps {
  /** The Cilium install; needs `l2Announcements`. */
  readonly cilium: CiliumPrimary;
}

/**
 * A `CiliumL2AnnouncementPolicy` (v2alpha1, the only version served). The agent's L2 announcer
 * (pkg/l2announcer/l2announcer.go) takes leases for the selected Services and answers ARP/NDP for their
 * addresses on the matching interfaces; it runs only with `enable-l2-announcements`.
 */
export class L2AnnouncementPolicy extends Construct {
  /** The policy's name. */
  public readonly name: string;
  /** Whether it announces LoadBalancer addresses. */
  public readonly loadBalancerIPs: boolean;
  /** Services announced (undefined: all). */
  public readonly serviceSelector?: LabelSelector;
  /** The object. */
  public readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, props: L2AnnouncementPolicyConstructProps) {
    super(scope, id);
    if (!props.cilium.l2Announcements) {
      throw new Error(`policy "${props.name}" needs L2 announcements: set cilium.l2Announcements: true (without it the agent runs no L2 announcer and the policy does nothing)`);
    }
    if (!isDnsSubdomain(props.name)) throw invalidValue('name', props.name, 'a DNS subdomain: lowercase letters, digits, "-" and "."');
    if (!props.externalIPs && !props.loadBalancerIPs) {
      throw invalidValue('loadBalancerIPs', props.loadBalancerIPs ?? false, 'true, or externalIPs: true (a policy that announces neither does nothing)');
    }
    (props.interfaces ?? []).forEach((re, i) => {
      // Go's RE2 syntax is a subset of JavaScript's in everything but a few escapes: this catches typos, not every difference.
      try {
        new RegExp(re);
      } catch (e) {
        throw invalidValue(`interfaces[${i}]`, re, `a regular expression (${(e as Error).message})`);
      }
    });
    this.name = props.name;
    this.loadBalancerIPs = props.loadBalancerIPs ?? false;
    this.serviceSelector = props.serviceSelector;
    this.apiObject = new ApiObject(this, 'Policy', {
      apiVersion: apiVersionOf('CiliumL2AnnouncementPolicy', props.cilium.version),
      kind: 'CiliumL2AnnouncementPolicy',
      metadata: { name: props.name },
      spec: {
        ...(props.interfaces ? { interfaces: [...props.interfaces] } : {}),
        ...(props.externalIPs === undefined ? {} : { externalIPs: props.externalIPs }),
        ...(props.loadBalancerIPs === undefined ? {} : { loadBalancerIPs: props.loadBalancerIPs }),
        ...(props.serviceSelector ? { serviceSelector: renderSelector('serviceSelector', props.serviceSelector) } : {}),
        ...(props.nodeSelector ? { nodeSelector: renderSelector('nodeSelector', props.nodeSelector) } : {}),
      },
    });
  }
}
