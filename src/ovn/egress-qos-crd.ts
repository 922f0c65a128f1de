import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';

const STRING = { type: 'string' };

/** A metav1.LabelSelector, as controller-gen writes it. */
const LABEL_SELECTOR = {
  type: 'object',
  'x-kubernetes-map-type': 'atomic',
  properties: {
    matchExpressions: {
      type: 'array',
      'x-kubernetes-list-type': 'atomic',
      items: {
        type: 'object',
        required: ['key', 'operator'],
        properties: {
          key: STRING,
          operator: STRING,
          values: { type: 'array', 'x-kubernetes-list-type': 'atomic', items: STRING },
        },
      },
    },
    matchLabels: { type: 'object', additionalProperties: STRING },
  },
};

/** A metav1.Condition, as controller-gen writes it. */
const CONDITION = {
  type: 'object',
  required: ['lastTransitionTime', 'message', 'reason', 'status', 'type'],
  properties: {
    lastTransitionTime: { type: 'string', format: 'date-time' },
    message: { type: 'string', maxLength: 32768 },
    observedGeneration: { type: 'integer', format: 'int64', minimum: 0 },
    reason: { type: 'string', minLength: 1, maxLength: 1024, pattern: '^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$' },
    status: { type: 'string', enum: ['True', 'False', 'Unknown'] },
    type: {
      type: 'string',
      maxLength: 316,
      pattern: '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$',
    },
  },
};

/** The EgressQoS object: rules in `spec.egress`, the outcome in `status`. */
const EGRESS_QOS_SCHEMA = {
  type: 'object',
  properties: {
    apiVersion: STRING,
    kind: STRING,
    // ovnkube only reads the EgressQoS named "default" in each namespace.
    metadata: { type: 'object', properties: { name: { type: 'string', pattern: '^default$' } } },
    spec: {
      type: 'object',
      required: ['egress'],
      properties: {
        egress: {
          type: 'array',
          items: {
            type: 'object',
            required: ['dscp'],
            properties: {
              dscp: { type: 'integer', minimum: 0, maximum: 63 },
              dstCIDR: { type: 'string', format: 'cidr' },
              podSelector: LABEL_SELECTOR,
            },
          },
        },
      },
    },
    status: {
      type: 'object',
      properties: {
        status: STRING,
        conditions: {
          type: 'array',
          items: CONDITION,
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['type'],
        },
      },
    },
  },
};

/**
 * CRD `egressqoses.k8s.ovn.org` (v1, namespaced), shipped only when EgressQoS is enabled: ovnkube starts its
 * EgressQoS informer only then. Written from the Go types of the seed's branch
 * (go-controller/pkg/crd/egressqos/v1/types.go) and the constraints of upstream's generated CRD: one object
 * per namespace named `default`; each rule has `dscp` 0..63, an optional `dstCIDR` and an optional
 * `podSelector`; status carries `status` and `conditions`.
 *
 * A plain ApiObject on purpose: cdk8s-plus-28's KubeCustomResourceDefinition does not rename
 * `xKubernetesListType` inside `items` to `x-kubernetes-list-type`, which the api server would refuse.
 */
export function addEgressQosCrd(scope: Construct): ApiObject {
  return new ApiObject(scope, 'EgressQosCrd', {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'egressqoses.k8s.ovn.org' },
    spec: {
      group: 'k8s.ovn.org',
      scope: 'Namespaced',
      names: { kind: 'EgressQoS', listKind: 'EgressQoSList', plural: 'egressqoses', singular: 'egressqos' },
      versions: [{
        name: 'v1',
        served: true,
        storage: true,
        subresources: { status: {} },
        additionalPrinterColumns: [{ name: 'Status', type: 'string', jsonPath: '.status.status' }],
        schema: { openAPIV3Schema: EGRESS_QOS_SCHEMA },
      }],
    },
  });
}
