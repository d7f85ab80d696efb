// Stops of an asset. "Registrar parada" on a work order or a work request opens one now, for the order's
// (or request's) asset, linked to it: unplanned with reason "failure" from a corrective order or a request,
// planned with reason "preventive" from a preventive order. The order's completion ends it (trigger
// work_orders_end_downtime, migration *_asset_health), whatever path completes it; "Registrar arranque"
// ends one by hand (a stop no order stands behind, or the asset running again before the order is done).
// An asset has one open stop at a time (a partial unique index): a second "Registrar parada" is told so.
import { Prisma } from '@prisma/client';
import { AccessDeniedError, type AppAbility } from '../access/abilities.js';
import { changeAllowedRow, type Tx } from '../access/allowed-row.js';
import { OPEN_WORK_ORDER_STATES } from '../maintenance/work-order-lifecycle.js';
import { canConvert } from '../maintenance/convert-work-request.js';
import { Refusal } from '../refusal.js';
import type { Db } from '../../prisma/client.js';

/** Orders a stop may be recorded from: those still to be done. */
export const canRecordDowntimeFromOrder = (state: string) => (OPEN_WORK_ORDER_STATES as readonly string[]).includes(state);
/** Requests a stop may be recorded from: those still waiting (a converted one has its order). */
export const canRecordDowntimeFromRequest = canConvert;

export async function recordDowntimeFromOrder(db: Db, ability: AppAbility, workOrderId: number, now = new Date()) {
  if (!ability.can('create', 'DowntimeEvent')) throw new AccessDeniedError('create', 'DowntimeEvent');
  const read = (tx: Tx, where: Prisma.WorkOrderWhereInput) => tx.workOrder.findFirst({ where });
  return changeAllowedRow(db, ability, { model: 'WorkOrder', id: workOrderId, rule: 'read', read }, async (tx, order) => {
    if (!canRecordDowntimeFromOrder(order.state)) throw new Refusal('downtimeOrderNotOpen', { state: order.state }, { field: 'state' });
    const preventive = order.kind === 'PREVENTIVE';
    return openStop(tx, { assetId: order.assetId, startedAt: now, planned: preventive, reason: preventive ? 'PREVENTIVE' : 'FAILURE', workOrderId: order.id });
  });
}

export async function recordDowntimeFromRequest(db: Db, ability: AppAbility, workRequestId: number, now = new Date()) {
  if (!ability.can('create', 'DowntimeEvent')) throw new AccessDeniedError('create', 'DowntimeEvent');
  const read = (tx: Tx, where: Prisma.WorkRequestWhereInput) => tx.workRequest.findFirst({ where });
  return changeAllowedRow(db, ability, { model: 'WorkRequest', id: workRequestId, rule: 'read', read }, async (tx, request) => {
    if (!canRecordDowntimeFromRequest(request.state)) throw new Refusal('downtimeRequestNotWaiting', { state: request.state }, { field: 'state' });
    return openStop(tx, { assetId: request.assetId, startedAt: now, planned: false, reason: 'FAILURE', workRequestId: request.id });
  });
}

/** "Registrar arranque": the asset runs again now. */
export async function endDowntime(db: Db, ability: AppAbility, downtimeEventId: number, now = new Date()) {
  const read = (tx: Tx, where: Prisma.DowntimeEventWhereInput) => tx.downtimeEvent.findFirst({ where });
  return changeAllowedRow(db, ability, { model: 'DowntimeEvent', id: downtimeEventId, rule: 'update', read }, async (tx, stop) => {
    if (stop.endedAt) throw new Refusal('downtimeAlreadyEnded', {}, { field: 'endedAt' });
    return tx.downtimeEvent.update({ where: { id: stop.id }, data: { endedAt: now < stop.startedAt ? stop.startedAt : now } });
  });
}

async function openStop(tx: Tx, data: Prisma.DowntimeEventUncheckedCreateInput) {
  // The asset's row is the lock: two stops recorded at once from two of its orders take turns.
  await tx.$queryRaw`SELECT id FROM assets WHERE id = ${data.assetId} FOR UPDATE`;
  const open = await tx.downtimeEvent.findFirst({ where: { assetId: data.assetId, endedAt: null } });
  if (open) throw new Refusal('downtimeAlreadyOpen', { id: open.id }, { field: 'state' });
  return tx.downtimeEvent.create({ data });
}
