/**
 * Prints every difference of the fidelity cases whose id starts with the argument, marking which ones the
 * intended list accounts for. A working aid:
 *   npx ts-node --transpile-only -P tsconfig.json test/fidelity/print-differences.ts multus/v4.2.4
 */
import { ALL_CASES } from './cases';
import { checkAgainstIntended } from './check-intended';
import { compareCase } from './run-case';
import { locateUpstream } from './upstream';

const location = locateUpstream();
if (!location.dir) throw new Error(location.reason);
const prefix = process.argv[2] ?? '';
for (const c of ALL_CASES.filter((x) => x.id.startsWith(prefix))) {
  const differences = compareCase(location.dir, c);
  const problems = checkAgainstIntended(c.id, differences);
  const unlisted = new Set(problems.unlisted.map((d) => d.id));
  console.log(`== ${c.id}: ${differences.length} differences, ${unlisted.size} not listed, ${problems.stale.length} stale entries`);
  for (const d of differences) {
    console.log(`${unlisted.has(d.id) ? '!' : ' '} ${d.id}\n      upstream: ${JSON.stringify(d.upstream)}\n      project:  ${JSON.stringify(d.project)}`);
  }
  for (const e of problems.stale) console.log(`STALE ${e.id}`);
}
