import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';

/** The GatewayClass the chart creates (`gatewayAPI.gatewayClass.create`), and the operator's controller name. */
export const GATEWAY_CLASS = 'cilium';
const CONTROLLER_NAME = 'io.cilium/gateway-controller';
const POLICY = 'gateway.cilium.io';
const GATEWAYS = [{ apiGroups: ['gateway.networking.k8s.io'], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['gateways'] }];

/**
 * Gateway API's objects of the chart: the GatewayClass `cilium`, and (from 1.20) a ValidatingAdmissionPolicy
 * with its binding that refuses a Gateway of that class with a terminating TLS listener that has not exactly
 * one certificate. The GatewayClass is a custom resource of the Gateway API CRDs, which this library does
 * not ship and which must exist before the operator starts (it checks for them once, at start-up): the
 * layout writes it to stage2/. The policy is a built-in kind and goes with the rest of Cilium.
 */
export function addGatewayApi(scope: Construct, withAdmissionPolicy: boolean): void {
  new ApiObject(scope, 'GatewayClass', {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GatewayClass',
    metadata: { name: GATEWAY_CLASS },
    spec: { controllerName: CONTROLLER_NAME, description: 'The default Cilium GatewayClass' },
  });
  if (!withAdmissionPolicy) return;
  new ApiObject(scope, 'GatewayAdmissionPolicy', {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicy',
    metadata: { name: POLICY },
    spec: {
      failurePolicy: 'Fail',
      matchConstraints: { resourceRules: GATEWAYS },
      validations: [{
        // Cilium's Envoy listener takes one certificate per terminating TLS listener.
        expression: `object.spec.gatewayClassName != '${GATEWAY_CLASS}' || (has(object.spec.listeners)) && `
          + "object.spec.listeners.filter(e, has(e.tls) && has(e.tls.mode) && e.tls.mode == 'Terminate').all(e, e.tls.certificateRefs.size() == 1)",
        message: `${GATEWAY_CLASS} GatewayClass requires exactly one certificateRef per listener when tls.mode is Terminate.`,
        reason: 'Invalid',
      }],
    },
  });
  new ApiObject(scope, 'GatewayAdmissionPolicyBinding', {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicyBinding',
    metadata: { name: POLICY },
    spec: { policyName: POLICY, validationActions: ['Deny'], matchResources: { resourceRules: GATEWAYS } },
  });
}
