import { AddressPlan } from '../addressing';
import { CheckProblem, CheckedRange, ManifestCheckResult } from '../check';
import { groupedOverlapLines } from '../util/overlap-groups';

/** `--format` values. */
export const FORMATS = ['text', 'json', 'github'] as const;
export type Format = typeof FORMATS[number];

/** Version of the JSON output's schema (docs/check.md "JSON output"); bumped on any incompatible change. */
export const JSON_SCHEMA_VERSION = 1;

/** What one run of `multicni check` found, for any format. */
export interface CheckReport {
  readonly version: string;
  readonly result: ManifestCheckResult;
  /** Unreadable inputs (exit 2). */
  readonly errors: string[];
  readonly exitCode: number;
}

/** Renders a report as lines of standard output. */
export function renderReport(format: Format, report: CheckReport): string[] {
  if (format === 'json') return [JSON.stringify(toJson(report), null, 2)];
  if (format === 'github') return renderGithub(report);
  return renderText(report);
}

function summary({ result, errors }: CheckReport): string {
  const n = result.problems.length;
  return `${result.ranges.length} ranges checked, ${n} problem${n === 1 ? '' : 's'}${errors.length > 0 ? `, ${errors.length} unreadable input${errors.length === 1 ? '' : 's'}` : ''}`;
}

function renderText(report: CheckReport): string[] {
  return [
    ...report.result.notes.map((n) => `note: ${n}`),
    ...boundedProblems(report.result.problems).map((p) => p.message),
    summary(report),
  ];
}

// Overlaps are listed one per line up to AddressPlan.MAX_LISTED_OVERLAPS, as synth's message is. Beyond it
// the text and GitHub formats group them per range (GitHub also shows only the first annotations of a
// step); `--format json` keeps every pair.
const MAX_LISTED_OVERLAPS = AddressPlan.MAX_LISTED_OVERLAPS;

type Reported = Pick<CheckProblem, 'message' | 'file' | 'line'>;

/** The problems, with overlaps grouped per range (most overlaps first) when there are too many to list. */
function boundedProblems(problems: CheckProblem[]): Reported[] {
  const overlaps = problems.filter((p) => p.kind === 'overlap' && p.ranges.length === 2);
  if (overlaps.length <= MAX_LISTED_OVERLAPS) return problems;
  const groups = new Map<number, { range: CheckedRange; count: number; firstPartner: CheckedRange; order: number }>();
  for (const { ranges: [a, b] } of overlaps) {
    for (const [range, partner] of [[a, b], [b, a]]) {
      const group = groups.get(range.id);
      if (group) group.count++;
      else groups.set(range.id, { range, count: 1, firstPartner: partner, order: range.id });
    }
  }
  const grouped = new Set(overlaps);
  const describe = (r: CheckedRange) => `${r.role} "${r.name}" ${r.text} (owner: ${r.owner})`;
  return [
    ...groupedOverlapLines([...groups.values()], overlaps.length, describe, '--format json lists every pair', MAX_LISTED_OVERLAPS)
      .map(({ text, group }) => ({ message: text, file: group?.range.file ?? '', line: group?.range.line ?? 0 })),
    ...problems.filter((p) => !grouped.has(p)),
  ];
}

/** The JSON document (schema: docs/check.md "JSON output", file schemas/check-output.schema.json). */
export function toJson(report: CheckReport): object {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: 'multicni', version: report.version },
    exitCode: report.exitCode,
    summary: { ranges: report.result.ranges.length, problems: report.result.problems.length, notes: report.result.notes.length, errors: report.errors.length },
    ranges: report.result.ranges,
    problems: report.result.problems,
    notes: report.result.notes,
    errors: report.errors,
  };
}

/**
 * GitHub Actions workflow commands: one `::error file=…,line=…::` per problem (the annotation lands on
 * the PR diff), `::notice::` per note. Data and property values are escaped as the runner expects.
 */
function renderGithub(report: CheckReport): string[] {
  const props = (file: string, line: number) => {
    const parts: string[] = [];
    if (file && file !== '-' && file !== 'input') parts.push(`file=${escapeProperty(file)}`);
    if (line > 0) parts.push(`line=${line}`);
    parts.push(`title=${escapeProperty('multicni check')}`);
    return parts.join(',');
  };
  return [
    ...report.result.notes.map((n) => `::notice title=${escapeProperty('multicni check')}::${escapeData(n)}`),
    ...report.errors.map((e) => `::error title=${escapeProperty('multicni check')}::${escapeData(e)}`),
    ...boundedProblems(report.result.problems).map((p) => `::error ${props(p.file, p.line)}::${escapeData(p.message)}`),
    summary(report),
  ];
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
