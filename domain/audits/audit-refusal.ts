// Refusals of the audits module a person reads (messages auditsRefused_<reason> in admin/locales/audits.*.ts).
// Nothing is written when one is thrown.
import { Refusal, type MessageParams } from '../refusal.js';

export type AuditsRefusal =
  | 'actionWrongState'
  | 'noteMissing'
  | 'ownOwnAction'
  | 'descriptionMissing'
  | 'ownerMissing'
  | 'dueOnMissing'
  | 'dueOnPast'
  | 'orderNotFailed'
  | 'auditClosed'
  | 'auditWrongState'
  | 'actionsPending'
  | 'findingsWithoutAction';

/** `field` puts the reason beside that form field (state by default: the record's workflow). */
export const auditsRefused = (reason: AuditsRefusal, params: MessageParams = {}, field = 'state') =>
  new Refusal(`auditsRefused_${reason}`, params, { field });
