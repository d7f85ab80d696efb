// Refusals of the safety module a person reads (messages safetyRefused_<reason> in admin/locales/safety.*.ts).
// Nothing is written when one is thrown.
import { Refusal, type MessageParams } from '../refusal.js';

export type SafetyRefusal =
  | 'wrongState'
  | 'checksMissing'
  | 'crewMissing'
  | 'validityOver'
  | 'notYetValid'
  | 'noIsolations'
  | 'isolationsNotVerified'
  | 'isolationsApplied'
  | 'gasTestMissing'
  | 'gasTestOutOfLimits'
  | 'alreadyLocked'
  | 'notLocked'
  | 'alreadyVerified'
  | 'alreadyRemoved'
  | 'lockNumberMissing'
  | 'notYourLock'
  | 'permitNotOpen'
  | 'wrongPassword'
  | 'tooManyRequests'
  | 'signingUnavailable'
  | 'permitRequired';

/** `field` puts the reason beside that form field (state by default: the permit's workflow). */
export const safetyRefused = (reason: SafetyRefusal, params: MessageParams = {}, field = 'state') =>
  new Refusal(`safetyRefused_${reason}`, params, { field, kind: reason === 'tooManyRequests' ? 'tooMany' : 'invalid' });
