import * as fs from 'fs';
import * as path from 'path';
import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import { kubectlPlainType } from '../util/kubectl-yaml';
import { yaml } from '../util/yaml';
import type { CheckProblem } from './check-result';
import { decodeManifestBytes } from './text-decoding';

/** One Kubernetes object read from a file, with where it came from. */
export interface ManifestDocument {
  /** `file.yaml#3` — the file and the 1-based document index. */
  readonly source: string;
  /** The parsed object. */
  readonly object: any;
  /**
   * The file it was read from (`-` for standard input).
   * @default - unknown (objects not read from a file)
   */
  readonly file?: string;
  /**
   * 1-based line where the object starts.
   * @default - unknown
   */
  readonly line?: number;
}

/** Reading input failed: a path is missing, unreadable, or not YAML/JSON. */
export class ManifestReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestReadError';
  }
}

/** What reading a set of inputs gave: the objects, what was skipped, and what could not be read. */
export interface ManifestInputs {
  readonly documents: ManifestDocument[];
  /** Skipped inputs (documents that are not Kubernetes objects, files reached twice), one line each. */
  readonly notes: string[];
  /** Inputs that could not be read or parsed, one line each; any of them makes the check exit 2. */
  readonly errors: string[];
}

/** The name standard input goes by, as an argument and in messages. */
export const STDIN = '-';

/** Bounds the YAML parser's alias expansion ("billion laughs"): yaml's own default, stated. */
const MAX_ALIAS_COUNT = 100;

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

type Path = ReadonlyArray<string | number>;

/** Finds the line of a field (and of a value inside it) in the YAML source of one object. */
export interface Locator {
  /** Line of the deepest existing node on `path`; with `needles`, of the last one found in order in its source text. */
  line(path: Path, ...needles: string[]): number;
}

const locators = new WeakMap<object, Locator>();

/** The locator of an object read by this module, if any (internal: objects built in code have none). */
export function locatorOf(object: object): Locator | undefined {
  return locators.get(object);
}

const typeProblems = new WeakMap<object, CheckProblem[]>();

/**
 * The `yaml-type` problems of an object read by this module: a name, namespace or ConfigMap data key or
 * value written as a plain scalar that kubectl reads as a bool, number or null (src/util/kubectl-yaml.ts).
 * The API server then refuses the object (names and ConfigMap data are strings), or it means another text.
 */
export function yamlTypeProblemsOf(object: object): CheckProblem[] {
  return typeProblems.get(object) ?? [];
}

/**
 * Reads Kubernetes objects from files, directories (recursively: `*.yaml`, `*.yml`, `*.json`, sorted) and
 * standard input (`-`). Symbolic links are followed; a dangling link or a loop is an error, a file
 * reached twice is read once. Multi-document YAML and `kind: List` are expanded; empty documents are
 * skipped, and so, with a note, are documents that are not Kubernetes objects. Never throws.
 */
export function readManifestInputs(paths: string[], readStdin: () => Buffer = () => fs.readFileSync(0)): ManifestInputs {
  const out = { documents: [] as ManifestDocument[], notes: [] as string[], errors: [] as string[] };
  if (paths.length === 0) out.errors.push('no input: give one or more files or directories, or - for standard input');
  const seenFiles = new Set<string>();
  for (const p of paths) {
    if (p === STDIN) {
      if (seenFiles.has(STDIN)) continue;
      seenFiles.add(STDIN);
      let bytes: Buffer;
      try {
        bytes = readStdin();
      } catch (e) {
        out.errors.push(`cannot read standard input: ${(e as Error).message}`);
        continue;
      }
      parseInto(bytes, STDIN, out);
      continue;
    }
    for (const file of filesOf(p, out.errors, out.notes)) {
      const real = realpathOrSelf(file);
      if (seenFiles.has(real)) {
        out.notes.push(`skipped "${file}": the same file was already read`);
        continue;
      }
      seenFiles.add(real);
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (e) {
        out.errors.push(`cannot read "${file}": ${reason(e)}`);
        continue;
      }
      parseInto(bytes, file, out);
    }
  }
  return out;
}

/**
 * Reads files and directories and throws on the first unreadable input (the old contract of the library).
 * @throws ManifestReadError naming the path and the problem
 */
export function readManifests(paths: string[]): ManifestDocument[] {
  const inputs = readManifestInputs(paths);
  if (inputs.errors.length > 0) throw new ManifestReadError(inputs.errors.join('; '));
  return inputs.documents;
}

function parseInto(bytes: Buffer, file: string, out: { documents: ManifestDocument[]; notes: string[]; errors: string[] }): void {
  try {
    out.documents.push(...parseManifestText(decodeManifestBytes(bytes), file, out.notes));
  } catch (e) {
    out.errors.push(e instanceof ManifestReadError ? e.message : `cannot read "${file}": ${(e as Error).message}`);
  }
}

/** The files a path stands for; problems go to `errors`. */
function filesOf(p: string, errors: string[], notes: string[]): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch (e) {
    errors.push(`cannot read "${p}": ${linkReason(p, e)}`);
    return [];
  }
  // A pipe is fine (`<(kubectl get …)`, /dev/stdin); a device would never end (/dev/zero) or block.
  if (!stat.isDirectory() && !stat.isFile() && !stat.isFIFO()) {
    errors.push(`cannot read "${p}": not a regular file, directory or pipe`);
    return [];
  }
  if (!stat.isDirectory()) return [p];
  const files: string[] = [];
  walk(p, [realpathOrSelf(p)], files, errors, notes);
  if (files.length === 0) notes.push(`no *.yaml, *.yml or *.json file in "${p}"`);
  return files;
}

/** Depth-first, sorted; `ancestors` are the real paths of the directories above, to spot link loops. */
function walk(dir: string, ancestors: string[], files: string[], errors: string[], notes: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    errors.push(`cannot read directory "${dir}": ${reason(e)}`);
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const child = path.join(dir, entry.name);
    let stat: fs.Stats;
    try {
      stat = entry.isSymbolicLink() ? fs.statSync(child) : fs.lstatSync(child);
    } catch (e) {
      errors.push(`cannot read "${child}": ${linkReason(child, e)}`);
      continue;
    }
    if (stat.isDirectory()) {
      const real = realpathOrSelf(child);
      if (ancestors.includes(real)) {
        errors.push(`cannot read "${child}": symbolic link loop (it leads back to "${real}", a directory being read)`);
        continue;
      }
      walk(child, [...ancestors, real], files, errors, notes);
    } else if (MANIFEST_FILE.test(entry.name)) {
      if (stat.isFile()) files.push(child);
      else notes.push(`skipped "${child}": not a regular file`);
    }
  }
}

function realpathOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'symbolic link loop';
  return (e as Error).message;
}

/** A stat failure, told apart for links: a link to nothing is "dangling", not "missing". */
function linkReason(p: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'symbolic link loop';
  if (code === 'ENOENT') {
    try {
      if (fs.lstatSync(p).isSymbolicLink()) return `dangling symbolic link (to "${fs.readlinkSync(p)}", which does not exist)`;
    } catch {
      // not a link: plainly missing
    }
  }
  return reason(e);
}

/**
 * Parses YAML or JSON text holding Kubernetes objects. Documents that are not Kubernetes objects (no
 * `apiVersion`/`kind`: a list, a scalar, an Ansible play, a values file) are skipped with a line in `notes`.
 * @throws ManifestReadError when the text is not YAML, or expands too many aliases
 */
export function parseManifestText(text: string, name: string, notes: string[] = []): ManifestDocument[] {
  const lineCounter = new yaml.LineCounter();
  let docs: Document.Parsed[];
  try {
    // `merge`: YAML 1.1 merge keys (`<<: *base`), which Kubernetes' own YAML reader (go-yaml) applies.
    docs = yaml.parseAllDocuments(text, { lineCounter, prettyErrors: false, merge: true }) as Document.Parsed[];
  } catch (e) {
    throw new ManifestReadError(`cannot parse "${name}": ${(e as Error).message.split('\n')[0]}`);
  }
  if (!Array.isArray(docs)) docs = [docs]; // parseAllDocuments gives an EmptyStream for empty text
  const out: ManifestDocument[] = [];
  docs.forEach((doc, i) => {
    const where = `"${name}" document ${i + 1}`;
    if (doc.errors.length > 0) {
      const pos = doc.errors[0].linePos?.[0];
      throw new ManifestReadError(`cannot parse ${where}${pos ? ` (line ${pos.line})` : ''}: ${doc.errors[0].message.split('\n')[0]}`);
    }
    let object: any;
    try {
      object = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      // yaml throws a ReferenceError ("Excessive alias count …") for alias bombs
      throw new ManifestReadError(`cannot parse ${where}: ${(e as Error).message.split('\n')[0]}`);
    }
    if (object === null || object === undefined) return;
    const source = `${name}#${i + 1}`;
    const startLine = (node: unknown) => (yaml.isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : 1);
    const docLine = startLine(doc.contents);
    if (!isKubernetesObject(object)) {
      notes.push(`skipped ${name}:${docLine} (document ${i + 1}): not a Kubernetes object (${describeNonObject(object)})`);
      return;
    }
    const add = (obj: any, prefix: Path, sourceText: string) => {
      const locator = makeLocator(doc, lineCounter, text, prefix);
      locators.set(obj, locator);
      const problems = plainScalarsKubectlRetypes(doc, lineCounter, prefix, obj, name);
      if (problems.length > 0) typeProblems.set(obj, problems);
      out.push({ source: sourceText, object: obj, file: name, line: locator.line([]) });
    };
    if (object.kind.endsWith('List') && Array.isArray(object.items)) {
      object.items.forEach((item: unknown, j: number) => {
        if (isKubernetesObject(item)) add(item, ['items', j], `${source}.items[${j}]`);
        else notes.push(`skipped ${name}:${docLine} (document ${i + 1}, items[${j}]): not a Kubernetes object (${describeNonObject(item)})`);
      });
    } else {
      add(object, [], source);
    }
  });
  return out;
}

/** The yaml-type problems of the object at `prefix` of `doc`: its metadata.name and .namespace, a ConfigMap's data. */
function plainScalarsKubectlRetypes(doc: Document.Parsed, lc: LineCounter, prefix: Path, object: any, file: string): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const at = (...keys: Path) => doc.getIn([...prefix, ...keys], true);
  const text = (node: unknown, value: unknown) => (yaml.isScalar(node) && typeof node.source === 'string' ? node.source : String(value));
  const name = text(at('metadata', 'name'), object.metadata?.name);
  const what = `${object.kind} ${object.metadata?.namespace !== undefined ? `${text(at('metadata', 'namespace'), object.metadata.namespace)}/` : ''}${name}`;
  const report = (node: unknown, field: string, role: string) => {
    if (!yaml.isScalar(node) || node.type !== 'PLAIN' || typeof node.source !== 'string') return;
    const type = kubectlPlainType(node.source);
    if (type === undefined) return;
    problems.push({
      kind: 'yaml-type',
      message: `yaml type: ${what} ${field}: the ${role} ${node.source === '' ? '(empty)' : node.source} is written plain, which kubectl (YAML 1.1) reads as ${READ_AS[type]}, not a string; quote it`,
      file,
      line: node.range ? lc.linePos(node.range[0]).line : 0,
      ranges: [],
    });
  };
  report(at('metadata', 'name'), 'metadata.name', 'value');
  report(at('metadata', 'namespace'), 'metadata.namespace', 'value');
  const data = object.kind === 'ConfigMap' && String(object.apiVersion) === 'v1' ? at('data') : undefined;
  if (yaml.isMap(data)) {
    for (const pair of data.items) {
      const key = text(pair.key, yaml.isScalar(pair.key) ? pair.key.value : pair.key);
      report(pair.key, `data key ${key}`, 'key');
      report(pair.value, `data.${key}`, 'value');
    }
  }
  return problems;
}

/** kubectlPlainType's types, as the problem names them. */
const READ_AS: Record<string, string> = { bool: 'a boolean', int: 'a number', float: 'a number', null: 'null', merge: 'a merge key' };

function isKubernetesObject(o: unknown): o is { kind: string; apiVersion: string; items?: unknown } {
  return typeof o === 'object' && o !== null && !Array.isArray(o)
    && typeof (o as any).kind === 'string' && typeof (o as any).apiVersion === 'string';
}

function describeNonObject(o: unknown): string {
  if (Array.isArray(o)) return 'a list';
  if (typeof o !== 'object' || o === null) return `a ${typeof o}`;
  return 'no apiVersion and kind';
}

function makeLocator(doc: Document.Parsed, lc: LineCounter, text: string, prefix: Path): Locator {
  return {
    line(fieldPath: Path, ...needles: string[]): number {
      let node: unknown = doc.contents;
      let offset = yaml.isNode(node) && node.range ? node.range[0] : 0;
      for (const key of [...prefix, ...fieldPath]) {
        if (!yaml.isCollection(node)) break;
        const next = (node as any).get(key, true) as YamlNode | undefined;
        if (!yaml.isNode(next) || !next.range) break;
        node = next;
        offset = next.range[0];
      }
      if (needles.length > 0 && yaml.isNode(node) && node.range) {
        const source = text.slice(node.range[0], node.range[1]);
        let at = 0;
        let found = -1;
        for (const needle of needles) {
          const i = source.indexOf(needle, at);
          if (i < 0) break;
          found = i;
          at = i + needle.length;
        }
        if (found >= 0) offset = node.range[0] + found;
      }
      return lc.linePos(offset).line;
    },
  };
}
