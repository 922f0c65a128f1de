import { fieldPath, showValue } from '../common/field-error';
import { setOwn } from '../util/own-property';
import validate from './generated/values-validator';

/** One error of the compiled validator (ajv's ErrorObject, with `verbose` data). */
interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Record<string, any>;
  readonly data: unknown;
  readonly parentSchema: Record<string, any>;
}

/**
 * Checks parsed values against values.schema.json (through the validator `npm run schema` compiled from
 * it) and returns them without null entries (`key: ~` means absent, as in helm). The first problem is
 * thrown as `key.path: …` with the value and what would be valid.
 */
export function checkValues(data: unknown): unknown {
  const values = withoutNulls(data);
  if (!validate(values)) throw new Error(describeError((validate as unknown as { errors: SchemaError[] }).errors[0], values));
  return values;
}

function withoutNulls(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(withoutNulls);
  if (typeof data !== 'object' || data === null) return data;
  // A loop, not entries/filter/fromEntries: a values file may hold 10,000 networks.
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(data)) {
    const value = (data as Record<string, unknown>)[key];
    if (value !== null) setOwn(copy, key, withoutNulls(value));
  }
  return copy;
}

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping', array: 'a list', string: 'a string', integer: 'an integer', boolean: 'true or false',
};

/** An ajv error in the project's grammar (src/common/field-error.ts). */
function describeError(error: SchemaError, values: unknown): string {
  const keys = error.instancePath.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  const path = keys.reduce((parent, key) => fieldPath(parent, /^\d+$/.test(key) ? Number(key) : key), '');
  const at = path || 'values';
  const schema = withoutNull(error.parentSchema);
  switch (error.keyword) {
    case 'additionalProperties': {
      const valid = Object.keys(schema.properties ?? {}).sort().join(', ');
      return `${fieldPath(path, error.params.additionalProperty)}: unknown key; valid keys here: ${valid}`;
    }
    case 'required': {
      const what = schema.properties?.[error.params.missingProperty]?.description;
      return `${fieldPath(path, error.params.missingProperty)}: required${what ? ` (${lowerFirst(firstSentence(what))})` : ''}`;
    }
    case 'enum':
      return `${at}: invalid value ${showValue(error.data)}: expected one of ${schema.enum.join(', ')}${numberHint(error.data, schema.enum)}`;
    case 'type': {
      // An item of a list of scalars is reported at the list: the whole value is what the user wrote wrong.
      const item = /\[\d+\]$/.exec(at);
      if (item && schema.type !== 'object' && schema.type !== 'array') {
        const list = keys.slice(0, -1).reduce((v: any, key) => v[key], values);
        return `${at.slice(0, item.index)}: invalid value ${showValue(list)}: expected ${typeWords({ type: 'array', items: schema })}`;
      }
      const expected = schema.enum ? `one of ${schema.enum.join(', ')}` : typeWords(schema);
      const hint = schema.type === 'string' || schema.enum?.every((v: unknown) => typeof v === 'string') ? numberHint(error.data, schema.enum ?? []) : '';
      return `${at}: invalid value ${showValue(error.data)}: expected ${expected}${hint}`;
    }
    default:
      return `${at}: invalid value ${showValue(error.data)}: ${error.keyword} ${JSON.stringify(error.params)}`;
  }
}

/**
 * A number where text is expected: YAML read an unquoted `1.20` as the float 1.2 (and `4.10` as 4.1), so the
 * version the user meant is lost; say to quote it, and name the valid values it can have meant.
 */
function numberHint(data: unknown, valid: unknown[]): string {
  if (typeof data !== 'number') return '';
  const meant = valid.filter((v): v is string => typeof v === 'string')
    .filter((v) => Number(v.replace(/^v/, '').split('.').slice(0, 2).join('.')) === data);
  return `; YAML read an unquoted number: quote it${meant.length > 0 ? `, e.g. ${meant.map((m) => JSON.stringify(m)).join(' or ')}` : ' ("…")'}`;
}

/**
 * The schema of a key without the null an optional key also takes: checkValues removed the null entries,
 * so the user's value was not null and "expected an integer" is what would be valid.
 */
function withoutNull(schema: Record<string, any>): Record<string, any> {
  if (!Array.isArray(schema.type)) return schema;
  const types = schema.type.filter((t: string) => t !== 'null');
  return {
    ...schema,
    type: types.length === 1 ? types[0] : types,
    ...(schema.enum ? { enum: schema.enum.filter((v: unknown) => v !== null) } : {}),
  };
}

function typeWords(schema: Record<string, any>): string {
  if (schema.type === 'array' && typeof schema.items?.type === 'string' && !schema.items.enum) {
    return `a list of ${schema.items.type === 'object' ? 'mappings' : `${schema.items.type}s`}`;
  }
  return TYPE_WORDS[schema.type] ?? String(schema.type);
}

function firstSentence(text: string): string {
  return text.split(/\.(\s|$)/)[0];
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
