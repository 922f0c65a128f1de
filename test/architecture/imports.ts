import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

// Module boundaries of src/: a component folder (src/<folder>/) is reached from another folder only through
// its index.ts; src/common/ and src/util/ hold the shared facts and helpers any folder may name file by file.
// The files at src/ itself (index.ts, main.ts) compose the folders and may name any module.

/** Folders whose every module is shared. */
export const SHARED_FOLDERS: readonly string[] = ['common', 'util'];

/** One relative import, `type` if it is erased at compile time. */
export interface ImportEdge {
  /** The importing file, relative to the source root (`app/synthesize.ts`). */
  readonly from: string;
  /** The specifier as written. */
  readonly specifier: string;
  /** The file it resolves to, relative to the source root; undefined when it leaves the source root. */
  readonly to?: string;
  /** Erased at compile time (`import type`, `export type`, `import('x').T`): no runtime edge. */
  readonly typeOnly: boolean;
}

/** Every .ts file under `root`, relative to it, mapped to its text. */
export function readSources(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) files.set(path.relative(root, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(root);
  return files;
}

/** The relative imports of every file (import/export … from, import x = require(), import(), require()). */
export function importEdges(sources: ReadonlyMap<string, string>): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const [file, text] of sources) {
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const add = (specifier: string, typeOnly: boolean): void => {
      if (!specifier.startsWith('.')) return; // packages (cdk8s, yaml, …)
      edges.push({ from: file, specifier, to: resolve(sources, file, specifier), typeOnly });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const clause = node.importClause;
        const allTypes = !!clause && (clause.isTypeOnly || (!clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings)
          && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
        add(node.moduleSpecifier.text, allTypes);
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        add(node.moduleSpecifier.text, node.isTypeOnly);
      } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)
        && ts.isStringLiteral(node.moduleReference.expression)) {
        add(node.moduleReference.expression.text, node.isTypeOnly);
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        add(node.argument.literal.text, true);
      } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0])
        && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
        add(node.arguments[0].text, false);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return edges;
}

/** `x` → `x.ts` or `x/index.ts` among the sources, as TypeScript resolves a relative specifier. */
function resolve(sources: ReadonlyMap<string, string>, from: string, specifier: string): string | undefined {
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  if (target.startsWith('..')) return undefined;
  for (const candidate of [target, `${target}.ts`, `${target}/index.ts`]) {
    if (sources.has(candidate)) return candidate;
  }
  return `${target}.ts`; // unresolved: still checked by its path (the type-check reports it missing)
}

/** The component folder of a file (`app/values.ts` → `app`); undefined for the files at the source root. */
export function folderOf(file: string): string | undefined {
  const parts = file.split('/');
  return parts.length > 1 ? parts[0] : undefined;
}

/** One line per import that reaches into another folder's internal module, naming the file and the import. */
export function boundaryViolations(edges: readonly ImportEdge[]): string[] {
  const problems: string[] = [];
  for (const edge of edges) {
    const fromFolder = folderOf(edge.from);
    if (edge.to === undefined || fromFolder === undefined) continue;
    const toFolder = folderOf(edge.to);
    if (toFolder === undefined || toFolder === fromFolder || SHARED_FOLDERS.includes(toFolder)) continue;
    if (edge.to === `${toFolder}/index.ts`) continue;
    problems.push(`src/${edge.from}: import '${edge.specifier}' reaches into src/${edge.to}, an internal module of ${toFolder}/; `
      + `import it from '${toFolder}' (export it from src/${toFolder}/index.ts) or move the shared fact to src/common/`);
  }
  return problems;
}

/** Each cycle of runtime imports between files (type-only imports are erased), as `a.ts -> b.ts -> a.ts`. */
export function fileCycles(edges: readonly ImportEdge[]): string[] {
  return cycles(edges.filter((e) => !e.typeOnly && e.to !== undefined).map((e) => [e.from, e.to!]));
}

/** Each cycle between component folders (any import, types included): the folders form layers. */
export function folderCycles(edges: readonly ImportEdge[]): string[] {
  const pairs: Array<[string, string]> = [];
  for (const e of edges) {
    const a = folderOf(e.from);
    const b = e.to === undefined ? undefined : folderOf(e.to);
    if (a !== undefined && b !== undefined && a !== b) pairs.push([a, b]);
  }
  return cycles(pairs);
}

/** The strongly connected components of more than one node (Tarjan), each shown as one closed path. */
function cycles(pairs: ReadonlyArray<readonly [string, string]>): string[] {
  const graph = new Map<string, Set<string>>();
  for (const [a, b] of pairs) {
    if (!graph.has(a)) graph.set(a, new Set());
    if (!graph.has(b)) graph.set(b, new Set());
    graph.get(a)!.add(b);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[] = [];
  const connect = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)!) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)!.has(node)) found.push(closedPath(graph, new Set(component), node));
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) connect(node);
  return found;
}

/** A path from `start` back to itself inside one strongly connected component (breadth-first, shortest). */
function closedPath(graph: ReadonlyMap<string, ReadonlySet<string>>, members: ReadonlySet<string>, start: string): string {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of [...graph.get(node)!].sort()) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path_ = [start];
        for (let at: string | undefined = node; at !== start && at !== undefined; at = previous.get(at)) path_.unshift(at);
        path_.unshift(start);
        return path_.join(' -> ');
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return start;
}
