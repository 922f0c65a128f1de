/**
 * The synth app's output as a user gets and applies it (README "Deploying"): `npm run synth`, then
 * `kubectl apply -f dist/`, wait until the CRDs of stage 1 are Established, `kubectl apply -f dist/stage2/`.
 * Shared by dist-apply.test.ts (a kube-apiserver) and cluster/simulated-cluster.test.ts (a simulated cluster).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/main';
import { ApiServer, KubectlResult, errorLines, waitForCrdsEstablished } from './harness';

export interface SynthDir {
  /** The temp dir holding dist/, the kind config and the values file; remove it when done. */
  readonly dir: string;
  /** `<dir>/dist` */
  readonly dist: string;
  /** `<dir>/kind-config.yaml` as synth wrote it. */
  readonly kindConfig: string;
}

/**
 * Runs the synth app into a temp dir, with `values` as its values file (none when empty); fails the test on
 * any error line, except exactly one `warning:` line matching `warns` when given.
 */
export function synthIntoTempDir(values: string, warns?: RegExp): SynthDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'multicni-dist-'));
  const args = ['--outdir', path.join(dir, 'dist'), '--kind-config', path.join(dir, 'kind-config.yaml')];
  if (values) {
    fs.writeFileSync(path.join(dir, 'values.yaml'), values);
    args.push('--values', path.join(dir, 'values.yaml'));
  }
  const err: string[] = [];
  expect(main(args, () => undefined, (l) => err.push(l))).toBe(0);
  expect(err).toEqual(warns ? [expect.stringMatching(warns)] : []);
  return { dir, dist: path.join(dir, 'dist'), kindConfig: fs.readFileSync(path.join(dir, 'kind-config.yaml'), 'utf8') };
}

export interface AppliedStep extends KubectlResult {
  /** errorLines() of stdout and stderr: objects kubectl did not apply. */
  readonly errors: string[];
}

/** What each step gave; a step after a failed one is not run (undefined). */
export interface DistApply {
  /** `kubectl apply -f dist/` (not recursive: stage2/ is left for later). */
  readonly stage1: AppliedStep;
  /** `kubectl wait --for=condition=established` on every CRD. */
  readonly established?: KubectlResult;
  /** `kubectl apply -f dist/stage2/`. */
  readonly stage2?: AppliedStep;
}

/** The user's two applies, with the wait for the CRDs between them (no retry: a user does not retry either). */
export function applyDist(server: ApiServer, dist: string, establishTimeoutSeconds = 60): DistApply {
  const apply = (dir: string, timeoutMs: number): AppliedStep => {
    const r = server.kubectl(['apply', '-f', dir], { timeoutMs });
    return { ...r, errors: errorLines(r.stdout + '\n' + r.stderr) };
  };
  const stage1 = apply(dist, 300_000);
  if (stage1.status !== 0) return { stage1 };
  const established = waitForCrdsEstablished(server, establishTimeoutSeconds);
  if (established.status !== 0) return { stage1, established };
  return { stage1, established, stage2: apply(path.join(dist, 'stage2'), 120_000) };
}
