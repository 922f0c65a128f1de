import { Difference, same } from './compare';
import { INTENDED, IntendedDifference } from './intended-differences';

export interface CaseProblems {
  /** Differences no entry names. */
  readonly unlisted: Difference[];
  /** Differences an entry names with another `project` value than ours. */
  readonly wrongValue: Array<{ difference: Difference; entry: IntendedDifference }>;
  /** Entries for this case whose difference no longer occurs. */
  readonly stale: IntendedDifference[];
  /** How many differences an entry accounts for. */
  readonly matched: number;
}

/** Sorts one case's differences into listed, unlisted and stale, against `entries` (default: the list). */
export function checkAgainstIntended(caseId: string, differences: Difference[], entries: IntendedDifference[] = Object.values(INTENDED).flat()): CaseProblems {
  const mine = entries.filter((e) => e.cases.includes(caseId));
  const byId = new Map(mine.map((e) => [e.id, e]));
  const found = new Set<string>();
  const unlisted: Difference[] = [];
  const wrongValue: CaseProblems['wrongValue'] = [];
  let matched = 0;
  for (const d of differences) {
    const entry = byId.get(d.id);
    if (!entry) {
      unlisted.push(d);
      continue;
    }
    found.add(d.id);
    if ('project' in entry && !same(entry.project, d.project)) wrongValue.push({ difference: d, entry });
    else matched++;
  }
  return { unlisted, wrongValue, stale: mine.filter((e) => !found.has(e.id)), matched };
}

const show = (v: unknown) => (v === undefined ? '<absent>' : JSON.stringify(v));

/** A readable failure message: each difference with both sides. */
export function formatReport(caseId: string, p: CaseProblems): string {
  const lines = [`${caseId}: differs from upstream beyond test/fidelity/intended-differences.ts`];
  if (p.unlisted.length) {
    lines.push('', `${p.unlisted.length} difference(s) not listed:`);
    for (const d of p.unlisted) lines.push(`  ${d.id}`, `      upstream: ${show(d.upstream)}`, `      project:  ${show(d.project)}`);
  }
  if (p.wrongValue.length) {
    lines.push('', `${p.wrongValue.length} listed difference(s) with another value than listed:`);
    for (const { difference: d, entry } of p.wrongValue) {
      lines.push(`  ${d.id}`, `      listed project value: ${show(entry.project)}`, `      project now:          ${show(d.project)}`, `      upstream:             ${show(d.upstream)}`);
    }
  }
  if (p.stale.length) {
    lines.push('', `${p.stale.length} listed difference(s) that no longer occur (remove them from the list):`);
    for (const e of p.stale) lines.push(`  ${e.id}   (${e.reason})`);
  }
  return lines.join('\n');
}
