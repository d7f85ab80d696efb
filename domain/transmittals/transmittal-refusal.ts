// Refusals of the transmittals module a person reads (messages transmittalRefused_<reason> in
// admin/locales/transmittals.*.ts). Nothing is written when one is thrown.
import { Refusal, type MessageParams, type RefusalKind } from '../refusal.js';

export type TransmittalRefusal =
  | 'wrongState'
  | 'noDocuments'
  | 'noRecipients'
  | 'mailOff'
  | 'storedFileChanged'
  | 'storedFileMissing'
  | 'recipientInactive'
  | 'linkAlreadyRevoked'
  | 'notSent';

const KINDS: Partial<Record<TransmittalRefusal, RefusalKind>> = { storedFileMissing: 'gone' };

/** `field` puts the reason beside that form field (state by default: the transmittal's workflow). */
export const transmittalRefused = (reason: TransmittalRefusal, params: MessageParams = {}, field = 'state') =>
  new Refusal(`transmittalRefused_${reason}`, params, { field, kind: KINDS[reason] ?? 'invalid' });
