// A transmittal's states and the moves between them. DRAFT → SENT (a link mailed to each recipient) →
// PARTIALLY_ACKNOWLEDGED (some acknowledged receipt) → ACKNOWLEDGED (all did); a draft or one still
// waiting for acknowledgements may be CANCELLED (its links stop working).
import { VOCABULARIES } from '../vocabularies.js';

export type TransmittalState = (typeof VOCABULARIES.Transmittal.state)[number];

/** Out and not cancelled: its links work and acknowledgements are awaited or received. */
export const OUT_STATES = ['SENT', 'PARTIALLY_ACKNOWLEDGED', 'ACKNOWLEDGED'] as const satisfies readonly TransmittalState[];
/** Out, with acknowledgements still missing: overdue ones are told to the sender. */
export const AWAITING_STATES = ['SENT', 'PARTIALLY_ACKNOWLEDGED'] as const satisfies readonly TransmittalState[];

export const canSend = (state: string) => state === 'DRAFT';
export const canCancel = (state: string) => state === 'DRAFT' || (AWAITING_STATES as readonly string[]).includes(state);

/** The state a transmittal out is in once `acknowledged` of its `recipients` acknowledged receipt. */
export function acknowledgedState(acknowledged: number, recipients: number): TransmittalState {
  if (acknowledged === 0) return 'SENT';
  return acknowledged >= recipients ? 'ACKNOWLEDGED' : 'PARTIALLY_ACKNOWLEDGED';
}
