import type * as JsYaml from 'js-yaml';
import { yaml } from './yaml';

/*
 * Reading a YAML document fast, with `yaml` as the authority. `yaml`'s parser takes ~0.5 s for a 650 KB
 * values file (10,000 networks); js-yaml reads it in ~0.15 s. Two parsers may read one text differently,
 * so js-yaml is used only inside an envelope where both implement the same YAML 1.2 core schema rules:
 * one document without directives, tags, anchors, aliases, tabs, quoted text over several lines or block scalar indentation indicators; plain scalars that are integers of at
 * most 15 digits, core-schema booleans and nulls, or text no number rule of either parser can match; no
 * key that reads as null. Anything else, and every text js-yaml refuses, goes to `yaml`, so errors and
 * warnings are `yaml`'s, word for word. test/util/yaml-read.test.ts holds the two equal on tables of
 * tricky texts and thousands of random documents.
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
  // js-yaml accepts tabs where `yaml` refuses them (e.g. as indentation).
  if (text.includes('\t')) return OUTSIDE;
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

function isQuoted(J: typeof JsYaml, e: JsYaml.ScalarEvent): boolean {
  return e.style === J.SCALAR_STYLE.DOUBLE_QUOTED || e.style === J.SCALAR_STYLE.SINGLE_QUOTED;
}

// What the next node of an open collection is.
const IN_SEQUENCE = 0;
const MAPPING_KEY = 1;
const MAPPING_VALUE = 2;

function withinEnvelope(J: typeof JsYaml, text: string, events: JsYaml.Event[]): boolean {
  const E = J.EVENT_ID;
  const first = events[0];
  if (first === undefined || first.type !== E.DOCUMENT || first.directives.length > 0) return false;
  const open: number[] = [];
  let documents = 0;
  for (const e of events) {
    if (e.type === E.DOCUMENT) {
      if (++documents > 1) return false;
      open.push(IN_SEQUENCE);
      continue;
    }
    if (e.type === E.POP) {
      open.pop();
      continue;
    }
    if (e.type === E.ALIAS || e.anchorStart !== -1 || e.tagStart !== -1) return false;
    const top = open.length - 1;
    const isKey = open[top] === MAPPING_KEY;
    if (open[top] !== IN_SEQUENCE) open[top] = isKey ? MAPPING_VALUE : MAPPING_KEY;
    if (e.type === E.SCALAR) {
      if (e.style !== J.SCALAR_STYLE.PLAIN) {
        // The two fold line breaks inside quotes differently (an escaped break before an empty line).
        if (isQuoted(J, e) && !e.fast && LINE_BREAK.test(text.slice(e.valueStart, e.valueEnd))) return false;
        // ... and a block scalar's explicit indentation (`|1-`) at the top level.
        if (!isQuoted(J, e) && EXPLICIT_INDENT.test(text.slice(text.lastIndexOf('\n', e.valueStart - 2) + 1, e.valueStart))) return false;
        continue;
      }
      const value = e.fast ? text.slice(e.valueStart, e.valueEnd) : J.getScalarValue(text, e);
      if (isKey && NULL_KEY.test(value)) return false;
      if (!SAFE_INTEGER.test(value) && !CORE_KEYWORD.test(value) && NUMBER_LIKE.test(value)) return false;
    } else {
      // A collection as a key becomes a stringified key in `yaml` and an error in js-yaml.
      if (isKey) return false;
      open.push(e.type === E.MAPPING ? MAPPING_KEY : IN_SEQUENCE);
    }
  }
  return documents === 1;
}
