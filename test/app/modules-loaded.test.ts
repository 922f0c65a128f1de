import { spawnSync } from 'child_process';
import * as path from 'path';

// What the default synth loads, in a fresh process as `npm run synth` runs it. Not a timing test: it pins the
// load-time decisions bench/synth.js measures, so a stray import cannot undo them unnoticed:
// - ip-num: not at all, as the default stack is canonical IPv4 (src/util/ip-num.ts);
// - yaml: one copy, cdk8s's when it is the same version (src/util/yaml.ts).
const root = path.join(__dirname, '..', '..');
const script = `
  const { load } = require('./bin/load');
  load('src/app/synthesize').synthesize(load('src/app/values').valuesToProps({}));
  process.stdout.write(JSON.stringify(Object.keys(require.cache)));
`;

test('the default synth loads only the modules it needs', () => {
  const r = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  const loaded: string[] = JSON.parse(r.stdout).map((file: string) => path.relative(root, file).split(path.sep).join('/'));
  expect(loaded.filter((f) => f.includes('node_modules/ip-num/'))).toEqual([]);
  expect(new Set(loaded.filter((f) => /node_modules\/(.*\/)?yaml\/dist\/index\.js$/.test(f)))).toEqual(new Set(['node_modules/cdk8s/node_modules/yaml/dist/index.js']));
  expect(loaded.filter((f) => /^(src|lib\/src)\//.test(f)).length).toBeGreaterThan(50); // it did run this package
});
