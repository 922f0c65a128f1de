import { ChangeClass, PlanChange, PlanDiffResult, worstClass } from './change';

/** The exit code of `plan --diff`: 0 when every change is safe, 1 when any is disruptive or not in place. */
export function diffExitCode(result: PlanDiffResult): number {
  return worstClass(result.changes) === ChangeClass.SAFE ? 0 : 1;
}

const HEADINGS: Array<[ChangeClass, string]> = [
  [ChangeClass.NOT_IN_PLACE, 'Not in place: cannot be applied to the running cluster'],
  [ChangeClass.DISRUPTIVE, 'Disruptive: applies, with the effect and procedure stated'],
  [ChangeClass.SAFE, 'Safe: applies in place'],
];

/** Markdown for a pull request's body: a verdict line, then one table per class. */
export function diffMarkdown(result: PlanDiffResult, old: string): string {
  const count = (c: ChangeClass) => result.changes.filter((x) => x.classification === c).length;
  const lines = [`## multicni plan --diff ${old}`, ''];
  if (result.changes.length === 0) {
    lines.push('No change to the address plan, the components or the networks.');
  } else {
    lines.push(`**${verdict(result)}** — ${HEADINGS.map(([c]) => `${count(c)} ${c}`).join(', ')}.`);
  }
  for (const [c, heading] of HEADINGS) {
    const rows = result.changes.filter((x) => x.classification === c);
    if (rows.length === 0) continue;
    lines.push('', `### ${heading}`, '', '| change | before | after | effect | what to do | rule, source |', '|---|---|---|---|---|---|');
    for (const x of rows) {
      lines.push(`| ${cell(x.subject)} | ${code(x.before)} | ${code(x.after)} | ${cell(x.effect)} | ${cell(x.procedure ?? 'kubectl apply')} | \`${x.rule}\`: ${cell(x.source)} |`);
    }
  }
  for (const n of result.notes) lines.push('', `> note: ${n}`);
  return `${lines.join('\n')}\n`;
}

function verdict(result: PlanDiffResult): string {
  const worst = worstClass(result.changes);
  return worst === ChangeClass.SAFE ? 'Safe to apply' : worst === ChangeClass.DISRUPTIVE ? 'Disruptive: follow the procedures below' : 'Not in place: this change cannot be applied to the running cluster';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function code(text: string | undefined): string {
  return text === undefined ? '—' : `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

/** The JSON document of `--format json` (schema: schemas/plan-diff.schema.json, docs/plan-diff.md). */
export function diffJson(result: PlanDiffResult, old: string, version: string): string {
  const count = (c: ChangeClass) => result.changes.filter((x) => x.classification === c).length;
  return JSON.stringify({
    version,
    old,
    verdict: worstClass(result.changes),
    summary: { safe: count(ChangeClass.SAFE), disruptive: count(ChangeClass.DISRUPTIVE), notInPlace: count(ChangeClass.NOT_IN_PLACE) },
    changes: result.changes.map(plain),
    notes: result.notes,
    exitCode: diffExitCode(result),
  }, null, 2);
}

function plain(c: PlanChange): Record<string, unknown> {
  return {
    area: c.area, subject: c.subject,
    ...(c.before !== undefined ? { before: c.before } : {}),
    ...(c.after !== undefined ? { after: c.after } : {}),
    classification: c.classification, rule: c.rule, effect: c.effect,
    ...(c.procedure !== undefined ? { procedure: c.procedure } : {}),
    source: c.source,
  };
}

/**
 * GitHub Actions workflow commands: `::error` for not in place, `::warning` for disruptive, `::notice` for
 * safe, titled by class and subject. Messages are escaped as the runner expects (%, CR, LF; and `,`/`:` in properties).
 */
export function diffGithub(result: PlanDiffResult): string[] {
  const command = { [ChangeClass.NOT_IN_PLACE]: 'error', [ChangeClass.DISRUPTIVE]: 'warning', [ChangeClass.SAFE]: 'notice' };
  return result.changes.map((c) => {
    const message = `${c.before ?? '(none)'} → ${c.after ?? '(none)'}: ${c.effect}${c.procedure ? `. What to do: ${c.procedure}` : ''} [${c.rule}; ${c.source}]`;
    return `::${command[c.classification]} title=${property(`${c.classification}: ${c.subject}`)}::${data(message)}`;
  });
}

function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
