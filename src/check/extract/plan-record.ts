import { RangeRole } from '../../addressing';
import { PLAN_RECORD_KEYS } from '../../plan';
import { ObjectContext, ValueSyntax } from './found';

const ROLES = [RangeRole.NODE_NETWORK, RangeRole.SERVICE, RangeRole.PRIMARY_POD, RangeRole.DECOY_POD, RangeRole.OVN_JOIN,
  RangeRole.OVN_TRANSIT, RangeRole.OVN_MASQUERADE, RangeRole.SECONDARY_NETWORK];

/**
 * ConfigMap `multicni-address-plan` (src/plan/address-plan-record.ts): the address plan synth wrote beside
 * the manifests, one JSON object per line of `data.ranges`. It states ranges no other object of the output
 * does (the primary pod range with Cilium's `ipam: kubernetes`, the node networks), so `check dist/` holds
 * an edited NetworkAttachmentDefinition against every range synth planned.
 */
export function extractPlanRecord(ctx: ObjectContext, o: any): void {
  const text = o.data?.[PLAN_RECORD_KEYS.ranges];
  if (typeof text !== 'string') return;
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const at = ctx.line(['data', PLAN_RECORD_KEYS.ranges], line.trim());
    let entry: { cidr?: unknown; role?: unknown; name?: unknown };
    try {
      entry = JSON.parse(line);
    } catch {
      ctx.problem('malformed', `malformed: ${ctx.owner} data.ranges line ${i + 1}: not a JSON object: ${JSON.stringify(line.trim())}`, at);
      return;
    }
    const roleName = typeof entry.role === 'string' ? entry.role : '';
    const role = ROLES.find((r) => r.name === roleName) ?? (/^[a-z0-9][a-z0-9 ._-]*$/.test(roleName) ? RangeRole.custom(roleName) : undefined);
    if (role === undefined || typeof entry.cidr !== 'string') {
      ctx.problem('malformed', `malformed: ${ctx.owner} data.ranges line ${i + 1}: expected {"cidr": "…", "role": "…", "name": "…"}, got ${JSON.stringify(line.trim())}`, at);
      return;
    }
    const name = typeof entry.name === 'string' ? entry.name : roleName;
    ctx.addCidrs(ctx.out.ranges, name, role, entry.cidr, `data.ranges[${i}]`, ['data', PLAN_RECORD_KEYS.ranges], { syntax: role === RangeRole.DECOY_POD || role.perNetwork ? ValueSyntax.CLUSTER_SUBNET : ValueSyntax.CIDR, needles: [line.trim()] });
  });
}
