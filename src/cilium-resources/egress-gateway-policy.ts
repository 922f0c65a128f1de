import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { Cidr, IpFamily, formatIpAddress, parseIpAddress } from '../addressing';
import type { CiliumPrimary } from '../cilium';
import { isDnsSubdomain } from '../util/k8s-names';
import { invalidValue } from '../common/field-error';
import { apiVersionOf } from './api-versions';
import { EgressGatewayPolicyProps } from './cilium-resources-props';
import { renderSelector } from '../common/label-selector';

/** Props of `EgressGatewayPolicy`. */
export interface EgressGatewayPolicyConstructProps extends EgressGatewayPolicyProps {
  /** The Cilium install; needs `egressGateway`. */
  readonly cilium: CiliumPrimary;
}

/**
 * A `CiliumEgressGatewayPolicy`. The agent's egress gateway manager (pkg/egressgateway/policy.go,
 * `parseEgressGateway` and `deriveFromPolicyGatewayConfig`) refuses `interface` together with `egressIP`, and
 * on the gateway node looks the egress IP up among the node's interface addresses
 * (`netdevice.GetIfaceWithIPv4Address`): an address on no interface leaves the policy without a gateway.
 */
export class EgressGatewayPolicy extends Construct {
  /** The policy's name. */
  public readonly name: string;
  /** The egress IP as a /32, when given. */
  public readonly egressIp?: Cidr;
  /** The object. */
  public readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, props: EgressGatewayPolicyConstructProps) {
    super(scope, id);
    if (!props.cilium.egressGateway) {
      // Without it the operator does not even register the CRD (agentCRDResourceNames, pkg/k8s/synced/crd.go).
      throw new Error(`policy "${props.name}" needs the egress gateway: set cilium.egressGateway: true (without it the operator registers no CiliumEgressGatewayPolicy CRD and the agent runs no egress gateway manager)`);
    }
    if (!isDnsSubdomain(props.name)) throw invalidValue('name', props.name, 'a DNS subdomain: lowercase letters, digits, "-" and "."');
    if (props.egressIp !== undefined && props.egressInterface !== undefined) {
      throw invalidValue('egressInterface', props.egressInterface, 'no egressInterface beside egressIp (Cilium\'s parseEgressGateway refuses both)');
    }
    if (!Array.isArray(props.destinationCidrs) || props.destinationCidrs.length === 0) {
      throw invalidValue('destinationCidrs', props.destinationCidrs, 'at least one CIDR');
    }
    const destinations = props.destinationCidrs.map((c, i) => readCidr(`destinationCidrs[${i}]`, c));
    (props.excludedCidrs ?? []).forEach((c, i) => {
      const excluded = readCidr(`excludedCidrs[${i}]`, c);
      if (!destinations.some((d) => d.contains(excluded))) {
        throw invalidValue(`excludedCidrs[${i}]`, c, `a CIDR inside one of destinationCidrs (${destinations.join(', ')}); elsewhere it excludes nothing`);
      }
    });
    if (props.egressIp !== undefined) {
      let address;
      try {
        address = parseIpAddress(props.egressIp);
      } catch (e) {
        throw new Error(`egressIp: ${(e as Error).message}`);
      }
      // Before 1.20 the CRD types egressIP as format ipv4 and deriveFromPolicyGatewayConfig takes IPv4 only
      // ("TODO: add ipv6 support"); 1.20's CRD takes any IP (CEL isIP) and its manager looks IPv6 up too.
      if (address.family !== IpFamily.IPV4 && !props.cilium.version.atLeast(20)) {
        throw invalidValue('egressIp', props.egressIp, `an IPv4 address (Cilium ${props.cilium.version.version}'s egress gateway takes IPv4 egress IPs only; 1.20.0 takes IPv6 too)`);
      }
      this.egressIp = Cidr.parse(`${formatIpAddress(address.family, address.value)}/${address.family === IpFamily.IPV4 ? 32 : 128}`);
    }
    this.name = props.name;
    this.apiObject = new ApiObject(this, 'Policy', {
      apiVersion: apiVersionOf('CiliumEgressGatewayPolicy', props.cilium.version),
      kind: 'CiliumEgressGatewayPolicy',
      metadata: { name: props.name },
      spec: {
        selectors: [{
          ...(props.namespaceSelector ? { namespaceSelector: renderSelector('namespaceSelector', props.namespaceSelector) } : {}),
          podSelector: renderSelector('podSelector', props.podSelector ?? {}),
        }],
        destinationCIDRs: [...props.destinationCidrs],
        ...(props.excludedCidrs ? { excludedCIDRs: [...props.excludedCidrs] } : {}),
        egressGateway: {
          nodeSelector: renderSelector('gatewayNodeSelector', props.gatewayNodeSelector ?? {}),
          ...(props.egressIp !== undefined ? { egressIP: props.egressIp } : {}),
          ...(props.egressInterface !== undefined ? { interface: props.egressInterface } : {}),
        },
      },
    });
  }
}

function readCidr(field: string, text: string): Cidr {
  try {
    return Cidr.parse(text);
  } catch (e) {
    throw new Error(`${field}: ${(e as Error).message}`);
  }
}
