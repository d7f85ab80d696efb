// Corrective work: a reviewed work request becomes a CORRECTIVE work order that keeps its asset,
// description, priority and attachments, planned for today in the plant's time zone. A request converts once.
import type { Prisma } from '@prisma/client';
import { AccessDeniedError, type AppAbility } from '../access/abilities.js';
import { changeAllowedRow } from '../access/allowed-row.js';
import { todayIn } from '../dates.js';
import { Refusal } from '../refusal.js';
import type { Db } from '../../prisma/client.js';

/** Requests still waiting for someone: the dashboard's "open requests", the ones that convert. */
export const OPEN_WORK_REQUEST_STATES = ['OPEN', 'IN_REVIEW'] as const;

export const canConvert = (state: string): boolean => (OPEN_WORK_REQUEST_STATES as readonly string[]).includes(state);

export async function convertWorkRequest(db: Db, ability: AppAbility, workRequestId: number, timeZone: string) {
  if (!ability.can('create', 'WorkOrder')) throw new AccessDeniedError('convert', 'WorkRequest');
  const read = (tx: Prisma.TransactionClient, where: Prisma.WorkRequestWhereInput) => tx.workRequest.findFirst({ where });
  // Locked: two conversions of the same request at once queue; the second sees it converted.
  return changeAllowedRow(db, ability, { model: 'WorkRequest', id: workRequestId, rule: 'convert', read }, async (tx, request) => {
    if (!canConvert(request.state)) throw new Refusal('workRequestNotConvertible', { state: request.state }, { field: 'state' });
    const order = await tx.workOrder.create({
      data: {
        kind: 'CORRECTIVE',
        workRequestId: request.id,
        assetId: request.assetId,
        description: request.description.slice(0, 500),
        priority: request.priority,
        plannedOn: todayIn(timeZone),
      },
    });
    await tx.workRequest.update({ where: { id: request.id }, data: { state: 'CONVERTED' } });
    // Its attachments go with it: linked to the order as well, they stay readable from the request.
    await tx.document.updateMany({ where: { workRequestId: request.id, workOrderId: null }, data: { workOrderId: order.id } });
    return order;
  });
}
