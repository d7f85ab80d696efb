// The states of a work permit and which of them mean what. DRAFT → REQUESTED → APPROVED → ACTIVE ⇄
// SUSPENDED → CLOSED, or CANCELLED. The lists the work-order hooks and the expiry job need live here.
export type PermitState = 'DRAFT' | 'REQUESTED' | 'APPROVED' | 'ACTIVE' | 'SUSPENDED' | 'CLOSED' | 'CANCELLED';

/** States in which locks are put on, tested and taken off (from approval until the permit ends). */
export const ISOLATING_PERMIT_STATES = ['APPROVED', 'ACTIVE', 'SUSPENDED'] as const satisfies readonly PermitState[];

/** A permit that is over: nothing of it changes any more (the database refuses it too). */
export const FINAL_PERMIT_STATES = ['CLOSED', 'CANCELLED'] as const satisfies readonly PermitState[];

/** The required checks of a kind (or the confirmed precautions of a permit): one a line, blank lines ignored. */
export function linesOf(text: string | null | undefined): string[] {
  return (text ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
}
