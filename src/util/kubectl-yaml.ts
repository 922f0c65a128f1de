import type { DocumentOptions, ScalarTag, SchemaOptions, ToStringOptions } from 'yaml';
import { yaml } from './yaml';

/*
 * YAML as kubectl reads it. kubectl (and kind, and Helm) read YAML with sigs.k8s.io/yaml, a fork of
 * go-yaml v2 whose plain scalars follow YAML 1.1 and Go's number syntax (goyaml.v2/resolve.go): `no`, `on`
 * and `y` are booleans, `0b1`, `0o7`, `0X1F`, `012`, `1_000` and `1e3` are numbers. A string written plain
 * in such a form reaches the API server as another type. cdk8s writes its YAML with `yaml`'s 1.1 rules for
 * this reason; 1.1 still leaves out Go's forms (`0o7`, `0B1`, `0X1F`, `1e3_`) and the merge key `<<`, so
 * they are given to `yaml` as its `compat` schema: a plain string that either schema would read as
 * another type is quoted. test/app/kubectl-read.test.ts holds the output to kubectl's own reader.
 */

/** A plain scalar in the forms go-yaml v2 resolves to `type` (only the test matters: it is never parsed with). */
function goTag(tag: string, test: RegExp): ScalarTag {
  return { tag: `tag:yaml.org,2002:${tag}`, default: true, test, resolve: (source: string) => source };
}

/**
 * go-yaml v2's numbers: a plain scalar starting with a digit or a sign has every `_` dropped, then is an
 * int if strconv.ParseInt/ParseUint (base 0: 0x, 0o, 0b in either case, a leading 0 for octal) reads it, or
 * a float in `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`; one starting with `.` is a float if
 * strconv.ParseFloat reads it. The `_*` here stand for the dropped underscores.
 */
const GO_NUMBER = new RegExp([
  '^(?:[-+]_*)?(?:0_*[xX]_*(?:[0-9a-fA-F]_*)+|0_*[oO]_*(?:[0-7]_*)+|0_*[bB]_*(?:[01]_*)+'
    + '|[0-9][0-9_]*(?:\\.[0-9_]*)?(?:[eE]_*[-+]?_*[0-9][0-9_]*)?)$',
  '^[-+]_*\\._*(?:[0-9]_*)+(?:[eE]_*[-+]?_*[0-9][0-9_]*)?$',
  '^\\.[0-9]+(?:[eE][-+]?[0-9]+)?$',
].join('|'));

/** Plain scalars go-yaml v2 reads as something other than a string, by the type they become. */
export const KUBECTL_PLAIN_SCALARS: readonly ScalarTag[] = [
  goTag('bool', /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/),
  goTag('null', /^(?:~|null|Null|NULL)?$/),
  goTag('float', /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/),
  goTag('int', GO_NUMBER),
  goTag('merge', /^<<$/),
];

/** What kubectl reads a plain scalar `source` as, when not a string: `bool`, `null`, `float`, `int` or `merge` (key). */
export function kubectlPlainType(source: string): string | undefined {
  const tag = KUBECTL_PLAIN_SCALARS.find((t) => t.test!.test(source));
  return tag && tag.tag.slice(tag.tag.lastIndexOf(':') + 1);
}

/** `yaml`'s options for text kubectl reads as written: YAML 1.1 as cdk8s writes it, Go's forms quoted too, no line folding. */
export const KUBECTL_YAML_OPTIONS: DocumentOptions & SchemaOptions & ToStringOptions = {
  version: '1.1',
  compat: [...KUBECTL_PLAIN_SCALARS],
  // 1.1's schema holds the merge key, which writes the string `<<` plain, as a merge key; a string is what we mean.
  customTags: (tags) => tags.filter((t) => typeof t === 'string' ? t !== 'merge' : t.tag !== 'tag:yaml.org,2002:merge'),
  lineWidth: 0,
};

/** One YAML document of `value`, as kubectl reads it back, ending in a newline. */
export function kubectlYaml(value: unknown): string {
  return yaml.stringify(value, KUBECTL_YAML_OPTIONS);
}
