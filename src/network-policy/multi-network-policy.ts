import { MemberKind } from '../common/member-kind';
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import {
  MultiNetworkPolicy as MultiNetworkPolicyObject,
  MultiNetworkPolicySpecEgress,
  MultiNetworkPolicySpecEgressPortsPort,
  MultiNetworkPolicySpecEgressPortsProtocol,
  MultiNetworkPolicySpecIngress,
  MultiNetworkPolicySpecIngressPortsPort,
  MultiNetworkPolicySpecIngressPortsProtocol,
  MultiNetworkPolicySpecPolicyTypes,
} from '../../imports/multinetworkpolicy-k8s.cni.cncf.io';
import { POLICY_FOR_ANNOTATION } from '../common/cni-facts';
import { fieldPath, invalidValue, quotedChoice } from '../common/field-error';
import { renderSelector } from '../common/label-selector';
import { labelManaged } from '../common/object-labels';
import { NETWORK_CRDS_KIND } from '../crds';
import { OvnNetwork } from '../networks';
import { ChartAddressPlan, ensureNamespace } from '../plan';
import { isDnsLabel, isDnsSubdomain } from '../util/k8s-names';
import { CheckedIpBlock } from './ip-block';
import { MultiNetworkPolicyProps } from './multi-network-policy-props';
import { ipBlockWarnings, missingCrdProblem } from './plan-rules';
import { MultiNetworkPolicyType } from './policy-enums';
import { RenderedPeer, RenderedPort, listOf, renderPeer, renderPort } from './rules';

const KIND = new MemberKind<MultiNetworkPolicy>('MultiNetworkPolicy');
const TYPES = Object.values(MultiNetworkPolicyType) as string[];

/**
 * A `k8s.cni.cncf.io/v1beta1` MultiNetworkPolicy for one OVN-Kubernetes secondary network: a
 * NetworkPolicy that OVN-Kubernetes enforces on the pods' interfaces of that network. It names the network
 * in the `k8s.v1.cni.cncf.io/policy-for` annotation as `namespace/name` (the policy's namespace may differ).
 * Errors name the key path inside the policy (`ingress[0].from[1].ipBlock.except[0]: …`).
 *
 * OVN-Kubernetes watches MultiNetworkPolicies only with `--enable-multi-networkpolicy`
 * (`IsMultiNetworkPoliciesSupportEnabled`, go-controller/pkg/util/multi_network.go); `ovnkube.sh` passes it
 * with `--enable-multi-network`, which every OvnSecondary turns on (`OVN_MULTI_NETWORK_ENABLE`,
 * src/ovn/env.ts) and no setting turns off.
 */
export class MultiNetworkPolicy extends Construct {
  /** The object's name. */
  public readonly name: string;
  /** The object's namespace. */
  public readonly namespace: string;
  /** `<namespace>/<name>`. */
  public readonly qualifiedName: string;
  /** The network the policy applies to. */
  public readonly network: OvnNetwork;
  /** The directions it isolates, as rendered. */
  public readonly policyTypes: MultiNetworkPolicyType[];
  /**
   * The MultiNetworkPolicy. Typed as its base class ApiObject because the generated class in `imports/` is
   * not part of this package's exported (jsii) API.
   */
  public readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, props: MultiNetworkPolicyProps) {
    super(scope, id);
    const network = props.network;
    if (!(network instanceof OvnNetwork) || network.node.root !== this.node.root) {
      throw invalidValue('network', network instanceof OvnNetwork ? network.qualifiedName : network,
        'an OvnNetwork of the same App: the policy names its NetworkAttachmentDefinition, which must be applied with it');
    }
    this.network = network;
    this.namespace = props.namespace ?? network.namespace;
    this.name = props.name;
    this.qualifiedName = `${this.namespace}/${this.name}`;
    checkNames(this);

    const blocks: CheckedIpBlock[] = [];
    const ingress = listOf('ingress', props.ingress).map((rule, i) => {
      const at = fieldPath('ingress', i);
      return {
        from: listOf(fieldPath(at, 'from'), rule.from).map((p, j) => renderPeer(fieldPath(fieldPath(at, 'from'), j), p, network, blocks)),
        ports: listOf(fieldPath(at, 'ports'), rule.ports).map((p, j) => renderPort(fieldPath(fieldPath(at, 'ports'), j), p)),
      };
    });
    const egress = listOf('egress', props.egress).map((rule, i) => {
      const at = fieldPath('egress', i);
      return {
        to: listOf(fieldPath(at, 'to'), rule.to).map((p, j) => renderPeer(fieldPath(fieldPath(at, 'to'), j), p, network, blocks)),
        ports: listOf(fieldPath(at, 'ports'), rule.ports).map((p, j) => renderPort(fieldPath(fieldPath(at, 'ports'), j), p)),
      };
    });
    this.policyTypes = checkPolicyTypes(props.policyTypes, egress.length > 0);
    const podSelector = renderSelector('podSelector', props.podSelector ?? {});

    // The CRD must be shipped: checked now if the App's NetworkCrds exists already, else at synth.
    const early = missingCrdProblem(ChartAddressPlan._membersOf(this, NETWORK_CRDS_KIND), this.qualifiedName);
    if (early) throw new Error(early);
    ChartAddressPlan._join(this, KIND, this, (all) => all
      .map((p) => missingCrdProblem(ChartAddressPlan._membersOf(p, NETWORK_CRDS_KIND), p.qualifiedName))
      .filter((m): m is string => m !== undefined));
    // After every range is registered (an automatic decoy's included: a last step added before this one).
    ChartAddressPlan._beforeCheck(this, () => {
      ipBlockWarnings(ChartAddressPlan.of(this), this.qualifiedName, network, blocks).forEach((w) => ChartAddressPlan.warn(this, w));
    }, true);

    this.apiObject = new MultiNetworkPolicyObject(this, 'Resource', {
      metadata: { name: this.name, namespace: this.namespace, annotations: { [POLICY_FOR_ANNOTATION]: network.qualifiedName } },
      spec: {
        podSelector,
        policyTypes: this.policyTypes.map((t) => t as string as MultiNetworkPolicySpecPolicyTypes),
        ...(ingress.length > 0 ? { ingress: ingress.map(ingressRule) } : {}),
        ...(egress.length > 0 ? { egress: egress.map(egressRule) } : {}),
      },
    });
    const namespaceObject = ensureNamespace(this, this.namespace);
    if (namespaceObject) this.apiObject.addDependency(namespaceObject);
    labelManaged(this); // app.kubernetes.io/managed-by on every object (src/common/object-labels)
  }
}

/** Name and namespace as the API server checks a custom resource's; a second policy of one name is refused. */
function checkNames(policy: MultiNetworkPolicy): void {
  if (!isDnsSubdomain(policy.name)) {
    throw invalidValue('name', policy.name, 'a lowercase DNS subdomain (a-z, 0-9, "-", "."), at most 253 characters');
  }
  if (!isDnsLabel(policy.namespace)) {
    throw invalidValue('namespace', policy.namespace, 'a lowercase DNS label (a-z, 0-9, "-"), at most 63 characters');
  }
  const same = ChartAddressPlan._membersOf(policy, KIND).find((p) => p.qualifiedName === policy.qualifiedName);
  if (same) {
    throw invalidValue('name', policy.name, `a name no other MultiNetworkPolicy of namespace ${policy.namespace} has (${same.node.path} has it): one name is one object`);
  }
}

/**
 * The types as given, or Kubernetes' default for a NetworkPolicy (Ingress, plus Egress with egress rules).
 * Always rendered: OVN-Kubernetes reads the list as it is and isolates no direction when it is empty
 * (`getPolicyType`, go-controller/pkg/ovn/base_network_controller_policy.go); only the API server's
 * defaulting of a real NetworkPolicy fills it in, and a custom resource gets none.
 */
function checkPolicyTypes(given: MultiNetworkPolicyType[] | undefined, hasEgress: boolean): MultiNetworkPolicyType[] {
  if (given === undefined) return hasEgress ? [MultiNetworkPolicyType.INGRESS, MultiNetworkPolicyType.EGRESS] : [MultiNetworkPolicyType.INGRESS];
  const list = listOf('policyTypes', given);
  if (list.length === 0) {
    throw invalidValue('policyTypes', list, `${quotedChoice(TYPES)} or both, or no policyTypes for the default: an empty list isolates nothing`);
  }
  list.forEach((t, i) => {
    if (!TYPES.includes(t)) throw invalidValue(fieldPath('policyTypes', i), t, quotedChoice(TYPES));
    if (list.indexOf(t) !== i) throw invalidValue(fieldPath('policyTypes', i), t, `each type once (${t} is also policyTypes[${list.indexOf(t)}])`);
  });
  return [...list];
}

function ingressRule(rule: { from: RenderedPeer[]; ports: RenderedPort[] }): MultiNetworkPolicySpecIngress {
  return {
    ...(rule.ports.length > 0 ? {
      ports: rule.ports.map((p) => ({
        protocol: p.protocol as string as MultiNetworkPolicySpecIngressPortsProtocol,
        ...(p.port !== undefined ? { port: MultiNetworkPolicySpecIngressPortsPort.fromNumber(p.port) } : {}),
      })),
    } : {}),
    ...(rule.from.length > 0 ? { from: rule.from as MultiNetworkPolicySpecIngress['from'] } : {}),
  };
}

function egressRule(rule: { to: RenderedPeer[]; ports: RenderedPort[] }): MultiNetworkPolicySpecEgress {
  return {
    ...(rule.ports.length > 0 ? {
      ports: rule.ports.map((p) => ({
        protocol: p.protocol as string as MultiNetworkPolicySpecEgressPortsProtocol,
        ...(p.port !== undefined ? { port: MultiNetworkPolicySpecEgressPortsPort.fromNumber(p.port) } : {}),
      })),
    } : {}),
    ...(rule.to.length > 0 ? { to: rule.to as MultiNetworkPolicySpecEgress['to'] } : {}),
  };
}
