import * as fs from 'fs';
import * as path from 'path';
import { runMain as run, tmpDir } from '../support/run-app';

// Many mutually overlapping networks from a values file: one readable line, each grouped range blamed at its
// own key, and the output left alone. (bench/scale.js times the same at 10,000 networks.)
describe('a values file of mutually overlapping networks', () => {
  const n = 60;
  const dir = tmpDir('multicni-overlap-');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('fails with one line naming each range at its own key, and writes nothing', () => {
    const values = path.join(dir, 'values.yaml');
    fs.writeFileSync(values, `demo:\n  enabled: false\nnetworks:\n${Array.from({ length: n }, (_, i) => `  - { name: net-${i}, topology: layer2, subnets: [20.0.0.0/24] }\n`).join('')}`);
    const r = run(['--values', values, '--outdir', path.join(dir, 'dist'), '--kind-config', path.join(dir, 'kind.yaml')]);
    expect(r.code).toBe(1);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    const items = r.err.trimEnd().slice(`${values}: `.length).split('; ');
    // 49 ranges, then the totals; nothing was written
    items.slice(0, 49).forEach((item) => {
      const m = /^networks\[(\d+)\]\.subnets: overlap: secondary network "net-(\d+)" 20\.0\.0\.0\/24 .* overlaps 59 other ranges, first: /.exec(item);
      expect([item, m !== null && m[1] === m[2]]).toEqual([item, true]);
    });
    expect(items.slice(49).join('; ')).toMatch(/^overlap: 1,770 overlapping pairs among 60 ranges \(11 more ranges not shown\); .*nothing was written/);
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });
});
