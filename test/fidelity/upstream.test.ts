import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { locateUpstream } from './upstream';

describe('locateUpstream', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fidelity-'));
  const root = path.join(tmp, 'wt', 'project');
  fs.mkdirSync(root, { recursive: true });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('absent: a reason naming every place looked at; required only with MULTICNI_FIDELITY=required', () => {
    const none = locateUpstream({}, root);
    expect(none.dir).toBeUndefined();
    expect(none.reason).toContain(path.join(tmp, 'wt', 'shared', 'upstream'));
    expect(none.reason).toContain(path.join(tmp, 'shared', 'upstream'));
    expect(none.required).toBe(false);
    expect(locateUpstream({ MULTICNI_FIDELITY: 'required' }, root).required).toBe(true);
  });

  test('found beside the project, or beside a parent (a worktree), or where MULTICNI_UPSTREAM_DIR says', () => {
    const shared = path.join(tmp, 'shared', 'upstream');
    fs.mkdirSync(shared, { recursive: true });
    fs.writeFileSync(path.join(shared, 'README.md'), '#');
    expect(locateUpstream({}, root).dir).toBe(shared);
    const near = path.join(tmp, 'wt', 'shared', 'upstream');
    fs.mkdirSync(near, { recursive: true });
    fs.writeFileSync(path.join(near, 'README.md'), '#');
    expect(locateUpstream({}, root).dir).toBe(near);
    expect(locateUpstream({ MULTICNI_UPSTREAM_DIR: path.join(tmp, 'nowhere') }, root).dir).toBeUndefined();
    expect(locateUpstream({ MULTICNI_UPSTREAM_DIR: shared }, root).dir).toBe(shared);
  });
});
