/**
 * The rules of a structural schema (Kubernetes "Specifying a structural schema"), checked offline so a
 * non-structural CRD fails here rather than at `kubectl apply`: every node has a type (or is int-or-string /
 * preserve-unknown-fields), arrays have items, properties and additionalProperties do not mix, and the only
 * anyOf is the int-or-string pattern. Also: required fields exist and enum values have the node's type.
 */

const TYPES = ['object', 'array', 'string', 'integer', 'number', 'boolean'];

export function structuralProblems(node: any, at = ''): string[] {
  const here = at || '/';
  const problems: string[] = [];
  const intOrString = node['x-kubernetes-int-or-string'] === true;
  if (intOrString) {
    const branches = JSON.stringify(node.anyOf ?? []);
    if (node.type !== undefined || (node.anyOf !== undefined && branches !== JSON.stringify([{ type: 'integer' }, { type: 'string' }]))) {
      problems.push(`${here}: int-or-string must have no type and at most anyOf [integer, string]`);
    }
    return problems;
  }
  if (node['x-kubernetes-preserve-unknown-fields'] !== true && !TYPES.includes(node.type)) {
    problems.push(`${here}: missing or unknown type ${JSON.stringify(node.type)}`);
  }
  for (const combinator of ['anyOf', 'allOf', 'oneOf', 'not']) {
    if (node[combinator] !== undefined) problems.push(`${here}: ${combinator} is not allowed here`);
  }
  if (node.type === 'array') {
    if (node.items === undefined) problems.push(`${here}: array without items`);
    else problems.push(...structuralProblems(node.items, `${at}/items`));
  }
  if (node.properties !== undefined && node.additionalProperties !== undefined) {
    problems.push(`${here}: properties and additionalProperties together`);
  }
  if (node.properties !== undefined && node.type !== 'object') problems.push(`${here}: properties on a non-object`);
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    problems.push(...structuralProblems(child, `${at}/${name}`));
  }
  if (typeof node.additionalProperties === 'object') {
    problems.push(...structuralProblems(node.additionalProperties, `${at}/*`));
  }
  for (const name of node.required ?? []) {
    if (!(name in (node.properties ?? {}))) problems.push(`${here}: required ${name} is not a property`);
  }
  for (const value of node.enum ?? []) {
    const ok = node.type === 'integer' ? Number.isInteger(value) : typeof value === node.type;
    if (!ok) problems.push(`${here}: enum value ${JSON.stringify(value)} is not ${node.type}`);
  }
  return problems;
}
