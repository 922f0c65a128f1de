import { spawnSync } from 'child_process';
import * as path from 'path';

// What the default synth loads, in a fresh process as `npm run synth` runs it. Not a timing test: it pins the
// load-time decisions bench/synth.js measures, so a stray import cannot undo them unnoticed:
// - cdk8s-plus-28: only lib/imports/k8s, not its index of L2 constructs (src/common/image-pull-policy.ts);
// - ip-num: not at all, as the default stack is canonical IPv4 (src/util/ip-num.ts);
// - yaml: one copy, cdk8s's when it is the same version (src/util/yaml.ts);
// - js-yaml: not at all, as there is no values file to read (src/util/yaml-read.ts);
// - typescript: not when every transpiled source is cached (bin/load.js).
const root = path.join(__dirname, '..', '..');
const script = `
  const { load } = require('./bin/load');
  load('src/app/synthesize').synthesize(load('src/app/values').valuesToProps({}));
  process.stdout.write(JSON.stringify(Object.keys(require.cache)));
`;

test('the default synth loads only the modules it needs', () => {
  spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }); // fills the transpile cache
  const r = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  const loaded: string[] = JSON.parse(r.stdout).map((file: string) => path.relative(root, file).split(path.sep).join('/'));
  const plus = loaded.filter((f) => f.startsWith('node_modules/cdk8s-plus-28/'));
  expect(plus).toEqual(['node_modules/cdk8s-plus-28/lib/imports/k8s.js']);
  expect(loaded.filter((f) => f.includes('node_modules/ip-num/'))).toEqual([]);
  expect(new Set(loaded.filter((f) => /node_modules\/(.*\/)?yaml\/dist\/index\.js$/.test(f)))).toEqual(new Set(['node_modules/cdk8s/node_modules/yaml/dist/index.js']));
  expect(loaded.filter((f) => f.includes('node_modules/js-yaml/'))).toEqual([]);
  expect(loaded.filter((f) => f.includes('node_modules/typescript/'))).toEqual([]);
  expect(loaded.filter((f) => f.startsWith('src/')).length).toBeGreaterThan(50); // it did run the sources
});
