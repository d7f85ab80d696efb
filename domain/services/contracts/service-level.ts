// A contractor's order against its contract's SLA. Both clocks start when the order is handed to the
// contractor (work_orders.contract_assigned_at, set by the database when the contract is set): response
// stops at the order's first start, resolution at its completion. Hours are elapsed hours (a contract's
// clock runs day and night, weekends too), so a deadline is the hand-over plus the hours as an instant; it
// is shown and grouped in plant time (the plant's clocks, across a change of daylight saving alike).
export type ClockState = 'RUNNING' | 'MET' | 'BREACHED';

export interface Clock {
  state: ClockState;
  /** The instant the clock runs out. */
  dueAt: Date;
  /** Where it stopped (first start, completion); null while it runs. */
  stoppedAt: Date | null;
  /** Hours from the hand-over to where it stopped, or to now while it runs (one decimal). */
  elapsedHours: number;
  /** The contract's hours for it. */
  allowedHours: number;
}

export interface ServiceLevel {
  handedOverAt: Date;
  response: Clock;
  resolution: Clock;
}

const HOUR_MS = 3_600_000;

function clock(handedOverAt: Date, stoppedAt: Date | null, allowedHours: number, now: Date): Clock {
  const dueAt = new Date(handedOverAt.getTime() + allowedHours * HOUR_MS);
  // Work started before the hand-over (a contractor already on site) answered at the hand-over.
  const stop = stoppedAt && stoppedAt < handedOverAt ? handedOverAt : stoppedAt;
  const end = stop ?? now;
  const elapsedHours = Math.max(0, Math.round(((end.getTime() - handedOverAt.getTime()) / HOUR_MS) * 10) / 10);
  const state: ClockState = stop ? (stop <= dueAt ? 'MET' : 'BREACHED') : now > dueAt ? 'BREACHED' : 'RUNNING';
  return { state, dueAt, stoppedAt: stop, elapsedHours, allowedHours };
}

/** The order's two clocks under its contract, at `now`; null when it was never handed to a contractor. */
export function serviceLevelOf(
  order: { contractAssignedAt: Date | null; startedAt: Date | null; completedAt: Date | null },
  contract: { responseHours: number; resolutionHours: number },
  now = new Date(),
): ServiceLevel | null {
  if (!order.contractAssignedAt) return null;
  return {
    handedOverAt: order.contractAssignedAt,
    response: clock(order.contractAssignedAt, order.startedAt, contract.responseHours, now),
    resolution: clock(order.contractAssignedAt, order.completedAt, contract.resolutionHours, now),
  };
}
