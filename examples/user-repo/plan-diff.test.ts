// The plan-diff gate of ci/plan-diff.yml, run as the workflow runs it: the base branch's dist/ committed in a
// git repository, the pull request's dist/ in the working tree, ci/plan-diff-gate.sh between them.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { MultiCniChart, StagedOutput } from 'cdk8s-multicni';
import { parse } from 'yaml';
import { props } from './main';

const checkout = path.join(__dirname, '..', '..');
const gate = path.join(__dirname, 'ci', 'plan-diff-gate.sh');

function writeDist(dir: string, change: (p: typeof props) => typeof props = (p) => p): void {
  const app = new App();
  new MultiCniChart(app, 'cluster', change(props));
  fs.rmSync(dir, { recursive: true, force: true });
  for (const f of StagedOutput.render(app)) {
    fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, f.path), f.content);
  }
}

describe('the pull-request plan-diff gate', () => {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'multicni-user-repo-'));
  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: repo, stdio: 'pipe' });
  beforeAll(() => {
    git('init', '-q', '-b', 'main');
    writeDist(path.join(repo, 'dist'));
    git('add', '-A');
    git('commit', '-qm', 'dist as main has it');
  });

  const runGate = (allow: boolean) => spawnSync('bash', [gate, 'git:main:dist', 'dist'], {
    cwd: repo, encoding: 'utf8',
    env: { ...process.env, MULTICNI: `${process.execPath} ${path.join(checkout, 'bin', 'multicni')}`, ALLOW_NOT_IN_PLACE: String(allow), PLAN_DIFF_MD: 'plan-diff.md' },
  });

  test('a new network passes, with its notice and the Markdown for the comment', () => {
    writeDist(path.join(repo, 'dist'), (p) => ({ ...p, networks: [...p.networks!, { name: 'backup', subnets: ['10.61.0.0/16/24'] }] }));
    const r = runGate(false);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^::notice title=safe%3A network default\/backup::/m);
    expect(r.stdout).toMatch(/plan-diff-gate: verdict: safe$/m);
    expect(fs.readFileSync(path.join(repo, 'plan-diff.md'), 'utf8')).toMatch(/\*\*Safe to apply\*\*[^]*\| network default\/backup \|/);
  });

  test('a new pod range fails, unless the label allows it', () => {
    writeDist(path.join(repo, 'dist'), (p) => ({ ...p, addressing: { ...p.addressing, primaryPodCidrs: ['10.44.0.0/16'] } }));
    const refused = runGate(false);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(/^::error title=not in place%3A primary pod range::10\.42\.0\.0\/16 → 10\.44\.0\.0\/16/m);
    expect(refused.stderr).toMatch(/add the label allow-not-in-place/);
    expect(fs.readFileSync(path.join(repo, 'plan-diff.md'), 'utf8')).toMatch(/### Not in place[^]*\| primary pod range \| `10\.42\.0\.0\/16` \| `10\.44\.0\.0\/16` \|/);
    expect(runGate(true).status).toBe(0);
  });

  test('an unreadable base fails with the reason', () => {
    const r = spawnSync('bash', [gate, 'git:no-such-branch:dist', 'dist'], { cwd: repo, encoding: 'utf8', env: { ...process.env, MULTICNI: `${process.execPath} ${path.join(checkout, 'bin', 'multicni')}` } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/could not read its input/);
  });

  test('the workflow runs the gate on the base branch, with the label, and comments the Markdown', () => {
    const workflow = parse(fs.readFileSync(path.join(__dirname, 'ci', 'plan-diff.yml'), 'utf8'));
    const steps: any[] = workflow.jobs['plan-diff'].steps;
    const gateStep = steps.find((s) => String(s.run).includes('ci/plan-diff-gate.sh'));
    expect(gateStep.run).toBe('ci/plan-diff-gate.sh "git:origin/${{ github.base_ref }}:dist" dist');
    expect(gateStep.env.ALLOW_NOT_IN_PLACE).toBe("${{ contains(github.event.pull_request.labels.*.name, 'allow-not-in-place') }}");
    expect(steps.find((s) => s.with?.['fetch-depth'] === 0)).toBeDefined();
    expect(steps.some((s) => String(s.run).includes('gh pr comment') && s.if === 'always()')).toBe(true);
    expect(workflow.on.pull_request.types).toEqual(expect.arrayContaining(['labeled', 'unlabeled']));
  });
});
