import { spawnSync } from 'child_process';
import * as path from 'path';

// Runs the real binary, as a user would, to see exit codes and the absence of stack traces.
const bin = path.join(__dirname, '..', '..', 'bin', 'multicni');
const fixtures = path.join(__dirname, '..', 'check', 'fixtures');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('multicni check', () => {
  test('exit 0 on clean manifests', () => {
    const r = run('check', path.join(fixtures, 'clean'));
    expect(r.stdout).toMatch(/9 ranges checked, 0 problems/);
    expect(r.status).toBe(0);
  });

  test('exit 1 on overlaps, one line each', () => {
    const r = run('check', path.join(fixtures, 'overlap', 'cilium-config.yaml'), path.join(fixtures, 'overlap', 'ovn.yaml'));
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('overlap: '))).toHaveLength(2);
  });

  test('exit 2 with a message and no stack trace on unreadable input', () => {
    for (const args of [['check', path.join(fixtures, 'broken')], ['check', '/does/not/exist'], ['check'], ['frobnicate']]) {
      const r = run(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^multicni/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
