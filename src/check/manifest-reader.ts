import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';

/** One Kubernetes object read from a file, with where it came from. */
export interface ManifestDocument {
  /** `file.yaml#3` — the file and the 1-based document index. */
  readonly source: string;
  /** The parsed object. */
  readonly object: any;
}

/** Reading input failed: a path is missing, unreadable, or not YAML/JSON. */
export class ManifestReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestReadError';
  }
}

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

/**
 * Reads Kubernetes objects from files and directories (recursively, `*.yaml`, `*.yml`, `*.json`, in
 * sorted order). Multi-document YAML and `kind: List` are expanded; empty documents are skipped.
 * @throws ManifestReadError naming the path and the problem
 */
export function readManifests(paths: string[]): ManifestDocument[] {
  if (paths.length === 0) throw new ManifestReadError('no input: give one or more files or directories');
  return paths.flatMap((p) => filesOf(p)).flatMap((file) => readFile(file));
}

function filesOf(p: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch (e) {
    throw new ManifestReadError(`cannot read "${p}": ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`);
  }
  if (!stat.isDirectory()) return [p];
  return fs.readdirSync(p).sort()
    .map((name) => path.join(p, name))
    .flatMap((child) => (fs.statSync(child).isDirectory() ? filesOf(child) : MANIFEST_FILE.test(child) ? [child] : []));
}

function readFile(file: string): ManifestDocument[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ManifestReadError(`cannot read "${file}": ${(e as Error).message}`);
  }
  return parseManifestText(text, file);
}

/** Parses YAML or JSON text holding one or more Kubernetes objects. */
export function parseManifestText(text: string, name: string): ManifestDocument[] {
  const docs = parseAllDocuments(text);
  const out: ManifestDocument[] = [];
  docs.forEach((doc, i) => {
    if (doc.errors.length > 0) {
      throw new ManifestReadError(`cannot parse "${name}" document ${i + 1}: ${doc.errors[0].message.split('\n')[0]}`);
    }
    const object = doc.toJS();
    if (object === null || object === undefined) return;
    if (typeof object !== 'object' || Array.isArray(object)) {
      throw new ManifestReadError(`cannot parse "${name}" document ${i + 1}: expected a Kubernetes object, got ${Array.isArray(object) ? 'a list' : typeof object}`);
    }
    const source = `${name}#${i + 1}`;
    if (typeof object.kind === 'string' && object.kind.endsWith('List') && Array.isArray(object.items)) {
      object.items.forEach((item: unknown, j: number) => out.push({ source: `${source}.items[${j}]`, object: item }));
    } else {
      out.push({ source, object });
    }
  });
  return out;
}
