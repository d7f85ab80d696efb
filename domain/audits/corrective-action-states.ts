// The states of a corrective action and its moves: OPEN → IN_PROGRESS → DONE → VERIFIED, a done action
// sent back (its effectiveness not shown) to IN_PROGRESS, and CANCELLED from any state before VERIFIED.
// The lists other operations need (what counts as settled for an audit's closing) live here.
export type CorrectiveActionState = 'OPEN' | 'IN_PROGRESS' | 'DONE' | 'VERIFIED' | 'CANCELLED';

export const CORRECTIVE_ACTION_MOVES = {
  start: { from: ['OPEN'], to: 'IN_PROGRESS' },
  complete: { from: ['OPEN', 'IN_PROGRESS'], to: 'DONE' },
  verify: { from: ['DONE'], to: 'VERIFIED' },
  reopen: { from: ['DONE'], to: 'IN_PROGRESS' },
  cancel: { from: ['OPEN', 'IN_PROGRESS', 'DONE'], to: 'CANCELLED' },
} as const satisfies Record<string, { from: readonly CorrectiveActionState[]; to: CorrectiveActionState }>;

export type CorrectiveActionMove = keyof typeof CORRECTIVE_ACTION_MOVES;

/** Still to be done by its owner: what the overdue notice is about. */
export const OPEN_ACTION_STATES = ['OPEN', 'IN_PROGRESS'] as const satisfies readonly CorrectiveActionState[];

/** Settled for an audit's closing: verified effective, or cancelled with a reason. */
export const SETTLED_ACTION_STATES = ['VERIFIED', 'CANCELLED'] as const satisfies readonly CorrectiveActionState[];

export function canMoveAction(state: string, move: CorrectiveActionMove): boolean {
  return (CORRECTIVE_ACTION_MOVES[move].from as readonly string[]).includes(state);
}
