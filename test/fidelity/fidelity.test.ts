/**
 * Fidelity: our synth output against the upstream references, object by object (see compare.ts). Every
 * remaining difference must be listed, with its reason, in intended-differences.ts; a listed difference
 * that no longer occurs fails too. Runs when the references exist (see upstream.ts) and is skipped with a
 * printed reason when they do not, unless MULTICNI_FIDELITY=required.
 */
import { ALL_CASES } from './cases';
import { checkAgainstIntended, formatReport } from './check-intended';
import { INTENDED } from './intended-differences';
import { compareCase } from './run-case';
import { locateUpstream } from './upstream';

const location = locateUpstream();

describe('fidelity: upstream references', () => {
  if (!location.dir) {
    if (location.required) {
      test('upstream references are present (MULTICNI_FIDELITY=required)', () => {
        throw new Error(`MULTICNI_FIDELITY=required but ${location.reason}`);
      });
    } else {

      console.warn(`fidelity suite skipped: ${location.reason}; set MULTICNI_UPSTREAM_DIR, or MULTICNI_FIDELITY=required to fail instead`);
      test.skip(`skipped: ${location.reason}`, () => undefined);
    }
    return;
  }
  const dir = location.dir;

  test.each(ALL_CASES.map((c) => [c.id, c] as const))('%s matches upstream apart from the intended differences', (_id, c) => {
    const differences = compareCase(dir, c);
    const problems = checkAgainstIntended(c.id, differences);
    if (problems.unlisted.length + problems.stale.length + problems.wrongValue.length > 0) {
      throw new Error(formatReport(c.id, problems));
    }
    expect(problems.matched).toBe(differences.length);
  });
});

describe('intended differences list', () => {
  const known = new Set(ALL_CASES.map((c) => c.id));

  test('names only existing cases, each (case, id) once, and gives a reason', () => {
    const seen = new Set<string>();
    const errors: string[] = [];
    for (const [section, entries] of Object.entries(INTENDED)) {
      for (const e of entries) {
        if (!e.reason.trim()) errors.push(`${section}: ${e.id}: no reason`);
        if (e.cases.length === 0) errors.push(`${section}: ${e.id}: no cases`);
        for (const c of e.cases) {
          if (!known.has(c)) errors.push(`${section}: ${e.id}: unknown case ${c}`);
          if (!c.startsWith(`${section}/`)) errors.push(`${section}: ${e.id}: case ${c} belongs in another section`);
          const key = `${c} | ${e.id}`;
          if (seen.has(key)) errors.push(`${section}: listed twice: ${key}`);
          seen.add(key);
        }
      }
    }
    expect(errors).toEqual([]);
  });
});
