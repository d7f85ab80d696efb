// Corrective work: a reviewed work request becomes a CORRECTIVE work order that keeps its asset,
// description, priority and attachments, planned for today in the plant's time zone. A request converts once.
import type { Prisma } from '@prisma/client';
import { AccessDeniedError, accessibleWhere, type AppAbility } from '../access/abilities.js';
import type { Db } from '../../prisma/client.js';

const CONVERTIBLE = ['OPEN', 'IN_REVIEW'];

export class WorkRequestNotConvertibleError extends Error {
  constructor(readonly state: string) {
    super(`A work request in state ${state} cannot be converted into a work order`);
    this.name = 'WorkRequestNotConvertibleError';
  }
}

/** The calendar date it is now in a time zone, as a UTC midnight Date (how @db.Date columns are written). */
export function todayIn(timeZone: string, now = new Date()): Date {
  return new Date(`${new Intl.DateTimeFormat('en-CA', { timeZone }).format(now)}T00:00:00Z`);
}

export async function convertWorkRequest(db: Db, ability: AppAbility, workRequestId: number, timeZone: string) {
  const allowed = accessibleWhere(ability, 'convert', 'WorkRequest');
  if (!allowed || !ability.can('create', 'WorkOrder')) throw new AccessDeniedError('convert', 'WorkRequest');
  return db.transactionAs(async (tx) => {
    // FOR UPDATE: two conversions of the same request at once queue here; the second sees it converted.
    const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM work_requests WHERE id = ${workRequestId} FOR UPDATE`;
    const request = locked.length
      ? await tx.workRequest.findFirst({ where: { AND: [{ id: workRequestId }, allowed as Prisma.WorkRequestWhereInput] } })
      : null;
    if (!request) throw new AccessDeniedError('convert', 'WorkRequest');
    if (!CONVERTIBLE.includes(request.state)) throw new WorkRequestNotConvertibleError(request.state);
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
