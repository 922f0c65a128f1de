import { MultiCniChartProps } from '../chart';
import { SHOWN_CUT, SHOWN_MAX } from '../common/field-error';
import { fileOfKey } from './values-merge';

/**
 * One line for a failed synth: cdk8s' "Validation failed" block becomes its problems joined by `; `,
 * component prefixes (`addressing: nodeNetworks[0]:`) become key paths (`addressing.nodeNetworks[0]:`),
 * plan problems get the key path of the range to blame, huge quoted values are cut, and every character
 * that is not printable is escaped.
 */
export function synthErrorLine(message: string, props?: MultiCniChartProps): string {
  const problems = splitProblems(message).map((p) => (props ? podRangeSource(withKeyPath(p, props), props) : p));
  return escapeUnprintable(truncateQuoted(problems.join('; ')));
}

/**
 * The one line both `synth` and `plan` report when a values file cannot be read or its stack cannot be built:
 * `FILE: key.path: problem` with a values file (the message's own `FILE: ` is not repeated), the bare
 * problem without one. `props` are the values file's, when it was read: they turn component prefixes and
 * plan problems into the key path the user wrote (see synthErrorLine). With several files (merged left to
 * right) the line names the last file that set the key (`layers`: their parsed YAML), else all of them.
 */
export function valuesErrorLine(error: unknown, valuesFiles: string | string[] | undefined, props: MultiCniChartProps | undefined, layers?: unknown[]): string {
  let message = (error as Error)?.message ?? String(error);
  const files = valuesFiles === undefined ? [] : typeof valuesFiles === 'string' ? [valuesFiles] : valuesFiles;
  if (files.length === 0) return synthErrorLine(message);
  // A message that already names its file (it was read or checked alone) keeps that file.
  const named = files.find((f) => message.startsWith(`${f}: `));
  if (named !== undefined) message = message.slice(named.length + 2);
  const line = synthErrorLine(message, props ?? ({} as MultiCniChartProps));
  const key = /^([A-Za-z][A-Za-z0-9]*(?:\[\d+\])?(?:\.[A-Za-z][A-Za-z0-9]*(?:\[\d+\])?)*): /.exec(line);
  const file = named ?? (files.length === 1 ? files[0] : (key && layers && fileOfKey(files, layers, key[1])) || files.join(' + '));
  return `${file}: ${line}`;
}

/** cdk8s' `Validation failed with the following errors:\n  [path] problem` → the problems. */
export function splitProblems(message: string): string[] {
  const lines = String(message).split('\n').map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length > 0 && /^Validation failed with the following errors:?$/.test(lines[0])) {
    return lines.slice(1).map((l) => l.replace(/^\[[^\]]*\]\s*/, ''));
  }
  return [lines.join(' ')];
}

/** Component prefixes of the chart (`within`), whose next word is a key of that section. */
const SECTIONS = ['addressing', 'cilium', 'multus', 'networkCrds', 'ovn', 'demo'];

/** Roles the plan prints, to blame in this order (the range most likely set by mistake first). */
const BLAME = ['bgp peer', 'load balancer', 'egress ip', 'secondary network', 'decoy pod', 'ovn join', 'ovn transit', 'ovn masquerade', 'primary pod', 'service', 'node network'];
const ADDRESSING_KEY: Record<string, string> = {
  'node network': 'nodeNetworks', 'service': 'serviceCidrs', 'primary pod': 'primaryPodCidrs', 'decoy pod': 'decoy',
  'ovn join': 'joinSubnets', 'ovn transit': 'transitSubnets', 'ovn masquerade': 'masqueradeSubnets',
};

function withKeyPath(problem: string, props: MultiCniChartProps): string {
  // `ovn: apiServer: …`: the top-level apiServer reaches OvnSecondary, but the user wrote `apiServer`.
  const api = /^ovn: apiServer: /.exec(problem);
  if (api) return `apiServer: ${problem.slice(api[0].length)}`;
  // `plan: udp port N is both ovn encapPort … and cilium tunnelPort …`: blamed on the key the user set.
  if (/^plan: udp port \d+ is both ovn encapPort /.test(problem)) {
    return `${tunnelPortKey(props)}: ${problem.slice('plan: '.length).replace(/\b(ovn|cilium) (encapPort|tunnelPort)\b/g, '$1.$2')}`;
  }
  const section = /^([A-Za-z]+)(\[\d+\])?: ([A-Za-z][A-Za-z0-9]*)((?:\[\d+\])?(?:\.[A-Za-z][A-Za-z0-9]*(?:\[\d+\])?)*): /.exec(problem);
  if (section && SECTIONS.includes(section[1]) && !section[2]) {
    return `${section[1]}.${section[3]}${section[4]}: ${problem.slice(section[0].length)}`;
  }
  // `cilium: tunnelPort must be …`: the word after the section is a key the user set there.
  const word = /^([A-Za-z]+): ([a-z][A-Za-z0-9]*)(\[\d+\])? /.exec(problem);
  const given = word ? (props as Record<string, any>)[word[1]] : undefined;
  if (word && SECTIONS.includes(word[1]) && given && typeof given === 'object' && given[word[2]] !== undefined) {
    return `${word[1]}.${word[2]}${word[3] ?? ''}: ${problem.slice(word[0].length)}`;
  }
  // `cilium: a and b must be set together`: the first key of that section the user set and the message names.
  const sectionOnly = /^([A-Za-z]+): /.exec(problem);
  const setHere = sectionOnly ? (props as Record<string, any>)[sectionOnly[1]] : undefined;
  if (sectionOnly && SECTIONS.includes(sectionOnly[1]) && setHere && typeof setHere === 'object') {
    const rest = problem.slice(sectionOnly[0].length);
    const named = Object.keys(setHere)
      .map((k) => ({ k, at: rest.search(new RegExp(`\\b${k}\\b`)) }))
      .filter((x) => x.at >= 0)
      .sort((a, b) => a.at - b.at)[0];
    if (named) return `${sectionOnly[1]}.${named.k}: ${rest}`;
  }
  // `network ns/name: …` from a network of the values file.
  const network = /^network ([a-z0-9-]+)\/([a-z0-9.-]+): /.exec(problem);
  if (network && props.networks) {
    const matches = props.networks.map((n, i) => ({ n, i })).filter(({ n }) => (n.namespace ?? 'default') === network[1] && n.name === network[2]);
    const last = matches[matches.length - 1];
    if (last) return `networks[${last.i}]: ${problem}`;
  }
  if (/^no free \/\d+ decoy block/.test(problem)) return `addressing.${props.addressing?.decoy ? 'decoySearch' : 'decoy'}: ${problem}`;
  if (/^plan: primary pod ranges differ/.test(problem)) return `addressing.primaryPodCidrs: ${problem}`;
  if (/^[A-Za-z]+(\[\d+\])?(\.[A-Za-z][A-Za-z0-9]*(\[\d+\])?)*: /.test(problem) && !/^(overlap|placement|host prefix|node subnets|family|plan): /.test(problem)) return problem;
  const key = planKeyPath(problem, props);
  return key ? `${key}: ${problem}` : problem;
}

/** Of the keys that set the two tunnel ports, the one the user wrote (OVN's first: it is the one to move). */
function tunnelPortKey(props: MultiCniChartProps): string {
  if (props.ovn?.encapPort === undefined && props.cilium?.tunnelPort !== undefined) return 'cilium.tunnelPort';
  if (props.ovn?.encapPort === undefined && props.cilium?.tunnelProtocol !== undefined) return 'cilium.tunnelProtocol';
  return 'ovn.encapPort';
}

/** The values key of the range a plan problem should be blamed on. */
function planKeyPath(problem: string, props: MultiCniChartProps): string | undefined {
  const mentions = [...problem.matchAll(/([a-z][a-z ]*?) "([^"]*)" \S+ \(owner: ([^)]*)\)/g)]
    .map((m) => ({ role: m[1].replace(/^.*\b(overlaps|overlap:|problem:)\s*/, '').replace(/^[a-z ]*: /, ''), name: m[2], owners: m[3].split(', ') }));
  const family = /^family: .* but ([a-z ]+) ranges are/.exec(problem);
  if (family) return keyOf(family[1], [], '', props);
  if (mentions.length === 0) return undefined;
  const rank = (role: string) => {
    const i = BLAME.findIndex((b) => role.endsWith(b));
    return i < 0 ? BLAME.length : i;
  };
  // The range whose key the user set is the one to look at; then the role most likely set by mistake; then
  // the later of the two (an overlap names the range sorted first first).
  const keyed = mentions.map((m, i) => ({ m, i, key: keyOf(m.role, m.owners, m.name, props) }));
  // A grouped line ("… overlaps 9,999 other ranges, first: …") is about its first range.
  if (/^overlap: .* overlaps [\d,]+ other ranges?, first: /.test(problem)) return keyed[0].key;
  const given = (key: string | undefined) => key !== undefined && isGiven(key, props);
  const chosen = [...keyed].sort((a, b) => Number(given(b.key)) - Number(given(a.key)) || rank(a.m.role) - rank(b.m.role) || b.i - a.i)[0];
  return chosen.key;
}

/**
 * Without `addressing.primaryPodCidrs` the chart takes Cilium's pod ranges for it: a problem found there is
 * reported at the key the user wrote.
 */
function podRangeSource(line: string, props: MultiCniChartProps): string {
  const m = /^addressing\.primaryPodCidrs(\[\d+\])?: /.exec(line);
  if (!m || props.addressing?.primaryPodCidrs !== undefined) return line;
  const source = props.cilium?.ipam?.clusterPoolOptions ? 'cilium.clusterPool.podCidrs' : props.cilium?.podCidrs ? 'cilium.podCidrs' : undefined;
  return source ? `${source}${m[1] ?? ''}: ${line.slice(m[0].length)}` : line;
}

function isGiven(key: string, props: MultiCniChartProps): boolean {
  const [section, rest] = key.split('.');
  const base = section.replace(/\[\d+\]$/, '');
  const value = (props as Record<string, any>)[base];
  if (value === undefined) return false;
  if (base === 'networks') return true;
  if (!rest) return true;
  if (rest === 'clusterPool') return props.cilium?.ipam?.clusterPoolOptions !== undefined;
  return value[rest.replace(/\[\d+\]$/, '')] !== undefined;
}

function keyOf(role: string, owners: string[], name: string, props: MultiCniChartProps): string | undefined {
  const r = BLAME.find((b) => role.endsWith(b));
  if (r === 'secondary network') {
    const networks = props.networks;
    if (!networks) return 'networks';
    const owner = owners.find((o) => o.includes('/networks/'));
    const id = owner?.slice(owner.lastIndexOf('/') + 1);
    const i = networks.findIndex((n) => `${n.namespace ?? 'default'}.${n.name}` === id || (id === undefined && n.name === name));
    return i >= 0 ? `networks[${i}].subnets` : 'networks';
  }
  if (r === 'load balancer' || r === 'egress ip' || r === 'bgp peer') return ciliumResourceKey(r, name, props);
  if (r === 'primary pod') {
    if (props.addressing?.primaryPodCidrs) return 'addressing.primaryPodCidrs';
    if (props.cilium?.ipam?.clusterPoolOptions) return 'cilium.clusterPool.podCidrs';
    if (props.cilium?.podCidrs) return 'cilium.podCidrs';
    return 'addressing.primaryPodCidrs';
  }
  return r ? `addressing.${ADDRESSING_KEY[r]}` : undefined;
}

/** The values key of a Cilium custom resource's range, found by the name the plan gives it (cilium-resources/plan-rules.ts). */
function ciliumResourceKey(role: string, name: string, props: MultiCniChartProps): string {
  const cilium = props.cilium ?? {};
  if (role === 'bgp peer') {
    const i = (cilium.bgp?.peers ?? []).findIndex((p) => p.name === name);
    return i >= 0 ? `cilium.bgp.peers[${i}].address` : 'cilium.bgp.peers';
  }
  if (role === 'egress ip') {
    const i = (cilium.egressGatewayPolicies ?? []).findIndex((p) => `CiliumEgressGatewayPolicy ${p.name} egressIP` === name);
    return i >= 0 ? `cilium.egressGatewayPolicies[${i}].egressIp` : 'cilium.egressGatewayPolicies';
  }
  const i = (cilium.loadBalancerPools ?? []).findIndex((p) => `CiliumLoadBalancerIPPool ${p.name}` === name);
  return i >= 0 ? `cilium.loadBalancerPools[${i}].blocks` : 'cilium.loadBalancerPools';
}

/** `"aaaa…"` longer than SHOWN_MAX → the first SHOWN_CUT characters, `…`, and the length (as field-error's showValue). */
export function truncateQuoted(text: string): string {
  return truncateQuotedStrings(text).replace(/[^\s":]{121,}/g, (word) => `${word.slice(0, SHOWN_CUT)}… (${word.length} characters)`);
}

function truncateQuotedStrings(text: string): string {
  return text.replace(/"((?:[^"\\]|\\.)*)"/g, (whole, inner: string) => {
    if (inner.length <= SHOWN_MAX) return whole;
    return `"${inner.slice(0, SHOWN_CUT)}…" (${inner.length} characters)`;
  });
}

/** Control characters, U+FFFD and other unprintables as `\xNN` / `\u{…}`, so a message is one clean line. */
export function escapeUnprintable(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it escapes
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffd\ufeff]/gu, (c) => {
    const code = c.codePointAt(0)!;
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/**
 * Text of a file that must be UTF-8: a byte sequence that is not is reported with its line and the bytes
 * escaped (`\xff`), never printed raw.
 */
export function decodeUtf8(file: string, bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = bytes.toString('latin1');
    let offset = 0;
    // Find the first bad byte by decoding growing prefixes of each line.
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const lineBytes = bytes.subarray(offset, offset + lines[i].length);
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(lineBytes);
      } catch {
        const shown = [...lineBytes].map((b) => (b >= 0x20 && b < 0x7f && b !== 0x22 && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join('');
        throw new Error(`${file}: line ${i + 1}: not valid UTF-8: "${shown}"; save the values file as UTF-8`);
      }
      offset += lines[i].length + 1;
    }
    throw new Error(`${file}: not valid UTF-8; save the values file as UTF-8`);
  }
}
