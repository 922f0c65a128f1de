import * as path from 'path';
import { boundaryViolations, fileCycles, folderCycles, importEdges, readSources } from './imports';

const SRC = path.join(__dirname, '..', '..', 'src');

describe('the module boundaries of src/', () => {
  const sources = readSources(SRC);
  const edges = importEdges(sources);

  test('the parser finds the imports (a sanity floor, so an empty parse cannot pass)', () => {
    expect(sources.size).toBeGreaterThan(80);
    expect(edges).toContainEqual({ from: 'app/synthesize.ts', specifier: '../chart', to: 'chart/index.ts', typeOnly: false });
    expect(edges.length).toBeGreaterThan(300);
  });

  test('no folder imports another folder\'s internal module (only its index.ts, src/common/ or src/util/)', () => {
    expect(boundaryViolations(edges)).toEqual([]);
  });

  test('no import cycle between files', () => {
    expect(fileCycles(edges)).toEqual([]);
  });

  test('no import cycle between folders', () => {
    expect(folderCycles(edges)).toEqual([]);
  });
});

describe('the boundary checker, on synthetic sources', () => {
  const synthetic = new Map<string, string>([
    ['index.ts', "export * from './plan';\nexport * from './app/values';\n"],
    ['main.ts', "import { load } from './app/values';\n"],
    ['plan/index.ts', "export * from './report';\n"],
    ['plan/report.ts', "import { IpFamily } from '../addressing';\nexport const report = 1;\n"],
    ['addressing/index.ts', "export { IpFamily } from './ip-family';\n"],
    ['addressing/ip-family.ts', 'export enum IpFamily { V4 }\n'],
    ['common/facts.ts', "export const PORT = 6081;\n"],
    ['util/names.ts', "export const x = 1;\n"],
    ['app/values.ts', [
      "import { App } from 'cdk8s';",
      "import { report } from '../plan';",
      "import { PORT } from '../common/facts';",
      "import { x } from '../util/names';",
      "import { other } from './other';",
      "import { report as internal } from '../plan/report';",
      "export type { IpFamily } from '../addressing/ip-family';",
      "const lazy = () => import('../plan/report');",
      "const old = require('../plan/report');",
      "type T = import('../addressing/ip-family').IpFamily;",
      "import { y } from '../../imports/k8s';",
    ].join('\n')],
    ['app/other.ts', 'export const other = 1;\n'],
  ]);
  const edges = importEdges(synthetic);

  test('names the file and the import of each reach into another folder, and nothing else', () => {
    const problems = boundaryViolations(edges);
    expect(problems.map((p) => p.split(' reaches')[0])).toEqual([
      "src/app/values.ts: import '../plan/report'",
      "src/app/values.ts: import '../addressing/ip-family'",
      "src/app/values.ts: import '../plan/report'",
      "src/app/values.ts: import '../plan/report'",
      "src/app/values.ts: import '../addressing/ip-family'",
    ]);
    expect(problems[0]).toBe("src/app/values.ts: import '../plan/report' reaches into src/plan/report.ts, an internal module of plan/; "
      + "import it from 'plan' (export it from src/plan/index.ts) or move the shared fact to src/common/");
  });

  test('a nested folder\'s index is internal to its folder', () => {
    const nested = new Map([['check/extract/index.ts', ''], ['cli/run.ts', "import '../check/extract';\n"]]);
    expect(boundaryViolations(importEdges(nested))).toEqual([expect.stringMatching(/^src\/cli\/run\.ts: import '\.\.\/check\/extract' reaches into src\/check\/extract\/index\.ts/)]);
  });

  test('marks erased imports as type-only', () => {
    const fromValues = edges.filter((e) => e.from === 'app/values.ts' && e.to !== undefined);
    expect(fromValues.filter((e) => e.typeOnly).map((e) => e.specifier)).toEqual(['../addressing/ip-family', '../addressing/ip-family']);
    expect(edges.find((e) => e.specifier === '../../imports/k8s')?.to).toBeUndefined();
  });

  test('finds a cycle between files (runtime imports only) and between folders (types included)', () => {
    const cyclic = new Map([
      ['a/index.ts', "import { b } from '../b';\nexport const a = 1;\n"],
      ['b/index.ts', "import { c } from './c';\nexport const b = c;\n"],
      ['b/c.ts', "import { a } from '../a';\nexport const c = a;\n"],
      ['d/index.ts', "import type { E } from '../e';\nexport interface D { readonly e?: E }\n"],
      ['e/index.ts', "import type { D } from '../d';\nexport interface E { readonly d?: D }\n"],
    ]);
    const cyclicEdges = importEdges(cyclic);
    expect(fileCycles(cyclicEdges)).toEqual(['a/index.ts -> b/index.ts -> b/c.ts -> a/index.ts']);
    expect(folderCycles(cyclicEdges)).toEqual(['a -> b -> a', 'd -> e -> d']);
  });
});
