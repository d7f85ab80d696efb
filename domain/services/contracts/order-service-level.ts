// What an order's page says of its contract: the contract it was handed under with both SLA clocks (moments
// in plant time), or, for an open order not handed to anyone, the contracts in force covering its asset.
import type { Db } from '../../../prisma/client.js';
import type { AppAbility } from '../../access/abilities.js';
import { todayIn } from '../../dates.js';
import { OPEN_WORK_ORDER_STATES } from '../../maintenance/work-order-lifecycle.js';
import { plantDate, plantDateTime } from '../../notifications/triggers/plant-text.js';
import { contractsCovering } from './contract-coverage.js';
import { serviceLevelOf, type Clock } from './service-level.js';

export interface ClockView { state: Clock['state']; due: string; stopped: string | null; elapsedHours: number; allowedHours: number }

export interface OrderServiceLevel {
  contract: { id: number; title: string } | null;
  handedOver: string | null;
  response: ClockView | null;
  resolution: ClockView | null;
  /** Contracts in force covering the asset, offered while the order is open and not handed over. */
  offers: { id: number; title: string; endsOn: string; responseHours: number; resolutionHours: number }[];
}

export async function orderServiceLevel(db: Db, ability: AppAbility, workOrderId: number, timeZone: string, now = new Date()): Promise<OrderServiceLevel | null> {
  const order = await db.workOrder.findUnique({
    where: { id: workOrderId },
    select: {
      assetId: true, state: true, contractAssignedAt: true, startedAt: true, completedAt: true,
      serviceContract: { select: { id: true, code: true, responseHours: true, resolutionHours: true, vendor: { select: { name: true } } } },
    },
  });
  if (!order) return null;
  const view = (clock: Clock): ClockView => ({
    state: clock.state, due: plantDateTime(clock.dueAt, timeZone), stopped: clock.stoppedAt && plantDateTime(clock.stoppedAt, timeZone),
    elapsedHours: clock.elapsedHours, allowedHours: clock.allowedHours,
  });
  const contract = order.serviceContract;
  const level = contract && serviceLevelOf(order, contract, now);
  const open = (OPEN_WORK_ORDER_STATES as readonly string[]).includes(order.state);
  const offers = !contract && open ? await contractsCovering(db, ability, order.assetId, todayIn(timeZone, now)) : [];
  return {
    contract: contract && { id: contract.id, title: `${contract.code} · ${contract.vendor.name}` },
    handedOver: level ? plantDateTime(level.handedOverAt, timeZone) : null,
    response: level ? view(level.response) : null,
    resolution: level ? view(level.resolution) : null,
    offers: offers.map((c) => ({ id: c.id, title: `${c.code} · ${c.vendor.name}`, endsOn: plantDate(c.endsOn), responseHours: c.responseHours, resolutionHours: c.resolutionHours })),
  };
}
