import { CiliumVersion, HubbleTls } from '../../src/cilium';
import { CERTGEN_JOB_NAME, synthCilium } from './helpers';

/** The one-off certgen Job of a synth. */
function certgenJob(props: Parameters<typeof synthCilium>[0]) {
  const jobs = synthCilium(props).filter((o) => o.kind === 'Job');
  expect(jobs).toHaveLength(1);
  return jobs[0];
}

describe('certgen Job name (a Job spec is immutable: the name follows the spec)', () => {
  test.each(CiliumVersion.all().map((v) => [v.version, v] as const))('%s: hubble-generate-certs-<10 hex>', (_n, version) => {
    expect(certgenJob({ version }).metadata.name).toMatch(CERTGEN_JOB_NAME);
  });

  test('the same settings give the same name (deterministic)', () => {
    expect(certgenJob({ version: CiliumVersion.V1_20_0 }).metadata.name).toBe(certgenJob({ version: CiliumVersion.V1_20_0 }).metadata.name);
  });

  test('every version has its own name: an upgrade creates a new Job instead of patching the old one', () => {
    const names = CiliumVersion.all().map((version) => certgenJob({ version }).metadata.name);
    expect(new Set(names).size).toBe(names.length);
  });

  test('a setting that changes the spec changes the name; one that does not keeps it', () => {
    const base = certgenJob({ version: CiliumVersion.V1_19_6 });
    const relay = certgenJob({ version: CiliumVersion.V1_19_6, hubble: { relay: true } });
    const validity = certgenJob({ version: CiliumVersion.V1_19_6, hubbleTls: HubbleTls.cronJob({ certValidityDays: 90 }) });
    const schedule = certgenJob({ version: CiliumVersion.V1_19_6, hubbleTls: HubbleTls.cronJob({ schedule: '0 3 * * 0' }) });
    expect(relay.spec).not.toEqual(base.spec);
    expect(relay.metadata.name).not.toBe(base.metadata.name);
    expect(validity.metadata.name).not.toBe(base.metadata.name);
    // The schedule is the CronJob's, not the Job's spec.
    expect(schedule.spec).toEqual(base.spec);
    expect(schedule.metadata.name).toBe(base.metadata.name);
  });

  test('the CronJob keeps its one name and runs the same spec', () => {
    const objects = synthCilium({ version: CiliumVersion.V1_20_0 });
    const cron = objects.find((o) => o.kind === 'CronJob');
    const job = objects.find((o) => o.kind === 'Job');
    expect(cron.metadata.name).toBe('hubble-generate-certs');
    expect(cron.spec.jobTemplate.spec).toEqual(job.spec);
  });

  test('up to 1.18 a finished Job goes after 30 minutes, as the chart; from 1.19 it stays (the CronJob keeps 3/1 runs)', () => {
    expect(certgenJob({ version: CiliumVersion.V1_18_12 }).spec.ttlSecondsAfterFinished).toBe(1800);
    expect(certgenJob({ version: CiliumVersion.V1_19_6 }).spec.ttlSecondsAfterFinished).toBeUndefined();
  });
});
