import { invalidValue } from '../common/field-error';
import { HubbleTls } from './hubble-tls';

/** Hubble's TLS and the certgen that provides it. */
export interface HubbleSettings {
  readonly hubbleTls: boolean;
  readonly certgenSchedule: string;
  readonly certValidityDays: number;
}

/** Five space-separated cron fields. */
const CRON = /^\S+( \S+){4}$/;

export function resolveHubble(given: HubbleTls | undefined): HubbleSettings {
  const tls = given ?? HubbleTls.CRON_JOB;
  if (!(tls instanceof HubbleTls)) {
    throw invalidValue('hubbleTls', tls, 'a HubbleTls: HubbleTls.CRON_JOB, HubbleTls.cronJob({ … }) or HubbleTls.DISABLED ("cronJob" or "disabled" in a values file)');
  }
  const certgenSchedule = tls.certGen?.schedule ?? '0 0 1 */4 *';
  if (typeof certgenSchedule !== 'string' || !CRON.test(certgenSchedule)) {
    throw invalidValue('hubbleTls.schedule', certgenSchedule, 'a cron expression of five space-separated fields such as "0 0 1 */4 *"');
  }
  const certValidityDays = tls.certGen?.certValidityDays ?? 365;
  if (!Number.isInteger(certValidityDays) || certValidityDays < 1) {
    throw invalidValue('hubbleTls.certValidityDays', certValidityDays, 'a whole number of days, at least 1');
  }
  return { hubbleTls: tls.enabled, certgenSchedule, certValidityDays };
}
