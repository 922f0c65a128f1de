import type * as JsYaml from 'js-yaml';
import { yaml } from './yaml';

/*
 * Reading a YAML document fast, with `yaml` as the authority. `yaml`'s parser takes ~0.5 s for a 650 KB
 * values file (10,000 networks); js-yaml reads it in ~0.15 s. Two parsers may read one text differently
 * (js-yaml also accepts some texts YAML forbids), so js-yaml's reading is taken only inside an envelope
 * where the two were found to agree, and everything else goes to `yaml`, whose errors and warnings are
 * then the ones given, word for word:
 * - the text: no tab, lone CR, byte order mark, `\U` escape, line of 1,000 characters or more (`yaml`
 *   limits implicit keys to 1,024), line starting with `%` or `...`, indented `---`, trailing line of
 *   spaces only, explicit key (`? `);
 * - one document; no directive, tag, anchor or alias; no collection or null as a key;
 * - plain scalars: integers of at most 15 digits, core-schema booleans and nulls, or text that no number
 *   rule of either parser can match;
 * - quoted scalars on one line; block scalars not at the top level and without indentation indicator;
 * - no scalar or flow collection value on its own line right after a column-0 comment;
 * - block mapping keys preceded on their line only by indentation and `-`, `?`, `:` indicators;
 * - flow collections on one line, without comments.
 * test/util/yaml-read.test.ts holds the two equal on tables of tricky texts (with every counterexample an
 * adversarial review found against a looser envelope) and thousands of random documents.
 */

let jsYaml: typeof JsYaml | undefined;

/** The data `yaml.parse(text)` gives (same values, same errors and warnings), read by js-yaml where it agrees. */
export function readYaml(text: string): unknown {
  const fast = readWithinEnvelope(text);
  return fast === OUTSIDE ? yaml.parse(text) : fast.value;
}

/** Which parser `readYaml` uses for `text`: for tests and benchmarks. */
export function yamlReader(text: string): 'js-yaml' | 'yaml' {
  return readWithinEnvelope(text) === OUTSIDE ? 'yaml' : 'js-yaml';
}

const OUTSIDE = Symbol('outside');

function readWithinEnvelope(text: string): { value: unknown } | typeof OUTSIDE {
  if (TEXT_OUTSIDE.test(text) || hasLongLine(text)) return OUTSIDE;
  /* eslint-disable-next-line @typescript-eslint/no-require-imports */
  const J = jsYaml ??= require('js-yaml') as typeof JsYaml;
  let events: JsYaml.Event[];
  try {
    events = J.parseEvents(text, {});
  } catch {
    return OUTSIDE;
  }
  if (!withinEnvelope(J, text, events)) return OUTSIDE;
  try {
    const docs = J.constructFromEvents(events, { source: text, maxAliases: 0 });
    return docs.length === 1 ? { value: docs[0] } : OUTSIDE;
  } catch {
    return OUTSIDE;
  }
}

// Texts the two read differently, or that only js-yaml accepts: explicit keys (`? `), tabs (as
// indentation), a lone CR (a line break to js-yaml), a byte order mark, `\U` escapes beyond U+10FFFF, `%`
// lines (directives, unknown ones warned about by `yaml` only), `...` document ends, indented `---`, a last
// line of spaces (kept by js-yaml's `|+`). Lines of 1,000 characters (implicit keys over 1,024): hasLongLine.
const TEXT_OUTSIDE = /(?:^|[ ])\?(?:[ \r\n]|$)|\t|\r(?!\n)|\ufeff|\\U|^ *%|^\.\.\.(?:[ \r\n]|$)|^ +---(?:[ \r\n]|$)|(?:^|\n) +(?![\s\S])/m;

/** A line of 1,000 characters or more (a loop: the regex `[^\n]{1000}` retries at every character). */
function hasLongLine(text: string): boolean {
  for (let start = 0; ;) {
    const end = text.indexOf('\n', start);
    if ((end < 0 ? text.length : end) - start >= 1000) return true;
    if (end < 0) return false;
    start = end + 1;
  }
}

// Integers both read as the same Number (15 digits stay below 2^53).
const SAFE_INTEGER = /^[-+]?[0-9]{1,15}$/;
// The core schema's booleans and nulls, spelled as both read them.
const CORE_KEYWORD = /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL|~)?$/;
const NULL_KEY = /^(?:null|Null|NULL|~)?$/;
// Anything a number rule of either parser might match, generously: decimal and exponent forms (with
// underscores), 0x/0o/0b, sexagesimal, .inf and .nan. Such scalars go to `yaml`.
const NUMBER_LIKE = /^[-+]?(?:[0-9][0-9_]*(?::[0-9_]+)*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9_]*)?$|^[-+]?0[xXoObB]|^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/;

const LINE_BREAK = /[\r\n]/;
// A block scalar header with an indentation indicator, somewhere on the line before the content.
const EXPLICIT_INDENT = /[|>][-+]?[1-9]/;
// What may stand before a block mapping key on its line.
const KEY_LINE_PREFIX = /^ *(?:[-?:] +)*$/;
// Blank and comment lines.
const GAP_LINE = /^ *(?:#[^\n]*)?$/;
// The rest of a flow collection after its last item: commas, spaces, the closing bracket.
const FLOW_END = /[ ,]*[\]}]/y;

/** What an open node is: the document, a sequence, a mapping expecting a key or a value. */
enum Open { DOCUMENT, SEQUENCE, MAPPING_KEY, MAPPING_VALUE }

function withinEnvelope(J: typeof JsYaml, text: string, events: JsYaml.Event[]): boolean {
  const E = J.EVENT_ID;
  const S = J.SCALAR_STYLE;
  const first = events[0];
  if (first === undefined || first.type !== E.DOCUMENT || first.directives.length > 0) return false;
  const open: Open[] = [];
  const flow: boolean[] = [];
  // Inside flow collections: where the outermost starts, and where the last item ended.
  let flowStart = -1;
  let cursor = 0;
  let documents = 0;
  for (const e of events) {
    if (e.type === E.DOCUMENT) {
      if (++documents > 1) return false;
      open.push(Open.DOCUMENT);
      flow.push(false);
      continue;
    }
    if (e.type === E.POP) {
      open.pop();
      if (flow.pop() && open.length > 0) {
        // the closing bracket on the same line as the last item, nothing but commas and spaces before it
        FLOW_END.lastIndex = cursor;
        if (!FLOW_END.test(text)) return false;
        cursor = FLOW_END.lastIndex;
        if (!flow[flow.length - 1]) flowStart = -1;
      }
      continue;
    }
    if (e.type === E.ALIAS || e.anchorStart !== -1 || e.tagStart !== -1) return false;
    const top = open.length - 1;
    const state = open[top];
    const isKey = state === Open.MAPPING_KEY;
    if (state === Open.MAPPING_KEY) open[top] = Open.MAPPING_VALUE;
    else if (state === Open.MAPPING_VALUE) open[top] = Open.MAPPING_KEY;
    const inFlow = flow[top];
    if (e.type === E.SCALAR) {
      const quoted = e.style === S.DOUBLE_QUOTED || e.style === S.SINGLE_QUOTED;
      const start = quoted ? e.valueStart - 1 : e.valueStart;
      if (e.style === S.PLAIN) {
        const value = e.fast ? text.slice(e.valueStart, e.valueEnd) : J.getScalarValue(text, e);
        if (isKey && NULL_KEY.test(value)) return false;
        if (!SAFE_INTEGER.test(value) && !CORE_KEYWORD.test(value) && NUMBER_LIKE.test(value)) return false;
        if (!isKey && !inFlow && e.valueEnd > e.valueStart && commentBefore(text, e.valueStart)) return false;
      } else if (quoted) {
        if (!e.fast && LINE_BREAK.test(text.slice(e.valueStart, e.valueEnd))) return false;
        if (!isKey && !inFlow && commentBefore(text, start)) return false;
      } else {
        const headerStart = text.lastIndexOf('\n', e.valueStart - 2) + 1;
        const header = text.slice(headerStart, e.valueStart);
        // a block scalar at the top level, with an indentation indicator, or after a column-0 comment
        const indicator = header.search(/[|>]/);
        if (top === 0 || indicator < 0 || EXPLICIT_INDENT.test(header) || commentBefore(text, headerStart + indicator)) return false;
      }
      if (isKey && !inFlow && !KEY_LINE_PREFIX.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start))) return false;
      if (inFlow) {
        if (e.valueEnd > e.valueStart || quoted) cursor = Math.max(cursor, quoted ? e.valueEnd + 1 : e.valueEnd);
        if (text.lastIndexOf('\n', Math.max(cursor, e.valueEnd) - 1) >= flowStart) return false;
      }
    } else {
      // A collection as a key becomes a stringified key in `yaml` and an error in js-yaml.
      if (isKey) return false;
      const isFlow = e.style === J.COLLECTION_STYLE.FLOW;
      if (isFlow) {
        if (!inFlow && (state === Open.MAPPING_VALUE || state === Open.SEQUENCE) && commentBefore(text, e.start)) return false;
        if (!inFlow) flowStart = e.start;
        cursor = e.start + 1;
      }
      open.push(e.type === E.MAPPING ? Open.MAPPING_KEY : Open.SEQUENCE);
      flow.push(isFlow);
    }
  }
  return documents === 1;
}

/** Whether the blank and comment lines right before the line at `at` hold a comment in column 0. */
function commentBefore(text: string, at: number): boolean {
  let lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (text.slice(lineStart, at).trim() !== '') return false; // not on its own line
  while (lineStart > 0) {
    const previous = lineStart >= 2 ? text.lastIndexOf('\n', lineStart - 2) + 1 : 0;
    const line = text.slice(previous, lineStart - 1).replace(/\r$/, '');
    if (!GAP_LINE.test(line)) return false;
    if (line.startsWith('#')) return true;
    lineStart = previous;
  }
  return false;
}
