import { yaml } from '../util/yaml';

// The YAML text of one manifest, byte for byte what `yaml`'s yaml.stringify(object, { lineWidth: 0 }) writes,
// in one pass over the object. yaml first builds a document tree of the object, which made writing dist/
// the largest single cost of a synth (~60 ms and most of its garbage collection, of a ~0.5 s run).
//
// Only the structure (block maps and sequences, `{}` and `[]`) and scalars whose form is certain (integers,
// booleans, null, and strings of the plain-safe shape below) are written here. Every other scalar (quoted,
// multi-line, number-like, odd keys) is written by yaml itself in the same context (map value, sequence item
// or key) and cached, so yaml's quoting rules are not restated. Anything yaml would write in a way this
// module does not model (aliases of a repeated object, explicit `? ` keys, values that are not JSON) makes
// the whole document go through yaml. test/app/yaml-text.test.ts holds the two equal on every synthesized
// object and on random JSON.

const OPTIONS = { lineWidth: 0 };
const INDENT = '  ';
const CACHE_LIMIT = 10_000;

/**
 * Starts with a letter, `_` or `/`, and holds only characters that never need quotes in block context;
 * `:` only inside. Core-schema keywords (true, null, ...) are excluded separately; numbers cannot match.
 */
const PLAIN_VALUE = /^[A-Za-z_/][A-Za-z0-9_./@=+-]*(?::[A-Za-z0-9_./@=+-]+)*$/;
/** Keys: the same without `:`, as yaml is stricter about implicit keys. */
const PLAIN_KEY = /^[A-Za-z_/][A-Za-z0-9_./@=+-]*$/;
/** Strings the YAML 1.2 core schema reads as booleans or null, which yaml therefore quotes. */
const KEYWORDS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);

/** Raised when a document holds something this module does not model; it then goes through yaml. */
class NotModelled extends Error {}

/** yaml's own text of scalars, by context: `k: <value>`, `- <item>` and `<key>: null` (at a line's start or not). */
const valueCache = new Map<unknown, string[]>();
const itemCache = new Map<unknown, string[]>();
const topKeyCache = new Map<string, string>();
const nestedKeyCache = new Map<string, string>();

/** The YAML document of `object` (a JSON-shaped value), ending in a newline. */
export function manifestYaml(object: unknown): string {
  if (!isPlainObject(object) || Object.keys(object).length === 0) return yaml.stringify(object, OPTIONS);
  try {
    const lines: string[] = [];
    writeMap(object, '', lines, new Set());
    return lines.join('\n') + '\n';
  } catch (e) {
    if (e instanceof NotModelled) return yaml.stringify(object, OPTIONS);
    throw e;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Each entry of a non-empty map, at `indent`; the first line may be prefixed by the caller (`- `). */
function writeMap(map: Record<string, unknown>, indent: string, lines: string[], seen: Set<object>, firstPrefix?: string): void {
  enter(map, seen);
  let first = true;
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value === undefined) continue; // yaml leaves undefined map values out
    const lead = first && firstPrefix !== undefined ? firstPrefix : indent;
    first = false;
    const keyText = plainKey(key, lead === '');
    if (isPlainObject(value)) {
      if (Object.keys(value).some((k) => value[k] !== undefined)) {
        lines.push(`${lead}${keyText}:`);
        writeMap(value, indent + INDENT, lines, seen);
      } else {
        enter(value, seen);
        lines.push(`${lead}${keyText}: {}`);
      }
    } else if (Array.isArray(value)) {
      if (value.length > 0) {
        lines.push(`${lead}${keyText}:`);
        writeSeq(value, indent + INDENT, lines, seen);
      } else {
        enter(value, seen);
        lines.push(`${lead}${keyText}: []`);
      }
    } else {
      const scalar = scalarLines(value, valueCache, (v) => ({ k: v }), 'k: ');
      lines.push(`${lead}${keyText}: ${scalar[0]}`);
      for (let i = 1; i < scalar.length; i++) lines.push(scalar[i] === '' ? '' : indent + scalar[i]);
    }
  }
  if (first) throw new NotModelled(); // only undefined values: yaml writes `{}`, this writer would have written nothing
}

/** Each item of a non-empty sequence, `- ` at `indent`; the first line may be prefixed by the caller. */
function writeSeq(seq: unknown[], indent: string, lines: string[], seen: Set<object>, firstPrefix?: string): void {
  enter(seq, seen);
  for (let i = 0; i < seq.length; i++) {
    const item = seq[i];
    const lead = `${i === 0 && firstPrefix !== undefined ? firstPrefix : indent}- `;
    if (isPlainObject(item)) {
      if (Object.keys(item).some((k) => item[k] !== undefined)) {
        writeMap(item, indent + INDENT, lines, seen, lead);
      } else {
        enter(item, seen);
        lines.push(`${lead}{}`);
      }
    } else if (Array.isArray(item)) {
      if (item.length > 0) {
        writeSeq(item, indent + INDENT, lines, seen, lead);
      } else {
        enter(item, seen);
        lines.push(`${lead}[]`);
      }
    } else {
      if (item === undefined) throw new NotModelled();
      const scalar = scalarLines(item, itemCache, (v) => [v], '- ');
      lines.push(`${lead}${scalar[0]}`);
      for (let j = 1; j < scalar.length; j++) lines.push(scalar[j] === '' ? '' : indent + scalar[j]);
    }
  }
}

/** yaml writes a repeated object as an anchor and aliases, which this writer does not. */
function enter(collection: object, seen: Set<object>): void {
  if (seen.has(collection)) throw new NotModelled();
  seen.add(collection);
}

/**
 * A key's text. yaml decides a key's form by its column too (`---` or `...` at the start of a line would
 * end the document), so top-level keys and nested ones are asked of yaml, and cached, apart.
 */
function plainKey(key: string, atLineStart: boolean): string {
  // (over 1,024 characters yaml writes an explicit `? ` key)
  if (key.length <= 1000 && PLAIN_KEY.test(key) && !KEYWORDS.has(key)) return key;
  const cache = atLineStart ? topKeyCache : nestedKeyCache;
  let text = cache.get(key);
  if (text === undefined) {
    const written = atLineStart ? yaml.stringify({ [key]: null }, OPTIONS) : yaml.stringify({ k: { [key]: null } }, OPTIONS);
    const prefix = atLineStart ? '' : `k:\n${INDENT}`;
    const suffix = ': null\n';
    if (!written.startsWith(prefix) || !written.endsWith(suffix)) throw new NotModelled();
    text = written.slice(prefix.length, -suffix.length);
    if (text.startsWith('? ') || text.includes('\n')) throw new NotModelled();
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, text);
  }
  return text;
}

/**
 * A scalar's text as lines: the first follows `key: ` or `- `, the others (a block scalar's body) are
 * relative to the line's indentation.
 */
function scalarLines(value: unknown, cache: Map<unknown, string[]>, wrap: (v: unknown) => unknown, prefix: string): string[] {
  if (typeof value === 'string') {
    if (PLAIN_VALUE.test(value) && !KEYWORDS.has(value)) return [value];
  } else if (typeof value === 'boolean' || value === null) {
    return [String(value)];
  } else if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && !Object.is(value, -0)) return [String(value)];
  } else {
    throw new NotModelled(); // bigint, symbol, function, Date and other objects: yaml's own business
  }
  let text = cache.get(value);
  if (text === undefined) {
    const written = yaml.stringify(wrap(value), OPTIONS);
    if (!written.startsWith(prefix) || !written.endsWith('\n')) throw new NotModelled();
    text = written.slice(prefix.length, -1).split('\n');
    // A block scalar's body is indented two spaces under its key or dash; lines of spaces only would need
    // yaml's own handling of indentation.
    for (let i = 1; i < text.length; i++) {
      if (text[i] !== '' && (!text[i].startsWith(INDENT) || text[i].trim() === '')) throw new NotModelled();
    }
    if (cache.size >= CACHE_LIMIT) cache.clear(); // a long-lived process (tests, an app) synthesizing many charts
    cache.set(value, text);
  }
  return text;
}
